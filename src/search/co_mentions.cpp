#include "search/co_mentions.h"

#include "index/stored_doc.h"

#include <algorithm>

namespace byline::search {

namespace {

// Whether `key` is the entity `pattern` (an entity filter) names: the key itself or, for a
// one-word person filter, any key with that last word.
bool names_entity(const MatchPattern& pattern, const std::string& key) {
    if (key == pattern.entity_key) return true;
    return pattern.by_surname && key.size() > pattern.entity_key.size() &&
           key.ends_with(pattern.entity_key) &&
           key[key.size() - pattern.entity_key.size() - 1] == ' ';
}

}  // namespace

bool CoMentionCounter::is_filtered_entity(std::uint32_t facet, const std::string& key) const {
    return std::any_of(patterns_.begin(), patterns_.end(), [&](const MatchPattern& p) {
        return p.entity && !p.entity_key.empty() && p.facet == facet && names_entity(p, key);
    });
}

// Whether every mention of m's entity in the article is an occurrence of the query itself
// ("opec" matching the organisation OPEC): then it is what was asked for, not named beside it.
// An entity term stands at the first word of each mention; a mention spans as many words as the
// longest form the article writes it in.
bool CoMentionCounter::is_the_match(Xapian::docid did, const index::StoredDoc& stored,
                                    const index::StoredMention& m,
                                    const std::vector<PatternHit>& hits) const {
    std::uint32_t words = 1;
    for (const index::StoredName& name : stored.names) {
        if (name.facet == m.facet && name.key == m.key)
            words = std::max(words, 1 + static_cast<std::uint32_t>(
                                            std::count(name.name.begin(), name.name.end(), ' ')));
    }
    std::string term(schema::kFacetFields[m.facet].prefix);
    term += stored.entity_keys[m.key];
    bool any = false;
    for (auto it = db_.positionlist_begin(did, term); it != db_.positionlist_end(did, term); ++it) {
        const Xapian::termpos first = *it;
        const bool matched = std::any_of(hits.begin(), hits.end(), [&](const PatternHit& h) {
            return h.position < first + words && first < h.position + h.length;
        });
        if (!matched) return false;
        any = true;
    }
    return any;
}

void CoMentionCounter::add(Xapian::docid did, const std::vector<PatternHit>& hits) {
    if (hits.empty()) return;  // matched in the title only, or by a stem alone
    const index::StoredDoc stored =
        index::unserialise(db_.get_document(did, Xapian::DOC_ASSUME_VALID).get_data(), true, false);
    const auto& starts = stored.sentence_positions;
    // The sentences holding a match: the last sentence starting at or before each position
    // (positions before the first sentence's are the title's).
    sentences_.clear();
    for (const PatternHit& hit : hits) {
        auto after = std::upper_bound(starts.begin(), starts.end(), hit.position);
        if (after != starts.begin())
            sentences_.push_back(static_cast<std::uint32_t>(after - starts.begin() - 1));
    }
    std::sort(sentences_.begin(), sentences_.end());
    if (sentences_.empty()) return;
    seen_.clear();
    const auto& spans = stored.sentences;
    for (const index::StoredMention& m : stored.mentions) {
        if (m.facet >= facets_.size() || !facets_[m.facet]) continue;
        // The sentence holding the mention: the last one starting at or before it.
        auto after = std::upper_bound(spans.begin(), spans.end(), m.start,
                                      [](std::uint64_t at, const Span& s) { return at < s.start; });
        if (after == spans.begin()) continue;
        const auto sentence = static_cast<std::uint32_t>(after - spans.begin() - 1);
        if (!std::binary_search(sentences_.begin(), sentences_.end(), sentence)) continue;
        const std::string& key = stored.entity_keys[m.key];
        if (is_filtered_entity(m.facet, key)) continue;
        // Once per article and facet (one key may stand in two facets: a place, an org).
        const std::uint64_t id = static_cast<std::uint64_t>(m.facet) << 32 | m.key;
        if (std::find(seen_.begin(), seen_.end(), id) != seen_.end()) continue;
        seen_.push_back(id);
        if (!is_the_match(did, stored, m, hits)) ++counts_[m.facet][key];
    }
}

namespace {

// Collects the ids of the documents the matcher visits (in ascending order).
class DocidCollector : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double) override {
        dids.push_back(doc.get_docid());
    }
    std::vector<Xapian::docid> dids;
};

}  // namespace

CoMentionCounts count_co_mentions(const Xapian::Database& db, const Xapian::Query& query,
                                  const std::vector<MatchPattern>& patterns,
                                  const PatternTerms& terms,
                                  std::array<bool, schema::kFacetCount> facets) {
    if (std::all_of(patterns.begin(), patterns.end(),
                    [](const MatchPattern& p) { return p.title_only; }))
        return {};
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    DocidCollector matches;
    enquire.add_matchspy(&matches);
    enquire.get_mset(0, 0, db.get_doccount());
    std::sort(matches.dids.begin(), matches.dids.end());
    const std::vector<std::vector<PatternHit>> hits = terms.hits(matches.dids);
    CoMentionCounter counter(db, patterns, facets);
    for (std::size_t i = 0; i < matches.dids.size(); ++i)
        counter.add(matches.dids[i], hits[i]);
    return counter.counted();
}

}  // namespace byline::search
