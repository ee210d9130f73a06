#include "search/date_histogram.h"

#include <byline/error.h>

#include "index/facet_record.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

namespace byline::search {

namespace {

using namespace std::chrono;
using Granularity = DateHistogramCounter::Granularity;

constexpr std::size_t kMaxBuckets = 1000;
constexpr int kMondayBeforeEpoch = 3;  // 1970-01-01 was a Thursday

const char* name_of(Granularity g) {
    switch (g) {
        case Granularity::day:
            return "day";
        case Granularity::week:
            return "week";
        case Granularity::month:
            return "month";
        case Granularity::year:
            return "year";
    }
    return "day";
}

std::string format(const year_month_day& d, Granularity granularity) {
    char buf[16];
    int y = static_cast<int>(d.year());
    unsigned m = static_cast<unsigned>(d.month()), dd = static_cast<unsigned>(d.day());
    if (granularity == Granularity::year)
        std::snprintf(buf, sizeof buf, "%04d", y);
    else if (granularity == Granularity::month)
        std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, dd);
    return buf;
}

int floor_div(int a, int b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

// The number of the bucket holding day `d`: days, weeks (from Mondays) or months since the
// epoch, or the year.
int bucket_of(sys_days d, Granularity granularity) {
    const int n = static_cast<int>(d.time_since_epoch().count());
    switch (granularity) {
        case Granularity::day:
            return n;
        case Granularity::week:
            return floor_div(n + kMondayBeforeEpoch, 7);
        case Granularity::month: {
            const year_month_day ymd(d);
            return (static_cast<int>(ymd.year()) - 1970) * 12 +
                   static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
        }
        case Granularity::year:
            return static_cast<int>(year_month_day(d).year());
    }
    return n;
}

// The first day of bucket number `bucket`.
sys_days bucket_start(int bucket, Granularity granularity) {
    switch (granularity) {
        case Granularity::day:
            return sys_days(days(bucket));
        case Granularity::week:
            return sys_days(days(bucket * 7 - kMondayBeforeEpoch));
        case Granularity::month: {
            const int y = floor_div(bucket, 12);
            return sys_days(year(1970 + y) / month(static_cast<unsigned>(bucket - y * 12) + 1) / 1);
        }
        case Granularity::year:
            return sys_days(year(bucket) / January / 1);
    }
    return sys_days(days(bucket));
}

Granularity coarser(Granularity g) {
    return g == Granularity::day    ? Granularity::week
           : g == Granularity::week ? Granularity::month
                                    : Granularity::year;
}

}  // namespace

DateHistogramCounter::DateHistogramCounter(const std::string& granularity) {
    if (granularity == "day")
        granularity_ = Granularity::day;
    else if (granularity == "week")
        granularity_ = Granularity::week;
    else if (granularity == "month")
        granularity_ = Granularity::month;
    else if (granularity == "year")
        granularity_ = Granularity::year;
    else
        throw UsageError("date facet '" + granularity + "': use day, week, month or year");
}

void DateHistogramCounter::count(int bucket) {
    if (counts_.empty()) {
        first_ = bucket;
        counts_.push_back(1);
        return;
    }
    if (bucket < first_) {  // grow by at least the size so far: amortised constant time
        const int grow = std::max(first_ - bucket, static_cast<int>(counts_.size()));
        counts_.insert(counts_.begin(), static_cast<std::size_t>(grow), 0);
        first_ -= grow;
    }
    auto at = static_cast<std::size_t>(bucket - first_);
    if (at >= counts_.size()) counts_.resize(at + 1);
    ++counts_[at];
}

void DateHistogramCounter::add(const std::vector<std::uint32_t>& codes) {
    buckets_.clear();
    for (std::uint32_t code : codes) {
        // A month mention has no day, a year mention no month: they fit coarser buckets only.
        const index::DatePrecision precision = index::code_precision(code);
        if ((precision == index::DatePrecision::month && granularity_ != Granularity::month &&
             granularity_ != Granularity::year) ||
            (precision == index::DatePrecision::year && granularity_ != Granularity::year))
            continue;
        buckets_.push_back(bucket_of(index::code_day(code), granularity_));
    }
    if (buckets_.empty()) {
        ++undated_;
        return;
    }
    if (buckets_.size() > 1) {
        std::sort(buckets_.begin(), buckets_.end());
        buckets_.erase(std::unique(buckets_.begin(), buckets_.end()), buckets_.end());
    }
    for (int b : buckets_)
        count(b);
}

DateHistogram DateHistogramCounter::histogram(const std::string& facet_name) const {
    DateHistogram out{facet_name, name_of(granularity_), {}, undated_};
    std::map<int, std::size_t> counts;  // bucket number -> documents, non-empty buckets
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        if (counts_[i]) counts[first_ + static_cast<int>(i)] = counts_[i];
    }
    if (counts.empty()) return out;
    // Far too many buckets (dates over centuries): re-bucket coarser, straight from the counted
    // buckets (through weeks, 1850-01-01 would land in 1849). Only then may an article with
    // several mentioned dates in one new bucket count more than once.
    const sys_days first = bucket_start(counts.begin()->first, granularity_);
    const sys_days last = bucket_start(counts.rbegin()->first, granularity_);
    Granularity granularity = granularity_;
    while (granularity != Granularity::year &&
           static_cast<std::size_t>(bucket_of(last, granularity) - bucket_of(first, granularity)) +
                   1 >
               kMaxBuckets)
        granularity = coarser(granularity);
    if (granularity != granularity_) {
        std::map<int, std::size_t> coarse;
        for (const auto& [b, n] : counts)
            coarse[bucket_of(bucket_start(b, granularity_), granularity)] += n;
        counts = std::move(coarse);
    }
    out.granularity = name_of(granularity);
    for (int b = counts.begin()->first; b <= counts.rbegin()->first; ++b) {
        auto it = counts.find(b);
        out.buckets.push_back({format(year_month_day(bucket_start(b, granularity)), granularity),
                               it == counts.end() ? 0 : it->second});
    }
    return out;
}

}  // namespace byline::search
