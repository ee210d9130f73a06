// The closed word lists of the last pass (entity_hygiene.h): state abbreviations, casing.
#include "extract/entity_hygiene.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>

namespace byline::extract {

std::string_view state_of_abbreviation(std::string_view word) {
    // AP style for US states and D.C., Canadian Press for provinces: a standard, closed list.
    static const std::map<std::string_view, std::string_view> kStates = {
        {"ala", "Alabama"},        {"ariz", "Arizona"},
        {"ark", "Arkansas"},       {"calif", "California"},
        {"colo", "Colorado"},      {"conn", "Connecticut"},
        {"del", "Delaware"},       {"fla", "Florida"},
        {"ga", "Georgia"},         {"ill", "Illinois"},
        {"ind", "Indiana"},        {"kan", "Kansas"},
        {"kans", "Kansas"},        {"ky", "Kentucky"},
        {"la", "Louisiana"},       {"md", "Maryland"},
        {"mass", "Massachusetts"}, {"mich", "Michigan"},
        {"minn", "Minnesota"},     {"miss", "Mississippi"},
        {"mo", "Missouri"},        {"mont", "Montana"},
        {"neb", "Nebraska"},       {"nebr", "Nebraska"},
        {"nev", "Nevada"},         {"n.h", "New Hampshire"},
        {"n.j", "New Jersey"},     {"n.m", "New Mexico"},
        {"n.y", "New York"},       {"n.c", "North Carolina"},
        {"n.d", "North Dakota"},   {"okla", "Oklahoma"},
        {"ore", "Oregon"},         {"oreg", "Oregon"},
        {"pa", "Pennsylvania"},    {"penn", "Pennsylvania"},
        {"r.i", "Rhode Island"},   {"s.c", "South Carolina"},
        {"s.d", "South Dakota"},   {"tenn", "Tennessee"},
        {"tex", "Texas"},          {"vt", "Vermont"},
        {"va", "Virginia"},        {"wash", "Washington"},
        {"w.va", "West Virginia"}, {"wis", "Wisconsin"},
        {"wisc", "Wisconsin"},     {"wyo", "Wyoming"},
        {"alta", "Alberta"},       {"b.c", "British Columbia"},
        {"man", "Manitoba"},       {"n.b", "New Brunswick"},
        {"nfld", "Newfoundland"},  {"n.s", "Nova Scotia"},
        {"ont", "Ontario"},        {"que", "Quebec"},
        {"sask", "Saskatchewan"},  {"p.e.i", "Prince Edward Island"}};
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (word.empty() || word.size() > 6) return {};
    std::string lower(word);
    for (char& ch : lower)
        ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    auto it = kStates.find(lower);
    return it == kStates.end() ? std::string_view{} : it->second;
}

std::string title_case(std::string_view name) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<std::int32_t>(name.size())));
    u.toTitle(nullptr, icu::Locale::getEnglish());
    std::string out;
    u.toUTF8String(out);
    return out;
}

}  // namespace byline::extract
