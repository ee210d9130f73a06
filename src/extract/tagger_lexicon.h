#pragma once
// A language's word forms for the entity tagger (data/lexicon-LANG.bin): which capitalised
// words are nouns of the language and which are lower-case words. German writes every noun
// with a capital, so "Chemiekonzern" or "Liebeskummer" look like names to a tagger that has
// not seen them; a dictionary tells it they are words. Stored as a Bloom filter (about 1%
// false hits), built by byline-build-lexicon from Debian's word lists.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace byline::extract {

class TaggerLexicon {
  public:
    /// `forms`: words as a dictionary writes them ("Konzern", "bayerischen").
    static TaggerLexicon build(const std::vector<std::string>& forms);
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

    std::size_t bit_count() const { return bits_.size() * 64; }

  private:
    void insert(char kind, std::string_view form);
    bool contains(char kind, std::string_view form) const;

    std::vector<std::uint64_t> bits_;
};

/// `word` with its first letter lower-cased (ICU) and ASCII capitals after it lowered: the key
/// of a form in the lexicon ("Ärger" -> "ärger").
std::string lexicon_key(std::string_view word);

}  // namespace byline::extract
