#include "extract/entity_coref.h"

#include "extract/entity_key.h"
#include "extract/entity_rules.h"
#include "util/text.h"

#include <algorithm>
#include <map>
#include <set>

namespace byline::extract {
namespace {

std::size_t word_tokens(const ChunkContext& c, const Candidate& cand) {
    std::size_t n = 0;
    for (std::size_t k = cand.first; k < cand.last; ++k) {
        if (c.tt.tokens[k].kind == TokenKind::word) ++n;
    }
    return n;
}

std::string surname_key(const ChunkContext& c, const Candidate& cand) {
    if (!cand.native.empty()) {  // Cyrillic: the nominative ("Пєсков" for "Пєскова")
        std::size_t space = cand.native.rfind(' ');
        return entity_key(space == std::string::npos ? cand.native : cand.native.substr(space + 1),
                          c.cyr_lang);
    }
    std::size_t k = cand.last - 1;
    std::size_t s = c.tt.tokens[k].start;
    return entity_key(c.text.substr(s, c.name_end(k) - s));
}

bool has_generational_suffix(const ChunkContext& c, const Candidate& cand) {
    std::string last = c.lower(cand.last - 1);
    if (!last.empty() && last.back() == '.') last.pop_back();
    return is_generational_suffix(last);
}

// "Bank of Brazil", "Marks and Spencer": a name with a small connecting word lends no surname,
// whatever it was taken for ("de", "van", "bin" may stand in a person's name).
bool has_connector(const ChunkContext& c, const Candidate& cand) {
    for (std::size_t k = cand.first + 1; k + 1 < cand.last; ++k) {
        const std::string w = c.lower(k);
        if (w == "of" || w == "and" || w == "for" || w == "the" || w == "&") return true;
    }
    return false;
}

// Surname key → the full name most often written (then the first written) in the document.
// "Donald Trump Jr." lends no surname: a lone "Trump" next to it is the father.
std::unordered_map<std::string, std::string> full_names(const ChunkContext& c,
                                                        const std::vector<Candidate>& cands) {
    struct Form {
        int count = 0;
        std::size_t first_start = 0;
    };
    std::map<std::string, std::map<std::string, Form>> forms_by_surname;
    for (const Candidate& cand : cands) {
        if (cand.kind != CandidateKind::person || cand.weak || word_tokens(c, cand) < 2) continue;
        if (has_generational_suffix(c, cand) || has_connector(c, cand)) continue;
        Form& f = forms_by_surname[surname_key(c, cand)][cand.name];
        if (f.count++ == 0) f.first_start = cand.start;
    }
    std::unordered_map<std::string, std::string> best;
    for (const auto& [surname, forms] : forms_by_surname) {
        auto top = std::max_element(forms.begin(), forms.end(), [](const auto& a, const auto& b) {
            return a.second.count != b.second.count ? a.second.count < b.second.count
                                                    : a.second.first_start > b.second.first_start;
        });
        best[surname] = top->first;
    }
    return best;
}

// May a one-word candidate be taken as the surname of a person the document names in full? A
// person or a weak guess may; in English, so may a known place or organisation not written as a
// place ("Neil Jordan ... Jordan said", but "in Jordan").
bool overridable(const ChunkContext& c, const Candidate& cand) {
    if (cand.weak || cand.kind == CandidateKind::person) return true;
    return c.english && (cand.kind == CandidateKind::place || cand.kind == CandidateKind::org) &&
           !after_place_word(c, cand);
}

}  // namespace

bool starts_with_given_name(const ChunkContext& c, std::string_view name) {
    const std::string_view first = name.substr(0, name.find(' '));
    return c.gaz.is_first_name(entity_key(first)) &&
           !c.gaz.is_common_word(text::ascii_lower(first));
}

bool after_place_word(const ChunkContext& c, const Candidate& cand) {
    static const std::set<std::string, std::less<>> kBefore = {
        "in",      "of",      "from",   "to",      "at",     "near",       "into", "across",
        "for",     "outside", "inside", "towards", "toward", "throughout", "via",  "over",
        "against", "with",    "visit",  "visited", "visits", "entered",    "left"};
    if (cand.first == 0) return false;
    const Token& before = c.tt.tokens[cand.first - 1];
    if (c.word(cand.first - 1) == "(") return true;  // "Erik Dekker ( Netherlands )"
    return before.kind == TokenKind::word && kBefore.count(c.lower(cand.first - 1)) > 0;
}

KnownEntities resolve_coreference(const ChunkContext& c, std::vector<Candidate>& cands) {
    auto surnames = full_names(c, cands);
    for (Candidate& cand : cands) {
        if (word_tokens(c, cand) != 1 || !overridable(c, cand)) continue;
        auto it = surnames.find(entity_key(c.text.substr(cand.start, cand.end - cand.start)));
        if (it == surnames.end() && !cand.native.empty())
            it = surnames.find(entity_key(cand.native, c.cyr_lang));
        if (it == surnames.end()) continue;
        // A known place or organisation gives way only to a name with a known given name
        // ("Neil Jordan"; not "Nintendo Europe", a person by mistake).
        if (!cand.weak && cand.kind != CandidateKind::person &&
            !starts_with_given_name(c, it->second))
            continue;
        cand.kind = CandidateKind::person;
        cand.name = it->second;
        cand.weak = false;
        if (!cand.native.empty() && has_cyrillic(it->second)) cand.native = it->second;
    }
    std::erase_if(cands, [](const Candidate& cand) { return cand.kind == CandidateKind::unknown; });
    KnownEntities known;
    for (const Candidate& cand : cands) {
        known.emplace(entity_key(c.text.substr(cand.start, cand.end - cand.start)),
                      std::make_pair(cand.kind, cand.name));
        if (cand.kind == CandidateKind::person && word_tokens(c, cand) >= 2 &&
            !has_generational_suffix(c, cand)) {
            known.emplace(surname_key(c, cand), std::make_pair(cand.kind, cand.name));
        }
    }
    return known;
}

}  // namespace byline::extract
