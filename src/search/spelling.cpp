#include "search/spelling.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace byline::search {

namespace {

constexpr Xapian::doccount kMinArticles = 3;  // a suggestion is a word the corpus really uses
constexpr Xapian::doccount kTimesMore = 10;   // ... and uses far more often than the query's
constexpr Xapian::doccount kCommon = 20;      // a query word this frequent is never corrected

// Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a
// substring), over bytes: enough to rank neighbours; stops early beyond `limit`. Three rolling
// rows, reused: it runs on thousands of terms per query word.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    thread_local std::vector<std::size_t> before, previous, current;
    before.assign(m + 1, 0);
    previous.resize(m + 1);
    current.resize(m + 1);
    for (std::size_t j = 0; j <= m; ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        std::size_t row_best = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
            row_best = std::min(row_best, current[j]);
        }
        if (row_best > limit) return limit + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[m];
}

bool is_lower_word(const std::string& term) {
    if (term.size() < 3) return false;
    const auto first = static_cast<unsigned char>(term[0]);
    // Prefixed terms (Z, S, XP...) start with a capital; numbers are not misspelled.
    return first >= 0x80 || (first >= 'a' && first <= 'z');
}

void collect_words(const QueryNode& node, std::vector<const QueryNode*>& words) {
    if (node.type == QueryNode::Type::negate) return;
    if (node.type == QueryNode::Type::word && (node.field.empty() || node.field == "title"))
        words.push_back(&node);
    for (const QueryNode& child : node.children)
        collect_words(child, words);
}

}  // namespace

std::string better_spelling(const Xapian::Database& db, const std::string& term) {
    if (!is_lower_word(term)) return "";
    const Xapian::doccount own = db.get_termfreq(term);
    if (own >= kCommon) return "";
    const std::size_t limit = term.size() >= 5 ? 2 : 1;
    const Xapian::doccount needed = std::max(kMinArticles, own * kTimesMore);
    std::string best;
    std::size_t best_distance = limit + 1;
    Xapian::doccount best_count = 0;
    // Misspellings rarely change the first two letters ("volker", "zelenski"), and scanning
    // only the words that share them keeps a rare query word's cost to a fraction of a
    // millisecond at 100,000 articles (all words of its first letter: 2-3 ms); swapped first
    // letters ("ovlcker") are looked up too.
    auto scan = [&](const std::string& prefix) {
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            const std::string candidate = *it;
            const std::size_t length_gap = candidate.size() > term.size()
                                               ? candidate.size() - term.size()
                                               : term.size() - candidate.size();
            if (length_gap > limit) continue;  // before the term frequency, which costs more
            const Xapian::doccount count = it.get_termfreq();
            if (count < needed) continue;
            const std::size_t distance = edit_distance(term, candidate, limit);
            if (distance == 0 || distance > limit) continue;
            if (distance < best_distance || (distance == best_distance && count > best_count)) {
                best = candidate;
                best_distance = distance;
                best_count = count;
            }
        }
    };
    const std::size_t first = static_cast<unsigned char>(term[0]) < 0x80 ? 1 : 2;
    const std::size_t second = static_cast<unsigned char>(term[first]) < 0x80 ? 1 : 2;
    scan(term.substr(0, first + second));
    const std::string swapped = term.substr(first, second) + term.substr(0, first);
    if (swapped != term.substr(0, first + second)) scan(swapped);
    return best;
}

std::string spelling_suggestion(const Xapian::Database& db, Analyzer& analyzer,
                                const QueryNode& tree, const std::string& query) {
    std::vector<const QueryNode*> words;
    collect_words(tree, words);
    std::string suggestion = query;
    bool changed = false;
    // From the last word back, so earlier positions stay valid as text is replaced.
    std::sort(words.begin(), words.end(),
              [](const QueryNode* a, const QueryNode* b) { return a->position > b->position; });
    for (const QueryNode* word : words) {
        const std::vector<Token> tokens = analyzer.tokenize(word->text);
        if (tokens.size() != 1) continue;
        const std::string better = better_spelling(db, tokens[0].term);
        const std::size_t at = query.find(word->text, word->position);
        if (better.empty() || at == std::string::npos) continue;
        suggestion.replace(at, word->text.size(), better);
        changed = true;
    }
    return changed ? suggestion : "";
}

}  // namespace byline::search
