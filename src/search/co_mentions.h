#pragma once
// Co-mention facets: per entity, the matching articles that name it in the same sentence as a
// match of the query. Each article's mentions and sentences come from one value slot
// (index/sentence_mentions.h); only query words (and one-word person filters, matched by
// surname) need Xapian's positional data.

#include "index/entity_aliases.h"
#include "index/facets.h"
#include "index/schema.h"
#include "index/sentence_mentions.h"
#include "search/pattern_terms.h"
#include "search/query_parser.h"

#include <xapian.h>

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace byline::search {

/// Articles per (canonical) value id, for each entity facet (index into schema::kFacetFields).
using CoMentionCounts = std::array<index::IdCounts, schema::kFacetCount>;

/// Counts, for the facets asked for, the entities an article names in a sentence that holds an
/// occurrence of one of the query's patterns (body occurrences: query words, phrases, mentioned
/// dates, and the mentions of a filter's entity). Left out: a mention that is itself an
/// occurrence (the filter's entity; "opec" and the organisation OPEC; "volcker" and Paul
/// Volcker), and keys the aliases hide.
class CoMentionCounter {
  public:
    /// `aliases` (may be null): keys counted as another entity's (index/entity_aliases.h).
    CoMentionCounter(const Xapian::Database& db, const std::vector<MatchPattern>& patterns,
                     std::array<bool, schema::kFacetCount> facets,
                     const index::EntityAliases* aliases = nullptr);

    /// Whether PatternTerms must give pattern `p`'s occurrences: all but the entity filters
    /// whose mentions are found by their id.
    bool needs_positions(std::size_t p) const { return !by_id_[p]; }

    /// Counts an article with these mentions and `hits`, the occurrences of the patterns that
    /// needs_positions().
    void add(const index::SentenceMentions& article, const std::vector<PatternHit>& hits);

    const CoMentionCounts& counted() const { return counts_; }

  private:
    bool is_filter_entity(const index::PlacedMention& m) const;

    CoMentionCounts counts_;
    std::array<bool, schema::kFacetCount> facets_;
    const index::EntityAliases* aliases_;
    std::vector<bool> by_id_;                                    // per pattern
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ids_;   // (facet, id) of those filters
    std::vector<PatternHit> hits_;                               // scratch: this article's
    std::vector<int> sentences_;                                 // scratch: sentences with a hit
    std::vector<std::pair<std::uint32_t, std::uint32_t>> seen_;  // scratch: counted here
};

/// Co-mentions over every article `query` matches.
CoMentionCounts count_co_mentions(const Xapian::Database& db, const Xapian::Query& query,
                                  const std::vector<MatchPattern>& patterns,
                                  const PatternTerms& terms,
                                  std::array<bool, schema::kFacetCount> facets,
                                  const index::EntityAliases* aliases = nullptr);

}  // namespace byline::search
