#pragma once
// Choosing the passages of a hit that best answer the query, and marking exactly what matched.

#include <byline/analyzer.h>
#include <byline/searcher.h>

#include "index/stored_doc.h"
#include "search/passage_scorer.h"
#include "search/pattern_terms.h"
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

    const std::vector<MatchPattern>& patterns() const { return patterns_; }

  private:
    bool word_matches(const MatchPattern& p, const std::string& term, const std::string& language);

    Analyzer& analyzer_;
    const std::vector<MatchPattern>& patterns_;
};

struct PassageOptions {
    std::size_t count = 2;        ///< passages per hit
    std::size_t max_chars = 300;  ///< longest passage, in code points
};

/// Chooses an article's best passages (see passage_scorer.cpp for the score) from where the
/// query's patterns occur, then marks exactly what matched inside them. Only the chosen windows
/// are re-analysed, so a long article costs little more than a short one.
class PassageSelector {
  public:
    PassageSelector(const Xapian::Database& db, Analyzer& analyzer,
                    const std::vector<MatchPattern>& patterns, const PatternTerms& pattern_terms,
                    std::vector<double> pattern_weights, std::vector<NearGroup> near_groups)
        : db_(db),
          analyzer_(analyzer),
          matcher_(analyzer, patterns),
          pattern_terms_(pattern_terms),
          weights_(std::move(pattern_weights)),
          near_groups_(std::move(near_groups)) {}

    /// The best windows of document `did`, best first (score 0: the lead, nothing matched).
    std::vector<ScoredWindow> windows(Xapian::docid did, const index::StoredDoc& stored,
                                      const PassageOptions& options,
                                      std::vector<PatternHit>* hits_out = nullptr) const;

    /// Whether passages mark stored entity mentions (the query filters by an entity).
    bool marks_mentions() const {
        for (const MatchPattern& p : matcher_.patterns()) {
            if (p.entity && !p.entity_key.empty()) return true;
        }
        return false;
    }

    /// Where the query's patterns occur in document `did`.
    std::vector<PatternHit> hits(Xapian::docid did) const { return pattern_terms_.hits(did); }

    /// The passage shown for a window: cropped around its densest cluster if too long, with
    /// highlights on exactly the matching words.
    Passage render(Xapian::docid did, const index::StoredDoc& stored, const ScoredWindow& window,
                   const std::vector<PatternHit>& hits, const std::string& language,
                   std::size_t max_chars);

    std::vector<Passage> select(Xapian::docid did, const index::StoredDoc& stored,
                                const std::string& language, const PassageOptions& options);

    /// Highlights of the title (byte offsets into it).
    std::vector<Highlight> title_highlights(const std::string& title, const std::string& language);

  private:
    void add_mention_spans(const index::StoredDoc& stored, std::size_t start, std::size_t end,
                           std::vector<MatchSpan>& spans) const;

    const Xapian::Database& db_;
    Analyzer& analyzer_;
    Matcher matcher_;
    const PatternTerms& pattern_terms_;
    std::vector<double> weights_;
    std::vector<NearGroup> near_groups_;
};

/// Merges overlapping spans into highlights, relative to `base`.
std::vector<Highlight> to_highlights(const std::vector<MatchSpan>& spans, std::size_t begin,
                                     std::size_t end, std::size_t base);

}  // namespace byline::search
