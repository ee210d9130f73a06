#include "extract/entity_gazetteer.h"

#include "extract/entity_key.h"
#include "util/text.h"

#include <byline/error.h>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>

#ifndef BYLINE_DATA_DIR
#define BYLINE_DATA_DIR "data"
#endif

namespace byline::extract {
namespace {

std::ifstream open_list(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw InputError(path,
                         "cannot open entity data file; pass the data folder with "
                         "BYLINE_DATA_DIR or reinstall byline's data files");
    }
    return in;
}

constexpr std::uint32_t kRegionRank = 500000;

// Calls `row` with the tab-separated fields of each line of a data file but blank lines and
// `#` comments.
template <typename Row>
void for_each_row(const std::string& path, Row&& row) {
    std::ifstream in = open_list(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        row(text::split(line, '\t'));
    }
}

std::size_t word_count(std::string_view key) {
    return static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

bool parse_kind(std::string_view s, GazKind& kind) {
    if (s == "person")
        kind = GazKind::person;
    else if (s == "place")
        kind = GazKind::place;
    else if (s == "org")
        kind = GazKind::org;
    else if (s == "ignore")
        kind = GazKind::ignore;
    else
        return false;
    return true;
}

}  // namespace

std::string base_language(std::string_view lang) {
    return text::ascii_lower(lang.substr(0, lang.find_first_of("-_")));
}

std::string utf8_lower(std::string_view s) {
    std::string out;
    icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
        .toLower(icu::Locale::getRoot())
        .toUTF8String(out);
    return out;
}

std::string resolve_data_dir(const std::string& requested) {
    if (!requested.empty()) return requested;
    if (const char* env = std::getenv("BYLINE_DATA_DIR"); env && *env) return env;
#ifdef BYLINE_INSTALLED_DATA_DIR
    // An installed library whose source tree is gone reads the installed copy.
    std::error_code ec;
    if (!std::filesystem::exists(BYLINE_DATA_DIR, ec) &&
        std::filesystem::exists(BYLINE_INSTALLED_DATA_DIR, ec))
        return BYLINE_INSTALLED_DATA_DIR;
#endif
    return BYLINE_DATA_DIR;
}

PreparedEntry Gazetteer::prepare(GazKind kind, GazSource source, std::string_view name,
                                 const std::vector<std::string>& aliases,
                                 std::uint32_t population) {
    PreparedEntry entry{kind, source, std::string(name), {}, {}, population, {}};
    auto add_key = [&](std::string key, bool transliterated) {
        if (key.empty() || std::find(entry.keys.begin(), entry.keys.end(), key) != entry.keys.end())
            return;
        entry.keys.push_back(std::move(key));
        entry.transliterated.push_back(transliterated);
    };
    auto key_of = [&](std::string_view form) {
        const bool other_script = has_other_script(form);
        add_key(entity_key(form), other_script);
        // A curated Cyrillic form is looked up by the key of the text's language: "ФРГ" is
        // "frg" in Russian text and "frh" in Ukrainian.
        if (source >= GazSource::curated && has_cyrillic(form)) {
            for (CyrLang lang : {CyrLang::uk, CyrLang::ru})
                add_key(entity_key(form, lang), other_script);
        }
    };
    key_of(name);
    for (const std::string& alias : aliases)
        key_of(alias);
    return entry;
}

bool Gazetteer::all_common_words(std::string_view key) const {
    for (std::string_view word : text::split(key, ' ')) {
        if (!is_common_word(word)) return false;
    }
    return true;
}

void Gazetteer::add(const PreparedEntry& entry) {
    for (std::size_t i = 0; i < entry.keys.size(); ++i) {
        const std::string& key = entry.keys[i];
        // ICU's names in other scripts are not reviewed; curated and user aliases are.
        if (entry.source == GazSource::country && entry.transliterated[i]) {
            auto it = entries_.find(key);
            if (all_common_words(key) || (it != entries_.end() && it->second.name != entry.name))
                continue;
        }
        auto [it, fresh] = entries_.try_emplace(
            key, GazEntry{entry.kind, entry.source, entry.name, entry.population});
        GazEntry& e = it->second;
        bool better = entry.source > e.source ||
                      (entry.source == e.source && entry.source == GazSource::city &&
                       entry.population > e.population);
        // A region named as a city is known to keep the city's size ("Vilnius").
        if (!fresh && better)
            e = GazEntry{
                entry.kind, entry.source, entry.name,
                e.name == entry.name ? std::max(e.population, entry.population) : entry.population};
        max_words_ = std::max(max_words_, word_count(key));
        // A country's own names outrank any city of that name ("Georgia", "Luxembourg").
        if (!entry.country_code.empty() && !entry.transliterated[i])
            place_codes_[key].emplace_back(UINT32_MAX, entry.country_code);
    }
}

void Gazetteer::add(GazKind kind, GazSource source, std::string_view name,
                    const std::vector<std::string>& aliases, std::uint32_t population) {
    add(prepare(kind, source, name, aliases, population));
    if (source != GazSource::curated || kind != GazKind::org) return;
    curated_org_forms_.emplace(name);
    curated_org_forms_.insert(aliases.begin(), aliases.end());
}

void Gazetteer::add_first_name(std::string_view name) {
    first_names_.insert(entity_key(name));
}

void Gazetteer::add_native_first_name(std::string_view name, CyrLang lang) {
    native_first_names_[static_cast<std::size_t>(lang)].insert(lower_in_script(name));
    first_names_.insert(entity_key(name, lang));
}

void Gazetteer::add_ukrainian_first_name(std::string_view name) {
    add_native_first_name(name, CyrLang::uk);
}

void Gazetteer::add_russian_first_name(std::string_view name) {
    add_native_first_name(name, CyrLang::ru);
}

void Gazetteer::add_common_word(std::string_view lower_word) {
    common_words_.insert(std::string(lower_word));
}

void Gazetteer::add_demonym(std::string_view name) {
    demonyms_.insert(entity_key(name));
}

const GazEntry* Gazetteer::find(std::string_view key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second;
}

bool Gazetteer::is_common_word(std::string_view lower_word) const {
    return common_words_.count(lower_word) > 0;
}

void Gazetteer::load_word_list(const std::string& path,
                               void (Gazetteer::*add_one)(std::string_view)) {
    std::ifstream in = open_list(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        for (std::string_view word : text::split(line, ' ')) {
            word = text::trim(word);
            if (!word.empty()) (this->*add_one)(word);
        }
    }
}

void Gazetteer::load_cities(const std::string& path) {
    for_each_row(path, [&](const std::vector<std::string_view>& f) {
        if (f.size() < 4) return;
        std::uint32_t pop = 0;
        std::from_chars(f[3].data(), f[3].data() + f[3].size(), pop);
        // A city called like a common word ("Reading", "Mobile") needs to be very large.
        if (pop < 1000000 && is_common_word(text::ascii_lower(f[0]))) return;
        add(GazKind::place, GazSource::city, f[0], {}, pop);
        note_city(entity_key(f[0]), f[0], pop);
        place_codes_[entity_key(f[0])].emplace_back(pop, std::string(f[1]));
        // "Frankfurt am Main", "Newcastle upon Tyne": news writes the town without its river.
        for (std::string_view joint : {" am ", " an der ", " im ", " in der ", " upon "}) {
            const std::size_t at = f[0].find(joint);
            if (at == std::string_view::npos || at == 0) continue;
            const std::string_view town = f[0].substr(0, at);
            if (!find(entity_key(town))) add(GazKind::place, GazSource::city, town, {}, pop);
            note_city(entity_key(town), town, pop);
            place_codes_[entity_key(town)].emplace_back(pop, std::string(f[1]));
            break;
        }
    });
}

namespace {

// ISO 3166-2 subdivision types below a province, state or region ("District", "Municipality",
// "Local council"), as iso-codes names them.
bool is_minor_region_type(std::string_view type) {
    static const std::set<std::string_view> kMinor = {"District",
                                                      "Municipality",
                                                      "Parish",
                                                      "Local council",
                                                      "Rural municipality",
                                                      "District municipality",
                                                      "Metropolitan district",
                                                      "London borough",
                                                      "Council area",
                                                      "Unitary authority",
                                                      "Two-tier county",
                                                      "County",
                                                      "Quarter",
                                                      "Urban municipality",
                                                      "City municipality",
                                                      "Commune",
                                                      "Special municipality",
                                                      "Island council",
                                                      "Town",
                                                      "Rayon",
                                                      "Popularate",
                                                      "Division",
                                                      "Zone",
                                                      "Department",
                                                      "Metropolitan department",
                                                      "Administrative atoll",
                                                      "Geographical unit",
                                                      "Free municipal consortium",
                                                      "Island",
                                                      "Outlying area"};
    return kMinor.count(text::trim(type)) > 0;
}

}  // namespace

void Gazetteer::load_subdivisions(const std::string& path) {
    for_each_row(path, [&](const std::vector<std::string_view>& f) {
        if (f.empty()) return;
        add(GazKind::place, GazSource::subdivision, f[0], {});
        if (f.size() > 2)
            (is_minor_region_type(f[2]) ? minor_regions_ : major_regions_).insert(entity_key(f[0]));
        // "US-TX": a region ranks as a place of kRegionRank people, above a town of its name
        // elsewhere ("Washington", Tyne and Wear), below a large city ("Valencia", Venezuela).
        if (f.size() > 1 && f[1].size() > 3 && f[1][2] == '-')
            place_codes_[entity_key(f[0])].emplace_back(kRegionRank,
                                                        std::string(f[1].substr(0, 2)));
    });
}

// "form<TAB>country": nationality adjectives and demonyms, and historical countries, which are
// their own country ("Soviet Union<TAB>Soviet Union").
void Gazetteer::load_country_forms(const std::string& path) {
    for_each_row(path, [&](const std::vector<std::string_view>& f) {
        if (f.size() < 2 || text::trim(f[0]).empty() || text::trim(f[1]).empty()) return;
        // Keyed as written, lower-cased: adjectives are looked up word by word as they come.
        std::string form = text::ascii_lower(text::trim(f[0]));
        max_form_words_ = std::max(max_form_words_, word_count(form));
        country_forms_.emplace(std::move(form), std::string(text::trim(f[1])));
    });
}

void Gazetteer::load_country_history(const std::string& path) {
    for_each_row(path, [&](const std::vector<std::string_view>& f) {
        if (f.size() < 4 || f[0].empty() || f[1].empty()) return;
        former_names_[std::string(f[0])].push_back(
            {std::string(f[2]), std::string(text::trim(f[3])), std::string(f[1])});
    });
}

const std::string& Gazetteer::country_on(const std::string& country, std::string_view date) const {
    if (date.size() < 10) return country;  // undated, or known to the month only: today's name
    auto it = former_names_.find(country);
    if (it == former_names_.end()) return country;
    date = date.substr(0, 10);
    for (const FormerName& former : it->second) {
        if ((former.from.empty() || date >= former.from) && date < former.until) return former.name;
    }
    return country;
}

// Turns the codes met while loading into the names a facet shows: the country's entry in the
// gazetteer under its news form ("UK" -> United Kingdom), most populous place first. A place
// known only by a curated name or alias ("Kiev") takes the countries of the name it stands for.
void Gazetteer::resolve_countries() {
    std::unordered_map<std::string, std::string> names;  // ISO code -> name shown
    auto name_of = [&](const std::string& code) -> const std::string& {
        auto [it, fresh] = names.try_emplace(code);
        if (fresh) {
            std::string form = country_form(code);
            const GazEntry* entry = find(entity_key(form));
            it->second = entry && entry->kind == GazKind::place ? entry->name : form;
        }
        return it->second;
    };
    for (auto& [key, codes] : place_codes_) {
        std::stable_sort(codes.begin(), codes.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<std::string>& countries = place_countries_[key];
        for (const auto& [population, code] : codes) {
            const std::string& name = name_of(code);
            if (std::find(countries.begin(), countries.end(), name) == countries.end())
                countries.push_back(name);
        }
    }
    place_codes_.clear();
    for (const auto& [form, country] : country_forms_) {
        const std::string key = entity_key(form);
        const GazEntry* entry = find(key);
        if (entry && entry->kind == GazKind::place && entity_key(entry->name) == key)
            place_countries_[key] = {country};  // a historical country is its own
    }
    // A curated name whose alias is a known place ("Kyiv", alias "Kiev"), then every alias of
    // a place of known country.
    for (const auto& [key, entry] : entries_) {
        const std::string name_key = entity_key(entry.name);
        if (entry.kind != GazKind::place || name_key == key || place_countries_.count(name_key))
            continue;
        auto alias = place_countries_.find(key);
        if (alias == place_countries_.end()) continue;
        std::vector<std::string> countries = alias->second;  // before an insert may rehash
        place_countries_[name_key] = std::move(countries);
    }
    for (const auto& [key, entry] : entries_) {
        if (entry.kind != GazKind::place || place_countries_.count(key)) continue;
        auto named = place_countries_.find(entity_key(entry.name));
        if (named == place_countries_.end()) continue;
        std::vector<std::string> countries = named->second;
        place_countries_[key] = std::move(countries);
    }
}

const std::vector<std::string>& Gazetteer::countries_of(std::string_view key) const {
    static const std::vector<std::string> none;
    auto it = place_countries_.find(key);
    return it == place_countries_.end() ? none : it->second;
}

const std::string* Gazetteer::country_of_form(std::string_view key) const {
    auto it = country_forms_.find(key);
    return it == country_forms_.end() ? nullptr : &it->second;
}

Gazetteer::Gazetteer(const std::string& dir, const std::string& user_file, bool cross_script) {
    // Country names in a dozen scripts go through ICU transliterators whose rules take most of
    // the start-up time to compile: they are keyed on another thread while the files load, and
    // added in their usual place, so the result does not depend on the threads.
    auto countries = std::async(std::launch::async, prepared_countries, cross_script);
    load_word_list(dir + "/common_words.txt", &Gazetteer::add_common_word);
    load_word_list(dir + "/first_names.txt", &Gazetteer::add_first_name);
    load_word_list(dir + "/first_names_extra.txt", &Gazetteer::add_first_name);
    load_word_list(dir + "/first_names_uk.txt", &Gazetteer::add_ukrainian_first_name);
    load_word_list(dir + "/first_names_ru.txt", &Gazetteer::add_russian_first_name);
    load_word_list(dir + "/demonyms.txt", &Gazetteer::add_demonym);
    load_cities(dir + "/cities.tsv");
    load_subdivisions(dir + "/subdivisions.tsv");
    for (const PreparedEntry& country : countries.get())
        add(country);
    for (const char* file : {"/places.tsv", "/orgs.tsv", "/ignore.tsv"}) {
        load_entity_file(*this, dir + file, GazSource::curated);
    }
    if (!user_file.empty()) load_entity_file(*this, user_file, GazSource::user);
    load_country_forms(dir + "/country_forms.tsv");
    load_country_history(dir + "/country_history.tsv");
    load_local_names(dir + "/place_names.tsv");
    resolve_countries();
    // Only the cities another entry displaced (a region, a country, a curated name) are worth
    // keeping apart.
    std::erase_if(biggest_cities_, [&](const auto& kv) {
        const GazEntry* g = find(kv.first);
        return g && g->source == GazSource::city && g->name == kv.second.name;
    });
}

void Gazetteer::note_city(const std::string& key, std::string_view name, std::uint32_t population) {
    GazEntry city{GazKind::place, GazSource::city, std::string(name), population};
    auto [it, fresh] = biggest_cities_.try_emplace(key, city);
    if (!fresh && population > it->second.population) it->second = std::move(city);
}

// Cities by their names in other languages (the file), and countries too (ICU), for each
// language the file names.
void Gazetteer::load_local_names(const std::string& path) {
    for_each_row(path, [&](const std::vector<std::string_view>& f) {
        if (f.size() == 3) add_local_name(f[0], f[1], f[2]);
    });
    std::vector<std::string> languages;
    for (const auto& [lang, names] : local_names_)
        languages.push_back(lang);
    for (const std::string& lang : languages) {
        for (const auto& [local, english] : local_country_names(lang))
            add_local_name(lang, local, english);
    }
}

void Gazetteer::add_local_name(std::string_view lang, std::string_view local,
                               std::string_view english) {
    const std::string base = base_language(lang);
    local_names_[base].try_emplace(utf8_lower(local), english);
    if ((base == "uk" || base == "ru") && has_cyrillic(local))
        add_cyrillic_city_name(base == "ru" ? CyrLang::ru : CyrLang::uk, local, english);
}

// A city's Ukrainian or Russian name ("Мюнхен", "Пхеньян", "Афіни") is kept apart from the
// keys, which English text shares: keyed as Latin letters, "Мец" (Metz) would make the Mets a
// place.
void Gazetteer::add_cyrillic_city_name(CyrLang lang, std::string_view local,
                                       std::string_view english) {
    const GazEntry* city = find(entity_key(english));
    if (!city || city->kind != GazKind::place) return;
    cyrillic_cities_[static_cast<std::size_t>(lang)].try_emplace(lower_in_script(local),
                                                                 std::string(english));
}

const GazEntry* Gazetteer::cyrillic_city(std::string_view nominative, CyrLang lang,
                                         std::string& key) const {
    const auto& names = cyrillic_cities_[static_cast<std::size_t>(lang)];
    auto it = names.find(lower_in_script(nominative));
    if (it == names.end()) return nullptr;
    const std::string& english = it->second;
    key = entity_key(english);
    const GazEntry* g = find(key);
    // "Мюнстер" is Münster, whose key the Irish province holds.
    if (g && g->name != english) {
        if (auto b = biggest_cities_.find(key);
            b != biggest_cities_.end() && b->second.name == english)
            return &b->second;
    }
    return g;
}

const GazEntry* Gazetteer::find_local(std::string_view lang, std::string_view written) const {
    if (local_names_.empty() || lang.empty()) return nullptr;
    const std::string base = base_language(lang);
    auto names = local_names_.find(base);
    if (names == local_names_.end()) return nullptr;
    auto place_named = [&](const std::string& english) -> const GazEntry* {
        const GazEntry* g = find(entity_key(english));
        return g && g->kind == GazKind::place ? g : nullptr;
    };
    const std::string lower = utf8_lower(written);
    // A city another entry displaced from its key: the Irish province took "Münster"'s, the
    // canton of Fribourg (German "Freiburg") that of Freiburg im Breisgau's short name. Looked
    // up only where it can matter: find_local runs on every capitalised span of tagger input.
    const bool accented = std::any_of(written.begin(), written.end(), [](char ch) {
        return static_cast<unsigned char>(ch) >= 0x80;
    });
    auto displaced_city = [&]() -> const GazEntry* {
        if (biggest_cities_.empty()) return nullptr;
        auto it = biggest_cities_.find(entity_key(written));
        return it == biggest_cities_.end() ? nullptr : &it->second;
    };
    if (auto it = names->second.find(lower); it != names->second.end()) {
        const GazEntry* local = place_named(it->second);
        const GazEntry* city = displaced_city();
        // "Freiburg" is German for Fribourg too, a city a seventh of its size.
        return city && (!local || city->population > 2 * local->population) ? city : local;
    }
    // Written with the city's own letters ("Münster", not "Munster"), it is the city.
    if (accented) {
        if (const GazEntry* city = displaced_city();
            city && std::string_view(city->name).starts_with(written))
            return city;
    }
    // German names a place in the genitive with an -s: its German name ("Polens", "Roms") or
    // the English one it shares ("Londons", "Bremens").
    if (base != "de" || written.size() < 4 || !written.ends_with('s')) return nullptr;
    const std::string_view stem = written.substr(0, written.size() - 1);
    if (auto it = names->second.find(std::string_view(lower).substr(0, lower.size() - 1));
        it != names->second.end())
        return place_named(it->second);
    if (written.size() < 5) return nullptr;
    if (const GazEntry* self = find(entity_key(written));
        self && ascii_fold(written) == ascii_fold(self->name))
        return nullptr;  // "Paris", "Athens": a name of its own
    const GazEntry* g = find(entity_key(stem));
    return g && g->kind == GazKind::place && ascii_fold(stem) == ascii_fold(g->name) ? g : nullptr;
}

void load_entity_file(Gazetteer& gazetteer, const std::string& path, GazSource source) {
    std::ifstream in = open_list(path);
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        std::string_view rest = text::trim(line);
        if (rest.empty() || rest[0] == '#') continue;
        std::vector<std::string_view> f = text::split(rest, '\t');
        GazKind kind;
        if (f.size() < 2 || !parse_kind(f[0], kind) || text::trim(f[1]).empty()) {
            throw InputError(path + ":" + std::to_string(number),
                             "expected 'person|place|org|ignore<TAB>Name[<TAB>Alias|Alias]'");
        }
        std::vector<std::string> aliases;
        if (f.size() > 2) {
            for (std::string_view a : text::split(f[2], '|')) {
                if (!text::trim(a).empty()) aliases.emplace_back(text::trim(a));
            }
        }
        gazetteer.add(kind, source, text::trim(f[1]), aliases);
    }
}

}  // namespace byline::extract
