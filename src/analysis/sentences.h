#pragma once
// Sentence boundaries from ICU, with English abbreviation suppressions ("U.S.", "Gen.", "Dec. 5").

#include <byline/analyzer.h>

#include <unicode/brkiter.h>

#include <memory>
#include <string_view>
#include <vector>

namespace byline::analysis {

class SentenceSplitter {
  public:
    SentenceSplitter();
    ~SentenceSplitter();
    SentenceSplitter(SentenceSplitter&&) noexcept;
    SentenceSplitter& operator=(SentenceSplitter&&) noexcept;

    /// Sentence spans without surrounding white space. A line break ends a sentence unless it
    /// only wraps a paragraph of hard-wrapped text (see line_wrap.h).
    std::vector<Span> split(std::string_view text);

  private:
    std::unique_ptr<icu::BreakIterator> breaker_;
};

/// A title for an article without a headline: the first sentence of `body`'s first paragraph,
/// cut at a word boundary (with "…") beyond 120 characters; "" for an empty body.
std::string lead_title(std::string_view body);

}  // namespace byline::analysis
