#pragma once
// Exact date histograms over the whole match set: publication dates (one per article) or
// mentioned dates (several), bucketed by day, week, month or year, empty buckets included.

#include <byline/searcher.h>

#include "index/facet_record.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace byline::index {

/// Counts, per bucket, the documents given to it with a date in that bucket. A document comes as
/// one of its index::DateLists, the one source() names (a date known only to the month counts
/// in month and year histograms only).
class DateHistogramCounter {
  public:
    enum class Granularity { day, week, month, year };
    enum class Source { days, months, years };

    /// `granularity`: "day", "week", "month" or "year"; anything else throws UsageError.
    explicit DateHistogramCounter(const std::string& granularity);

    /// Which list of a document's index::DateLists to give add().
    Source source() const {
        return granularity_ == Granularity::month  ? Source::months
               : granularity_ == Granularity::year ? Source::years
                                                   : Source::days;
    }

    /// One document's dates: that list, ascending and distinct (as stored). Each of its buckets
    /// counts once; without any, it counts as undated.
    void add(const std::vector<std::uint32_t>& values) {
        add_from([&](auto&& f) {
            for (std::uint32_t v : values)
                f(v);
        });
    }
    /// The same, the values given by `for_each_value(f)` calling f(value) for each.
    template <typename ForEach>
    void add_from(ForEach&& for_each_value) {
        bool dated = false;
        std::uint32_t last = 0;
        for_each_value([&](std::uint32_t value) {
            // Days give weeks in ascending order too: a week repeats only right after itself.
            const std::uint32_t b = granularity_ == Granularity::week ? week_of(value) : value;
            if (dated && b == last) return;
            count(b);
            dated = true;
            last = b;
        });
        if (!dated) ++undated_;
    }

    /// Takes away `part`'s counts, counted with the same granularity over a subset of these
    /// documents; buckets left empty drop out of histogram().
    void subtract(const DateHistogramCounter& part);
    /// Adds `other`'s counts, counted with the same granularity over other documents.
    void merge(const DateHistogramCounter& other);

    /// Appends the counts to `out`; unserialise() reads them back into a counter of the same
    /// granularity (false, leaving it unspecified, if the bytes are damaged).
    void serialise(std::string& out) const;
    bool unserialise(const char*& p, const char* end);

    /// Buckets from the first to the last date seen, empty ones included, made coarser if there
    /// would be over 1000 of them. With `span` (bucket numbers, as bucket_span() gives), the
    /// buckets reach from span's first to its last at least: histograms given the same span line
    /// up bucket for bucket.
    DateHistogram histogram(const std::string& facet_name,
                            std::optional<std::pair<std::uint32_t, std::uint32_t>> span = {}) const;

    /// The documents counted, dated or not, when each gives one date (publication dates).
    std::size_t documents() const;

    /// The first and last bucket holding a document; nothing when none does.
    std::optional<std::pair<std::uint32_t, std::uint32_t>> bucket_span() const;

  private:
    // Weeks from Mondays: day 0 (0000-03-01) was a Wednesday.
    static std::uint32_t week_of(std::uint32_t day) { return (day + 2) / 7; }
    void count(std::uint32_t bucket) {
        if (bucket < first_ || bucket - first_ >= counts_.size()) grow(bucket);
        ++counts_[bucket - first_];
    }
    void grow(std::uint32_t bucket);

    Granularity granularity_;
    std::size_t undated_ = 0;
    // Documents per bucket (a day, week, month or year number, as in DateLists), from first_.
    std::uint32_t first_ = 0;
    std::vector<std::uint32_t> counts_;
};

}  // namespace byline::index
