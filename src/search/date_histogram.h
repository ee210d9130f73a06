#pragma once
// Exact date histograms over the whole match set: publication dates (one per article) or
// mentioned dates (several), bucketed by day, week, month or year, empty buckets included.

#include <byline/searcher.h>

#include <xapian.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace byline::search {

/// Counts, per bucket, the matching documents with a date in it. The slot holds dates as
/// "YYYYMMDD", "YYYY-MM-DD", month or year precision, several separated by kFacetSeparator.
class DateHistogramSpy : public Xapian::MatchSpy {
  public:
    /// `granularity`: "day", "week", "month" or "year".
    DateHistogramSpy(Xapian::valueno slot, std::string granularity)
        : slot_(slot), granularity_(std::move(granularity)) {}

    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override { return new DateHistogramSpy(slot_, granularity_); }
    std::string name() const override { return "byline::DateHistogramSpy"; }

    /// Buckets from the first to the last date seen, empty ones included, made coarser if there
    /// would be over 1000 of them.
    DateHistogram histogram(const std::string& facet_name) const;

  private:
    std::optional<std::chrono::year_month_day> bucket_of(std::string_view value) const;

    Xapian::valueno slot_;
    std::string granularity_;
    std::size_t undated_ = 0;
    std::map<std::chrono::sys_days, std::size_t> counts_;  // bucket's first day -> documents
    std::vector<std::chrono::sys_days> buckets_;           // scratch: one document's buckets
};

}  // namespace byline::search
