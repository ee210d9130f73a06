#include "search/recency.h"

#include "index/schema.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace byline::search {

long days_since_epoch(const std::string& d) {
    using namespace std::chrono;
    if (d.size() != 4 && d.size() != 6 && d.size() != 8) return -1;
    for (char c : d) {
        if (c < '0' || c > '9') return -1;
    }
    unsigned m = d.size() >= 6 ? static_cast<unsigned>(std::stoi(d.substr(4, 2))) : 1;
    unsigned dd = d.size() == 8 ? static_cast<unsigned>(std::stoi(d.substr(6, 2))) : 1;
    year_month_day ymd{year{std::stoi(d.substr(0, 4))}, month{m}, day{dd}};
    if (!ymd.ok()) return -1;
    return sys_days(ymd).time_since_epoch().count();
}

namespace {

// The stored forms of a day: the day, and its month and year when it is their first.
void map_day(Xapian::ValueMapPostingSource& source, long day, double weight) {
    using namespace std::chrono;
    const year_month_day ymd{sys_days{days{day}}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d%02u%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    source.add_mapping(text, weight);
    if (ymd.day() != std::chrono::day{1}) return;
    source.add_mapping(std::string(text, 6), weight);  // "YYYYMM": the month's first day
    if (ymd.month() == std::chrono::January) source.add_mapping(std::string(text, 4), weight);
}

}  // namespace

Xapian::Query recency_query(const Xapian::Database& db, double half_life_days) {
    auto* source = new Xapian::ValueMapPostingSource(schema::kSlotDate);
    source->set_default_weight(0);
    const long newest = days_since_epoch(db.get_value_upper_bound(schema::kSlotDate));
    const long oldest = days_since_epoch(db.get_value_lower_bound(schema::kSlotDate));
    if (newest >= 0) {
        const double reach = std::min(64 * half_life_days, static_cast<double>(kMaxBoostedDays));
        const long from =
            std::max(oldest < 0 ? newest : oldest, newest - static_cast<long>(std::ceil(reach)));
        for (long day = from; day <= newest; ++day) {
            const double age = static_cast<double>(newest - day);
            map_day(*source, day, std::exp2(-age / half_life_days));
        }
    }
    return Xapian::Query(source->release());
}

}  // namespace byline::search
