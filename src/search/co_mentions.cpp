#include "search/co_mentions.h"

#include "index/stored_doc.h"
#include "search/facet_totals.h"

#include <algorithm>
#include <cctype>

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

// Whether a word of `name` (a mention as the article writes it) is a form of a query word: 0
// no, 1 maybe an occurrence, 2 surely one (PatternTerms::form_kind). Lower-casing ASCII stands
// for the analyzer's case folding; a name with other letters may hold one.
int CoMentionCounter::query_word_kind(std::string_view name) const {
    std::string word;
    int kind = 0;
    for (std::size_t i = 0; i <= name.size() && kind < 2; ++i) {
        const char c = i < name.size() ? name[i] : ' ';
        if (static_cast<unsigned char>(c) >= 0x80) kind = std::max(kind, 1);
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
            continue;
        }
        if (!word.empty()) kind = std::max(kind, terms_.form_kind(word));
        word.clear();
    }
    return kind;
}

bool CoMentionCounter::is_filtered_entity(std::uint32_t facet, const std::string& key) const {
    return std::any_of(patterns_.begin(), patterns_.end(), [&](const MatchPattern& p) {
        return p.entity && !p.entity_key.empty() && p.facet == facet && names_entity(p, key);
    });
}

// Whether mention `m`, in sentence `sentence`, is itself an occurrence of the query ("opec"
// matching the organisation OPEC): then it is what was asked for, not named beside it. Only a
// mention written with a query word can be, and one written with a one-word query's word is;
// otherwise (a phrase, a mention past the inline body) the positions decide: its entity term
// stands at its first word.
bool CoMentionCounter::is_the_match(Xapian::docid did, const index::StoredDoc& stored,
                                    const index::StoredMention& m, std::uint32_t sentence,
                                    const std::vector<PatternHit>& hits) const {
    const std::string& body = stored.doc.body;
    const bool inline_text = m.end <= body.size();
    const std::string_view text =
        inline_text ? std::string_view(body).substr(m.start, m.end - m.start) : std::string_view();
    if (inline_text) {
        const int kind = query_word_kind(text);
        if (kind != 1) return kind == 2;  // no query word in it, or a one-word query's own word
    }
    std::uint32_t words = 1;  // as written: "Paul\nVolcker" is two
    for (std::size_t i = 1; i < text.size(); ++i) {
        if (std::isspace(static_cast<unsigned char>(text[i - 1])) &&
            !std::isspace(static_cast<unsigned char>(text[i])))
            ++words;
    }
    const auto& starts = stored.sentence_positions;
    const std::uint32_t from = starts[sentence];
    const std::uint32_t to =
        sentence + 1 < starts.size() ? starts[sentence + 1] : UINT32_MAX;  // the sentence's words
    std::string term(schema::kFacetFields[m.facet].prefix);
    term += stored.entity_keys[m.key];
    for (auto it = db_.positionlist_begin(did, term); it != db_.positionlist_end(did, term); ++it) {
        const Xapian::termpos first = *it;
        if (first < from || first >= to) continue;
        if (std::any_of(hits.begin(), hits.end(), [&](const PatternHit& h) {
                return h.position < first + words && first < h.position + h.length;
            }))
            return true;
    }
    return false;
}

void CoMentionCounter::add(Xapian::docid did, const std::vector<PatternHit>& hits) {
    if (hits.empty()) return;  // matched in the title only, or by a stem alone
    const index::StoredDoc stored =
        index::unserialise(db_.get_document(did, Xapian::DOC_ASSUME_VALID).get_data());
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
        const std::string& written = stored.entity_keys[m.key];
        if (is_filtered_entity(m.facet, written)) continue;
        const std::string& key = aliases_ ? aliases_->canonical_key(m.facet, written) : written;
        if (key.empty()) continue;  // hidden: no entity a reader can use
        // Once per article and facet (one key may stand in two facets: a place, an org).
        auto same = [&](const auto& s) { return s.first == m.facet && *s.second == key; };
        if (std::find_if(seen_.begin(), seen_.end(), same) != seen_.end()) continue;
        if (is_the_match(did, stored, m, sentence, hits)) continue;
        seen_.emplace_back(m.facet, &key);
        ++counts_[m.facet][key];
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
    const std::vector<Xapian::docid> dids = matching_docids(db, query);
    const std::vector<std::vector<PatternHit>> hits = terms.hits(dids);
    CoMentionCounter counter(db, patterns, terms, facets, aliases);
    for (std::size_t i = 0; i < dids.size(); ++i)
        counter.add(dids[i], hits[i]);
    return counter.counted();
}

}  // namespace byline::search
