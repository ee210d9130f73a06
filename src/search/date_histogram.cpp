#include "search/date_histogram.h"

#include "index/schema.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <set>

namespace byline::search {

namespace {

using namespace std::chrono;

constexpr std::size_t kMaxBuckets = 1000;

year_month_day parse_day(const std::string& d) {  // "YYYYMMDD"
    return year{std::stoi(d.substr(0, 4))} /
           month{static_cast<unsigned>(std::stoi(d.substr(4, 2)))} /
           day{static_cast<unsigned>(std::stoi(d.substr(6, 2)))};
}

std::string format(const year_month_day& d, const std::string& granularity) {
    char buf[16];
    int y = static_cast<int>(d.year());
    unsigned m = static_cast<unsigned>(d.month()), dd = static_cast<unsigned>(d.day());
    if (granularity == "year")
        std::snprintf(buf, sizeof buf, "%04d", y);
    else if (granularity == "month")
        std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, dd);
    return buf;
}

// The first day of the bucket holding `d`.
year_month_day bucket_start(const year_month_day& d, const std::string& granularity) {
    if (granularity == "year") return d.year() / January / 1;
    if (granularity == "month") return d.year() / d.month() / 1;
    if (granularity == "week") {
        sys_days day = sys_days(d);
        return year_month_day(day - (weekday(day) - Monday));
    }
    return d;
}

year_month_day next_bucket(const year_month_day& d, const std::string& granularity) {
    if (granularity == "year") return (d.year() + years(1)) / January / 1;
    if (granularity == "month") return year_month_day(d.year() / d.month() / 1) + months(1);
    return year_month_day(sys_days(d) + days(granularity == "week" ? 7 : 1));
}

std::size_t bucket_count(const year_month_day& first, const year_month_day& last,
                         const std::string& granularity) {
    int y = static_cast<int>(last.year()) - static_cast<int>(first.year());
    if (granularity == "year") return static_cast<std::size_t>(y) + 1;
    if (granularity == "month")
        return static_cast<std::size_t>(y * 12 + static_cast<int>(unsigned(last.month())) -
                                        static_cast<int>(unsigned(first.month()))) +
               1;
    auto span = (sys_days(last) - sys_days(first)).count();
    return static_cast<std::size_t>(span / (granularity == "week" ? 7 : 1)) + 1;
}

std::string coarser(const std::string& granularity) {
    if (granularity == "day") return "week";
    if (granularity == "week") return "month";
    return "year";
}

}  // namespace

// A date value ("YYYYMMDD", "YYYYMM" or "YYYY") as the first day of its bucket, or nothing when
// its precision is coarser than the bucket (a month mention has no day).
std::optional<year_month_day> DateHistogramSpy::bucket_of(const std::string& value) const {
    if (!std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    if (value.size() == 8) return bucket_start(parse_day(value), granularity_);
    if (value.size() == 6 && (granularity_ == "month" || granularity_ == "year"))
        return bucket_start(parse_day(value + "01"), granularity_);
    if (value.size() == 4 && granularity_ == "year") return parse_day(value + "0101");
    return std::nullopt;
}

void DateHistogramSpy::operator()(const Xapian::Document& doc, double) {
    const std::string slot = doc.get_value(slot_);
    std::set<sys_days> buckets;  // each bucket once per document
    for (std::size_t begin = 0; begin < slot.size();) {
        std::size_t end = std::min(slot.find(schema::kFacetSeparator, begin), slot.size());
        std::string value = slot.substr(begin, end - begin);
        std::erase(value, '-');
        if (auto bucket = bucket_of(value); bucket && bucket->ok()) buckets.insert(*bucket);
        begin = end + 1;
    }
    if (buckets.empty()) ++undated_;
    for (sys_days b : buckets)
        ++counts_[b];
}

DateHistogram DateHistogramSpy::histogram(const std::string& facet_name) const {
    DateHistogram out{facet_name, granularity_, {}, undated_};
    if (counts_.empty()) return out;
    // Far too many buckets (dates over centuries): re-bucket coarser. Only then may an article
    // with several mentioned dates in one new bucket count more than once.
    std::map<sys_days, std::size_t> counts = counts_;
    std::string granularity = granularity_;
    auto first = [&] { return year_month_day(counts.begin()->first); };
    auto last = [&] { return year_month_day(counts.rbegin()->first); };
    while (granularity != "year" && bucket_count(first(), last(), granularity) > kMaxBuckets) {
        granularity = coarser(granularity);
        std::map<sys_days, std::size_t> coarse;
        for (const auto& [b, n] : counts)
            coarse[sys_days(bucket_start(year_month_day(b), granularity))] += n;
        counts = std::move(coarse);
    }
    out.granularity = granularity;
    for (year_month_day b = first(); b <= last(); b = next_bucket(b, granularity)) {
        auto it = counts.find(sys_days(b));
        out.buckets.push_back({format(b, granularity), it == counts.end() ? 0 : it->second});
    }
    return out;
}

}  // namespace byline::search
