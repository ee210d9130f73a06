#include "search/co_mentions.h"

#include <byline/error.h>

#include "index/facet_dictionary.h"
#include "index/facet_totals.h"

#include <algorithm>

namespace byline::search {

CoMentionCounter::CoMentionCounter(const Xapian::Database& db,
                                   const std::vector<MatchPattern>& patterns,
                                   std::array<bool, schema::kFacetCount> facets,
                                   const index::EntityAliases* aliases)
    : facets_(facets), aliases_(aliases), by_id_(patterns.size(), false) {
    // An entity filter's mentions are those with its key's id; a one-word person filter also
    // names every key ending in that word, found through its surname term's positions.
    for (std::size_t p = 0; p < patterns.size(); ++p) {
        const MatchPattern& pattern = patterns[p];
        if (!pattern.entity || pattern.entity_key.empty() || pattern.by_surname ||
            pattern.facet >= schema::kFacetCount)
            continue;
        by_id_[p] = true;
        const std::string_view facet = schema::kFacetFields[pattern.facet].name;
        const auto id =
            index::parse_facet_id(db.get_metadata(schema::facet_id_key(facet, pattern.entity_key)));
        if (id) ids_.emplace_back(pattern.facet, *id);  // none: the index never wrote the key
    }
}

bool CoMentionCounter::is_filter_entity(const index::PlacedMention& m) const {
    return std::find(ids_.begin(), ids_.end(), std::pair(m.facet, m.id)) != ids_.end();
}

void CoMentionCounter::add(const index::SentenceMentions& article,
                           const std::vector<PatternHit>& hits) {
    hits_ = hits;
    for (const index::PlacedMention& m : article.mentions) {
        if (is_filter_entity(m)) hits_.push_back({m.position, m.words, 0});
    }
    // The sentences holding a match (a title match has none).
    sentences_.clear();
    for (const PatternHit& hit : hits_) {
        if (int s = article.sentence_of(hit.position); s >= 0) sentences_.push_back(s);
    }
    if (sentences_.empty()) return;
    std::sort(sentences_.begin(), sentences_.end());
    seen_.clear();
    for (const index::PlacedMention& m : article.mentions) {
        if (m.facet >= facets_.size() || !facets_[m.facet]) continue;
        if (!std::binary_search(sentences_.begin(), sentences_.end(),
                                article.sentence_of(m.position)))
            continue;
        // A mention a match stands in is the match itself, not named beside it.
        if (std::any_of(hits_.begin(), hits_.end(), [&](const PatternHit& h) {
                return h.position < m.position + m.words && m.position < h.position + h.length;
            }))
            continue;
        const std::uint32_t id = aliases_ ? aliases_->canonical(m.facet, m.id) : m.id;
        if (id == index::EntityAliases::kHidden) continue;  // no entity a reader can use
        // Once per article and facet, whichever key of the entity it writes.
        if (std::find(seen_.begin(), seen_.end(), std::pair(m.facet, id)) != seen_.end()) continue;
        seen_.emplace_back(m.facet, id);
        counts_[m.facet].add(id);
    }
}

CoMentionCounts count_co_mentions(const Xapian::Database& db, const Xapian::Query& query,
                                  const std::vector<MatchPattern>& patterns,
                                  const PatternTerms& terms,
                                  std::array<bool, schema::kFacetCount> facets,
                                  const index::EntityAliases* aliases) {
    if (std::all_of(patterns.begin(), patterns.end(),
                    [](const MatchPattern& p) { return p.title_only; }))
        return {};
    CoMentionCounter counter(db, patterns, facets, aliases);
    const std::vector<Xapian::docid> dids = index::matching_docids(db, query);
    const std::vector<std::vector<PatternHit>> hits =
        terms.hits(dids, [&](std::size_t p) { return counter.needs_positions(p); });
    index::SentenceMentions article;
    const Xapian::valueno slot = schema::kSlotSentenceMentions;
    Xapian::ValueIterator values = db.valuestream_begin(slot);
    const Xapian::ValueIterator end = db.valuestream_end(slot);
    for (std::size_t i = 0; i < dids.size() && values != end; ++i) {
        values.skip_to(dids[i]);
        if (values == end) break;
        if (values.get_docid() != dids[i]) continue;  // no value: the article names no entity
        if (!index::decode_sentence_mentions(*values, article))
            throw IndexError("document " + std::to_string(dids[i]) +
                             ": damaged entity mentions; re-index the corpus");
        counter.add(article, hits[i]);
    }
    return counter.counted();
}

}  // namespace byline::search
