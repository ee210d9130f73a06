#include "search/pattern_terms.h"

#include <algorithm>

namespace byline::search {

namespace {

constexpr std::size_t kMaxScannedTerms = 1000;  // per word: bounds the cost of a short stem
constexpr std::size_t kMaxCompletions = 100;    // as many as the Xapian wildcard query uses

}  // namespace

PatternTerms::PatternTerms(const Xapian::Database& db, Analyzer& analyzer,
                           const std::vector<MatchPattern>& patterns,
                           const std::set<std::string>& languages)
    : db_(db), analyzer_(analyzer), patterns_(patterns) {
    for (const MatchPattern& pattern : patterns) {
        std::vector<std::vector<std::string>> words;
        for (const std::string& term : pattern.terms) {
            if (pattern.prefix)
                words.push_back(completions(term));
            else if (pattern.exact)
                words.push_back({term});
            else
                words.push_back(word_forms(term, languages));
        }
        terms_.push_back(std::move(words));
    }
}

// Forms sharing a stem share its beginning, bar a changed last letter ("happi" <- "happy"),
// so only terms starting with the stem less its last letter are checked.
std::vector<std::string> PatternTerms::word_forms(const std::string& word,
                                                  const std::set<std::string>& languages) {
    std::vector<std::string> forms{word};
    std::set<std::string> stems;
    for (const std::string& lang : languages) {
        std::string stem = analyzer_.stem(word, lang);
        if (!stem.empty()) stems.insert(stem);
    }
    if (stems.empty()) return forms;
    std::string prefix = *stems.begin();
    for (const std::string& stem : stems) {
        std::size_t common = 0;
        while (common < prefix.size() && common < stem.size() && prefix[common] == stem[common])
            ++common;
        prefix.resize(common);
    }
    if (prefix.size() > 3) prefix.pop_back();
    std::size_t scanned = 0;
    for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
        if (++scanned > kMaxScannedTerms) break;
        std::string term = *it;
        if (term == word) continue;
        for (const std::string& lang : languages) {
            if (stems.count(analyzer_.stem(term, lang))) {
                forms.push_back(term);
                break;
            }
        }
    }
    return forms;
}

std::vector<std::string> PatternTerms::completions(const std::string& prefix) {
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    std::size_t scanned = 0;
    for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
        if (++scanned > 50 * kMaxScannedTerms) break;
        found.emplace_back(it.get_termfreq(), *it);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (found.size() > kMaxCompletions) found.resize(kMaxCompletions);
    std::vector<std::string> terms;
    for (auto& [freq, term] : found)
        terms.push_back(std::move(term));
    return terms;
}

std::vector<std::uint32_t> PatternTerms::positions(Xapian::docid did,
                                                   const std::vector<std::string>& terms) const {
    std::vector<std::uint32_t> out;
    for (const std::string& term : terms) {
        for (auto it = db_.positionlist_begin(did, term); it != db_.positionlist_end(did, term);
             ++it)
            out.push_back(*it);
    }
    std::sort(out.begin(), out.end());
    return out;
}

int PatternTerms::form_kind(const std::string& term) const {
    int kind = 0;
    for (std::size_t p = 0; p < terms_.size(); ++p) {
        for (const auto& forms : terms_[p]) {
            if (std::find(forms.begin(), forms.end(), term) == forms.end()) continue;
            const MatchPattern& pattern = patterns_[p];
            const bool one_word =
                terms_[p].size() == 1 && !pattern.prefix && !pattern.entity && !pattern.title_only;
            kind = std::max(kind, one_word ? 2 : 1);
        }
    }
    return kind;
}

void PatternTerms::add_occurrences(std::vector<std::uint32_t> starts,
                                   const std::vector<std::vector<std::uint32_t>>& next_words,
                                   std::size_t pattern, std::vector<PatternHit>& out) {
    // A phrase occurs where word k stands k positions after the first.
    for (std::size_t k = 0; k < next_words.size() && !starts.empty(); ++k) {
        const std::vector<std::uint32_t>& next = next_words[k];
        std::erase_if(starts, [&](std::uint32_t s) {
            return !std::binary_search(next.begin(), next.end(),
                                       s + static_cast<std::uint32_t>(k + 1));
        });
    }
    for (std::uint32_t s : starts)
        out.push_back({s, static_cast<std::uint32_t>(next_words.size() + 1), pattern});
}

std::vector<PatternHit> PatternTerms::hits(Xapian::docid did) const {
    std::vector<PatternHit> out;
    for (std::size_t p = 0; p < patterns_.size(); ++p) {
        if (patterns_[p].title_only) continue;
        const auto& words = terms_[p];
        std::vector<std::vector<std::uint32_t>> next;
        std::vector<std::uint32_t> starts = positions(did, words[0]);
        for (std::size_t k = 1; k < words.size() && !starts.empty(); ++k)
            next.push_back(positions(did, words[k]));
        next.resize(words.size() - 1);
        add_occurrences(std::move(starts), next, p, out);
    }
    return out;
}

std::vector<std::vector<std::uint32_t>> PatternTerms::positions(
    const std::vector<Xapian::docid>& dids, const std::vector<std::string>& terms) const {
    std::vector<std::vector<std::uint32_t>> out(dids.size());
    for (const std::string& term : terms) {
        Xapian::PostingIterator it = db_.postlist_begin(term);
        const Xapian::PostingIterator end = db_.postlist_end(term);
        for (std::size_t i = 0; i < dids.size() && it != end; ++i) {
            it.skip_to(dids[i]);
            if (it == end) break;
            if (*it != dids[i]) continue;
            for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos)
                out[i].push_back(*pos);
        }
    }
    if (terms.size() > 1) {
        for (auto& list : out)
            std::sort(list.begin(), list.end());
    }
    return out;
}

std::vector<std::vector<PatternHit>> PatternTerms::hits(
    const std::vector<Xapian::docid>& dids, const std::function<bool(std::size_t)>& wanted) const {
    std::vector<std::vector<PatternHit>> out(dids.size());
    for (std::size_t p = 0; p < patterns_.size(); ++p) {
        if (patterns_[p].title_only || !wanted(p)) continue;
        std::vector<std::vector<std::vector<std::uint32_t>>> words;  // word -> doc -> positions
        for (const std::vector<std::string>& forms : terms_[p])
            words.push_back(positions(dids, forms));
        for (std::size_t i = 0; i < dids.size(); ++i) {
            std::vector<std::vector<std::uint32_t>> next;
            for (std::size_t k = 1; k < words.size(); ++k)
                next.push_back(std::move(words[k][i]));
            add_occurrences(std::move(words[0][i]), next, p, out[i]);
        }
    }
    return out;
}

}  // namespace byline::search
