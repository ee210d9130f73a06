#pragma once
// Per-token normalisation shared by every path that makes or matches a term.

#include <string>
#include <string_view>

namespace byline::analysis {

/// NFKC case folding, apostrophe variants to ', optional accent folding (Latin and Greek only,
/// so Thai vowels or Devanagari signs are never stripped), and a stripped English possessive
/// ("ukraine's" -> "ukraine"). Input must be valid UTF-8.
std::string normalize_word(std::string_view word, bool fold_accents);

/// True for every hyphen and dash code point a writer may put between two word parts
/// (U+002D, U+2010..U+2015, U+2212, U+FE63, U+FF0D, U+00AD).
bool is_hyphen(char32_t c);

/// True for the apostrophe variants (U+0027, U+2018, U+2019, U+02BC, U+FF07).
bool is_apostrophe(char32_t c);

}  // namespace byline::analysis
