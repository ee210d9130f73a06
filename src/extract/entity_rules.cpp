#include "extract/entity_rules.h"

#include "util/text.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace byline::extract {
namespace {

using WordSet = std::unordered_set<std::string_view>;

bool contains(const WordSet& set, std::string_view w) {
    return set.count(w) > 0;
}

const WordSet kAbbreviations = {"Mr",  "Mrs",  "Ms",  "Dr",   "Gen", "Sen", "Rep",  "Gov",
                                "Lt",  "Col",  "Maj", "Capt", "Adm", "Sgt", "St",   "Jr",
                                "Sr",  "Prof", "Rev", "Jan",  "Feb", "Mar", "Apr",  "Aug",
                                "Sep", "Sept", "Oct", "Nov",  "Dec", "No",  "vs",   "Inc",
                                "Co",  "Corp", "Ltd", "Mt",   "Ft",  "Gov", "Cmdr", "Brig"};

const WordSet kConnectors = {"of",  "de",  "del", "della", "di", "da", "du",  "des", "von", "van",
                             "der", "den", "la",  "le",    "al", "el", "bin", "ibn", "the", "for"};

const WordSet kCalendar = {
    "january",   "february", "march",     "april",    "may",    "june",     "july",   "august",
    "september", "october",  "november",  "december", "jan",    "feb",      "mar",    "apr",
    "jun",       "jul",      "aug",       "sep",      "sept",   "oct",      "nov",    "dec",
    "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
    "tue",       "tues",     "wed",       "thu",      "thurs",  "fri",      "sat",    "sun"};

// Multi-word titles first so the longest one wins.
const char* const kTitles[] = {"secretary of state",
                               "secretary of the army",
                               "secretary of the navy",
                               "secretary of defense",
                               "secretary general",
                               "secretary-general",
                               "chief of staff",
                               "chancellor of the exchequer",
                               "attorney general",
                               "prime minister",
                               "deputy prime minister",
                               "foreign minister",
                               "defence minister",
                               "defense minister",
                               "finance minister",
                               "interior minister",
                               "foreign secretary",
                               "home secretary",
                               "defense secretary",
                               "defence secretary",
                               "treasury secretary",
                               "vice president",
                               "crown prince",
                               "special envoy",
                               "national security adviser",
                               "chief executive",
                               "head coach",
                               "presidential aide",
                               "first lady",
                               "foreign policy aide",
                               "president",
                               "minister",
                               "secretary",
                               "chancellor",
                               "king",
                               "queen",
                               "prince",
                               "princess",
                               "pope",
                               "sen",
                               "senator",
                               "rep",
                               "representative",
                               "gov",
                               "governor",
                               "gen",
                               "general",
                               "lt",
                               "col",
                               "colonel",
                               "maj",
                               "adm",
                               "admiral",
                               "capt",
                               "captain",
                               "mr",
                               "mrs",
                               "ms",
                               "dr",
                               "prof",
                               "professor",
                               "judge",
                               "justice",
                               "ambassador",
                               "envoy",
                               "mayor",
                               "chairman",
                               "chairwoman",
                               "chair",
                               "ceo",
                               "director",
                               "commissioner",
                               "spokesman",
                               "spokeswoman",
                               "spokesperson",
                               "aide",
                               "adviser",
                               "advisor",
                               "deputy",
                               "sheikh",
                               "archbishop",
                               "bishop",
                               "rev",
                               "coach",
                               "speaker",
                               "leader",
                               "premier",
                               "sgt",
                               "sergeant",
                               "lord",
                               "lady",
                               "sir",
                               "dame",
                               "emir",
                               "ayatollah",
                               "imam",
                               "cardinal",
                               "chief",
                               "lieutenant",
                               "commander",
                               "marshal",
                               "brig",
                               "field marshal",
                               "negotiator",
                               "opposition leader",
                               "party leader"};

const WordSet kPersonCues = {"envoy",
                             "aide",
                             "spokesman",
                             "spokeswoman",
                             "spokesperson",
                             "adviser",
                             "advisor",
                             "son-in-law",
                             "daughter-in-law",
                             "son",
                             "daughter",
                             "wife",
                             "husband",
                             "brother",
                             "sister",
                             "minister",
                             "president",
                             "secretary",
                             "chancellor",
                             "leader",
                             "chief",
                             "director",
                             "coach",
                             "striker",
                             "midfielder",
                             "defender",
                             "goalkeeper",
                             "captain",
                             "counterpart",
                             "negotiator",
                             "lawyer",
                             "attorney",
                             "ambassador",
                             "governor",
                             "senator",
                             "mayor",
                             "commander",
                             "premier",
                             "official",
                             "candidate",
                             "challenger",
                             "champion",
                             "player",
                             "manager",
                             "chairman",
                             "economist",
                             "analyst",
                             "mr",
                             "mrs",
                             "ms",
                             "dr",
                             "journalist",
                             "correspondent",
                             "colleague",
                             "rival",
                             "opponent",
                             "successor",
                             "predecessor",
                             "deputy",
                             "general",
                             "judge",
                             "prosecutor"};

const WordSet kOrgSuffixes = {
    "ministry",   "council",     "fund",         "agency",       "party",      "bank",
    "commission", "union",       "committee",    "court",        "office",     "department",
    "institute",  "university",  "association",  "federation",   "corp",       "corporation",
    "inc",        "ltd",         "plc",          "co",           "group",      "company",
    "airlines",   "airways",     "army",         "navy",         "forces",     "police",
    "parliament", "assembly",    "senate",       "congress",     "board",      "authority",
    "bureau",     "service",     "organisation", "organization", "foundation", "league",
    "club",       "front",       "movement",     "alliance",     "times",      "post",
    "news",       "exchange",    "reserve",      "tribunal",     "cabinet",    "guard",
    "brigade",    "battalion",   "industries",   "holdings",     "motors",     "bancorp",
    "securities", "partners",    "systems",      "technologies", "telecom",    "network",
    "school",     "college",     "hospital",     "church",       "society",    "institution",
    "centre",     "center",      "trust",        "force",        "command",    "regiment",
    "division",   "directorate", "secretariat",  "mission",      "coalition",  "consortium",
    "ag",         "gmbh",        "sa",           "nv",           "llc",        "lp",
    "bv",         "insurance",   "airline",      "petroleum",    "oil",        "gas",
    "energy",     "steel",       "mining",       "railways",     "press",      "herald",
    "journal",    "gazette",     "tribune",      "daily",        "radio",      "television",
    "tv",         "staff"};

const WordSet kOrgHeads = {"ministry",     "bank",         "university", "department",  "council",
                           "court",        "office",       "bureau",     "institute",   "league",
                           "organisation", "organization", "federation", "association", "committee",
                           "house",        "board",        "commission", "union",       "party",
                           "chamber",      "academy"};

const WordSet kPlaceSuffixes = {
    "base",  "beach",   "airport",  "island",  "islands",   "bay",      "river",  "valley",
    "lake",  "county",  "province", "oblast",  "peninsula", "strait",   "coast",  "desert",
    "canal", "harbour", "harbor",   "heights", "mountains", "mountain", "gulf",   "sea",
    "ocean", "square",  "district", "airbase", "springs",   "falls",    "glacier"};

const WordSet kParticles = {"von", "van", "der", "den",   "de",  "la",  "le",  "du",
                            "da",  "di",  "del", "della", "des", "dos", "das", "bin",
                            "ibn", "al",  "el",  "ter",   "ten", "zu",  "ben"};

const WordSet kGenerational = {"jr", "sr", "ii", "iii", "iv"};

const WordSet kNonEntitySuffixes = {
    "prize",        "award",         "awards",    "cup",        "war",        "day",
    "act",          "summit",        "plan",      "deal",       "agreement",  "accord",
    "treaty",       "conference",    "games",     "festival",   "talks",      "index",
    "championship", "championships", "open",      "trophy",     "tour",       "olympics",
    "bill",         "law",           "doctrine",  "protocol",   "memorandum", "declaration",
    "charter",      "convention",    "framework", "initiative", "program",    "programme",
    "project",      "strategy",      "report",    "crisis",     "revolution", "facts",
    "update",       "updates",       "news",      "live",       "opinion",    "analysis",
    "editorial"};

}  // namespace

bool is_abbreviation(std::string_view word) {
    return contains(kAbbreviations, word);
}
bool is_name_connector(std::string_view lower) {
    return contains(kConnectors, lower);
}
bool is_calendar_word(std::string_view lower) {
    return contains(kCalendar, lower);
}
bool is_person_cue(std::string_view lower) {
    return contains(kPersonCues, lower);
}
bool is_org_suffix(std::string_view lower) {
    return contains(kOrgSuffixes, lower);
}
bool is_org_head(std::string_view lower) {
    return contains(kOrgHeads, lower);
}
bool is_place_suffix(std::string_view lower) {
    return contains(kPlaceSuffixes, lower);
}
bool is_name_particle(std::string_view lower) {
    return contains(kParticles, lower);
}
bool is_generational_suffix(std::string_view lower) {
    return contains(kGenerational, lower);
}
bool is_legal_form(std::string_view lower) {
    static const WordSet kLegalForms = {"co", "cos", "corp", "inc", "ltd", "plc",  "llc",
                                        "lp", "ag",  "sa",   "nv",  "bv",  "gmbh", "spa"};
    return contains(kLegalForms, lower);
}
bool is_non_entity_suffix(std::string_view lower) {
    return contains(kNonEntitySuffixes, lower);
}

namespace {

// kTitles split into words and grouped by their first word: title_length runs for most words of
// an article, so it looks only at the titles that start with the word in hand.
using TitleIndex = std::unordered_map<std::string_view, std::vector<std::vector<std::string_view>>>;

const TitleIndex& titles_by_first_word() {
    static const TitleIndex index = [] {
        TitleIndex out;
        for (std::string_view title : kTitles) {
            std::vector<std::string_view> words = text::split(title, ' ');
            out[words.front()].push_back(std::move(words));
        }
        return out;
    }();
    return index;
}

}  // namespace

std::size_t title_length(const std::string_view* words, std::size_t count) {
    if (count == 0) return 0;
    const TitleIndex& index = titles_by_first_word();
    auto it = index.find(words[0]);
    if (it == index.end()) return 0;
    std::size_t best = 0;
    for (const auto& title : it->second) {
        if (title.size() > best && title.size() <= count &&
            std::equal(title.begin(), title.end(), words))
            best = title.size();
    }
    return best;
}

}  // namespace byline::extract
