#pragma once
// Facet counts over the whole index. A query matching most articles is counted as these totals
// less the counts of the articles it does not match. The indexer stores them in metadata at the
// end of a run (schema::kMetaTotals, stamped with the revision of the commit that stores them),
// so even a new process has them without reading every article's facets.

#include "index/facets.h"

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace byline::index {

/// Facet counts of the documents `query` matches, every one visited (none ranked); `matches`
/// gets their number and, if given, `docids` the documents, ascending (the same single match).
FacetCounts count_matches(const Xapian::Database& db, const Xapian::Query& query,
                          const FacetCounterOptions& options, Xapian::doccount& matches,
                          std::shared_ptr<const FacetColumns> columns = nullptr,
                          std::vector<Xapian::docid>* docids = nullptr);

/// The documents `query` matches, ascending (none ranked).
std::vector<Xapian::docid> matching_docids(const Xapian::Database& db, const Xapian::Query& query);

/// Every facet and, for each date granularity, the date histograms of all documents of `db`,
/// packed and stamped as valid at revision `revision`.
std::string pack_index_totals(const Xapian::Database& db, Xapian::rev revision);

/// Counts and stores the totals in `db` and commits: the commit's revision is the stamp.
void store_index_totals(Xapian::WritableDatabase& db);

/// The totals stored in `db` with the date histograms of `date_granularity` ("" for none), if
/// they are there, undamaged and stamped with `db`'s revision.
std::optional<FacetCounts> stored_index_totals(const Xapian::Database& db,
                                               const std::string& date_granularity);

}  // namespace byline::index
