// Capitalised Cyrillic words in Ukrainian and Russian prose: titles and function words dropped,
// first names (the Latin list, matched through transliterated keys) start people, gazetteer names
// are looked up in their nominative, and surnames are put back into the nominative so
// "Зеленського" is the same person as "Зеленський".

#include "extract/entity_chunker.h"
#include "extract/entity_cyrillic.h"
#include "extract/entity_foreign.h"
#include "extract/entity_key.h"
#include "extract/tagger_lexicon.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string_view>
#include <utility>

namespace byline::extract {
namespace {

std::string lower_word(const ChunkContext& c, std::size_t k) {
    return lower_in_script(c.word(k));
}

// The nominative first name that token k is a form of ("Володимира" → "Володимир"), or "".
// Given names of the text's language, then of the other, are matched as written first: keys
// sound alike, and "Ріната", "Петра" are Рінат's and Петро's, not Renata or Petra.
std::string first_name_at(const ChunkContext& c, std::size_t k) {
    if (c.tt.tokens[k].end - c.tt.tokens[k].start < 6) return {};  // three letters or more
    const std::vector<std::string> forms = nominative_candidates(c.word(k));
    std::vector<std::string> lower;
    for (const std::string& form : forms)
        lower.push_back(lower_in_script(form));
    const CyrLang other = c.cyr_lang == CyrLang::uk ? CyrLang::ru : CyrLang::uk;
    for (CyrLang lang : {c.cyr_lang, other}) {
        for (std::size_t i = 0; i < forms.size(); ++i) {
            if (c.gaz.is_native_first_name(lower[i], lang)) return forms[i];
        }
    }
    for (const std::string& form : forms) {
        if (c.gaz.is_first_name(entity_key(form, c.cyr_lang))) return form;
    }
    return {};
}

struct Known {
    const GazEntry* entry = nullptr;
    std::string native;  // the nominative as written in Cyrillic
    bool weak = false;   // a person the tagger reads there wins (small_town_of_people)
};

bool acceptable(const GazEntry* g) {
    // Small towns are too easily a transliterated word; people come from the chunker.
    return g && g->kind != GazKind::ignore && g->kind != GazKind::person &&
           (g->source != GazSource::city || g->population >= 100000);
}

// Countries whose towns Ukrainian and Russian news write often, in their own Cyrillic form.
bool near_country(std::string_view country) {
    static const std::set<std::string_view> kNear = {"Ukraine",         "Russia",
                                                     "Belarus",         "Moldova",
                                                     "Kazakhstan",      "Georgia",
                                                     "Armenia",         "Azerbaijan",
                                                     "Kyrgyzstan",      "Tajikistan",
                                                     "Uzbekistan",      "Turkmenistan",
                                                     "Latvia",          "Lithuania",
                                                     "Estonia",         "Poland",
                                                     "Slovakia",        "Hungary",
                                                     "Romania",         "Czechia",
                                                     "Bulgaria",        "Serbia",
                                                     "Montenegro",      "Mongolia",
                                                     "North Macedonia", "Bosnia and Herzegovina"};
    return kNear.count(country) > 0;
}

// Countries whose districts Ukrainian and Russian news name by one word of their own.
bool own_region_country(std::string_view country) {
    static const std::set<std::string_view> kOwn = {"Ukraine", "Russia", "Belarus", "Moldova"};
    return kOwn.count(country) > 0;
}

// A town, region or firm that one Cyrillic word matches only by transliteration, and more often
// means something else: a woman's name ("Марією" is no Mary in Turkmenistan), a town of a
// distant country ("Мінну" is no Minna in Nigeria) unless a city of half a million, or, at a
// sentence start, a region of one reached through a guessed case ending ("Така" is no Tak
// province). `forms`: the nominatives the word may be; `form`: the one that names `g`;
// `guessed`: that one is guessed from the word, not the word itself.
bool foreign_look_alike(const ChunkContext& c, const GazEntry& g, const std::string& key,
                        std::size_t a, std::size_t b, const std::vector<std::string>& forms,
                        const std::string& form, bool guessed) {
    // A firm one given name matches through its letters: "Соня" is a girl, not Sony.
    if (g.kind == GazKind::org && b - a == 1)
        return std::any_of(forms.begin(), forms.end(), [&](const std::string& f) {
            return c.gaz.is_native_first_name(lower_in_script(f), c.cyr_lang);
        });
    if (g.kind != GazKind::place || b - a != 1) return false;
    // Read as another nominative, the word is a given name: "Ганною" is Ганна, not Hanoi.
    if (std::any_of(forms.begin(), forms.end(), [&](const std::string& f) {
            return f != form && c.gaz.is_native_first_name(lower_in_script(f), c.cyr_lang);
        }))
        return true;
    // A country no given name is a form of: "Ганна" is no Ghana.
    if (g.source == GazSource::country)
        return c.gaz.is_native_first_name(lower_in_script(form), c.cyr_lang);
    if (g.source != GazSource::city && g.source != GazSource::subdivision) return false;
    // A district or commune of another country that one word spells out ("Соколов" is no
    // Czech district, "Зелена" no Macedonian commune), unless a big city has its name.
    if (g.source == GazSource::subdivision && g.population < 100000 && c.gaz.is_minor_region(key)) {
        const std::vector<std::string>& countries = c.gaz.countries_of(key);
        if (std::none_of(countries.begin(), countries.end(),
                         [](const std::string& country) { return own_region_country(country); }))
            return true;
    }
    const bool big = g.source == GazSource::city && g.population >= 500000;
    if (!big && std::any_of(forms.begin(), forms.end(), [&](const std::string& f) {
            return c.gaz.is_native_first_name(lower_in_script(f), c.cyr_lang);
        }))
        return true;
    const std::vector<std::string>& countries = c.gaz.countries_of(key);
    if (std::any_of(countries.begin(), countries.end(),
                    [](const std::string& country) { return near_country(country); }))
        return false;
    if (g.source == GazSource::city && !big) return true;
    return guessed && c.tt.tokens[a].sentence_start;
}

// A word the language's word list has in lower case ("Ніби", "Така", "Аби", "Поле"), read as
// a place of another country than the text's own: the word, not the place. At a sentence's
// start, any but a near country; elsewhere (a capital there makes the word a nickname:
// "Малий", "Боні"), no curated place, city of half a million or country but by an adjective.
bool common_word_look_alike(const ChunkContext& c, const GazEntry& g, const std::string& key,
                            std::size_t a, std::size_t b) {
    if (b - a != 1 || g.kind != GazKind::place) return false;
    // The list of words that key to places, or else the language's whole dictionary ("Млів",
    // he swooned, is no Mali).
    const bool listed =
        c.words && c.words->is_word(c.cyr_lang == CyrLang::ru ? "ru" : "uk", c.word(a), true);
    if (!listed && !(c.dictionary && c.dictionary->is_lower_word(lower_in_script(c.word(a)))))
        return false;
    const std::vector<std::string>& countries = c.gaz.countries_of(key);
    const bool own = !countries.empty() && own_region_country(countries.front());  // likeliest
    if (c.tt.tokens[a].sentence_start)
        return !own &&
               !(g.source == GazSource::country &&
                 std::any_of(countries.begin(), countries.end(),
                             [](const std::string& country) { return near_country(country); }));
    // An adjective of the language is no country even so: "Малий" is no Mali ("Малі" is).
    if (g.source == GazSource::country) return ends_with_any(c.word(a), {"ий", "ій", "ый"});
    if (g.source >= GazSource::curated || (g.source == GazSource::city && g.population >= 500000))
        return false;
    return !own;
}

// The words before a name's last word as written, then, for one adjective, its nominatives
// ("Новой Зеландии", "Нової Зеландії", "Южную Корею": "Новая", "Нова", "Южная").
std::vector<std::string> head_forms(const ChunkContext& c, std::size_t a, std::size_t b) {
    const std::size_t start = c.tt.tokens[a].start, last = c.tt.tokens[b - 1].start;
    std::vector<std::string> out{std::string(c.text.substr(start, last - start))};
    if (b - a != 2) return out;
    const std::string_view word = c.word(a);
    if (last < c.tt.tokens[a].end) return out;
    const std::string gap(c.text.substr(c.tt.tokens[a].end, last - c.tt.tokens[a].end));
    for (const std::string& n : adjective_nominatives(word, c.cyr_lang))
        out.push_back(n + gap);
    return out;
}

// A town under 100,000 of the text's own region ("Коломиї", "у Стрию", "Бучі"), which
// acceptable() leaves out, where the language's dictionary can tell that its one word is no
// common word ("Щастя", happiness, is a town too), and no name of a person.
bool own_small_town(const ChunkContext& c, const GazEntry* g, const std::string& key, std::size_t a,
                    std::size_t b) {
    if (!g || !c.dictionary || g->kind != GazKind::place || g->source != GazSource::city)
        return false;
    const std::vector<std::string>& countries = c.gaz.countries_of(key);
    if (countries.empty() || !own_region_country(countries.front())) return false;
    if (b - a != 1) return true;
    const std::string_view word = c.word(a);
    const std::string lower = lower_in_script(word);
    // Towns named after people ("Гагарин", "Королёв") meet surnames: a surname's shape or a
    // given name before it makes the word a person's.
    const bool after_given =
        a > 0 && c.tt.tokens[a - 1].cap && !cyrillic_given_name(c, c.word(a - 1)).empty();
    return !c.dictionary->is_lower_word(lower) && !is_surname_shaped(lower) && !after_given &&
           cyrillic_given_name(c, word).empty();
}

// A small town in Russian text, where many are named after people ("Гагарин", "Королёв"):
// a weak candidate, so that a person the tagger reads there wins. Ukraine renamed most of
// its own in 2016.
bool small_town_of_people(const ChunkContext& c, const GazEntry* g) {
    return !acceptable(g) && c.cyr_lang == CyrLang::ru;
}

// Known_at's reading of tokens [a, b) with `head` before the last word.
Known known_with_head(const ChunkContext& c, std::size_t a, std::size_t b,
                      const std::string& head) {
    std::string_view word = c.word(b - 1);
    // "Мінські домовленості": an adjective made from a place is not the place.
    bool adjective = false;
    for (std::string_view e : {"ські", "ське", "ские", "ское", "цькі", "цкие"})
        adjective |= word.ends_with(e);
    std::vector<std::string> forms =
        adjective ? std::vector<std::string>{std::string(word)} : nominative_candidates(word);
    for (const std::string& form : forms) {
        std::string name = head + form;
        // Found by its letters or by a city's own name ("Мюнхена", "Пхеньяном"), a place is
        // read as any other: "Дарвина" is Darwin's, not his city in Australia, which one word
        // names only as a city of half a million.
        auto stands = [&](const GazEntry* g, const std::string& key) {
            return (acceptable(g) || own_small_town(c, g, key, a, b)) &&
                   !foreign_look_alike(c, *g, key, a, b, forms, form, form != word) &&
                   !common_word_look_alike(c, *g, key, a, b);
        };
        const std::string key = entity_key(name, c.cyr_lang);
        if (const GazEntry* g = c.gaz.find(key); stands(g, key)) return {g, name, !acceptable(g)};
        std::string own_key;
        if (const GazEntry* own = c.gaz.cyrillic_city(name, c.cyr_lang, own_key);
            stands(own, own_key))
            return {own, name, small_town_of_people(c, own)};
    }
    return {};
}

// A place or organisation that tokens [a, b) are a form of ("Києві" → Kyiv, "України" →
// Ukraine, "Північна Корея" → North Korea, "Новой Зеландии" → New Zealand): the last word, and
// an adjective before it, are put back into the nominative.
Known known_at(const ChunkContext& c, std::size_t a, std::size_t b) {
    for (const std::string& head : head_forms(c, a, b)) {
        if (Known k = known_with_head(c, a, b, head); k.entry) return k;
    }
    return {};
}

Candidate make(const ChunkContext& c, std::size_t a, std::size_t b, CandidateKind kind,
               std::string name, std::string native, bool weak) {
    Candidate cand{a, b, c.tt.tokens[a].start, c.tt.tokens[b - 1].end, kind, weak, std::move(name)};
    cand.native = std::move(native);
    return cand;
}

void emit_known(const ChunkContext& c, std::size_t a, std::size_t b, const Known& k,
                std::vector<Candidate>& out) {
    bool local = k.entry->source == GazSource::city || k.entry->source == GazSource::subdivision;
    out.push_back(make(c, a, b, candidate_kind(k.entry->kind), k.entry->name, k.native, k.weak));
    out.back().local = local;
}

// "Владимирович", "Петрівна", "Ивановной": a patronymic, any case.
bool patronymic_shaped(std::string_view lower) {
    for (std::string_view stem :
         {"ович", "евич", "йович", "івн", "ївн", "овн", "евн", "ьович", "ьовн", "ич"}) {
        const std::size_t at = lower.rfind(stem);
        if (at != std::string_view::npos && at > 2 && lower.size() - at <= stem.size() + 6)
            return true;
    }
    return false;
}

// "Денис Шмигаль", "Володимира Зеленського", "Владимир Владимирович Путин": a first name, an
// optional patronymic and a surname, each put back into the nominative.
std::size_t emit_person(const ChunkContext& c, std::size_t k, std::size_t j,
                        const std::string& first, std::vector<Candidate>& out) {
    std::size_t e = std::min(j, k + 3);
    // A third word that is a given name after a surname starts the next person: "Івана Огієнка
    // Інна Березіна" is two (not after a patronymic or a particle: "Марин Ле Пен").
    if (e == k + 3 && !patronymic_shaped(lower_word(c, k + 1)) &&
        c.tt.tokens[k + 1].end - c.tt.tokens[k + 1].start > 6 && !first_name_at(c, k + 2).empty())
        e = k + 2;
    Gender gender = first_name_gender(first);
    // A first name in the nominative ("Андрій Сибіга") has its surname in the nominative too:
    // only endings no nominative has are stripped then.
    bool nominative = first == c.word(k);
    std::string name = first;
    for (std::size_t m = k + 1; m < e; ++m) {
        name += ' ';
        name += nominative ? strip_certain_ending(c.word(m), c.cyr_lang)
                           : surname_nominative(c.word(m), gender, c.cyr_lang);
    }
    out.push_back(make(c, k, e, CandidateKind::person, name, name, false));
    return e;
}

// "ТОВ", "ПАТ", "ДП", "ООО": a company's legal form, a cue of the name that follows, never an
// entity itself.
bool is_legal_form_word(std::string_view lower) {
    static const std::set<std::string_view> kForms = {
        "тов", "пат", "прат", "ат", "дп", "пп", "кп", "лтд", "зат", "ват", "тзов", "нак", "ооо",
        "оао", "зао", "пао", "ао", "ип", "чп",
        // sole traders, trading houses, public bodies, charities, research and production firms
        "фоп", "спд", "тд", "тдв", "го", "бф", "нвп", "мп", "вп"};
    return kForms.count(lower) > 0;
}

bool is_opening_quote(std::string_view w) {
    return w == "«" || w == "„";
}

// After a legal form, the firm's name in quotes (ТОВ "Альфа", ПАТ «Укрнафта», ДП «НАЕК
// «Енергоатом»», often with one closing mark for both) is an organisation: the mention is the
// whole designation, legal form and quotes included, as news writes it; its name is the words
// inside. Returns the token after what was read.
std::size_t firm_after_legal_form(const ChunkContext& c, std::size_t i, std::size_t last,
                                  std::vector<Candidate>& out) {
    constexpr std::size_t kMaxNameTokens = 10;
    const std::size_t open = i + 1;
    if (open >= last || !is_quote(c.word(open))) return i + 1;
    for (std::size_t k = open + 1; k < last && k <= open + kMaxNameTokens; ++k) {
        if (!is_quote(c.word(k)) || (k > open + 1 && is_opening_quote(c.word(k)))) continue;
        if (k == open + 1) return k + 1;  // empty quotes
        std::string name;
        std::size_t end = 0;  // of the last word taken
        for (std::size_t w = open + 1; w < k; ++w) {
            if (is_quote(c.word(w))) continue;  // a nested name's opening mark
            const auto& token = c.tt.tokens[w];
            if (!name.empty() && token.start > end) name += ' ';
            name += c.text.substr(token.start, token.end - token.start);
            end = token.end;
        }
        out.push_back(make(c, i, k + 1, CandidateKind::org, name, name, false));
        return k + 1;
    }
    return i + 1;
}

// A noun an adjective names ("Господарський суд", "Донецької області"): the capitalised word
// before it is an adjective, not a surname. The oblast's forms come first.
int institution_noun_kind(std::string_view lower) {
    static const std::set<std::string_view> kOblast = {"область", "області", "областю", "области",
                                                       "обл"};
    static const std::set<std::string_view> kOthers = {
        "суд", "суду", "судом", "районний", "районного", "район", "району", "районі", "рада",
        "ради", "раді", "радою", "міськрада", "облрада", "край", "краю", "совет", "совета",
        "университет", "університет", "університету", "завод", "заводу", "комбінат", "комбінату",
        "державний", "державна", "апеляційний", "окружний", "адміністративний",
        // Russian and Ukrainian institution nouns after an adjective: "Европейский союз",
        // "Советский Союз" (after lower-casing), "Космический центр", "Большой театр".
        "союз", "союза", "союзе", "союзом", "агентство", "агентства", "центр", "центра", "центре",
        "комитет", "комитета", "комітет", "комітету", "банк", "банка", "банку", "фонд", "фонда",
        "фонду", "флот", "флота", "театр", "театра", "театру", "музей", "музея", "музею",
        "институт", "института", "інститут", "інституту", "министерство", "министерства",
        "міністерство", "міністерства", "правительство", "правительства", "парламент", "парламента",
        "телеканал", "телеканала", "корпорация", "корпорации", "корпорація", "корпорації"};
    if (kOblast.count(lower)) return 2;
    if (kOthers.count(lower)) return 1;
    // Adjectives of institutions in any case ("Київська обласна рада", "Харківської міської
    // ради", "Стрийський районний суд") and street nouns ("Андріївському узвозі").
    static const std::array<std::string_view, 35> kStems = {
        "обласн",     "міськ",   "районн",        "сільськ",     "селищн",         "державн",
        "національн", "окружн",  "апеляційн",     "господарськ", "адміністративн", "комунальн",
        "областн",    "городск", "государственн", "национальн",  "федеральн",      "вулиц",
        "узвіз",      "узвоз",   "проспект",      "площ",        "бульвар",        "провул",
        "набережн",   "улиц",    "переул",        "місцев",      "прокуратур",     "поліці",
        "управлінн",  "лікарн",  "гімназі",       "ліце",        "бібліотек"};
    return std::any_of(kStems.begin(), kStems.end(),
                       [&](std::string_view stem) { return lower.starts_with(stem); })
               ? 1
               : 0;
}

// "Донецької" → "Донецька": a feminine adjective back in the nominative, or "" if it is none.
std::string feminine_adjective_nominative(std::string_view word) {
    static const std::pair<std::string_view, std::string_view> kEndings[] = {
        {"ської", "ська"}, {"ській", "ська"}, {"ською", "ська"}, {"ську", "ська"}, {"ська", "ська"},
        {"цької", "цька"}, {"цькій", "цька"}, {"цькою", "цька"}, {"цьку", "цька"}, {"цька", "цька"},
        {"зької", "зька"}, {"зькій", "зька"}, {"зька", "зька"},  {"ской", "ская"}, {"ская", "ская"},
        {"цкой", "цкая"},  {"цкая", "цкая"}};
    for (const auto& [ending, nominative] : kEndings) {
        if (word.size() > ending.size() && word.ends_with(ending))
            return std::string(word.substr(0, word.size() - ending.size())) +
                   std::string(nominative);
    }
    return {};
}

// A verb by its ending: past tense ("заявив", "сказала", "були"), reflexive ("зустрівся"),
// present or infinitive ("каже", "вважає", "мають", "бути").
bool verb_shaped(std::string_view w) {
    return ends_with_any(w, {"ав", "ив", "ів", "ов", "ув", "їв", "яв", "ла", "ло", "ли", "ся",
                             "сь", "ть", "ти", "ає", "ує", "є",  "же", "ше", "че", "не", "ре"});
}

// Whether the noun's ending agrees with a Ukrainian adjective ending (case, gender, number).
bool agrees(std::string_view adjective_ending, std::string_view noun) {
    static const std::string_view kConsonants[] = {"б", "г", "ґ", "д", "ж", "з", "к",
                                                   "л", "м", "н", "п", "р", "с", "т",
                                                   "ф", "х", "ц", "ч", "ш", "щ"};
    const std::string_view e = adjective_ending;
    if (e == "ий")  // nominative masculine: "Сихівський пустир", "Міський голова"
        return std::any_of(std::begin(kConsonants), std::end(kConsonants),
                           [&](std::string_view c) { return noun.ends_with(c); }) ||
               ends_with_any(noun, {"о", "ь", "а"});
    if (e == "ого") return ends_with_any(noun, {"у", "ю", "а", "я"});
    if (e == "ому") return ends_with_any(noun, {"у", "ю", "і", "ові", "еві", "єві"});
    if (e == "им") return ends_with_any(noun, {"ом", "ем", "єм", "ам", "ям"});
    if (e == "а") return ends_with_any(noun, {"а", "я", "ь"});
    if (e == "ої") return ends_with_any(noun, {"и", "ї", "і"});
    if (e == "ій") return ends_with_any(noun, {"і", "ї"});
    if (e == "у") return ends_with_any(noun, {"у", "ю"});
    if (e == "ою") return ends_with_any(noun, {"ою", "ею", "єю"});
    if (e == "е") return ends_with_any(noun, {"о", "е", "я"});
    if (e == "і") return ends_with_any(noun, {"и", "і", "ї"});
    if (e == "их") return ends_with_any(noun, {"ах", "ях", "ів", "їв"});
    return false;
}

// Token k is an adjective before an institution noun, written small or capitalised ("Советский
// Союз"): the oblast it names is a place ("Київська область"), anything else is dropped. True
// when it took the word.
bool adjective_before_institution(const ChunkContext& c, std::size_t k,
                                  std::vector<Candidate>& out) {
    if (k + 1 >= c.tt.tokens.size() || c.tt.tokens[k + 1].kind != TokenKind::word) return false;
    const int noun = institution_noun_kind(lower_word(c, k + 1));
    if (noun == 0) return false;
    if (noun == 2) {
        if (std::string adjective = feminine_adjective_nominative(c.word(k)); !adjective.empty()) {
            std::string name = adjective + " область";
            out.push_back(make(c, k, k + 2, CandidateKind::place, name, name, false));
        }
    }
    return true;
}

// Surname endings distinctive enough to name a person at the start of a sentence.
bool clearly_surname(std::string_view lower) {
    for (std::string_view e : {"ський", "цький", "ский", "цкий", "енко", "чук", "юк", "швілі",
                               "швили", "дзе", "ович", "евич"}) {
        if (lower.size() > e.size() + 2 && lower.ends_with(e)) return true;
    }
    return false;
}

// A given name alone, as characters and people in features are named ("Андрій сказав"), in its
// nominative: a given name of the text's language only, and at a sentence start not one that is
// also a common word ("Надія", "Віра", "Роман" are hope, faith, a novel).
// Corpus-level aliases hide a lone given name that starts several full names.
std::string lone_first_name(const ChunkContext& c, std::size_t k) {
    if (c.tt.tokens[k].end - c.tt.tokens[k].start < 6) return {};  // three letters or more
    static const std::set<std::string_view> kAlsoWords = {
        "надія", "надежда", "віра",  "вера",  "любов",   "любовь", "слава",  "роман",
        "лев",   "мир",     "злата", "лілія", "лилия",   "роза",   "калина", "маргарита",
        "влада", "соня",    "майя",  "доля",  "воля",    "мила",   "ніка",   "ника",
        "зоря",  "заря",    "марта", "ліна",  "домінік", "ярина",  "весна",  "дана"};
    for (const std::string& form : nominative_candidates(c.word(k))) {
        const std::string lower = lower_in_script(form);
        if (!c.gaz.is_native_first_name(lower, c.cyr_lang)) continue;
        return c.tt.tokens[k].sentence_start && kAlsoWords.count(lower) ? std::string() : form;
    }
    return {};
}

// A known name one word reaches only by a guessed case form, where the word is something else:
// a common word as written where a sentence starts ("Думаю, що" is no Duma's), or a given name
// as written that no preposition of place governs ("Софія сказала" is no Sofia).
bool word_not_name(const ChunkContext& c, std::size_t k, const Known& known) {
    const std::string_view word = c.word(k);
    const std::string lower = lower_in_script(word);
    if (c.tt.tokens[k].sentence_start && c.dictionary && c.dictionary->is_lower_word(lower) &&
        !c.dictionary->is_headword(word) && known.entry->name != word)
        return true;
    if (known.entry->kind != GazKind::place || !c.gaz.is_native_first_name(lower, c.cyr_lang))
        return false;
    static const std::set<std::string_view> kPlacePrepositions = {
        "в", "у", "до", "з", "із", "зі", "на", "від", "біля", "из", "от", "во", "под", "під"};
    return k == 0 || c.tt.tokens[k - 1].kind != TokenKind::word ||
           !kPlacePrepositions.count(lower_in_script(c.word(k - 1)));
}

// One capitalised word: a known place or organisation, a surname by its shape or a cue, or an
// unknown that coreference may still tie to a full name.
void classify_single(const ChunkContext& c, std::size_t k, bool cue, std::vector<Candidate>& out) {
    if (adjective_before_institution(c, k, out) || adjective_with_noun(c, k))
        return;  // even after a title: "депутати Харківської міської ради"
    if (Known known = known_at(c, k, k + 1); known.entry && !word_not_name(c, k, known)) {
        emit_known(c, k, k + 1, known, out);
        return;
    }
    if (one_word_body(c, k, out)) return;
    if (std::string first = lone_first_name(c, k); !first.empty()) {
        out.push_back(make(c, k, k + 1, CandidateKind::person, first, first, false));
        return;
    }
    bool feminine = k + 1 < c.tt.tokens.size() && c.tt.tokens[k + 1].kind == TokenKind::word &&
                    !c.tt.tokens[k + 1].cap && is_feminine_verb(lower_word(c, k + 1));
    std::string name =
        surname_nominative(c.word(k), feminine ? Gender::female : Gender::unknown, c.cyr_lang);
    std::string lower = lower_in_script(name);
    bool person =
        cue || (c.tt.tokens[k].sentence_start ? clearly_surname(lower) : is_surname_shaped(lower));
    CandidateKind kind = person ? CandidateKind::person : CandidateKind::unknown;
    out.push_back(make(c, k, k + 1, kind, name, name, !person));
}

// Does the first name at i start a person? "Владимир Путин" does though Vladimir is a city;
// "России Дмитрий Песков" does not: a known place before another first name is the place.
bool starts_person(const ChunkContext& c, std::size_t i) {
    if (known_at(c, i + 1, i + 2).entry) return false;
    return !known_at(c, i, i + 1).entry || first_name_at(c, i + 1).empty();
}

// A town or region of a country Ukrainian and Russian news seldom writes in Cyrillic capitals.
bool far_town_or_region(const ChunkContext& c, const GazEntry& g, const std::string& native) {
    if (g.kind != GazKind::place ||
        (g.source != GazSource::city && g.source != GazSource::subdivision))
        return false;
    const std::vector<std::string>& countries = c.gaz.countries_of(entity_key(native, c.cyr_lang));
    return std::none_of(countries.begin(), countries.end(),
                        [](const std::string& country) { return near_country(country); });
}

bool is_country_at(const ChunkContext& c, std::size_t k) {
    const Known known = known_at(c, k, k + 1);
    return known.entry && known.entry->kind == GazKind::place &&
           known.entry->source == GazSource::country;
}

void classify_run(const ChunkContext& c, std::size_t i, std::size_t j, bool cue,
                  std::vector<Candidate>& out) {
    while (i < j) {
        std::string first = j - i >= 2 ? first_name_at(c, i) : std::string();
        if (!first.empty() && starts_person(c, i)) {
            i = emit_person(c, i, j, first, out);
            cue = false;
            continue;
        }
        if (j - i >= 2) {
            if (Known known = known_at(c, i, j); known.entry) {  // "Північна Корея"
                emit_known(c, i, j, known, out);
                return;
            }
        }
        // A country after a capitalised noun that names nothing known is part of that noun's
        // name ("Закону України", "Герба України"), no mention of the country.
        if (!out.empty() && out.back().last == i && out.back().kind == CandidateKind::unknown &&
            is_country_at(c, i)) {
            ++i;
            continue;
        }
        // A sentence's first word before more names is a common noun ("Зустріч Зеленського").
        bool lead = c.tt.tokens[i].sentence_start && j - i >= 2 && !cue;
        if (!lead || known_at(c, i, i + 1).entry) classify_single(c, i, cue && j - i == 1, out);
        ++i;
    }
}

}  // namespace

bool is_cyrillic_acronym(const ChunkContext& c, std::size_t k) {
    if (!is_capitals_word(c, k)) return false;
    // "А-2", "Ф-1": a letter and a number are a code (a paper size, a form), no acronym.
    const std::string_view written = c.word(k);
    std::size_t letters = 0;
    for (std::size_t b = 0; b < written.size(); ++b) {
        const auto byte = static_cast<unsigned char>(written[b]);
        letters += (byte & 0xC0) != 0x80 && (std::isalpha(byte) || byte >= 0xC0);
    }
    if (letters < 2) return false;
    // A word of the language set in capitals ("УВАГА", «ЗА ВІЙСЬКОВУ ДОБЛЕСТЬ») is no acronym:
    // a function word ("ЗА"; not "ВО", a Ukrainian party's prefix, which only Russian writes as
    // a word), or a dictionary word of four letters or more (acronyms that long are seldom
    // words, "НАТО"; shorter ones often are, "ОДА").
    if (!c.dictionary) return true;
    const std::string_view word = c.word(k);
    const std::string lower = lower_in_script(word);
    if (!c.dictionary->is_lower_word(lower)) return true;
    return !is_cyrillic_function_word(lower) && text::count_code_points(word) < 4;
}

std::string cyrillic_given_name(const ChunkContext& c, std::string_view word) {
    const std::vector<std::string> forms = nominative_candidates(word);
    const CyrLang other = c.cyr_lang == CyrLang::uk ? CyrLang::ru : CyrLang::uk;
    for (CyrLang lang : {c.cyr_lang, other}) {
        for (const std::string& form : forms) {
            if (c.gaz.is_native_first_name(lower_in_script(form), lang)) return form;
        }
    }
    // A foreign given name in an oblique case ("Дональдом" -> "Дональд", Donald), where the
    // dictionary says it is no word of the language ("Раді" is a council's); the form it heads
    // a proper noun with first ("Сусанну" -> "Сусанна", not "Сусанн"), and none for a
    // nominative it heads ("Дора" is no case of "Доро").
    if (!c.dictionary || c.dictionary->is_headword(word)) return {};
    auto foreign = [&](const std::string& form) {
        return form != word && form.size() >= 8 && !c.dictionary->is_lower_word(form) &&
               c.gaz.is_first_name(entity_key(form, c.cyr_lang));  // four letters or more
    };
    for (const std::string& form : forms)
        if (c.dictionary->is_headword(form) && foreign(form)) return form;
    for (const std::string& form : forms)
        if (foreign(form)) return form;
    return {};
}

bool is_capitals_word(const ChunkContext& c, std::size_t k) {
    const Token& t = c.tt.tokens[k];
    return t.all_caps && t.kind == TokenKind::word && t.end - t.start >= 4;  // two letters
}

bool is_institution_word(std::string_view lower) {
    return institution_noun_kind(lower) > 0;
}

bool adjective_with_noun(const ChunkContext& c, std::size_t k) {
    if (c.cyr_lang != CyrLang::uk || k + 1 >= c.tt.tokens.size()) return false;
    const Token& next = c.tt.tokens[k + 1];
    if (next.kind != TokenKind::word || next.cap) return false;
    const std::string adjective = lower_in_script(c.word(k));
    const std::string noun = lower_in_script(c.word(k + 1));
    if (noun.size() < 6 || is_cyrillic_function_word(noun) || verb_shaped(noun))
        return false;  // three letters or more
    for (std::string_view stem : {"ськ", "цьк", "зьк"}) {
        const std::size_t at = adjective.rfind(stem);
        if (at == std::string::npos || at == 0) continue;
        const std::string_view ending = std::string_view(adjective).substr(at + stem.size());
        // Before a noun that agrees, or another adjective of the same ending ("Тернопільського
        // педагогічного університету").
        return agrees(ending, noun) || (ending.size() >= 4 && noun.ends_with(ending));
    }
    return false;
}

std::size_t chunk_cyrillic(const ChunkContext& c, std::size_t i, std::size_t line_first,
                           std::size_t last, std::vector<Candidate>& out) {
    if (is_legal_form_word(lower_word(c, i))) return firm_after_legal_form(c, i, last, out);
    if (is_cyrillic_acronym(c, i)) {  // "НАТО", "США", "МЗС"
        Known known = known_at(c, i, i + 1);
        // "НАН" is an academy's acronym, not Nan province in Thailand; a country is written as
        // an acronym only as the curated lists know it ("США", "КНР"): "ФИДЕ" is no Fiji.
        if (known.entry && (far_town_or_region(c, *known.entry, known.native) ||
                            known.entry->source == GazSource::country))
            known = {};
        const GazEntry* listed = c.gaz.find(entity_key(c.word(i), c.cyr_lang));
        if (listed && listed->kind == GazKind::ignore) return i + 1;  // "СМИ": the media
        if (is_generic_abbreviation(lower_word(c, i))) return i + 1;
        if (known.entry) {
            emit_known(c, i, i + 1, known, out);
        } else if (i + 1 < last && c.is_cap_word(i + 1) && is_country_at(c, i + 1)) {
            // A body's acronym and its country: "НАН України", "ДСНС України".
            std::string w(
                c.text.substr(c.tt.tokens[i].start, c.tt.tokens[i + 1].end - c.tt.tokens[i].start));
            out.push_back(make(c, i, i + 2, CandidateKind::org, w, w, false));
            return i + 2;
        } else if (text::count_code_points(c.word(i)) > 2) {
            // Two letters alone ("СВ", "КС", "ТУ") stand for too many things to name a body.
            std::string w(c.word(i));
            out.push_back(make(c, i, i + 1, CandidateKind::org, w, w, true));
        }
        return i + 1;
    }
    if (is_capitals_word(c, i)) return i + 1;  // a word of the language in capitals: "УВАГА"
    std::size_t j = i + 1;
    while (j < last && c.is_cap_word(j) && !is_capitals_word(c, j))
        ++j;
    const Token* prev = i > line_first ? &c.tt.tokens[i - 1] : nullptr;
    bool cue = prev && prev->kind == TokenKind::word && !prev->cap &&
               is_cyrillic_title(lower_word(c, i - 1));
    if (j - i >= 2) {
        if (Known known = known_at(c, i, j); known.entry) {  // "Верховна Рада"
            emit_known(c, i, j, known, out);
            return j;
        }
    }
    // A sentence's first word before a known name of two words: "Распад Советского Союза",
    // "Країни Європейського Союзу".
    if (j - i == 3 && c.tt.tokens[i].sentence_start) {
        if (Known known = known_at(c, i + 1, j); known.entry) {
            emit_known(c, i + 1, j, known, out);
            return j;
        }
    }
    // An institution's phrase, from any word of the run ("Рішення Господарського суду ..."):
    // the words before it are read as they would be without it.
    std::vector<Candidate> institution;
    std::size_t institution_end = i;
    for (std::size_t at = i; at < j && institution.empty(); ++at) {
        institution_end = institution_phrase(c, at, last, institution);
        if (institution.empty()) continue;
        j = at;
    }
    const auto with_institution = [&](std::size_t end) {
        out.insert(out.end(), institution.begin(), institution.end());
        return institution.empty() ? end : institution_end;
    };
    for (; i < j; ++i) {
        std::string w = lower_word(c, i);
        if (is_cyrillic_title(w)) {
            cue = true;
        } else if (is_cyrillic_function_word(w)) {
            cue = false;
        } else {
            break;
        }
    }
    if (i < j) classify_run(c, i, j, cue, out);
    return with_institution(j);
}

}  // namespace byline::extract
