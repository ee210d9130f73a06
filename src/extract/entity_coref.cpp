#include "extract/entity_coref.h"

#include "extract/entity_key.h"

#include <algorithm>
#include <map>

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
    std::size_t k = cand.last - 1;
    std::size_t s = c.tt.tokens[k].start;
    return entity_key(c.text.substr(s, c.name_end(k) - s));
}

// Surname key → the full name most often written (then the longest) in the document.
std::unordered_map<std::string, std::string> full_names(const ChunkContext& c,
                                                        const std::vector<Candidate>& cands) {
    std::map<std::string, std::map<std::string, int>> counts;
    for (const Candidate& cand : cands) {
        if (cand.kind != CandidateKind::person || cand.weak || word_tokens(c, cand) < 2) continue;
        ++counts[surname_key(c, cand)][cand.name];
    }
    std::unordered_map<std::string, std::string> best;
    for (const auto& [surname, forms] : counts) {
        auto top = std::max_element(forms.begin(), forms.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second < b.second : a.first.size() < b.first.size();
        });
        best[surname] = top->first;
    }
    return best;
}

}  // namespace

KnownEntities resolve_coreference(const ChunkContext& c, std::vector<Candidate>& cands) {
    auto surnames = full_names(c, cands);
    for (Candidate& cand : cands) {
        bool overridable = cand.weak || cand.kind == CandidateKind::person;
        if (!overridable || word_tokens(c, cand) != 1) continue;
        auto it = surnames.find(entity_key(c.text.substr(cand.start, cand.end - cand.start)));
        if (it == surnames.end()) continue;
        cand.kind = CandidateKind::person;
        cand.name = it->second;
        cand.weak = false;
    }
    std::erase_if(cands, [](const Candidate& cand) { return cand.kind == CandidateKind::unknown; });
    KnownEntities known;
    for (const Candidate& cand : cands) {
        known.emplace(entity_key(c.text.substr(cand.start, cand.end - cand.start)),
                      std::make_pair(cand.kind, cand.name));
        if (cand.kind == CandidateKind::person && word_tokens(c, cand) >= 2) {
            known.emplace(surname_key(c, cand), std::make_pair(cand.kind, cand.name));
        }
    }
    return known;
}

}  // namespace byline::extract
