// Rule classification of one capitalised span, and the known-name scan of headlines.

#include "extract/entity_chunker.h"
#include "extract/entity_key.h"
#include "extract/entity_rules.h"

namespace byline::extract {
namespace {

Candidate make(const ChunkContext& c, std::size_t first, std::size_t last, CandidateKind kind,
               std::string name, bool weak) {
    Candidate cand{first, last, c.tt.tokens[first].start, c.name_end(last - 1),
                   kind,  weak, std::move(name)};
    if (cand.name.empty())
        cand.name = std::string(c.text.substr(cand.start, cand.end - cand.start));
    return cand;
}

// A gazetteer hit, unless a person cue says otherwise. Small or name-like cities are weak.
// False when the hit is a city only up to the key's folds ("Putin" is not Putten): the rules
// decide then.
bool from_gazetteer(const ChunkContext& c, std::size_t first, std::size_t last, bool person_cue,
                    const GazEntry& g, std::vector<Candidate>& out) {
    bool local = g.source == GazSource::city || g.source == GazSource::subdivision;
    std::string written(
        c.text.substr(c.tt.tokens[first].start, c.name_end(last - 1) - c.tt.tokens[first].start));
    // GeoNames names must match up to accents: the vowel folds of the key would turn "This"
    // into Thiès.
    if (local && ascii_fold(written) != ascii_fold(g.name)) return false;
    bool sentence_word = c.tt.tokens[first].sentence_start && last - first == 1 &&
                         c.gaz.is_common_word(c.lower(first));
    if (local && sentence_word) return true;
    if (person_cue && local) {
        out.push_back(make(c, first, last, CandidateKind::person, {}, false));
        return true;
    }
    std::string key = entity_key(c.word(first));
    bool weak = local && last - first == 1 && (g.population < 100000 || c.gaz.is_first_name(key));
    out.push_back(make(c, first, last, candidate_kind(g.kind), g.name, weak));
    out.back().local = local;
    return true;
}

bool all_common(const ChunkContext& c, std::size_t first, std::size_t last) {
    for (std::size_t k = first; k < last; ++k) {
        std::string w = c.lower(k);
        if (!c.gaz.is_common_word(w) && !is_name_connector(w)) return false;
    }
    return true;
}

// "Joint Base Elmendorf-Richardson", "Ramstein Air Base": a military base is a place.
bool inner_base(const ChunkContext& c, std::size_t first, std::size_t last) {
    for (std::size_t k = first + 1; k + 1 < last; ++k) {
        if (c.lower(k) == "base") return true;
    }
    return false;
}

// "Douglas & Lomason", "Marks & Spencer": partners' names joined by an ampersand name a firm.
bool has_ampersand(const ChunkContext& c, std::size_t first, std::size_t last) {
    for (std::size_t k = first + 1; k + 1 < last; ++k) {
        if (c.word(k) == "&") return true;
    }
    return false;
}

void classify_multi(const ChunkContext& c, std::size_t first, std::size_t last,
                    std::vector<Candidate>& out) {
    if (has_ampersand(c, first, last)) {
        out.push_back(make(c, first, last, CandidateKind::org, {}, false));
        return;
    }
    if (c.gaz.is_first_name(entity_key(c.word(first))) && !all_common(c, first + 1, last)) {
        out.push_back(make(c, first, last, CandidateKind::person, {}, false));
        return;
    }
    if (all_common(c, first, last)) return;  // "Key Facts", "Peace Plan"
    const GazEntry* head = c.gaz.find(entity_key(c.word(first)));
    if (head && head->kind == GazKind::org) return;  // "Toyota Celica": a product
    const GazEntry* tail = c.gaz.find(entity_key(c.word(last - 1)));
    bool head_place = head && head->kind == GazKind::place;
    bool tail_city = tail && tail->kind == GazKind::place &&
                     (tail->source == GazSource::city || tail->source == GazSource::subdivision);
    if (head_place || tail_city) {  // "Manchester United", "Borussia Dortmund"
        out.push_back(make(c, first, last, CandidateKind::org, {}, true));
        return;
    }
    out.push_back(make(c, first, last, CandidateKind::person, {}, true));
}

void classify_single(const ChunkContext& c, std::size_t i, std::vector<Candidate>& out) {
    const Token& t = c.tt.tokens[i];
    std::string w = c.lower(i);
    if (c.gaz.is_demonym(entity_key(w))) return;
    if (c.gaz.is_common_word(w)) {
        // "Later Trump left": a capitalised common word mid-sentence may be a surname; it
        // stays only if coreference finds the full name.
        if (!t.sentence_start && !t.all_caps)
            out.push_back(make(c, i, i + 1, CandidateKind::unknown, {}, true));
        return;
    }
    std::size_t len = t.end - t.start;
    if (t.all_caps && len >= 2 && len <= 6) {
        out.push_back(make(c, i, i + 1, CandidateKind::org, {}, true));
        return;
    }
    out.push_back(make(c, i, i + 1, CandidateKind::unknown, {}, true));
}

}  // namespace

void classify_span(const ChunkContext& c, std::size_t first, std::size_t last, bool person_cue,
                   std::vector<Candidate>& out) {
    std::size_t start = c.tt.tokens[first].start;
    std::string key = entity_key(c.text.substr(start, c.name_end(last - 1) - start));
    if (key.empty()) return;
    if (c.gaz.is_demonym(entity_key(c.word(last - 1)))) return;  // "Israeli", "Sri Lankan"
    if (const GazEntry* g = c.gaz.find(key)) {
        if (g->kind == GazKind::ignore || from_gazetteer(c, first, last, person_cue, *g, out))
            return;
    }
    std::string tail = c.lower(last - 1);
    if (person_cue && !has_org_head(c, first, last)) {  // "the official Bank of Brazil"
        out.push_back(make(c, first, last, CandidateKind::person, {}, false));
        return;
    }
    if (last - first >= 2 && c.gaz.is_demonym(entity_key(c.word(first)))) {
        // "Ukrainian NATO": a nationality before a known name is not part of it.
        std::size_t s = c.tt.tokens[first + 1].start;
        const GazEntry* rest = c.gaz.find(entity_key(c.text.substr(s, c.name_end(last - 1) - s)));
        if (rest && rest->kind != GazKind::ignore &&
            from_gazetteer(c, first + 1, last, false, *rest, out))
            return;
    }
    if ((last - first >= 2 && is_org_suffix(tail)) || has_org_head(c, first, last)) {
        out.push_back(make(c, first, last, CandidateKind::org, {}, false));
        return;
    }
    if (is_non_entity_suffix(tail)) return;
    if (last - first >= 2 && (is_place_suffix(tail) || inner_base(c, first, last)) &&
        !all_common(c, first, last)) {
        out.push_back(make(c, first, last, CandidateKind::place, {}, true));  // "Hallandale Beach"
        return;
    }
    if (last - first >= 2) {
        classify_multi(c, first, last, out);
    } else {
        classify_single(c, first, out);
    }
}

void scan_line_for_known(const ChunkContext& c, const Line& line, const KnownEntities& known,
                         std::vector<Candidate>& out) {
    for (std::size_t i = line.first; i < line.last;) {
        std::size_t best = 0;
        std::size_t max_n = std::min(c.gaz.max_words(), line.last - i);
        for (std::size_t n = max_n; n >= 1 && best == 0; --n) {
            if (c.tt.tokens[i].kind != TokenKind::word ||
                c.tt.tokens[i + n - 1].kind != TokenKind::word)
                continue;
            std::size_t s = c.tt.tokens[i].start;
            std::string key = entity_key(c.text.substr(s, c.name_end(i + n - 1) - s));
            if (auto k = known.find(key); k != known.end()) {
                out.push_back(make(c, i, i + n, k->second.first, k->second.second, false));
                best = n;
            } else if (const GazEntry* g = c.gaz.find(key); g && g->kind != GazKind::ignore) {
                bool local = g->source == GazSource::city || g->source == GazSource::subdivision;
                bool small = g->source == GazSource::city && g->population < 100000;
                bool spelled = !local || ascii_fold(c.text.substr(s, c.name_end(i + n - 1) - s)) ==
                                             ascii_fold(g->name);
                // "© Tyler Hicks/The New York Times": a given name, not the Texan city.
                bool given = local && n == 1 && line.style == LineStyle::title_case &&
                             i + 1 < line.last && c.is_cap_word(i + 1) && c.gaz.is_first_name(key);
                if ((!small || n > 1) && spelled && !given) {
                    out.push_back(make(c, i, i + n, candidate_kind(g->kind), g->name, false));
                    out.back().local = local;
                }
                best = n;
            }
        }
        i += best == 0 ? 1 : best;
    }
}

// "Ministry of Defense", "Russian Ministry of Defense", "Institute for the Study of War".
bool has_org_head(const ChunkContext& c, std::size_t first, std::size_t last) {
    for (std::size_t k = first; k + 2 < last && k <= first + 1; ++k) {
        std::string next = c.lower(k + 1);
        if (is_org_head(c.lower(k)) && (next == "of" || next == "for")) return true;
    }
    return false;
}

}  // namespace byline::extract
