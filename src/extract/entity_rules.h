#pragma once
// Closed word lists of the entity rules: titles, cue words, connectors, suffixes, months.
// They are grammar rather than data, so they live in code (names live in data/).

#include <cstddef>
#include <string_view>

namespace byline::extract {

/// Words after which "." does not end a sentence ("Gen", "Nov", "Mr"), as written.
bool is_abbreviation(std::string_view word);

/// Lower-case words that may join capitalised words inside a name ("Bank of England").
bool is_name_connector(std::string_view lower);

/// Month and weekday names and their abbreviations, lower case ("nov", "tuesday").
bool is_calendar_word(std::string_view lower);

/// Number of words of `lower_words` (lower case, periods stripped) that form a person title
/// at its start ("prime minister", "secretary of the army", "gen"); 0 if none.
std::size_t title_length(const std::string_view* lower_words, std::size_t count);

/// Lower-case words right before a name that make it a person ("envoy", "aide").
bool is_person_cue(std::string_view lower);

/// Last words that make a name an organisation ("Ministry", "Council", "Bank").
bool is_org_suffix(std::string_view lower);

/// First words that make "X of Y" an organisation ("Ministry of Defence", "Bank of England").
bool is_org_head(std::string_view lower);

/// Last words that make a name a place ("Hallandale Beach", "Joint Base X", "Shell Bay").
bool is_place_suffix(std::string_view lower);

/// Lower-case particles inside personal names ("von der Leyen", "bin Salman", "da Silva").
bool is_name_particle(std::string_view lower);

/// Generational suffixes after a name ("Jr", "III"), lower case without the period.
bool is_generational_suffix(std::string_view lower);

/// Last words of names that are events, laws or awards, not entities ("Prize", "Summit").
bool is_non_entity_suffix(std::string_view lower);

/// Company legal forms, lower case without the period ("inc", "corp", "ltd", "plc", "ag").
bool is_legal_form(std::string_view lower);

}  // namespace byline::extract
