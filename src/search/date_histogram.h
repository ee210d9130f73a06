#pragma once
// Exact date histograms over the whole match set: publication dates (one per article) or
// mentioned dates (several), bucketed by day, week, month or year, empty buckets included.

#include <byline/searcher.h>

#include <cstdint>
#include <string>
#include <vector>

namespace byline::search {

/// Counts, per bucket, the documents given to it with a date in that bucket. Dates are day
/// codes (index/facet_record.h); one of month or year precision counts only in month or year
/// buckets.
class DateHistogramCounter {
  public:
    enum class Granularity { day, week, month, year };

    /// `granularity`: "day", "week", "month" or "year"; anything else throws UsageError.
    explicit DateHistogramCounter(const std::string& granularity);

    /// One document's dates; each of its buckets counts once.
    void add(const std::vector<std::uint32_t>& codes);

    /// Buckets from the first to the last date seen, empty ones included, made coarser if there
    /// would be over 1000 of them.
    DateHistogram histogram(const std::string& facet_name) const;

  private:
    void count(int bucket);

    Granularity granularity_;
    std::size_t undated_ = 0;
    // Documents per bucket number (day, week or month since the epoch, or year), from first_.
    int first_ = 0;
    std::vector<std::uint32_t> counts_;
    std::vector<int> buckets_;  // scratch: one document's buckets
};

}  // namespace byline::search
