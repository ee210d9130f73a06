#pragma once
// Entity trends: for the top values of a facet over a match set, the publication-date histogram
// of the articles holding each, exact, every series over the same span of buckets.

#include <byline/searcher.h>

#include "search/facets.h"

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace byline::search {

/// A facet value to follow: the boolean term that filters it, and how it is shown and counted.
struct TrendValue {
    std::string term;
    std::string display;
    std::size_t count = 0;  ///< its facet count over the match set
};

/// The trend of `values` over the articles `matched` matches, at `granularity` ("day", "week",
/// "month" or "year"): one filtered count per value, reading only publication dates.
Trend count_trend(const Xapian::Database& db, const Xapian::Query& matched,
                  const std::string& facet_name, const std::vector<TrendValue>& values,
                  const std::string& granularity,
                  const std::shared_ptr<const FacetColumns>& columns);

}  // namespace byline::search
