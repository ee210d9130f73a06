#pragma once
// Where a query pattern occurs in a document, from Xapian's positional data: no re-analysis of
// the body, so finding passages costs the same for a 1 MB article as for a short one.

#include <byline/analyzer.h>

#include "search/passage_scorer.h"
#include "search/query_parser.h"

#include <xapian.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace byline::search {

/// The index terms each pattern word can stand as, expanded once per query: a word's own form
/// and, unless exact, every indexed form with the same stem in one of the index's languages; a
/// wildcard's most frequent completions; a phrase's words as written.
class PatternTerms {
  public:
    PatternTerms(const Xapian::Database& db, Analyzer& analyzer,
                 const std::vector<MatchPattern>& patterns, const std::set<std::string>& languages);

    /// Every body occurrence of every pattern in document `did` (title-only patterns skipped).
    std::vector<PatternHit> hits(Xapian::docid did) const;

    /// Whether `term` (a normalised word) is one of the forms a pattern word stands as: 0 no,
    /// 1 a word of a phrase or wildcard (where it stands need not be an occurrence), 2 a one-word
    /// pattern (each place it stands in the body is an occurrence).
    int form_kind(const std::string& term) const;

    /// Per word of pattern `p`, the index terms it stands as.
    const std::vector<std::vector<std::string>>& forms(std::size_t p) const { return terms_[p]; }

    /// hits() of each document of `dids` (ascending), for many documents at once: each form's
    /// postings are read once, in order, and positions looked up only where the form occurs.
    /// Only the patterns `wanted(p)` accepts.
    std::vector<std::vector<PatternHit>> hits(
        const std::vector<Xapian::docid>& dids,
        const std::function<bool(std::size_t)>& wanted = [](std::size_t) { return true; }) const;

  private:
    std::vector<std::string> word_forms(const std::string& word,
                                        const std::set<std::string>& languages);
    std::vector<std::string> completions(const std::string& prefix);
    std::vector<std::uint32_t> positions(Xapian::docid did,
                                         const std::vector<std::string>& terms) const;
    // Positions of any of `terms` in each document of `dids`, sorted per document.
    std::vector<std::vector<std::uint32_t>> positions(const std::vector<Xapian::docid>& dids,
                                                      const std::vector<std::string>& terms) const;
    // Where a pattern of `words` (each word's positions) occurs: the first word's positions
    // with word k standing k positions after it.
    static void add_occurrences(std::vector<std::uint32_t> starts,
                                const std::vector<std::vector<std::uint32_t>>& next_words,
                                std::size_t pattern, std::vector<PatternHit>& out);

    const Xapian::Database& db_;
    Analyzer& analyzer_;
    const std::vector<MatchPattern>& patterns_;
    std::vector<std::vector<std::vector<std::string>>> terms_;  // pattern -> word -> forms
};

}  // namespace byline::search
