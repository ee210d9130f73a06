#pragma once
// Choosing the passages of a hit that best answer the query, and marking exactly what matched.

#include <byline/analyzer.h>
#include <byline/searcher.h>

#include "index/stored_doc.h"
#include "search/query_parser.h"

#include <vector>

namespace byline::search {

/// A pattern occurrence: tokens [first, last] of the analysed text and their byte span.
struct MatchSpan {
    std::size_t pattern = 0;
    std::size_t first_token = 0, last_token = 0;
    std::size_t start = 0, end = 0;
};

/// Finds pattern occurrences in analysed text. A word matches its own form and, unless exact,
/// every form with the same stem in the document's language; a phrase only where all its words
/// stand in a row; a wildcard every word it is a prefix of.
class Matcher {
  public:
    Matcher(Analyzer& analyzer, const std::vector<MatchPattern>& patterns)
        : analyzer_(analyzer), patterns_(patterns) {}

    std::vector<MatchSpan> find(const std::vector<Token>& tokens, const std::string& language,
                                bool in_title);

  private:
    bool word_matches(const MatchPattern& p, const std::string& term, const std::string& language);

    Analyzer& analyzer_;
    const std::vector<MatchPattern>& patterns_;
};

struct PassageOptions {
    std::size_t count = 1;        ///< passages per hit
    std::size_t max_chars = 300;  ///< longest passage, in code points
};

/// Scores sentences: each distinct pattern found adds its weight (collection rarity, idf), every
/// further occurrence a tenth of it, and the lead sentence a small bonus. Picks the best
/// non-overlapping ones, crops long ones around their matches at word boundaries.
class PassageSelector {
  public:
    PassageSelector(Analyzer& analyzer, const std::vector<MatchPattern>& patterns,
                    std::vector<double> pattern_weights)
        : analyzer_(analyzer), matcher_(analyzer, patterns), weights_(std::move(pattern_weights)) {}

    std::vector<Passage> select(const index::StoredDoc& stored, const std::string& language,
                                const PassageOptions& options);

    /// Highlights of the title (byte offsets into it).
    std::vector<Highlight> title_highlights(const std::string& title, const std::string& language);

  private:
    Analyzer& analyzer_;
    Matcher matcher_;
    std::vector<double> weights_;
};

/// Merges overlapping spans into highlights, relative to `base`.
std::vector<Highlight> to_highlights(const std::vector<MatchSpan>& spans, std::size_t begin,
                                     std::size_t end, std::size_t base);

}  // namespace byline::search
