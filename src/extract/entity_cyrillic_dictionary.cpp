// Cyrillic persons checked against the language's dictionary (data/lexicon-uk.bin,
// lexicon-ru.bin). The rules and the tagger take a capitalised word for a surname when they
// know nothing better; the dictionary knows the common words of the language in every form
// ("сніговика", "карого") and heads each proper noun with its nominative ("Дора" for "Дору",
// "Вітмен" for "Вітмена").

#include "extract/entity_chunker.h"
#include "extract/entity_cyrillic.h"
#include "extract/tagger_lexicon.h"
#include "util/text.h"

#include <algorithm>
#include <set>

namespace byline::extract {
namespace {

// The nominatives `word` may be a case of, the vocative too ("Доро" -> "Дора", "Петре" ->
// "Петро"): the guesses are checked against the dictionary, so a wild one costs nothing.
std::vector<std::string> forms_of(std::string_view word) {
    std::vector<std::string> forms = nominative_candidates(word);
    if (text::count_code_points(word) > 3) {
        const std::string stem(word.substr(0, word.size() - 2));  // both endings: two bytes
        if (word.ends_with("о")) forms.push_back(stem + "а");
        if (word.ends_with("е")) forms.push_back(stem + "о");
    }
    return forms;
}

// A surname's own shape in the nominative ("Лужков", "Путін"), which a plural's genitive may
// share ("лужков", of meadows): the dictionary does not head every surname, so the shape wins.
// (Read on the word as written: read on its guessed nominatives, it keeps more junk.)
bool surname_in_nominative(std::string_view word) {
    return text::count_code_points(word) >= 5 &&
           ends_with_any(word, {"ов", "ев", "ёв", "єв", "ин", "ын", "ін"});
}

// The first nominative the word may be a case of that the dictionary heads a proper noun
// with; "" when none.
std::string headword(const TaggerLexicon& dict, const std::vector<std::string>& forms) {
    for (const std::string& f : forms)
        if (dict.is_headword(f)) return f;
    return {};
}

// A surname after a given name in a case the rules did not undo ("Лесі Українки" was named
// "Леся Українки"): the dictionary's headword when it has the given name's gender (a woman's
// ends in -а/-я), so "Віка Петрова" stays even where only "Петров" is headed.
void name_surnames(const ChunkContext& c, Candidate& cand) {
    const std::vector<std::string_view> words = text::split(cand.name, ' ');
    if (words.size() < 2) return;
    const bool woman = first_name_gender(words[0]) == Gender::female;
    std::string name(words[0]);
    bool changed = false;
    for (std::size_t k = 1; k < words.size(); ++k) {
        std::string word(words[k]);
        if (has_cyrillic(word) && !c.dictionary->is_headword(word)) {
            const std::string head = headword(*c.dictionary, nominative_candidates(word));
            if (!head.empty() && woman == (head.ends_with("а") || head.ends_with("я"))) {
                word = head;
                changed = true;
            }
        }
        name += ' ' + word;
    }
    if (changed) cand.name = cand.native = name;
}

}  // namespace

bool only_common_words(const ChunkContext& c, std::size_t first, std::size_t last) {
    if (!c.dictionary || last - first < 2) return false;
    // A short first word is a foreign given name more often than a word: "Дик Адвокат".
    if (text::count_code_points(c.word(first)) <= 3) return false;
    for (std::size_t k = first; k < last; ++k) {
        const std::string_view w = c.word(k);
        if (c.tt.tokens[k].kind != TokenKind::word || !has_cyrillic(w) ||
            !c.dictionary->is_lower_word(lower_in_script(w)) ||
            !cyrillic_given_name(c, w).empty() ||
            !headword(*c.dictionary, nominative_candidates(w)).empty())
            return false;
    }
    return true;
}

void read_lone_persons_in_dictionary(const ChunkContext& c, std::vector<Candidate>& cands) {
    if (!c.dictionary) return;
    std::erase_if(cands, [&](Candidate& cand) {
        // Only names the text wrote: not a gazetteer's or a user's ("Zelenskyy").
        if (cand.kind != CandidateKind::person || !has_cyrillic(cand.name)) return false;
        // A name of several words, or a lone surname coreference named after a fuller mention
        // ("Мельник" after "Андрій Мельник"), stays a person; its surnames may take headwords.
        if (cand.name.find(' ') != std::string::npos) {
            name_surnames(c, cand);
            return false;
        }
        if (cand.last - cand.first != 1) return false;
        const std::string_view word = c.word(cand.first);
        if (!has_cyrillic(word)) return false;
        if (const std::string given = cyrillic_given_name(c, word); !given.empty()) {
            // Where a sentence starts, a common word as written is that word, though a given
            // name has the same form in another case ("Люди вийшли": people, not Люда's).
            return given != word && c.tt.tokens[cand.first].sentence_start &&
                   c.dictionary->is_lower_word(lower_in_script(word));
        }
        const std::vector<std::string> forms = forms_of(word);
        const std::string head = headword(*c.dictionary, forms);
        if (head.empty())
            return c.dictionary->is_lower_word(lower_in_script(word)) &&
                   !surname_in_nominative(word);
        if (!c.dictionary->is_headword(cand.name)) cand.name = cand.native = head;
        return false;
    });
}

bool is_street_word(std::string_view lower) {
    static const std::set<std::string_view> kStreets = {
        "вулиця",    "вулиці",     "вулицю",     "вулицею",   "вул",       "проспект",  "проспекту",
        "проспекті", "проспектом", "просп",      "площа",     "площі",     "площу",     "площею",
        "пл",        "провулок",   "провулку",   "провулком", "пров",      "бульвар",   "бульвару",
        "бульварі",  "бульваром",  "бульв",      "б-р",       "узвіз",     "узвозу",    "узвозі",
        "набережна", "набережної", "набережній", "наб",       "шосе",      "улица",     "улицы",
        "улице",     "улицу",      "улицей",     "ул",        "проспекта", "проспекте", "площадь",
        "площади",   "площадью",   "переулок",   "переулка",  "переулке",  "пер",       "бульвара",
        "бульваре",  "набережная", "набережной", "шоссе"};
    return kStreets.count(lower) > 0;
}

namespace {

// The nominative of a street word as written ("вулиці" -> "вулиця", "проспекте" ->
// "проспект"); an abbreviation or a nominative as it is.
std::string street_nominative(std::string_view word) {
    static const std::pair<std::string_view, std::string_view> kForms[] = {
        {"вулиці", "вулиця"},        {"вулицю", "вулиця"},        {"вулицею", "вулиця"},
        {"проспекту", "проспект"},   {"проспекті", "проспект"},   {"проспектом", "проспект"},
        {"площі", "площа"},          {"площу", "площа"},          {"площею", "площа"},
        {"провулку", "провулок"},    {"провулком", "провулок"},   {"бульвару", "бульвар"},
        {"бульварі", "бульвар"},     {"бульваром", "бульвар"},    {"узвозу", "узвіз"},
        {"узвозі", "узвіз"},         {"набережної", "набережна"}, {"набережній", "набережна"},
        {"улицы", "улица"},          {"улице", "улица"},          {"улицу", "улица"},
        {"улицей", "улица"},         {"проспекта", "проспект"},   {"проспекте", "проспект"},
        {"площади", "площадь"},      {"площадью", "площадь"},     {"переулка", "переулок"},
        {"переулке", "переулок"},    {"бульвара", "бульвар"},     {"бульваре", "бульвар"},
        {"набережной", "набережная"}};
    const std::string lower = lower_in_script(word);
    for (const auto& [form, nominative] : kForms)
        if (lower == form) return std::string(nominative);
    return std::string(word);
}

}  // namespace

void read_streets(const ChunkContext& c, std::vector<Candidate>& cands) {
    for (Candidate& cand : cands) {
        if (cand.kind != CandidateKind::person || cand.first == 0 || !has_cyrillic(cand.name))
            continue;
        std::size_t k = cand.first - 1;
        // "вул. Грушевського": the abbreviation's full stop.
        if (c.word(k) == "." && k > 0) --k;
        if (c.tt.tokens[k].kind != TokenKind::word || !is_street_word(lower_in_script(c.word(k))))
            continue;
        cand.kind = CandidateKind::place;
        cand.first = k;
        cand.start = c.tt.tokens[k].start;
        // Named in the nominative, the person's name as written ("вулиці Тараса Шевченка" ->
        // "вулиця Тараса Шевченка"): every case of a street is one facet value.
        const std::string_view rest =
            c.text.substr(c.tt.tokens[k].end, cand.end - c.tt.tokens[k].end);
        cand.name = cand.native = street_nominative(c.word(k)) + std::string(rest);
    }
}

}  // namespace byline::extract
