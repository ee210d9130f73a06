// Closed word lists and word shapes for Cyrillic names: grammar, so it lives in code.
#include "extract/entity_cyrillic.h"

#include "util/text.h"

#include <array>
#include <unordered_set>

namespace byline::extract {
namespace {

using WordSet = std::unordered_set<std::string_view>;

struct Ending {
    std::string_view ending;
    std::array<std::string_view, 5> adds;  // nominative endings to try, likeliest first
};

// Case endings of nouns and names, longest first, with the nominative endings they replace:
// "Олени" → "Олена", "Марком" → "Марк", "Дмитра" → "Дмитро", "Києві" → "Києв". "_" is the
// bare stem; unused slots are empty.
constexpr std::array<Ending, 28> kEndings = {{
    // Plural town names ("Черкаси", "Чернівці", "Суми"): "у Черкасах", "Чернівцям";
    // "Нидерландов", "Нідерландів".
    {"ах", {"и", "ы"}},
    {"ях", {"і", "и"}},
    {"ам", {"и"}},
    {"ов", {"ы"}},
    {"ів", {"и"}},
    {"ові", {"_", "о"}},
    {"еві", {"ь", "_"}},
    {"єві", {"й"}},
    {"ою", {"а"}},
    {"ею", {"я", "ь"}},
    {"єю", {"я"}},
    {"ом", {"_", "о"}},
    {"ем", {"ь", "_", "й"}},
    {"єм", {"й"}},
    {"ої", {"а"}},
    {"ой", {"а"}},
    {"ей", {"я", "ь"}},
    {"ї", {"я"}},
    {"а", {"_", "о", "ь"}},
    {"я", {"ь", "й", "_"}},
    {"у", {"_", "а", "о"}},
    {"ю", {"ь", "я", "й"}},
    {"і", {"а", "_", "о", "я", "ь"}},
    {"и", {"а", "я"}},
    {"е", {"_", "а", "ь"}},
    {"ы", {"а"}},
    {"ё", {"_"}},
    {"ій", {"ія"}},
}};

void add_unique(std::vector<std::string>& out, std::string s) {
    for (const std::string& o : out) {
        if (o == s) return;
    }
    out.push_back(std::move(s));
}

// "Харков" → "Харків", "Львов" → "Львів", "Києв" → "Київ": Ukrainian о/е/є become і/ї in the
// closed last syllable of the nominative.
std::string ikavism(std::string_view stem) {
    std::size_t k = stem.size();
    if (k < 6) return {};
    std::string_view last(stem.data() + k - 2, 2), vowel(stem.data() + k - 4, 2);
    bool consonant = last != "а" && last != "е" && last != "и" && last != "і" && last != "о" &&
                     last != "у" && last != "я" && last != "ю" && last != "є" && last != "ь";
    if (!consonant) return {};
    std::string head(stem.substr(0, k - 4));
    if (vowel == "о" || vowel == "е") return head + "і" + std::string(last);
    if (vowel == "є") return head + "ї" + std::string(last);
    return {};
}

const WordSet kTitleExact = {"мер",    "мера",    "мером",  "меру",   "глава",    "главы",
                             "главе",  "главу",   "главой", "голова", "голови",   "голові",
                             "голову", "головою", "посол",  "посла",  "послом",   "послу",
                             "пан",    "пані",    "пана",   "паном",  "господин", "госпожа",
                             "папа",   "папи",    "папы",   "король", "короля",   "королем"};

constexpr std::array<std::string_view, 44> kTitlePrefixes = {
    "президент",       "експрезидент", "екс-президент", "экс-президент", "прем'єр",
    "прем’єр",         "премьер",      "віце-прем",     "вице-прем",     "міністр",
    "министр",         "міністерк",    "генсек",        "секретар",      "пресс-секретар",
    "прес-секретар",   "речни",        "канцлер",       "спікер",        "спикер",
    "губернатор",      "генерал",      "командувач",    "командующ",     "головнокомандувач",
    "главнокомандующ", "депутат",      "лідер",         "лидер",         "сенатор",
    "прокурор",        "генпрокурор",  "посланц",       "посланник",     "спецпосла",
    "спецпредстав",    "представник",  "представител",  "заступник",     "заместител",
    "радник",          "советник",     "помічник",      "очільни"};

const WordSet kFunctionWords = {
    // Ukrainian
    "у", "в", "на", "з", "із", "зі", "до", "від", "за", "про", "по", "для", "і", "й", "та", "а",
    "але", "що", "як", "це", "цей", "ця", "ці", "цього", "його", "її", "їх", "він", "вона", "вони",
    "воно", "ми", "ви", "я", "так", "не", "ні", "також", "вже", "уже", "після", "під", "над",
    "через", "при", "о", "об", "біля", "коли", "де", "там", "тут", "тому", "однак", "проте",
    "водночас", "зокрема", "нині", "зараз", "сьогодні", "вчора", "учора", "завтра", "раніше",
    "згодом", "потім", "тоді", "якщо", "хоча", "бо", "адже", "навіть", "лише", "тільки", "ще",
    "усі", "всі", "крім", "серед", "між", "перед", "поки", "тепер", "наразі", "за словами", "як",
    "утім", "втім", "отже", "відтак", "натомість", "щодо", "попри",
    // Russian
    "во", "с", "со", "из", "к", "ко", "от", "и", "но", "что", "это", "этот", "эта", "эти", "этого",
    "его", "ее", "её", "он", "она", "они", "оно", "мы", "вы", "также", "после", "около", "когда",
    "где", "поэтому", "однако", "впрочем", "сегодня", "вчера", "ранее", "позже", "потом", "тогда",
    "если", "хотя", "ведь", "даже", "лишь", "только", "еще", "ещё", "все", "всё", "кроме", "среди",
    "между", "пока", "теперь", "сейчас", "по словам", "при", "несмотря", "итак", "кроме",
    "относительно"};

}  // namespace

bool ends_with_any(std::string_view w, std::initializer_list<std::string_view> endings) {
    return std::any_of(endings.begin(), endings.end(),
                       [&](std::string_view e) { return w.size() > e.size() && w.ends_with(e); });
}

bool is_quote(std::string_view w) {
    return w == "\"" || w == "«" || w == "»" || w == "„" || w == "“" || w == "”";
}

bool ends_with_consonant(std::string_view w) {
    static constexpr std::string_view kConsonants[] = {"б", "в", "г", "ґ", "д", "ж", "з",
                                                       "к", "л", "м", "н", "п", "р", "с",
                                                       "т", "ф", "х", "ц", "ч", "ш", "щ"};
    for (std::string_view c : kConsonants)
        if (w.ends_with(c)) return true;
    return false;
}

std::vector<std::string> nominative_candidates(std::string_view word) {
    std::vector<std::string> out{std::string(word)};
    if (std::string i = ikavism(word); !i.empty()) add_unique(out, i);
    for (const Ending& e : kEndings) {
        if (!word.ends_with(e.ending) ||
            text::count_code_points(word) < text::count_code_points(e.ending) + 2)
            continue;
        std::string stem(word.substr(0, word.size() - e.ending.size()));
        // No vowel takes a soft sign: "Дмитрия", "Юрием" are "Дмитрий", "Юрий" ("й" where a
        // consonant would take "ь"), never "Дмитриь".
        const bool vowel_stem = stem.ends_with("и") || stem.ends_with("і") || stem.ends_with("ї") ||
                                stem.ends_with("е") || stem.ends_with("о");
        for (std::string_view add : e.adds) {
            if (add.empty()) continue;
            if (vowel_stem && add == "ь") add = "й";
            bool bare = add == "_";
            std::string form = bare ? stem : stem + std::string(add);
            if (bare) {  // "Харкова": "Харків" before "Харков"
                if (std::string i = ikavism(form); !i.empty()) add_unique(out, i);
            }
            add_unique(out, form);
        }
    }
    // A vowel that only the nominative has: "Відня", "у Відні" -> "Відень"; "Кременця" ->
    // "Кременець".
    for (const auto& [consonant, nominative] :
         {std::pair<std::string_view, std::string_view>{"н", "ень"}, {"ц", "ець"}}) {
        for (std::string_view ending : {"я", "ю", "і", "ем"}) {
            const std::string tail = std::string(consonant) + std::string(ending);
            if (!word.ends_with(tail) || text::count_code_points(word) < 5) continue;
            const std::string stem(word.substr(0, word.size() - tail.size()));
            if (!ends_with_consonant(stem)) continue;
            add_unique(out, stem + std::string(nominative));
        }
    }
    return out;
}

Gender first_name_gender(std::string_view nominative) {
    static const WordSet kMenInA = {"Микола", "Никола", "Ілля", "Илья",  "Нікіта", "Никита",
                                    "Кузьма", "Лука",   "Фома", "Савва", "Данила", "Гаврила"};
    if (kMenInA.count(nominative)) return Gender::male;
    return nominative.ends_with("а") || nominative.ends_with("я") ? Gender::female : Gender::male;
}

bool is_surname_shaped(std::string_view w) {
    for (std::string_view e :
         {"ський", "цький", "зький", "ська", "цька",  "зька",  "ский", "цкий", "ская",
          "цкая",  "енко",  "чук",   "щук",  "юк",    "ук",    "ов",   "ев",   "єв",
          "ёв",    "ін",    "ин",    "ын",   "ова",   "ева",   "єва",  "іна",  "ина",
          "ына",   "ович",  "евич",  "ян",   "швілі", "швили", "дзе"}) {
        if (w.size() > e.size() + 2 && w.ends_with(e)) return true;
    }
    return false;
}

bool is_cyrillic_title(std::string_view lower) {
    if (kTitleExact.count(lower)) return true;
    for (std::string_view p : kTitlePrefixes) {
        if (lower.starts_with(p)) return true;
    }
    return false;
}

bool is_generic_abbreviation(std::string_view lower) {
    static const WordSet kGeneric = {
        // codes of law: tax, criminal, civil, procedure, land, commercial, labour, administrative
        "пку", "кку", "цку", "цпку", "кпку", "зку", "гку", "кзпп", "купап", "кпк", "гпк", "цпк",
        "упк", "нк", "гк", "ук", "тк", "коап",
        // kinds of body, not one: a main directorate, a condominium, a territorial community
        "гу", "осбб", "отг", "жбк",
        // taxes, registers and standards
        "пдв", "пдфо", "єсв", "єрпн", "ндс", "ндфл", "дсту", "гост"};
    return kGeneric.count(lower) > 0;
}

bool is_cyrillic_function_word(std::string_view lower) {
    return kFunctionWords.count(lower) > 0;
}

bool is_feminine_verb(std::string_view lower) {
    return text::count_code_points(lower) >= 6 &&
           (lower.ends_with("ила") || lower.ends_with("ала") || lower.ends_with("іла") ||
            lower.ends_with("ела") || lower.ends_with("яла") || lower.ends_with("ула"));
}

}  // namespace byline::extract
