// What the tagger of a language other than English misses or mistypes, and the curated lists
// and the rest of the document settle (see entity_foreign.h).

#include "extract/entity_foreign.h"
#include "extract/entity_gazetteer.h"
#include "extract/entity_key.h"
#include "extract/entity_rules.h"
#include "extract/tagger_lexicon.h"

#include <algorithm>
#include <map>
#include <set>

namespace byline::extract {
namespace {

constexpr std::size_t kMaxCuratedTokens = 6;

std::vector<bool> covered_tokens(const ChunkContext& c, const std::vector<Candidate>& cands) {
    std::vector<bool> covered(c.tt.tokens.size(), false);
    for (const Candidate& cand : cands)
        for (std::size_t k = cand.first; k < cand.last && k < covered.size(); ++k)
            covered[k] = true;
    return covered;
}

// The curated organisation written exactly as `written`, or null.
const GazEntry* curated_org(const ChunkContext& c, std::string_view written) {
    if (!c.gaz.is_curated_org_form(written)) return nullptr;
    const GazEntry* g = c.gaz.find(entity_key(written));
    return g && g->kind == GazKind::org ? g : nullptr;
}

// The longest curated organisation form starting at token k over uncovered tokens: its end
// token, or k when there is none. One capitalised word counts only where it can be no person's
// name ("Nato", "Weltbank"; not "Wagner").
std::size_t curated_org_end(const ChunkContext& c, const std::vector<bool>& covered, std::size_t k,
                            const GazEntry*& hit) {
    const auto& toks = c.tt.tokens;
    std::size_t last = k;
    while (last < toks.size() && last - k < kMaxCuratedTokens && !covered[last] &&
           toks[last].kind != TokenKind::punct)
        ++last;
    for (std::size_t j = last; j > k; --j) {
        if (toks[j - 1].kind != TokenKind::word) continue;
        const std::string_view written =
            c.text.substr(toks[k].start, toks[j - 1].end - toks[k].start);
        hit = curated_org(c, written);
        if (!hit) continue;
        const bool one_capitalised_word = j == k + 1 && toks[k].cap && !toks[k].all_caps;
        if (one_capitalised_word && (!c.lexicon || may_be_person_word(c, written))) continue;
        return j;
    }
    hit = nullptr;
    return k;
}

}  // namespace

bool may_be_person_word(const ChunkContext& c, std::string_view word) {
    return c.gaz.is_first_name(entity_key(word)) ||
           (c.lexicon && (c.lexicon->is_surname(word) || c.lexicon->is_given_name(word)));
}

void add_curated_orgs(const ChunkContext& c, std::vector<Candidate>& cands) {
    const std::vector<bool> covered = covered_tokens(c, cands);
    for (std::size_t k = 0; k < c.tt.tokens.size(); ++k) {
        const Token& t = c.tt.tokens[k];
        if (covered[k] || t.kind != TokenKind::word) continue;
        const GazEntry* hit = nullptr;
        const std::size_t end = curated_org_end(c, covered, k, hit);
        if (!hit) continue;
        cands.push_back(Candidate{k, end, t.start, c.tt.tokens[end - 1].end, CandidateKind::org,
                                  false, hit->name});
        k = end - 1;
    }
}

void retype_curated_orgs(const ChunkContext& c, std::vector<Candidate>& cands) {
    for (Candidate& cand : cands) {
        if (cand.kind == CandidateKind::org) continue;
        const std::string_view text = c.text.substr(cand.start, cand.end - cand.start);
        // One word may be a surname the lists know only with a dictionary (German's).
        if (cand.kind == CandidateKind::person && cand.last - cand.first == 1 &&
            (!c.lexicon || may_be_person_word(c, text)))
            continue;
        if (const GazEntry* g = curated_org(c, text)) {
            cand.kind = CandidateKind::org;
            cand.name = g->name;
        }
    }
}

void settle_lone_persons(const ChunkContext& c, std::vector<Candidate>& cands) {
    // The people the document names in full, by surname and by given name, and what each lone
    // word is elsewhere.
    std::map<std::string, std::string, std::less<>> by_surname, by_given;
    std::set<std::string, std::less<>> shared_given;
    std::map<std::string, CandidateKind, std::less<>> other;
    for (const Candidate& cand : cands) {
        if (cand.kind == CandidateKind::person && cand.last - cand.first > 1) {
            by_surname.emplace(c.word(cand.last - 1), cand.name);
            auto [it, fresh] = by_given.emplace(c.word(cand.first), cand.name);
            if (!fresh && it->second != cand.name) shared_given.emplace(it->first);
        }
        if (cand.kind != CandidateKind::person && cand.last - cand.first == 1)
            other.emplace(c.word(cand.first), cand.kind);
    }
    for (Candidate& cand : cands) {
        if (cand.kind != CandidateKind::person || cand.last - cand.first != 1) continue;
        const std::string_view w = c.word(cand.first);
        if (cand.name != w) continue;  // coreference named it already
        if (auto it = other.find(w); it != other.end() && !by_surname.count(w)) {
            cand.kind = it->second;
            continue;
        }
        // "Max war heute unschlagbar" after "Max Verstappen": the one person of that given name.
        if (auto it = by_given.find(w); it != by_given.end() && !shared_given.count(w)) {
            cand.name = it->second;
            continue;
        }
        // "Mozarts Don Giovanni": a name's genitive, named without its -s where the document or
        // the dictionary knows the name.
        if (w.size() < 5 || !w.ends_with('s') || w.ends_with("ss")) continue;
        // "Andreas", "Williams": a name that ends in s is no genitive.
        if (may_be_person_word(c, w) ||
            (c.lexicon && c.lexicon->is_name(NameKind::person, utf8_lower(w))))
            continue;
        const std::string_view stem = w.substr(0, w.size() - 1);
        if (auto it = by_surname.find(stem); it != by_surname.end()) {
            cand.name = it->second;
        } else if (c.lexicon && (c.lexicon->is_surname(stem) || c.lexicon->is_given_name(stem) ||
                                 c.lexicon->is_name(NameKind::person, utf8_lower(stem)))) {
            cand.name = std::string(stem);
        }
    }
}

void retype_persons_named_for_countries(const ChunkContext& c, std::vector<Candidate>& cands) {
    std::set<std::string, std::less<>> retyped;
    for (Candidate& cand : cands) {
        if (cand.kind != CandidateKind::person || cand.last - cand.first < 2) continue;
        const std::size_t k = cand.last - 1;
        // "Anatole France", "Frédéric de Luxembourg": a given name, or a prince of his country.
        if (c.tt.tokens[k].kind != TokenKind::word || !c.is_cap_word(k - 1) ||
            may_be_person_word(c, c.word(cand.first)))
            continue;
        const std::string_view w = c.word(k);
        const GazEntry* g = c.lang.empty() ? nullptr : c.gaz.find_local(c.lang, w);
        if (!g) g = c.gaz.find(entity_key(w));
        if (!g || g->kind != GazKind::place || g->source != GazSource::country ||
            may_be_person_word(c, w))
            continue;
        cand.kind = CandidateKind::org;
        retyped.insert(cand.name);
    }
    // Coreference named a lone "Austria" after the full name, as its surname: it is the country.
    for (Candidate& cand : cands) {
        if (cand.kind != CandidateKind::person || !retyped.count(cand.name)) continue;
        cand.kind = CandidateKind::place;
        cand.name = std::string(c.text.substr(cand.start, cand.end - cand.start));
    }
}

}  // namespace byline::extract
