#pragma once
// Entities in text of a language the rules were not written for. The capitalisation rules and
// the tagger learned English, and the Cyrillic rules read Ukrainian and Russian; in any other
// language a capitalised word says little (German capitalises every noun) and a town's name may
// be a word ("Auch", "Ende", "Wer"). There only names the gazetteers know are taken, and a
// one-word name only where it cannot be a word of the language: fewer entities, never junk.

#include "extract/entity_chunker.h"
#include "extract/entity_cyrillic.h"

#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace byline::extract {

/// One-word gazetteer names that are words of a language (data/gazetteer_words.tsv, built from
/// Debian's word lists by scripts/build_language_words.py).
class LanguageWords {
  public:
    LanguageWords();
    /// Reads `path`; a missing file leaves every language without a list. Throws
    /// byline::InputError on a malformed line.
    explicit LanguageWords(const std::string& path);
    ~LanguageWords();

    /// `lower_word` is a word of `lang`: where a sentence starts or, with `anywhere` (German
    /// nouns), wherever it is written capitalised.
    void add(std::string_view lang, std::string_view lower_word, bool anywhere);
    /// Is there a list for `lang` ("de", "de-AT")?
    bool has_list(std::string_view lang) const;
    /// Can `written` (a capitalised word) be a word of `lang` here?
    bool is_word(std::string_view lang, std::string_view written, bool sentence_start) const;

    /// The full dictionary of Ukrainian or Russian (lexicon-uk.bin, lexicon-ru.bin beside the
    /// list: every form of the language's words, and the headwords of its proper nouns), read
    /// on first use, for the Cyrillic rules; null when the file is missing. Throws
    /// byline::InputError when it is damaged.
    const TaggerLexicon* cyrillic_dictionary(CyrLang lang) const;

  private:
    struct Dictionary {
        std::string path;
        std::once_flag once;
        std::unique_ptr<const TaggerLexicon> lexicon;
        std::string error;  ///< why the file could not be read
    };
    // Per language: lower-case word -> true when it is a word anywhere.
    std::unordered_map<std::string, std::unordered_map<std::string, bool>> words_;
    mutable std::array<Dictionary, 2> dictionaries_;  // by CyrLang
};

/// Languages whose capitalised words the rules read: English ("en*") and, for Cyrillic words,
/// Ukrainian and Russian. "" (unknown) counts as read: the caller guesses from the script.
bool has_entity_rules(std::string_view lang);

/// Known names of the text of an unsupported language, in text order: longest gazetteer
/// matches that start with a capitalised word; a one-word match only where `words` says it
/// cannot be a word of `lang` (and no local place of a language without a list).
std::vector<Candidate> known_name_candidates(const ChunkContext& c, const LanguageWords& words,
                                             std::string_view lang);

// After a tagger of a language other than English (entity_tagged_foreign.cpp):

/// A known given name (the gazetteer's) or, with a dictionary (c.lexicon), a known surname or
/// given name ("Wagner", "Ford"): one word of it may be a person.
bool may_be_person_word(const ChunkContext& c, std::string_view word);

/// Adds the curated organisations written exactly as the lists write them ("Vereinten
/// Nationen", "dpa", "Nato") on words no candidate covers, named by their entries; one
/// capitalised word only where it is no known given name or surname. Leaves `cands` unordered.
void add_curated_orgs(const ChunkContext& c, std::vector<Candidate>& cands);

/// A place or person written exactly as a curated organisation ("Agentur Interfax", "das Rote
/// Kreuz") is that organisation; one word that is a known given name or surname stays.
void retype_curated_orgs(const ChunkContext& c, std::vector<Candidate>& cands);

/// One word read as a person that the document also reads as a place or organisation ("die
/// Bezirke Melk" beside "in Melk") takes that type, unless a full name in the document ends in
/// it; one that is the given name of one person the document names in full is that person
/// ("Max" after "Max Verstappen"); a known name's genitive is named without its -s ("Mozarts").
void settle_lone_persons(const ChunkContext& c, std::vector<Candidate>& cands);

/// A name of two words or more ending in a country's name ("Statistik Austria", "Geosphere
/// Austria") is an organisation's, not a person's; unless that word is a known name ("Michael
/// Jordan"), the first is a given name ("Anatole France") or a particle joins them ("Frédéric
/// de Luxembourg").
void retype_persons_named_for_countries(const ChunkContext& c, std::vector<Candidate>& cands);

}  // namespace byline::extract
