// Ukrainian and Russian institutions written as noun phrases: capitalised adjectives, a head
// noun of an institution, and what it is of ("Міністерства оборони України", "Господарського
// суду Одеської області", "Державна служба України з надзвичайних ситуацій"). News names its
// bodies this way far more than by acronym; without this, only the country at the end was found.

#include "extract/entity_chunker.h"
#include "extract/entity_cyrillic.h"
#include "extract/entity_key.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace byline::extract {
namespace {

bool ends_with_any(std::string_view w, std::initializer_list<std::string_view> endings) {
    return std::any_of(endings.begin(), endings.end(),
                       [&](std::string_view e) { return w.size() > e.size() && w.ends_with(e); });
}

// An adjective by its ending, any case ("Верховної", "Державна", "Центрального").
bool adjective_shaped(std::string_view lower) {
    return ends_with_any(lower, {"ий", "ій", "ого", "ому", "ої", "ою", "их", "ими", "вна", "льна",
                                 "жна", "чна", "рна", "ська", "цька", "ное", "ный", "ная", "ной"});
}

// The nominative of a head noun's forms, for the short heads whose stems begin other words.
const std::map<std::string_view, std::string_view>& short_heads() {
    static const std::map<std::string_view, std::string_view> kForms = {
        {"рада", "рада"},     {"ради", "рада"},     {"раді", "рада"},     {"раду", "рада"},
        {"радою", "рада"},    {"суд", "суд"},       {"суду", "суд"},      {"судом", "суд"},
        {"суді", "суд"},      {"фонд", "фонд"},     {"фонду", "фонд"},    {"фондом", "фонд"},
        {"фонді", "фонд"},    {"банк", "банк"},     {"банку", "банк"},    {"банком", "банк"},
        {"центр", "центр"},   {"центру", "центр"},  {"центрі", "центр"},  {"центром", "центр"},
        {"клуб", "клуб"},     {"клубу", "клуб"},    {"союз", "союз"},     {"союзу", "союз"},
        {"уряд", "уряд"},     {"уряду", "уряд"},    {"дума", "дума"},     {"думи", "дума"},
        {"думы", "дума"},     {"совет", "совет"},   {"совета", "совет"},  {"суда", "суд"},
        {"банка", "банк"},    {"центра", "центр"},  {"фонда", "фонд"},    {"бюро", "бюро"},
        {"палата", "палата"}, {"палати", "палата"}, {"палаты", "палата"}, {"відділ", "відділ"},
        {"відділу", "відділ"}};
    return kForms;
}

// A head noun of an institution, any case: a ministry, service, court, council, fund, party.
bool institution_head(std::string_view lower) {
    if (short_heads().count(lower)) return true;
    static const std::array<std::string_view, 50> kStems = {
        "залізниц",     "міськрад",  "облрад",      "райрад",      "госпсуд",     "адмінсуд",
        "райсуд",       "міськсуд",  "міністерств", "министерств", "управлінн",   "управлени",
        "департамент",  "інститут",  "институт",    "комітет",     "комитет",     "агентств",
        "служб",        "парті",     "парти",       "академі",     "академи",     "університет",
        "университет",  "інспекці",  "инспекци",    "прокуратур",  "генпрокурат", "асоціаці",
        "ассоциаци",    "спілк",     "об'єднанн",   "об’єднанн",   "федераці",    "федераци",
        "корпораці",    "корпораци", "кабінет",     "кабинет",     "секретаріат", "адміністраці",
        "администраци", "комісі",    "комисси",     "трибунал",    "відділенн",   "поліці",
        "полици",       "міліці"};
    return std::any_of(kStems.begin(), kStems.end(),
                       [&](std::string_view stem) { return lower.starts_with(stem); }) &&
           !ends_with_any(lower, {"ого", "ому", "ий", "ої", "ний", "ним", "них"});
}

// A lower-case word that may stand in the name after its head, what the body is of: a noun or
// adjective in the genitive ("оборони", "внутрішніх справ", "фізичних осіб") or instrumental
// ("національними проектами"), not a verb, an object or a function word. `after`: the word
// before it.
bool continues_name(std::string_view lower, std::string_view after) {
    if (lower == "та" || lower == "і" || lower == "й" || lower == "и" || lower == "з") return true;
    if (lower.size() < 6 || is_cyrillic_function_word(lower)) return false;  // three letters
    if (ends_with_any(lower, {"ав", "ив", "ов", "ув", "яв", "ла", "ло", "ли", "ся", "сь", "ть",
                              "ає", "ує", "ють", "ять", "ит", "ет"}))
        return false;
    if (ends_with_any(lower, {"а", "я", "у", "ю", "и", "і", "ї", "ів", "їв", "ей", "нь", "их", "іх",
                              "ого", "ами", "ями", "ими"}))
        return true;
    return ends_with_any(after, {"их", "іх"});  // a plural genitive after its adjective
}

// Words that join the name but may not end it.
bool joining(std::string_view lower) {
    return lower == "та" || lower == "і" || lower == "й" || lower == "и" || lower == "з";
}

bool is_quote_mark(std::string_view w) {
    return w == "\"" || w == "«" || w == "»" || w == "„" || w == "“" || w == "”";
}

// Does a first name (as written or in a nominative) start a person at token k?
bool first_name_word(const ChunkContext& c, std::size_t k) {
    for (const std::string& form : nominative_candidates(c.word(k))) {
        if (c.gaz.is_native_first_name(lower_in_script(form), c.cyr_lang)) return true;
    }
    return false;
}

bool is_consonant_end(std::string_view w) {
    static const std::array<std::string_view, 20> kConsonants = {"б", "в", "г", "ґ", "д", "ж", "з",
                                                                 "к", "л", "м", "н", "п", "р", "с",
                                                                 "т", "ф", "х", "ц", "ч", "ш"};
    return std::any_of(kConsonants.begin(), kConsonants.end(),
                       [&](std::string_view c) { return w.ends_with(c); });
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
            is_consonant_end(word.substr(0, word.size() - ending.size())))
            return std::string(word.substr(0, word.size() - ending.size()));
    }
    return std::string(word);
}

// One word that names a body by its shape: a ministry's or cabinet's short form ("Міноборони",
// "Мінюст", "Кабміну"), a city or regional council ("Київради", "облради"), a state company of
// the "Укр-" family ("Укрзалізниці", "Укравтодору"), a power company or bank by its last part
// ("Харківобленерго", "Приватбанку").
bool body_word(std::string_view lower) {
    static const std::array<std::string_view, 18> kMinistries = {
        "оборон", "юст",    "фін",         "охорон",  "екон",       "агро",
        "культ",  "цифр",   "осві",        "енерго",  "соцпол",     "інфраструкт",
        "регіон", "природ", "молодьспорт", "ветеран", "реінтеграц", "стратегпром"};
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
    if (lower.size() > 12 && lower.starts_with("укр") && !lower.starts_with("україн") &&
        !lower.starts_with("украин") && !lower.starts_with("украї"))
        return true;
    return ends_with_any(lower, {"енерго", "банк", "банку", "банком", "банке", "банка"}) &&
           lower.size() > 14;
}

// An acronym of a body: two letters or more, all capitals ("РДА", "АМКУ").
bool is_acronym(const ChunkContext& c, std::size_t k) {
    const Token& t = c.tt.tokens[k];
    return t.all_caps && t.kind == TokenKind::word && t.end - t.start >= 4;
}

// The organisation of tokens [i, end), named as written; returns `end`.
std::size_t emit(const ChunkContext& c, std::size_t i, std::size_t end,
                 std::vector<Candidate>& out) {
    std::string name(
        c.text.substr(c.tt.tokens[i].start, c.tt.tokens[end - 1].end - c.tt.tokens[i].start));
    Candidate cand{i,     end, c.tt.tokens[i].start, c.tt.tokens[end - 1].end, CandidateKind::org,
                   false, name};
    cand.native = name;
    out.push_back(std::move(cand));
    return end;
}

}  // namespace

bool one_word_body(const ChunkContext& c, std::size_t k, std::vector<Candidate>& out) {
    if (!body_word(lower_in_script(c.word(k)))) return false;
    const std::string name = compound_nominative(c.word(k));
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
    if (k > i && word_at(k) && is_acronym(c, k)) {  // "Сокирянської РДА", "Черкаське ОТВ АМКУ"
        std::size_t end = k + 1;
        while (word_at(end) && is_acronym(c, end))
            ++end;
        return emit(c, i, end, out);
    }
    if (!word_at(k) || !institution_head(lower_in_script(c.word(k)))) return i;
    if (k == i && !c.tt.tokens[k].cap) return i;
    const std::size_t head = k;
    std::size_t end = head + 1;  // past the last word that may end the name
    for (std::size_t m = head + 1; m < last && m < head + 12; ++m) {
        const std::string_view w = c.word(m);
        if (is_quote_mark(w) && (w == "«" || w == "\"") && m == end) {  // a quoted proper name
            std::size_t close = m + 1;
            while (close < last && close < m + 7 && !is_quote_mark(c.word(close)))
                ++close;
            if (close < last && is_quote_mark(c.word(close)) && close > m + 1) end = close + 1;
            break;
        }
        if (!word_at(m)) break;
        const std::string lower = lower_in_script(w);
        if (c.tt.tokens[m].cap) {
            if (c.tt.tokens[m].sentence_start || first_name_word(c, m)) break;
            // A country ends the name: "Міністерства оборони України".
            const GazEntry* g = nullptr;
            for (const std::string& form : nominative_candidates(w)) {
                if ((g = c.gaz.find(entity_key(form, c.cyr_lang)))) break;
            }
            end = m + 1;
            const bool country = g && g->kind == GazKind::place && g->source == GazSource::country;
            if (country && !(m + 1 < last && lower_in_script(c.word(m + 1)) == "з")) break;
            continue;
        }
        if (!continues_name(lower, lower_in_script(c.word(m - 1)))) break;
        if (!joining(lower)) end = m + 1;
    }
    if (end == head + 1 && head == i) return i;  // a head alone: perhaps a common noun
    return emit(c, i, end, out);
}

}  // namespace byline::extract
