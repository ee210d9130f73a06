// Ukrainian and Russian institutions written as noun phrases: capitalised adjectives, a head
// noun of an institution, and what it is of ("Міністерства оборони України", "Господарського
// суду Одеської області", "Державна служба України з надзвичайних ситуацій"). News names its
// bodies this way far more than by acronym; without this, only the country at the end was found.

#include "extract/entity_chunker.h"
#include "extract/entity_cyrillic.h"
#include "extract/entity_key.h"
#include "extract/tagger_lexicon.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace byline::extract {
namespace {

// An adjective by its ending, any case ("Верховної", "Державна", "Центрального").
bool adjective_shaped(std::string_view lower) {
    return ends_with_any(lower, {"ий", "ій", "ого", "ому", "ої", "ою", "их", "ими", "вна", "льна",
                                 "жна", "чна", "рна", "ська", "цька", "ное", "ный", "ная", "ной"});
}

enum class Gender3 { masculine, feminine, neuter };

struct Head {
    std::string_view stem;    // lower case; of a short head, the stem its listed forms share
    std::string_view ending;  // of the nominative after the stem
    Gender3 gender;
    bool short_forms = false;  // only the stem and case endings: "рада", "ради", not "радіо"
};

// Institution head nouns: a ministry, service, court, council, fund, party.
const std::array<Head, 64>& heads() {
    using G = Gender3;
    static const std::array<Head, 64> kHeads = {{
        {"міністерств", "о", G::neuter},    {"министерств", "о", G::neuter},
        {"управлінн", "я", G::neuter},      {"управлени", "е", G::neuter},
        {"департамент", "", G::masculine},  {"інститут", "", G::masculine},
        {"институт", "", G::masculine},     {"комітет", "", G::masculine},
        {"комитет", "", G::masculine},      {"агентств", "о", G::neuter},
        {"служб", "а", G::feminine},        {"парті", "я", G::feminine},
        {"парти", "я", G::feminine},        {"академі", "я", G::feminine},
        {"академи", "я", G::feminine},      {"університет", "", G::masculine},
        {"университет", "", G::masculine},  {"інспекці", "я", G::feminine},
        {"инспекци", "я", G::feminine},     {"генпрокуратур", "а", G::feminine},
        {"прокуратур", "а", G::feminine},   {"асоціаці", "я", G::feminine},
        {"ассоциаци", "я", G::feminine},    {"спілк", "а", G::feminine},
        {"об'єднанн", "я", G::neuter},      {"об’єднанн", "я", G::neuter},
        {"федераці", "я", G::feminine},     {"федераци", "я", G::feminine},
        {"корпораці", "я", G::feminine},    {"корпораци", "я", G::feminine},
        {"кабінет", "", G::masculine},      {"кабинет", "", G::masculine},
        {"секретаріат", "", G::masculine},  {"адміністраці", "я", G::feminine},
        {"администраци", "я", G::feminine}, {"комісі", "я", G::feminine},
        {"комисси", "я", G::feminine},      {"трибунал", "", G::masculine},
        {"відділенн", "я", G::neuter},      {"поліці", "я", G::feminine},
        {"полици", "я", G::feminine},       {"міліці", "я", G::feminine},
        {"залізниц", "я", G::feminine},     {"міськрад", "а", G::feminine},
        {"облрад", "а", G::feminine},       {"райрад", "а", G::feminine},
        {"госпсуд", "", G::masculine},      {"адмінсуд", "", G::masculine},
        {"райсуд", "", G::masculine},       {"міськсуд", "", G::masculine},
        {"ведомств", "о", G::neuter},       {"рад", "а", G::feminine, true},
        {"суд", "", G::masculine, true},    {"фонд", "", G::masculine, true},
        {"банк", "", G::masculine, true},   {"центр", "", G::masculine, true},
        {"клуб", "", G::masculine, true},   {"союз", "", G::masculine, true},
        {"уряд", "", G::masculine, true},   {"дум", "а", G::feminine, true},
        {"совет", "", G::masculine, true},  {"бюро", "", G::neuter, true},
        {"палат", "а", G::feminine, true},  {"відділ", "", G::masculine, true},
    }};
    return kHeads;
}

// A case form of a short head: its stem and a case ending ("ради", "судом", "центрі").
bool short_head_form(std::string_view lower, const Head& h) {
    if (!lower.starts_with(h.stem)) return false;
    const std::string_view rest = lower.substr(h.stem.size());
    static const std::array<std::string_view, 12> kEndings = {"",   "а",  "и", "і", "у",  "ю",
                                                              "ою", "ом", "ы", "е", "ой", "ем"};
    return std::find(kEndings.begin(), kEndings.end(), rest) != kEndings.end();
}

// Letters a case ending is made of, after a head's stem: "Міністерствами", "Партією", not
// "Академік" (an academician) or "Службовець" (an employee).
bool case_ending(std::string_view rest) {
    static const std::array<std::string_view, 18> kLetters = {
        "а", "е", "є", "и", "і", "ї", "й", "о", "у", "ю", "я", "м", "х", "в", "ь", "ы", "э", "ё"};
    if (rest.size() > 6) return false;  // three letters at most
    for (std::size_t at = 0; at < rest.size(); at += 2) {
        const std::string_view letter = rest.substr(at, 2);
        if (std::find(kLetters.begin(), kLetters.end(), letter) == kLetters.end()) return false;
    }
    return true;
}

// The head `lower` is a form of, or null.
const Head* head_of(std::string_view lower) {
    for (const Head& h : heads()) {
        if (h.short_forms ? !short_head_form(lower, h)
                          : !lower.starts_with(h.stem) || !case_ending(lower.substr(h.stem.size())))
            continue;
        // An adjective made from it ("Банківський", "судового") is no head.
        if (!h.short_forms && ends_with_any(lower, {"ого", "ому", "ий", "ої", "ний", "ним", "них"}))
            return nullptr;
        return &h;
    }
    return nullptr;
}

// A head noun of an institution, any case.
bool institution_head(std::string_view lower) {
    return head_of(lower) != nullptr;
}

// The same in Russian: "Европейского космического агентства" -> "Европейское космическое".
std::string russian_adjective_nominative(std::string_view word, Gender3 gender) {
    static const std::array<std::string_view, 12> kCases = {
        "ого", "его", "ому", "ему", "ыми", "ими", "ым", "им", "ой", "ей", "ую", "юю"};
    for (std::string_view e : kCases) {
        if (!word.ends_with(e) || word.size() <= e.size() + 4) continue;
        if ((e == "ую" || e == "юю") && gender != Gender3::feminine) continue;
        const std::string stem(word.substr(0, word.size() - e.size()));
        switch (gender) {
            case Gender3::masculine: {  // "-кий", "-ский" after a velar or sibilant, else "-ый"
                const bool soft =
                    ends_with_any(stem + "и", {"ки", "ги", "хи", "жи", "ши", "чи", "щи"});
                return stem + (soft ? "ий" : "ый");
            }
            case Gender3::feminine:
                return stem + "ая";
            case Gender3::neuter:
                return stem + "ое";
        }
    }
    return std::string(word);
}

// An adjective before a head, in the nominative of the head's gender ("Верховної" ->
// "Верховна", "Національного" -> "Національний", "Державного агентства" -> "Державне").
std::string adjective_nominative(std::string_view word, Gender3 gender) {
    static const std::array<std::string_view, 9> kCases = {"ого", "ому", "ими", "им", "ім",
                                                           "ої",  "ій",  "ою",  "у"};
    for (std::string_view e : kCases) {
        if (!word.ends_with(e) || word.size() <= e.size() + 4) continue;
        // "-ій" and "-у" are cases of the feminine only ("Верховній Раді", "Верховну Раду").
        if ((e == "ій" || e == "у") && gender != Gender3::feminine) continue;
        const std::string stem(word.substr(0, word.size() - e.size()));
        switch (gender) {
            case Gender3::masculine:
                return stem + "ий";
            case Gender3::feminine:
                return stem + "а";
            case Gender3::neuter:
                return stem + "е";
        }
    }
    return std::string(word);
}

// The head word in the nominative, its first letter as written ("Міністерства" ->
// "Міністерство", "Радою" -> "Рада").
std::string head_nominative(std::string_view word, const Head& h) {
    return std::string(word.substr(0, h.stem.size())) + std::string(h.ending);
}

// A lower-case word that may stand in the name after its head, what the body is of: a noun or
// adjective in the genitive ("оборони", "внутрішніх справ", "фізичних осіб") or instrumental
// ("національними проектами"), not a verb, an object or a function word. `after`: the word
// before it.
bool continues_name(std::string_view lower, std::string_view after) {
    if (lower == "та" || lower == "і" || lower == "й" || lower == "и" || lower == "з") return true;
    if (lower.size() < 6 || is_cyrillic_function_word(lower)) return false;  // three letters
    // Pronouns and numbers say which bodies, they do not name one: "Суди усіх трьох".
    static const std::set<std::string_view> kDeterminers = {
        "усіх", "всіх", "всех", "цих",  "этих",  "тих",    "тех",  "двох",  "трьох",
        "обох", "двух", "трех", "трёх", "інших", "других", "яких", "каких", "своїх"};
    if (kDeterminers.count(lower)) return false;
    // A plural genitive after its adjective, though shaped as a verb: "внутрішніх справ".
    if (ends_with_any(after, {"их", "іх", "ых"}) && ends_with_any(lower, {"ав", "ов"})) return true;
    // Past tenses and present forms of verbs ("пішов", "сказав", "заявила", "решает"); a
    // Russian plural genitive in "-ов" is a noun ("финансов", "депутатов").
    if (ends_with_any(lower, {"ав", "ив", "шов", "ув", "яв", "ла", "ло", "ли", "ся", "сь", "ть",
                              "ає", "ує", "ють", "ять", "ит", "ет"}))
        return false;
    // An instrumental singular ("вартістю", "державною") is what the sentence says of the body,
    // unless a preposition governs it ("з корупцією", "з управління зоною").
    static const std::set<std::string_view> kGoverning = {"з",  "із", "зі", "над", "між",
                                                          "за", "с",  "со", "под", "перед"};
    if (ends_with_any(lower, {"ою", "ею", "єю", "тю", "ллю"}) && !kGoverning.count(after) &&
        !ends_with_any(after, {"ою", "ею", "єю"}))
        return false;
    if (ends_with_any(lower, {"а",  "я",  "у",   "ю",   "и",   "і",   "ї", "ів", "їв", "ей", "нь",
                              "их", "іх", "ого", "ами", "ями", "ими", "ы", "ой", "ых", "ов", "ев"}))
        return true;
    return ends_with_any(after, {"их", "іх", "ых"});  // a plural genitive after its adjective
}

// Words that join the name but may not end it.
bool joining(std::string_view lower) {
    return lower == "та" || lower == "і" || lower == "й" || lower == "и" || lower == "з";
}

// "і", "та": a conjunction, which may join two bodies ("міськрада і ТОВ «Альфа»").
bool conjunction(std::string_view lower) {
    return lower == "та" || lower == "і" || lower == "й" || lower == "и";
}

// Does a first name (as written or in a nominative) start a person at token k?
// A foreign one too, by its key ("Томаса" is Thomas): "агентства Томаса Райтера" ends at the
// agency.
bool first_name_word(const ChunkContext& c, std::size_t k) {
    for (const std::string& form : nominative_candidates(c.word(k))) {
        if (c.gaz.is_native_first_name(lower_in_script(form), c.cyr_lang) ||
            c.gaz.is_first_name(entity_key(form, c.cyr_lang)))
            return true;
    }
    return false;
}

// The nominative of a one-word body in another case: "Укрзалізниці" → "Укрзалізниця",
// "Кабміну" → "Кабмін", "Київради" → "Київрада", "Приватбанком" → "Приватбанк".
std::string compound_nominative(std::string_view word) {
    static const std::pair<std::string_view, std::string_view> kEndings[] = {
        {"радою", "рада"}, {"ради", "рада"}, {"раді", "рада"}, {"раду", "рада"},
        {"ницею", "ниця"}, {"ниці", "ниця"}, {"ницю", "ниця"}, {"ції", "ція"}};
    for (const auto& [ending, nominative] : kEndings) {
        if (word.size() > ending.size() + 4 && word.ends_with(ending))
            return std::string(word.substr(0, word.size() - ending.size())) +
                   std::string(nominative);
    }
    for (std::string_view ending : {"ом", "у", "і"}) {
        if (word.size() > ending.size() + 6 && word.ends_with(ending) &&
            ends_with_consonant(word.substr(0, word.size() - ending.size())))
            return std::string(word.substr(0, word.size() - ending.size()));
    }
    return std::string(word);
}

// Russia's federal agencies and state corporations, "Рос-" and what they do, in any case
// ("Роскосмоса" -> "Роскосмос", "Роснефти" -> "Роснефть"): the nominative as written; "" for
// any other word.
std::string russian_body_nominative(std::string_view word) {
    // What follows "Рос-" in the nominative; a case changes only the ending ("Роскосмоса",
    // "Роснефти", "Росгвардии").
    static const std::array<std::string_view, 17> kBodies = {
        "космос",    "нефть",       "атом",         "технадзор",   "тех",        "стат",
        "комнадзор", "гвардия",     "потребнадзор", "авиация",     "реестр",     "телеком",
        "нано",      "сельхозбанк", "морречфлот",   "здравнадзор", "транснадзор"};
    constexpr std::string_view kRos = "рос";
    const std::string lower = lower_in_script(word);
    if (!lower.starts_with(kRos)) return {};
    const std::string_view rest = std::string_view(lower).substr(kRos.size());
    for (std::string_view nominative : kBodies) {
        // The stem: the nominative less a final vowel or soft sign ("нефт", "гварди").
        std::string_view stem = nominative;
        for (std::string_view soft : {"ь", "я"})
            if (stem.ends_with(soft)) stem.remove_suffix(soft.size());
        if (rest.starts_with(stem) && rest.size() <= stem.size() + 8)  // an ending, no more
            return std::string(word.substr(0, kRos.size())) + std::string(nominative);
    }
    return {};
}

// A Russian ministry's short name in another case: "Минфина", "Минздраве" -> "Минфин",
// "Минздрав" ("Минобороны" does not decline); "" for any other word.
std::string russian_ministry_nominative(std::string_view word) {
    if (!lower_in_script(word).starts_with("мин")) return {};
    for (std::string_view ending : {"ом", "а", "е", "у"}) {
        if (word.size() > ending.size() + 8 && word.ends_with(ending) &&
            ends_with_consonant(word.substr(0, word.size() - ending.size())))
            return std::string(word.substr(0, word.size() - ending.size()));
    }
    return {};
}

// One word that names a body by its shape: a ministry's or cabinet's short form ("Міноборони",
// "Мінюст", "Кабміну"), a city or regional council ("Київради", "облради"), a state company of
// the "Укр-" family ("Укрзалізниці", "Укравтодору"), a power company or bank by its last part
// ("Харківобленерго", "Приватбанку").
bool body_word(std::string_view lower) {
    static const std::array<std::string_view, 32> kMinistries = {
        "оборон", "юст", "фін", "охорон", "екон", "агро", "культ", "цифр", "осві", "енерго",
        "соцпол", "інфраструкт", "регіон", "природ", "молодьспорт", "ветеран", "реінтеграц",
        "стратегпром",
        // Russian: "Минфин", "Минздрав", "Минэкономразвития", "Минпромторг"
        "фин", "здрав", "труд", "эконом", "энерго", "промторг", "транс", "просвещ", "обрнаук",
        "сельхоз", "спорт", "строй", "цифры", "вост"};
    if (lower.starts_with("кабмін") || lower.starts_with("кабмин")) return true;
    if (lower.starts_with("мін") || lower.starts_with("мин")) {
        const std::string_view rest = lower.substr(std::string_view("мін").size());
        if (std::any_of(kMinistries.begin(), kMinistries.end(),
                        [&](std::string_view stem) { return rest.starts_with(stem); }))
            return true;
    }
    if (lower.size() > 14 && ends_with_any(lower, {"рада", "ради", "раді", "раду", "радою"}) &&
        !lower.starts_with("рад"))
        return true;
    // Not "Україна", nor words that start the same ("Укриття", "Укрупнення", "Укріплення").
    static const std::array<std::string_view, 7> kNotUkr = {"україн", "украин", "украї", "укрит",
                                                            "укрупн", "укріп",  "укреп"};
    if (lower.size() > 12 && lower.starts_with("укр") &&
        std::none_of(kNotUkr.begin(), kNotUkr.end(),
                     [&](std::string_view w) { return lower.starts_with(w); }))
        return true;
    // Ukraine's state services by their short names: "Держгеокадастру", "Держпраці",
    // "Держстату" (not "держава", "державний", "держбюджет": dictionary words, see one_word_body).
    if (lower.size() > 12 && lower.starts_with("держ") && !lower.starts_with("держав")) return true;
    if (!russian_body_nominative(lower).empty()) return true;
    if (lower.size() <= 14) return false;  // seven letters or more
    // A company named by what it does, any case: "Кріогенсервісу", "Теплогазстрой",
    // "Кабельтехпостач", "Мегаметалгруп", "Чорноморнафтогазу", "Приватбанку".
    return ends_with_any(
        compound_nominative(lower),
        {"енерго",   "банк",    "сервіс", "сервис",   "пром",   "строй",   "буд",
         "постач",   "груп",    "монтаж", "інвест",   "инвест", "трейд",   "маш",
         "нафтогаз", "газпром", "бетон",  "трансбуд", "агро",   "холдинг", "телеком"});
}

// The name of an institution's phrase [i, end) with its head at `head`: the adjectives and the
// head in the nominative, what it is of as written ("Верховною Радою України" -> "Верховна
// Рада України"), so every case of it is one facet value.
std::string institution_name(const ChunkContext& c, std::size_t i, std::size_t head,
                             std::size_t end) {
    const Head* h = head_of(lower_in_script(c.word(head)));
    if (!h) return {};
    std::string name;
    for (std::size_t k = i; k < head; ++k) {
        name += c.cyr_lang == CyrLang::ru ? russian_adjective_nominative(c.word(k), h->gender)
                                          : adjective_nominative(c.word(k), h->gender);
        name += ' ';
    }
    name += head_nominative(c.word(head), *h);
    if (end > head + 1)
        name +=
            c.text.substr(c.tt.tokens[head].end, c.tt.tokens[end - 1].end - c.tt.tokens[head].end);
    return name;
}

// "у Хмельницькій області", "в Луганській області" from token m: where a body's branch is,
// part of its name; the token after it, or 0.
std::size_t region_after(const ChunkContext& c, std::size_t m, std::size_t last) {
    if (m + 2 >= last || c.tt.tokens[m + 1].kind != TokenKind::word || !c.tt.tokens[m + 1].cap ||
        c.tt.tokens[m + 2].kind != TokenKind::word)
        return 0;
    const std::string in = lower_in_script(c.word(m));
    const std::string noun = lower_in_script(c.word(m + 2));
    const bool region_noun = noun == "області" || noun == "районі" || noun == "области" ||
                             noun == "районе" || noun == "регіоні";
    return (in == "у" || in == "в") && region_noun ? m + 3 : 0;
}

// The organisation of tokens [i, end), named as written (`name`: otherwise); returns `end`.
std::size_t emit(const ChunkContext& c, std::size_t i, std::size_t end, std::vector<Candidate>& out,
                 std::string name = {}) {
    if (name.empty())
        name = c.text.substr(c.tt.tokens[i].start, c.tt.tokens[end - 1].end - c.tt.tokens[i].start);
    std::string native = name;
    // A body the curated lists know is named as they name it: "Государственная дума" is the
    // Duma.
    if (const GazEntry* g = c.gaz.find(entity_key(name, c.cyr_lang));
        g && g->kind == GazKind::org && g->source == GazSource::curated)
        name = g->name;
    Candidate cand{i,     end, c.tt.tokens[i].start, c.tt.tokens[end - 1].end, CandidateKind::org,
                   false, name};
    cand.native = native;
    out.push_back(std::move(cand));
    return end;
}

}  // namespace

std::vector<std::string> adjective_nominatives(std::string_view word, CyrLang lang) {
    std::vector<std::string> out;
    for (Gender3 g : {Gender3::feminine, Gender3::masculine, Gender3::neuter}) {
        std::string n = lang == CyrLang::ru ? russian_adjective_nominative(word, g)
                                            : adjective_nominative(word, g);
        if (n != word && std::find(out.begin(), out.end(), n) == out.end())
            out.push_back(std::move(n));
    }
    return out;
}

bool one_word_body(const ChunkContext& c, std::size_t k, std::vector<Candidate>& out) {
    const std::string lower = lower_in_script(c.word(k));
    if (!body_word(lower)) return false;
    if (lower.starts_with("держ") && c.dictionary && c.dictionary->is_lower_word(lower))
        return false;  // "Держбюджету": the state budget, a word
    std::string name = russian_body_nominative(c.word(k));
    if (name.empty()) name = russian_ministry_nominative(c.word(k));
    // "Держпраці" (of labour) does not decline: its last part is a word in the genitive.
    constexpr std::string_view kState = "держ";
    const bool fixed = lower.starts_with(kState) && c.dictionary &&
                       c.dictionary->is_lower_word(std::string_view(lower).substr(kState.size()));
    if (name.empty()) name = fixed ? std::string(c.word(k)) : compound_nominative(c.word(k));
    Candidate cand{k,     k + 1, c.tt.tokens[k].start, c.tt.tokens[k].end, CandidateKind::org,
                   false, name};
    cand.native = name;
    out.push_back(std::move(cand));
    return true;
}

std::size_t institution_phrase(const ChunkContext& c, std::size_t i, std::size_t last,
                               std::vector<Candidate>& out) {
    auto word_at = [&](std::size_t k) {
        return k < last && c.tt.tokens[k].kind == TokenKind::word;
    };
    // Capitalised adjectives, then (after one) lower-case ones: "Вищий господарський суд".
    std::size_t k = i;
    while (word_at(k) && (c.tt.tokens[k].cap || k > i) &&
           adjective_shaped(lower_in_script(c.word(k))) &&
           !institution_head(lower_in_script(c.word(k))) && !first_name_word(c, k))
        ++k;
    if (k > i && word_at(k) &&
        is_cyrillic_acronym(c, k)) {  // "Сокирянської РДА", "Черкаське ОТВ АМКУ"
        std::size_t end = k + 1;
        while (word_at(end) && is_cyrillic_acronym(c, end))
            ++end;
        return emit(c, i, end, out);
    }
    if (!word_at(k) || !institution_head(lower_in_script(c.word(k)))) return i;
    if (k == i && !c.tt.tokens[k].cap) return i;
    const std::size_t head = k;
    std::size_t end = head + 1;  // past the last word that may end the name
    for (std::size_t m = head + 1; m < last && m < head + 12; ++m) {
        const std::string_view w = c.word(m);
        if (is_quote(w) && (w == "«" || w == "\"") && m == end) {  // a quoted proper name
            std::size_t close = m + 1;
            while (close < last && close < m + 7 && !is_quote(c.word(close)))
                ++close;
            if (close < last && is_quote(c.word(close)) && close > m + 1) end = close + 1;
            break;
        }
        if (!word_at(m)) break;
        const std::string lower = lower_in_script(w);
        if (c.tt.tokens[m].cap) {
            if (c.tt.tokens[m].sentence_start) break;
            // "міськрада і ТОВ «Альфа»": a capitalised word after "і" or "та" starts another.
            if (conjunction(lower_in_script(c.word(m - 1)))) break;
            // A country ends the name: "Міністерства оборони України".
            const GazEntry* g = nullptr;
            for (const std::string& form : nominative_candidates(w)) {
                if ((g = c.gaz.find(entity_key(form, c.cyr_lang)))) break;
            }
            const bool country = g && g->kind == GazKind::place && g->source == GazSource::country;
            // A person's name ends it ("агентства Томаса Райтера"); a country's is no person's
            // ("России" is no "Rossie").
            if (!country && first_name_word(c, m)) break;
            end = m + 1;
            if (country && !(m + 1 < last && lower_in_script(c.word(m + 1)) == "з") &&
                !region_after(c, m + 1, last))
                break;
            continue;
        }
        if (const std::size_t region = region_after(c, m, last)) {
            end = region;  // "... ДСНС України в Івано-Франківській області": its branch there
            break;
        }
        // "Советом Федерации и подписания": "и" after a proper name ends the body.
        if (conjunction(lower) && m - 1 > head && c.tt.tokens[m - 1].cap) break;
        if (!continues_name(lower, lower_in_script(c.word(m - 1)))) break;
        if (!joining(lower)) end = m + 1;
    }
    if (end == head + 1 && head == i) return i;  // a head alone: perhaps a common noun
    return emit(c, i, end, out, institution_name(c, i, head, end));
}

}  // namespace byline::extract
