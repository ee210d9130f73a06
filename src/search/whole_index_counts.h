#pragma once
// Counts over the whole index at one revision, for queries that match most of it: such a query
// is counted as these less the articles it does not match, as its facets are from the index's
// facet totals. Co-mention counts are kept per counting (a CoMentionCounter's signature()),
// trend series per facet value and granularity; both are counted by the first query that needs
// them and dropped at the next revision.

#include "index/date_histogram.h"
#include "search/co_mentions.h"

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <utility>

namespace byline::search {

class WholeIndexCounts {
  public:
    /// Forgets what was counted at another index or revision than `db`'s.
    void at(const Xapian::Database& db);

    /// The co-mention counts of every article for the counting `signature`; null if not kept.
    const CoMentionCounts* co_mentions(const std::string& signature) const;
    void keep_co_mentions(const std::string& signature, CoMentionCounts counts);

    /// The publication dates of every article of a facet value (its key: trend_series_key()).
    const index::DateHistogramCounter* series(const std::string& key) const;
    void keep_series(const std::string& key, index::DateHistogramCounter counts);

  private:
    // Bounds on what is kept (a co-mention count is up to a few MB on a large index): past
    // them, the oldest is dropped.
    static constexpr std::size_t kMaxCoMentions = 8;
    static constexpr std::size_t kMaxSeries = 4096;

    std::pair<std::string, Xapian::rev> state_;  // the uuid and revision counted at
    std::map<std::string, std::pair<std::size_t, CoMentionCounts>> co_mentions_;  // age, counts
    std::map<std::string, index::DateHistogramCounter> series_;
    std::size_t kept_ = 0;  // co-mention counts kept so far: each one's age
};

}  // namespace byline::search
