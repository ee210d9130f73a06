#pragma once
// Matching keys for entity names: spelling variants from transliteration share one key.

#include "extract/entity_cyrillic.h"

#include <string>
#include <string_view>

namespace byline::extract {

/// Key for `name`: Latin ASCII (ICU "Any-Latin; Latin-ASCII" for non-ASCII input), lower
/// case, words separated by one space, punctuation dropped ("U.S." → "us"), then vowel and
/// doubling folds so "Zelenskyy"/"Zelensky"/"Zelenskiy", "Umerov"/"Umierov", "Kiev"/"Kyiv"
/// share a key; the first word of a longer name loses its English short form ("Dan
/// Driscoll" → "daniel driscoll"). Cyrillic words lose the case endings no nominative has and
/// go through ICU's BGN/PCGN transliterator of their language (guessed from the letters,
/// Ukrainian when nothing tells), so "Зеленського" and "Zelenskyy" share a key. Thread-safe.
std::string entity_key(std::string_view name);
/// The same, with the language of Cyrillic words given (the article's).
std::string entity_key(std::string_view name, CyrLang lang);

/// Key that keeps the name's script (`cross_script` off): names in Latin letters get
/// entity_key; others are lower case in their own script, words separated by one space, Cyrillic
/// case endings stripped as above ("Зеленського" → "зеленський").
std::string exact_script_key(std::string_view name);

/// Does `name` have a letter of a script other than Latin ("Зеленський", "Αθήνα")?
bool has_other_script(std::string_view name);

/// `name` as lower-case Latin ASCII letters, digits and single spaces, without the folds.
std::string ascii_fold(std::string_view name);

}  // namespace byline::extract
