#pragma once
// Co-mention facets: per entity, the matching articles that name it in the same sentence as a
// match of the query, from stored sentence spans, stored mentions and Xapian's positional data.

#include "index/entity_aliases.h"
#include "index/schema.h"
#include "index/stored_doc.h"
#include "search/pattern_terms.h"
#include "search/query_parser.h"

#include <xapian.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace byline::search {

/// Articles per entity key, for each entity facet (index into schema::kFacetFields).
using CoMentionCounts =
    std::array<std::unordered_map<std::string, std::uint32_t>, schema::kFacetCount>;

/// Counts, for the facets asked for, the entities an article names in a sentence that holds an
/// occurrence of one of `patterns` (body occurrences: query words, phrases, and the mentions of
/// a filter's entity). Left out: an entity a filter of the same facet names, and a mention that
/// is itself an occurrence of the query ("opec" and the organisation OPEC).
class CoMentionCounter {
  public:
    /// `aliases` (may be null): keys counted as another entity's (index/entity_aliases.h).
    CoMentionCounter(const Xapian::Database& db, const std::vector<MatchPattern>& patterns,
                     const PatternTerms& terms, std::array<bool, schema::kFacetCount> facets,
                     const index::EntityAliases* aliases = nullptr)
        : db_(db), patterns_(patterns), terms_(terms), facets_(facets), aliases_(aliases) {}

    /// Counts article `did`, whose query occurrences are `hits`.
    void add(Xapian::docid did, const std::vector<PatternHit>& hits);

    const CoMentionCounts& counted() const { return counts_; }

  private:
    bool is_filtered_entity(std::uint32_t facet, const std::string& key) const;
    int query_word_kind(std::string_view name) const;
    bool is_the_match(Xapian::docid did, const index::StoredDoc& stored,
                      const index::StoredMention& m, std::uint32_t sentence,
                      const std::vector<PatternHit>& hits) const;

    const Xapian::Database& db_;
    const std::vector<MatchPattern>& patterns_;
    const PatternTerms& terms_;
    std::array<bool, schema::kFacetCount> facets_;
    CoMentionCounts counts_;
    std::vector<std::uint32_t> sentences_;  // scratch: sentences holding a match, sorted
    const index::EntityAliases* aliases_;
    // scratch: facet and (canonical) key counted, this article
    std::vector<std::pair<std::uint32_t, const std::string*>> seen_;
};

/// Co-mentions over every article `query` matches.
CoMentionCounts count_co_mentions(const Xapian::Database& db, const Xapian::Query& query,
                                  const std::vector<MatchPattern>& patterns,
                                  const PatternTerms& terms,
                                  std::array<bool, schema::kFacetCount> facets,
                                  const index::EntityAliases* aliases = nullptr);

}  // namespace byline::search
