#pragma once
// A language's word forms for the entity tagger (data/lexicon-LANG.bin): which capitalised
// words are nouns of the language and which are lower-case words. German writes every noun
// with a capital, so "Chemiekonzern" or "Liebeskummer" look like names to a tagger that has
// not seen them; a dictionary tells it they are words. It also holds names known to be people,
// places or organisations (from other languages' Wikipedias). Stored as a Bloom filter (about
// 0.05% false hits), built by byline-build-lexicon.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace byline::extract {

/// What a known name is. `proper`: a proper noun as the dictionary heads it, in the nominative
/// ("Дора", of which "Дору" is a case).
enum class NameKind : std::uint8_t { person, place, org, given, surname, proper };

struct KnownName {
    NameKind kind;
    std::string name;  ///< as written ("Champions League")
};

class TaggerLexicon {
  public:
    /// `forms`: words as a dictionary writes them ("Konzern", "bayerischen").
    static TaggerLexicon build(const std::vector<std::string>& forms,
                               const std::vector<KnownName>& names = {});
    /// Reads a file written by save(). Throws byline::InputError naming the file when it is
    /// missing, truncated, damaged (checksum) or of another format.
    static TaggerLexicon load(const std::string& path);
    /// Throws byline::InputError when the file cannot be written.
    void save(const std::string& path) const;

    /// Is `word` (as written) a capitalised form of the dictionary: a noun in German?
    bool is_noun(std::string_view word) const;
    /// Is `word` (as written, any case) a lower-case form of the dictionary ("Die" -> "die")?
    bool is_lower_word(std::string_view word) const;
    /// Does `word` end with a noun of the dictionary after at least three letters: a compound
    /// ("Chemiekonzern" -> "Konzern")?
    bool has_noun_head(std::string_view word) const;
    /// That noun, lower case ("Chemiekonzern" -> "konzern"); empty when there is none.
    std::string noun_head(std::string_view word) const;

    /// Is `key` (name_key of a name's words) a known name of `kind`?
    bool is_name(NameKind kind, std::string_view key) const;
    /// Is `word` (as written), or the noun it ends with, a common noun: a capitalised form with
    /// an inflected form too ("Handelsminister" -> "Handelsministern", "Coach" -> "Coaches"),
    /// which a name in the dictionary lacks ("Detlef" has only "Detlefs")?
    bool is_common_noun(std::string_view word) const;
    /// Is `word` (as written) a known given name ("Jürgen")?
    bool is_given_name(std::string_view word) const;
    /// Is `word` (as written) a known surname ("Stoiber")?
    bool is_surname(std::string_view word) const;
    /// Is `word` (as written) a proper noun as the dictionary heads it ("Дора", not "Дору")?
    bool is_headword(std::string_view word) const;

    std::size_t bit_count() const { return bits_.size() * 64; }

  private:
    void insert(char kind, std::string_view form);
    bool contains(char kind, std::string_view form) const;

    std::vector<std::uint64_t> bits_;
};

/// The key of a name: its words lower-cased and joined without spaces ("Yahoo !" and "Yahoo!"
/// are one). `lower_words` are lower-cased already.
std::string name_key(const std::vector<std::string_view>& lower_words);

/// `word` with its first letter lower-cased (ICU) and ASCII capitals after it lowered: the key
/// of a form in the lexicon ("Ärger" -> "ärger").
std::string lexicon_key(std::string_view word);

}  // namespace byline::extract
