#pragma once
// Entity trends: for the top values of facets over a match set, the publication-date histogram
// of the articles holding each, exact, every series of a facet over the same span of buckets.
// One pass over the match set reads each article's entity ids and publication date, however
// many facets and values are followed; for a match set larger than the followed values'
// articles together, each value's articles among the matches are counted instead.

#include <byline/searcher.h>

#include "index/facets.h"
#include "search/whole_index_counts.h"

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace byline::search {

/// A facet value to follow: its dictionary id, and how it is shown and counted.
struct TrendValue {
    std::vector<std::uint32_t> ids;  ///< its id and those of its aliases (index/entity_aliases.h)
    std::vector<std::string> terms;  ///< the boolean terms that filter it, any of them
    std::string display;
    std::size_t count = 0;  ///< its facet count over the match set
};

/// The values of one facet to follow.
struct TrendFacet {
    std::size_t facet = 0;  ///< index into schema::kFacetFields
    std::vector<TrendValue> values;
};

/// A query matching most of the index, counted as the whole index less the articles it does
/// not match: each value's series over the whole index is counted once per revision.
struct TrendComplement {
    Xapian::Query unmatched;  ///< the articles the query does not match
    std::size_t count = 0;    ///< how many
    WholeIndexCounts& whole;  ///< at the revision counted
};

/// Counts the facets and histograms of a query's articles somewhere else (the members of a
/// cluster of remote shards).
using QueryCounter =
    std::function<index::FacetCounts(const Xapian::Query&, const index::FacetCounterOptions&)>;

/// The trends of `facets` over the `matches` articles `matched` matches, at `granularity`
/// ("day", "week", "month" or "year"), in the order given. Whichever reads fewer articles: one
/// pass over the matches, or one filtered count per value; with `complement`, the same over the
/// articles not matched, taken from the whole index's.
std::vector<Trend> count_trends(const Xapian::Database& db, const Xapian::Query& matched,
                                std::size_t matches, const std::vector<TrendFacet>& facets,
                                const std::string& granularity,
                                const std::shared_ptr<const index::FacetColumns>& columns,
                                const TrendComplement* complement = nullptr);

/// The same, each value's series counted by `count` (one filtered count a value).
std::vector<Trend> count_trends_with(const Xapian::Query& matched,
                                     const std::vector<TrendFacet>& facets,
                                     const std::string& granularity, const QueryCounter& count);

}  // namespace byline::search
