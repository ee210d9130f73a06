#pragma once
// Facet counts across remote shards: Xapian's remote protocol ranks (global BM25 statistics) but
// runs no MatchSpy of Byline's, and reading a remote shard's values costs a round trip per
// article. So each shard server counts its own articles, and the searcher sums the counts: every
// value's, never a top k, so the sums are exact. This is the request and its answer.

#include "index/entity_aliases.h"
#include "index/facets.h"
#include "index/value_columns.h"
#include "search/co_mentions.h"

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
    /// CoMentionCounter::signature() of the co-mentions to count too; empty for none.
    std::string co_mentions;
    /// Whether to list the matching articles too (for collapsing near-duplicates).
    bool docids = false;

    std::string encode() const;
    /// Throws UsageError if the bytes are damaged or the query cannot be read.
    static ShardCountRequest decode(std::string_view bytes);
    /// The same but the query, left as bytes in `query` (Xapian 1.4.22 leaks the nodes of a
    /// query it fails to read, so the fuzz harness reads the rest alone).
    static ShardCountRequest decode_fields(std::string_view bytes, std::string& query);
};

/// A hash of alias lists, the same in every build.
std::uint64_t aliases_hash(const index::EntityAliases::Lists& lists);

/// A member's counts, or their sum over members.
struct ShardCounts {
    index::FacetCounts facets;
    CoMentionCounts co_mentions;        ///< when asked for
    std::vector<Xapian::docid> docids;  ///< the matching articles, ascending, when asked for

    void merge(const ShardCounts& other);
    /// `co_mentions`, `docids`: whether they were asked for (written and read only then).
    /// unserialise() is false if the bytes are damaged (see index::FacetCounts::unserialise)
    /// or name a docid past `last_docid`.
    std::string serialise(bool co_mentions, bool docids) const;
    bool unserialise(std::string_view bytes, const std::string& granularity,
                     const std::array<std::uint32_t, schema::kFacetCount>& id_limits,
                     bool co_mentions, bool docids, Xapian::docid last_docid);
};

/// Counts what `request` asks over `db` (the options' aliases already parsed). `columns`,
/// `mention_columns`: `db`'s facet values and, for co-mentions, its load_mention_columns(), in
/// memory at its revision; either may be null (then read from `db`).
ShardCounts count_shard(const Xapian::Database& db, const ShardCountRequest& request,
                        std::shared_ptr<const index::FacetColumns> columns,
                        const index::ValueColumns* mention_columns);

}  // namespace byline::search
