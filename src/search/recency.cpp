#include "search/recency.h"

#include "index/schema.h"

#include <chrono>
#include <cmath>

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

RecencySource::RecencySource(double max_boost, double half_life_days)
    : Xapian::ValuePostingSource(schema::kSlotDate),
      max_boost_(max_boost),
      half_life_days_(half_life_days) {}

void RecencySource::init(const Xapian::Database& db) {
    Xapian::ValuePostingSource::init(db);
    newest_ = days_since_epoch(db.get_value_upper_bound(schema::kSlotDate));
    set_maxweight(max_boost_);
}

double RecencySource::get_weight() const {
    long day = days_since_epoch(get_value());
    if (day < 0 || newest_ < 0) return 0;  // undated articles get no boost
    double age = static_cast<double>(std::max(0L, newest_ - day));
    return max_boost_ * std::exp2(-age / half_life_days_);
}

Xapian::PostingSource* RecencySource::clone() const {
    return new RecencySource(max_boost_, half_life_days_);
}

}  // namespace byline::search
