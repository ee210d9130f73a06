#include "search/date_histogram.h"

#include "index/schema.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>

namespace byline::search {

namespace {

using namespace std::chrono;

constexpr std::size_t kMaxBuckets = 1000;

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
// A date value ("YYYYMMDD", "YYYY-MM-DD", month or year precision) as the first day of its
// bucket, or nothing when its precision is coarser than the bucket (a month has no day).
std::optional<year_month_day> DateHistogramSpy::bucket_of(std::string_view value) const {
    int parts[3] = {0, 1, 1};
    int digits = 0;
    for (char c : value) {
        if (c == '-') continue;
        if (c < '0' || c > '9' || digits >= 8) return std::nullopt;
        int& part = parts[digits < 4 ? 0 : digits < 6 ? 1 : 2];
        part = (digits == 4 || digits == 6 ? 0 : part * 10) + (c - '0');
        ++digits;
    }
    const bool fits = digits == 8 ||
                      (digits == 6 && (granularity_ == "month" || granularity_ == "year")) ||
                      (digits == 4 && granularity_ == "year");
    if (!fits) return std::nullopt;
    year_month_day d{year{parts[0]}, month{static_cast<unsigned>(parts[1])},
                     day{static_cast<unsigned>(parts[2])}};
    if (!d.ok()) return std::nullopt;
    return bucket_start(d, granularity_);
}

void DateHistogramSpy::operator()(const Xapian::Document& doc, double) {
    const std::string slot = doc.get_value(slot_);
    buckets_.clear();  // each bucket once per document
    for (std::size_t begin = 0; begin < slot.size();) {
        std::size_t end = std::min(slot.find(schema::kFacetSeparator, begin), slot.size());
        if (auto bucket = bucket_of(std::string_view(slot).substr(begin, end - begin)))
            buckets_.push_back(sys_days(*bucket));
        begin = end + 1;
    }
    if (buckets_.empty()) ++undated_;
    std::sort(buckets_.begin(), buckets_.end());
    buckets_.erase(std::unique(buckets_.begin(), buckets_.end()), buckets_.end());
    for (sys_days b : buckets_)
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
