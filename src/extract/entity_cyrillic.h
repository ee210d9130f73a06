#pragma once
// Names written in Cyrillic (Ukrainian and Russian news): which language, Latin letters by ICU's
// BGN/PCGN transliterators, nominative forms of inflected names, and the title and function words
// the Cyrillic chunker needs. Only text with Cyrillic letters comes here: the English path never
// pays for it.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace byline::extract {

/// The language a Cyrillic name is transliterated from.
enum class CyrLang : std::uint8_t { uk, ru };

/// Grammatical gender of a name, from its first name or a verb next to it.
enum class Gender : std::uint8_t { unknown, male, female };

/// Does `s` hold a Cyrillic letter (U+0400–U+052F)? A byte scan.
bool has_cyrillic(std::string_view s);

/// Are most letters of `text` Cyrillic (a Ukrainian or Russian body without `lang`)?
bool mostly_cyrillic(std::string_view text);

/// Ukrainian if `text` has і, ї, є or ґ; Russian if ы, э, ъ or ё; else `lang` when it is "ru"
/// (or "be"); else Ukrainian.
CyrLang cyrillic_language(std::string_view text, std::string_view lang = {});

/// Latin ASCII of `s`: BGN/PCGN for `lang`, then ICU Any-Latin and Latin-ASCII for anything left
/// ("Зеленський" → "Zelens'kyy", "Шмигаль" → "Shmyhal'"). Thread-safe.
std::string cyrillic_to_latin(std::string_view s, CyrLang lang);

/// Lower case in the name's own script (ICU), "ё" as "е": the exact-script form of a key.
std::string lower_in_script(std::string_view s);

/// `word` without a case ending no nominative name has: "Зеленського"/"Зеленському"/"Зеленським"
/// → "Зеленський", "Лавровим"/"Путіним" → "Лавров"/"Путін", "Путінові" → "Путін",
/// "Свириденкові" → "Свириденко". Any other word comes back unchanged.
std::string strip_certain_ending(std::string_view word, CyrLang lang);

/// The nominative of a surname of a person of `gender` (unknown counts as male): also strips the
/// endings a nominative may have ("Путіна" → "Путін", "Шмигаля" → "Шмигаль", "Свириденка" →
/// "Свириденко"; for a woman "Захарової" → "Захарова").
std::string surname_nominative(std::string_view word, Gender gender, CyrLang lang);

/// Possible nominatives of an inflected name word, the word itself first, then by likelihood
/// ("Олени" → "Олени", "Олена", …; "Києві" → …, "Києв", …). For gazetteer and first-name lookups.
std::vector<std::string> nominative_candidates(std::string_view word);

/// Gender of a nominative first name: "Олена", "Марія" female; "Микола", "Ілля" male.
Gender first_name_gender(std::string_view nominative);

/// Does a Ukrainian or Russian word end with a consonant letter ("Відн", "Минфин")?
bool ends_with_consonant(std::string_view w);

/// Does a lower-case word name a surname by its shape ("…ський", "…енко", "…ук", "…ов")?
bool is_surname_shaped(std::string_view lower);

/// A title or role before a name, any case form, lower case ("президент", "прем'єр-міністра",
/// "генсеком", "речник").
bool is_cyrillic_title(std::string_view lower);

/// An abbreviation of a kind of thing, not of one organisation: a code of law ("ПКУ", "УК"), a
/// kind of body ("ГУ", "ОСББ"), a tax or register ("ПДВ", "ЄРПН"). Lower case.
bool is_generic_abbreviation(std::string_view lower);

/// Prepositions, conjunctions and pronouns that may start a sentence ("у", "за", "після").
bool is_cyrillic_function_word(std::string_view lower);

/// A noun or adjective of an institution, region or street in any case ("суд", "області",
/// "обласна", "узвозі"): a capitalised adjective before it is part of that name, no surname.
bool is_institution_word(std::string_view lower);

/// Does `w` end in one of `endings`, with letters before it? ("Кабміну" ends in "у").
bool ends_with_any(std::string_view w, std::initializer_list<std::string_view> endings);

/// A quotation mark as news sets them: " « » „ “ ”.
bool is_quote(std::string_view w);

struct ChunkContext;
struct Candidate;

/// Token k is a word of two letters or more, all capitals ("НАТО", "УВАГА").
bool is_capitals_word(const ChunkContext& c, std::size_t k);

/// Token k is an acronym: two Cyrillic letters or more, all capitals ("НАТО", "РДА", "АМКУ"),
/// and, where the text's dictionary is at hand, no word of the language ("УВАГА", "ЗА").
bool is_cyrillic_acronym(const ChunkContext& c, std::size_t k);

/// Token k of a Ukrainian text is a capitalised adjective in -ськ-/-цьк-/-зьк- before a
/// lower-case noun that agrees with it ("Стрийського парку", "Волинським шляхом", "Сихівський
/// пустир"): the adjective names no person. A verb ("Зеленський заявив") or a function word
/// after it does not agree.
bool adjective_with_noun(const ChunkContext& c, std::size_t k);

/// The given name of the lists that `word` is a form of, the text's language's first ("Юлі" ->
/// "Юля", "Марії" -> "Марія"); "" when none.
std::string cyrillic_given_name(const ChunkContext& c, std::string_view word);

/// The nominatives an adjective in another case may have, feminine, masculine and neuter
/// ("Новой" -> "Новая", "Новый", "Новое"; "Нової" -> "Нова"); none for a nominative.
std::vector<std::string> adjective_nominatives(std::string_view word, CyrLang lang);

/// Are tokens [first, last), two words or more, all common words of the language in some case,
/// none a given name or a proper noun's form ("Офісу Президента", "Кабінету Міністрів": an
/// institution, not a person)? False without the text's dictionary (c.dictionary).
bool only_common_words(const ChunkContext& c, std::size_t first, std::size_t last);

/// Lone Cyrillic persons read with the language's dictionary (c.dictionary; nothing without
/// one): a common word of the language that is no proper noun's form is no person
/// ("Сніговика", "Київський", "Абсолютом"), and an inflected proper noun is named by its
/// headword ("Дору" -> "Дора"). Given names of the lists and names coreference completed keep
/// theirs.
void read_lone_persons_in_dictionary(const ChunkContext& c, std::vector<Candidate>& cands);

/// Is `lower` a word or abbreviation for a street, square or avenue ("вул", "проспекту",
/// "площади")?
bool is_street_word(std::string_view lower);

/// A Cyrillic person named right after a street word is the street, a place: "вул.
/// Грушевського", "на проспекті Миру", "улица Ленина".
void read_streets(const ChunkContext& c, std::vector<Candidate>& cands);

/// A past-tense verb of a woman next to a lone surname ("заявила", "сказала").
bool is_feminine_verb(std::string_view lower);

}  // namespace byline::extract
