#pragma once
// Name lists behind the entity extractor, loaded once from the data folder and ICU, and
// looked up by matching key (entity_key) in hash maps.

#include "extract/entity_cyrillic.h"
#include "extract/entity_extractor.h"
#include "util/text.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace byline::extract {

/// What a gazetteer entry is. `ignore` marks phrases that are never entities.
enum class GazKind : std::uint8_t { person, place, org, ignore };

/// Where an entry came from; a later source overrides an earlier one with the same key.
enum class GazSource : std::uint8_t { city, subdivision, country, curated, user };

struct GazEntry {
    GazKind kind;
    GazSource source;
    std::string name;              ///< display name
    std::uint32_t population = 0;  ///< cities, and regions of a city's name (the city's)
};

/// An entry with its keys computed (Gazetteer::prepare), ready to be added on any thread's
/// behalf: computing keys is the costly part of loading.
struct PreparedEntry {
    GazKind kind;
    GazSource source;
    std::string name;
    std::vector<std::string> keys;     ///< of the name, then of each alias; empty ones left out
    std::vector<bool> transliterated;  ///< per key: from a form in another script ("Аман")
    std::uint32_t population = 0;
    std::string country_code;  ///< a country's own entry: its ISO 3166 code
};

/// Country and region names from ICU's locale data, English and (with `cross_script`) other
/// scripts, prepared in the order they are to be added.
std::vector<PreparedEntry> prepared_countries(bool cross_script);

/// Country names in `lang` (ICU's display names: German "Polen", French "Pologne") with the
/// English name of each: (local, English), those that differ only.
std::vector<std::pair<std::string, std::string>> local_country_names(const std::string& lang);

/// "de-AT", "DE" -> "de".
std::string base_language(std::string_view lang);

/// `s` lower-cased (ICU, root locale).
std::string utf8_lower(std::string_view s);

/// How news names the country with ISO 3166 code `code`: ICU's short English form where it
/// has one ("Hong Kong", "UK"), else its English name.
std::string country_form(const std::string& code);

class Gazetteer {
  public:
    /// Loads every list in `dir` (see data/README.md), ICU country names and `user_file`.
    Gazetteer(const std::string& dir, const std::string& user_file, bool cross_script);
    /// An empty gazetteer for tests; fill it with add().
    Gazetteer() = default;

    /// Adds `name` and its aliases under their keys, keeping the higher source on a clash. A
    /// country's ICU name in another script whose Latin key is English words or another entry's
    /// name is left out: Belarusian "Аман" (Oman) is keyed "aman", as "Amman" is.
    void add(GazKind kind, GazSource source, std::string_view name,
             const std::vector<std::string>& aliases, std::uint32_t population = 0);
    static PreparedEntry prepare(GazKind kind, GazSource source, std::string_view name,
                                 const std::vector<std::string>& aliases,
                                 std::uint32_t population = 0);
    void add(const PreparedEntry& entry);
    void add_first_name(std::string_view name);
    /// A Cyrillic given name in the nominative, of `lang`.
    void add_native_first_name(std::string_view name, CyrLang lang);
    void add_common_word(std::string_view lower_word);
    void add_demonym(std::string_view name);

    const GazEntry* find(std::string_view key) const;
    /// The place `written` names in text of `lang` when that language has its own name for
    /// it (German "München", "Polen", "Polens"; data/place_names.tsv and ICU), or German's
    /// genitive of any known place ("Londons"); else null.
    const GazEntry* find_local(std::string_view lang, std::string_view written) const;
    /// Adds `local`, a name of the place named `english` in text of `lang`.
    void add_local_name(std::string_view lang, std::string_view local, std::string_view english);
    /// The city (or country) whose own Ukrainian or Russian name is `nominative` ("Мюнхен",
    /// "Пхеньян", "Нидерланды"; data/place_names.tsv and ICU), and in `key` the key of its
    /// entry; null when none. Kept apart from find()'s keys, which English text shares.
    const GazEntry* cyrillic_city(std::string_view nominative, CyrLang lang,
                                  std::string& key) const;
    bool is_first_name(std::string_view key) const { return first_names_.count(key); }
    /// Is `lower` (lower case, as written) a nominative given name of `lang`?
    bool is_native_first_name(std::string_view lower, CyrLang lang) const {
        return native_first_names_[static_cast<std::size_t>(lang)].count(lower);
    }
    /// `word` as written, lowered: is it a common English word ("peace", "council")?
    bool is_common_word(std::string_view lower_word) const;
    bool is_demonym(std::string_view key) const { return demonyms_.count(key); }
    /// Is `written`, exactly so, a curated organisation's name or alias ("dpa", "AFP")?
    bool is_curated_org_form(std::string_view written) const {
        return curated_org_forms_.count(written) > 0;
    }
    /// Is `key` a district, municipality or commune (no province, state or region): a
    /// subdivision that news from another country seldom names?
    bool is_minor_region(std::string_view key) const {
        return minor_regions_.count(key) && !major_regions_.count(key);  // "Florida": a state
    }
    /// The countries a place (by key) may be in, most populous place of that name first: a
    /// city's or region's country, a country's own name ("Japan"), a historical country's
    /// ("West Germany"). Empty when unknown.
    const std::vector<std::string>& countries_of(std::string_view key) const;
    /// The country a nationality adjective or demonym names ("japanese" -> Japan, "west german"
    /// -> West Germany), by the form lower-cased; nullptr if it is none.
    const std::string* country_of_form(std::string_view lower_form) const;
    /// `country` under the name it had on `date` (ISO day; "" for today's): Germany on
    /// 1987-03-02 is West Germany.
    const std::string& country_on(const std::string& country, std::string_view date) const;
    /// Largest number of words in a country form (bounds the scan for them).
    std::size_t max_form_words() const { return max_form_words_; }

    /// Largest number of words in any entry name (bounds longest-match scans).
    std::size_t max_words() const { return max_words_; }
    /// Every word of `key` is a common English word ("a man", "man").
    bool all_common_words(std::string_view key) const;

  private:
    void load_cities(const std::string& path);
    void load_subdivisions(const std::string& path);
    void load_word_list(const std::string& path, void (Gazetteer::*add)(std::string_view));
    void add_ukrainian_first_name(std::string_view name);
    void add_russian_first_name(std::string_view name);
    void load_country_forms(const std::string& path);
    void load_local_names(const std::string& path);
    void add_cyrillic_city_name(CyrLang lang, std::string_view local, std::string_view english);
    void note_city(const std::string& key, std::string_view name, std::uint32_t population);
    void load_country_history(const std::string& path);
    void resolve_countries();

    // Probed with string_views for every capitalised word: no string is built to look one up.
    using WordSet = std::unordered_set<std::string, text::StringHash, std::equal_to<>>;
    std::unordered_map<std::string, GazEntry, text::StringHash, std::equal_to<>> entries_;
    WordSet first_names_;
    std::array<WordSet, 2> native_first_names_;  // per CyrLang: Cyrillic, lower case
    WordSet common_words_;
    WordSet demonyms_;
    WordSet curated_org_forms_;              // as written
    WordSet minor_regions_, major_regions_;  // subdivision keys by type (is_minor_region)
    std::size_t max_words_ = 1;
    // While loading: per place key, (population, ISO code) of the places of that name.
    std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, std::string>>,
                       text::StringHash, std::equal_to<>>
        place_codes_;
    std::unordered_map<std::string, std::vector<std::string>, text::StringHash, std::equal_to<>>
        place_countries_;
    std::unordered_map<std::string, std::string, text::StringHash, std::equal_to<>> country_forms_;
    std::size_t max_form_words_ = 1;
    // Per base language: a local name lower-cased -> the English name of its entry.
    std::unordered_map<std::string, std::unordered_map<std::string, std::string, text::StringHash,
                                                       std::equal_to<>>>
        local_names_;
    // By CyrLang: a city's own name, lower-cased -> its English name.
    std::array<std::unordered_map<std::string, std::string, text::StringHash, std::equal_to<>>, 2>
        cyrillic_cities_;
    struct FormerName {
        std::string from, until, name;
    };
    std::unordered_map<std::string, std::vector<FormerName>> former_names_;
    // Per key: the biggest city of that name (or short name, "Freiburg") where another entry
    // holds the key (find_local reads them).
    std::unordered_map<std::string, GazEntry, text::StringHash, std::equal_to<>> biggest_cities_;
};

/// Parses a `--entities` file: `type<TAB>name[<TAB>alias|alias...]` lines, `#` comments,
/// type person, place, org or ignore. Throws byline::InputError naming file:line.
void load_entity_file(Gazetteer& gazetteer, const std::string& path, GazSource source);

/// The folder holding the gazetteer files: `requested`, else $BYLINE_DATA_DIR, else the
/// source tree's data/ folder, else (an installed library) the installed share/byline.
std::string resolve_data_dir(const std::string& requested);

}  // namespace byline::extract
