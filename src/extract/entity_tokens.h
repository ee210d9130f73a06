#pragma once
// Word tokens with byte offsets, capitalisation, sentence starts and line styles: the input of
// the entity chunker. A hand-written UTF-8 scanner (one pass, no regex) keeps it fast.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace byline::extract {

enum class TokenKind : std::uint8_t { word, number, punct };

struct Token {
    std::size_t start = 0;  ///< byte offsets into the text
    std::size_t end = 0;
    TokenKind kind = TokenKind::punct;
    bool cap = false;             ///< first letter upper case ("Kyiv", "NATO", "G20", "U.S.")
    bool all_caps = false;        ///< every letter upper case
    bool sentence_start = false;  ///< first word of a sentence
    std::uint32_t line = 0;       ///< index into TokenizedText::lines
};

/// How a line is written: normal prose, a Title Case headline or ALL CAPS.
enum class LineStyle : std::uint8_t { prose, title_case, all_caps };

struct Line {
    std::size_t first = 0;  ///< token range [first, last)
    std::size_t last = 0;
    LineStyle style = LineStyle::prose;
};

struct TokenizedText {
    std::vector<Token> tokens;
    std::vector<Line> lines;
};

/// Tokens of `text`. Possessive "'s" and "’s" are separate tokens; "U.S.", "O'Brien",
/// "Trump-chaired" and "son-in-law" are one token each; a sentence-final "." is its own token.
/// A stock ticker in angle brackets ("Exxon Corp <XON>") is one punctuation token, so it never
/// becomes or joins a name.
TokenizedText tokenize_for_entities(std::string_view text);

/// True for lower-case function words that may stand inside a Title Case headline.
bool is_headline_function_word(std::string_view lower);

}  // namespace byline::extract
