#pragma once
/// \file
/// The one analyzer Byline uses for indexing, querying and highlighting, so a query always finds
/// what the indexer wrote and highlights land on exactly the words that matched.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace byline {

/// What kind of word ICU's word break rules found.
enum class TokenKind : std::uint8_t { letter, number, kana, ideographic };

/// A word of the input with its normalised form. Offsets are bytes into the analysed UTF-8 text
/// and always fall on code point (and word) boundaries.
struct Token {
    std::string term;            ///< NFKC case-folded, accent-folded, possessive stripped
    std::size_t start = 0;       ///< byte offset of the first byte
    std::size_t end = 0;         ///< byte offset one past the last byte
    std::uint32_t position = 0;  ///< word number, counted from 0
    TokenKind kind = TokenKind::letter;
};

/// A byte range [start, end) of the analysed text.
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
};

struct AnalyzerOptions {
    bool fold_accents = true;  ///< "café" finds "cafe" (Latin and Greek letters only)
};

/// ICU UAX #29 word and sentence segmentation (dictionaries for Chinese, Japanese, Thai) plus
/// per-token normalisation and Snowball stemming. Not thread-safe: use one per thread.
class Analyzer {
  public:
    explicit Analyzer(AnalyzerOptions options = {});
    ~Analyzer();
    Analyzer(Analyzer&&) noexcept;
    Analyzer& operator=(Analyzer&&) noexcept;

    /// The words of `text`, in order, positions counted from `first_position`.
    std::vector<Token> tokenize(std::string_view text, std::uint32_t first_position = 0);

    /// The normalised form of one word as written (what `tokenize` would give as its term).
    std::string normalize(std::string_view word);

    /// The Snowball stem of a normalised term in `language` (ISO 639-1 code or Snowball name);
    /// empty if the language has no stemmer or the term should not be stemmed.
    std::string stem(const std::string& term, const std::string& language);

    /// True if `language` has a Snowball stemmer.
    static bool has_stemmer(const std::string& language);

    /// Sentence spans of `text` (ICU sentence rules with English abbreviation suppressions). A
    /// line break ends a sentence, but in hard-wrapped text (wire copy, e-mail) one that only
    /// wraps a paragraph is a space: paragraphs end at blank lines, indented lines, list items
    /// and short lines. Leading and trailing white space is excluded from spans.
    std::vector<Span> sentences(std::string_view text);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace byline
