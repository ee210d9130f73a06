// Country and region names from ICU's locale data, in English and (for cross-script matching)
// in the languages news about Europe and the Middle East is often written in.

#include "extract/entity_gazetteer.h"

#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include <map>
#include <memory>

namespace byline::extract {
namespace {

// Only non-Latin scripts: Latin-script names ("Israele") collide with English words and
// demonyms once accents and vowels are folded.
constexpr const char* kDisplayLocales[] = {"ru", "uk", "be", "bg", "sr", "ar",
                                           "fa", "he", "el", "zh", "ja", "ko"};

std::string display_country(const icu::Locale& region, const char* display) {
    icu::UnicodeString name;
    region.getDisplayCountry(icu::Locale(display), name);
    std::string out;
    name.toUTF8String(out);
    return out;
}

// ICU's "Countries%short" / "%variant" tables ("UK", "Czech Republic") keyed by region code.
std::vector<std::pair<std::string, std::string>> alternative_forms() {
    std::vector<std::pair<std::string, std::string>> forms;
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle* bundle =
        ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region", "en", &status);
    for (const char* table : {"Countries%short", "Countries%variant"}) {
        UErrorCode st = status;
        UResourceBundle* t = ures_getByKey(bundle, table, nullptr, &st);
        while (U_SUCCESS(st) && ures_hasNext(t)) {
            int32_t len = 0;
            const char* code = nullptr;
            const UChar* value = ures_getNextString(t, &len, &code, &st);
            if (U_FAILURE(st) || !code) break;
            std::string utf8;
            icu::UnicodeString(value, len).toUTF8String(utf8);
            forms.emplace_back(code, utf8);
        }
        ures_close(t);
    }
    ures_close(bundle);
    return forms;
}

// Calls f(region, id) for every continent and sub-continent ICU knows.
template <class F>
void for_each_continent(F&& f) {
    UErrorCode status = U_ZERO_ERROR;
    for (URegionType type : {URGN_CONTINENT, URGN_SUBCONTINENT}) {
        std::unique_ptr<icu::StringEnumeration> ids(icu::Region::getAvailable(type, status));
        const char* id = nullptr;
        while (U_SUCCESS(status) && ids && (id = ids->next(nullptr, status)) != nullptr)
            f(icu::Locale("und", id), id);
    }
}

}  // namespace

std::vector<PreparedEntry> prepared_countries(bool cross_script) {
    std::vector<PreparedEntry> out;
    auto add = [&](const std::string& name, const std::vector<std::string>& aliases) {
        out.push_back(Gazetteer::prepare(GazKind::place, GazSource::country, name, aliases));
    };
    for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
        icu::Locale region("", *code);
        std::string english = display_country(region, "en");
        if (english.empty() || english == *code) continue;
        std::vector<std::string> aliases;
        if (cross_script) {
            for (const char* loc : kDisplayLocales)
                aliases.push_back(display_country(region, loc));
        }
        add(english, aliases);
        out.back().country_code = *code;
    }
    for (const auto& [code, form] : alternative_forms()) {
        std::string english = display_country(icu::Locale("", code.c_str()), "en");
        if (!english.empty() && english != code) add(english, {form});
        out.back().country_code = code;
    }
    // Continents and sub-continents ("Europe", "Eastern Europe", "Latin America").
    for_each_continent([&](const icu::Locale& region, const char* id) {
        std::string name = display_country(region, "en");
        if (!name.empty() && name != id) add(name, {});
    });
    return out;
}

std::vector<std::pair<std::string, std::string>> local_country_names(const std::string& lang) {
    std::vector<std::pair<std::string, std::string>> out;
    auto add = [&](const icu::Locale& region, const char* code) {
        std::string english = display_country(region, "en");
        std::string local = display_country(region, lang.c_str());
        if (!english.empty() && english != code && !local.empty() && local != code &&
            local != english)
            out.emplace_back(std::move(local), std::move(english));
    };
    for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code)
        add(icu::Locale("", *code), *code);
    for_each_continent(add);  // "Europa", "Osteuropa"
    return out;
}

std::string country_form(const std::string& code) {
    static const std::map<std::string, std::string> short_forms = [] {
        std::map<std::string, std::string> forms;
        for (auto& [c, form] : alternative_forms())
            forms.emplace(c, form);  // "%short" comes first: the first form of a code wins
        return forms;
    }();
    auto it = short_forms.find(code);
    return it != short_forms.end() ? it->second
                                   : display_country(icu::Locale("", code.c_str()), "en");
}

}  // namespace byline::extract
