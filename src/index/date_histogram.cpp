#include "index/date_histogram.h"

#include <byline/error.h>

#include "index/facet_record.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <numeric>

namespace byline::index {

namespace {

using namespace std::chrono;
using Granularity = DateHistogramCounter::Granularity;

constexpr std::size_t kMaxBuckets = 1000;
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

// The number of the bucket holding day `d`, as in index::DateLists.
std::uint32_t bucket_of(sys_days d, Granularity granularity) {
    const auto day = static_cast<std::uint32_t>(d.time_since_epoch().count() + index::kEpochDay);
    const year_month_day ymd(d);
    switch (granularity) {
        case Granularity::day:
            return day;
        case Granularity::week:
            return (day + 2) / 7;  // day 0 (0000-03-01) was a Wednesday
        case Granularity::month:
            return static_cast<std::uint32_t>(static_cast<int>(ymd.year()) * 12) +
                   static_cast<unsigned>(ymd.month()) - 1;
        case Granularity::year:
            return static_cast<std::uint32_t>(static_cast<int>(ymd.year()));
    }
    return day;
}

// The first day of bucket number `bucket`.
sys_days bucket_start(std::uint32_t bucket, Granularity granularity) {
    const auto days_since_zero = [](std::uint32_t d) {
        return sys_days(days(static_cast<int>(d) - static_cast<int>(index::kEpochDay)));
    };
    switch (granularity) {
        case Granularity::day:
            return days_since_zero(bucket);
        case Granularity::week:
            return days_since_zero(bucket * 7 - 2);
        case Granularity::month:
            return sys_days(year(static_cast<int>(bucket / 12)) / month(bucket % 12 + 1) / 1);
        case Granularity::year:
            return sys_days(year(static_cast<int>(bucket)) / January / 1);
    }
    return days_since_zero(bucket);
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

void DateHistogramCounter::grow(std::uint32_t bucket) {
    if (counts_.empty()) {
        first_ = bucket;
        counts_.resize(1);
        return;
    }
    if (bucket < first_) {  // grow by at least the size so far: amortised constant time
        const std::uint32_t grow = std::max<std::uint32_t>(
            first_ - bucket, std::min(first_, static_cast<std::uint32_t>(counts_.size())));
        counts_.insert(counts_.begin(), grow, 0);
        first_ -= grow;
    } else {
        counts_.resize(std::max<std::size_t>(bucket - first_ + 1, counts_.size() * 2));
    }
}

void DateHistogramCounter::subtract(const DateHistogramCounter& part) {
    undated_ -= part.undated_;
    for (std::size_t i = 0; i < part.counts_.size(); ++i) {
        if (part.counts_[i] == 0) continue;
        counts_[part.first_ + static_cast<std::uint32_t>(i) - first_] -= part.counts_[i];
    }
}

void DateHistogramCounter::merge(const DateHistogramCounter& other) {
    undated_ += other.undated_;
    for (std::size_t i = 0; i < other.counts_.size(); ++i) {
        if (other.counts_[i] == 0) continue;
        const std::uint32_t bucket = other.first_ + static_cast<std::uint32_t>(i);
        if (bucket < first_ || bucket - first_ >= counts_.size()) grow(bucket);
        counts_[bucket - first_] += other.counts_[i];
    }
}

void DateHistogramCounter::serialise(std::string& out) const {
    index::put_varint(out, static_cast<std::uint32_t>(undated_));
    index::put_varint(out, first_);
    index::put_varint(out, static_cast<std::uint32_t>(counts_.size()));
    for (std::uint32_t n : counts_)
        index::put_varint(out, n);
}

bool DateHistogramCounter::unserialise(const char*& p, const char* end) {
    std::uint32_t undated = 0, size = 0;
    if (!(p = index::read_varint(p, end, undated)) || !(p = index::read_varint(p, end, first_)) ||
        !(p = index::read_varint(p, end, size)) || size > static_cast<std::size_t>(end - p))
        return false;
    undated_ = undated;
    counts_.assign(size, 0);
    for (std::uint32_t& n : counts_) {
        if (!(p = index::read_varint(p, end, n))) return false;
    }
    return true;
}

std::size_t DateHistogramCounter::documents() const {
    return std::accumulate(counts_.begin(), counts_.end(), undated_);
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> DateHistogramCounter::bucket_span() const {
    auto nonzero = [](std::uint32_t n) { return n != 0; };
    const auto first = std::find_if(counts_.begin(), counts_.end(), nonzero);
    if (first == counts_.end()) return std::nullopt;
    const auto last = std::find_if(counts_.rbegin(), counts_.rend(), nonzero);
    return std::pair{first_ + static_cast<std::uint32_t>(first - counts_.begin()),
                     first_ + static_cast<std::uint32_t>(counts_.rend() - last - 1)};
}

DateHistogram DateHistogramCounter::histogram(
    const std::string& facet_name,
    std::optional<std::pair<std::uint32_t, std::uint32_t>> span) const {
    DateHistogram out{facet_name, name_of(granularity_), {}, undated_};
    std::map<std::uint32_t, std::size_t> counts;  // bucket number -> documents, non-empty buckets
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        if (counts_[i]) counts[first_ + static_cast<std::uint32_t>(i)] = counts_[i];
    }
    if (span) {  // empty buckets at the ends of the span
        counts.emplace(span->first, 0);
        counts.emplace(span->second, 0);
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
        std::map<std::uint32_t, std::size_t> coarse;
        for (const auto& [b, n] : counts)
            coarse[bucket_of(bucket_start(b, granularity_), granularity)] += n;
        counts = std::move(coarse);
    }
    out.granularity = name_of(granularity);
    for (std::uint32_t b = counts.begin()->first; b <= counts.rbegin()->first; ++b) {
        auto it = counts.find(b);
        out.buckets.push_back({format(year_month_day(bucket_start(b, granularity)), granularity),
                               it == counts.end() ? 0 : it->second});
    }
    return out;
}

}  // namespace byline::index
