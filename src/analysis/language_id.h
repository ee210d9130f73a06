#pragma once
// Language identification of an article whose corpus does not name its language: Google's
// Compact Language Detector 2 (Debian's libcld2), run on the title and the start of the body.

#include <string>
#include <string_view>

namespace byline::analysis {

/// What the detector made of a text.
struct LanguageGuess {
    std::string code;       ///< ISO 639-1 code ("de"); "" when the detector knows none
    bool reliable = false;  ///< CLD2's own verdict: the best language clearly beats the next
    int percent = 0;        ///< share of the text's letters in `code`, 0-100
    int text_bytes = 0;     ///< letters the detector scored (markup, digits and spaces left out)
};

/// The detector's answer for `text` (UTF-8; invalid bytes make it give up), at most the first
/// kLanguageIdMaxBytes bytes read. Thread-safe.
LanguageGuess guess_language(std::string_view text);

/// Bytes of an article the detector reads: enough for any verdict, and bounded cost per article.
inline constexpr std::size_t kLanguageIdMaxBytes = 8192;

/// The ISO 639-1 code of an article's language, or "" when the text is too short or too mixed
/// to tell (the caller then uses its default language).
std::string identify_language(std::string_view title, std::string_view body);

}  // namespace byline::analysis
