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

}  // namespace byline::analysis
