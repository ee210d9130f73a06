#pragma once
// Matching keys for entity names: spelling variants from transliteration share one key.

#include <string>
#include <string_view>

namespace byline::extract {

/// Key for `name`: Latin ASCII (ICU "Any-Latin; Latin-ASCII" for non-ASCII input), lower
/// case, words separated by one space, punctuation dropped ("U.S." → "us"), then vowel and
/// doubling folds so "Zelenskyy"/"Zelensky"/"Zelenskiy", "Umerov"/"Umierov", "Kiev"/"Kyiv"
/// share a key; the first word of a longer name loses its English short form ("Dan
/// Driscoll" → "daniel driscoll"). Thread-safe.
std::string entity_key(std::string_view name);

/// `name` as lower-case Latin ASCII letters, digits and single spaces, without the folds.
std::string ascii_fold(std::string_view name);

}  // namespace byline::extract
