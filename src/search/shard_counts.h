#pragma once
// Facet counts across remote shards: Xapian's remote protocol ranks (global BM25 statistics) but
// runs no MatchSpy of Byline's, and reading a remote shard's values costs a round trip per
// article. So each shard server counts its own articles, and the searcher sums the counts: every
// value's, never a top k, so the sums are exact. This is the request and its answer.

#include "index/entity_aliases.h"
#include "index/facets.h"

#include <xapian.h>

#include <string>
#include <string_view>

namespace byline::search {

/// What a shard server counts: the articles of its shard that `query` matches.
struct ShardCountRequest {
    Xapian::Query query;
    index::FacetCounterOptions options;  ///< its aliases travel as the stored lists below
    index::EntityAliases::Lists aliases;
    /// aliases_hash() of the lists. A request may carry it alone (`lists_included` false)
    /// when the server was sent those lists before: it keeps the last ones it was sent.
    std::uint64_t lists_hash = 0;
    bool lists_included = true;

    std::string encode() const;
    /// Throws UsageError if the bytes are damaged or the query cannot be read.
    static ShardCountRequest decode(std::string_view bytes);
    /// The same but the query, left as bytes in `query` (Xapian 1.4.22 leaks the nodes of a
    /// query it fails to read, so the fuzz harness reads the rest alone).
    static ShardCountRequest decode_fields(std::string_view bytes, std::string& query);
};

/// A hash of alias lists, the same in every build.
std::uint64_t aliases_hash(const index::EntityAliases::Lists& lists);

/// The shard server's side: counts what `request` asks over `db` (the options' aliases already
/// parsed) and returns the serialised index::FacetCounts.
std::string count_on_shard(const Xapian::Database& db, const ShardCountRequest& request,
                           std::shared_ptr<const index::FacetColumns> columns);

}  // namespace byline::search
