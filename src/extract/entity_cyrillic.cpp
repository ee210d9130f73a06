#include "extract/entity_cyrillic.h"

#include "util/memo.h"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>
#include <unordered_set>

namespace byline::extract {
namespace {

bool ends(std::string_view w, std::string_view suffix) {
    return w.size() > suffix.size() && w.ends_with(suffix);
}

std::size_t letters(std::string_view w) {
    return text::count_code_points(w);
}

// The last code point of `w` (empty view if none).
std::string_view last_letter(std::string_view w) {
    std::size_t k = w.size();
    while (k > 0 && (static_cast<unsigned char>(w[k - 1]) & 0xC0) == 0x80)
        --k;
    return k > 0 ? w.substr(k - 1) : std::string_view{};
}

bool is_vowel(std::string_view letter) {
    static const std::unordered_set<std::string_view> kVowels = {"а", "е", "є", "и", "і", "ї", "о",
                                                                 "у", "ю", "я", "ы", "э", "ё"};
    return kVowels.count(letter) > 0;
}

// Soft consonants whose nominative ends in "ь" ("Шмигаля" → "Шмигаль").
bool takes_soft_sign(std::string_view letter) {
    static const std::unordered_set<std::string_view> kSoft = {"л", "н", "ц", "с", "з", "т", "д"};
    return kSoft.count(letter) > 0;
}

// "Свириденк" → "Свириденко": a stem ending in a cluster no nominative ends with.
std::string restore_o(std::string stem) {
    for (std::string_view cluster : {"нк", "чк", "шк", "дк"}) {
        if (stem.ends_with(cluster)) return stem + "о";
    }
    return stem;
}

struct Rule {
    std::string_view ending;
    std::string_view replacement;
};

// Endings that no nominative name has, so stripping them is safe without context.
constexpr std::array<Rule, 30> kCertain = {{
    {"овим", "ов"},    {"евим", "ев"},    {"євим", "єв"},    {"іним", "ін"},    {"їним", "їн"},
    {"иним", "ин"},    {"овым", "ов"},    {"евым", "ев"},    {"ёвым", "ёв"},    {"иным", "ин"},
    {"ыным", "ын"},    {"ького", "ький"}, {"ькому", "ький"}, {"ьким", "ький"},  {"ькім", "ький"},
    {"ької", "ька"},   {"ькій", "ька"},   {"ькою", "ька"},   {"ьку", "ька"},    {"ского", "ский"},
    {"скому", "ский"}, {"ским", "ский"},  {"цкого", "цкий"}, {"цкому", "цкий"}, {"цким", "цкий"},
    {"скую", "ская"},  {"цкую", "цкая"},  {"ного", "ний"},   {"ному", "ний"},   {"ові", ""},
}};

// Adjectival women's surnames: "Зеленська" is a nominative, not an inflected "Зеленськ".
bool feminine_nominative(std::string_view w) {
    for (std::string_view e : {"ська", "цька", "зька", "ская", "цкая"}) {
        if (w.ends_with(e)) return true;
    }
    return false;
}

std::string women_surname(std::string_view w) {
    for (std::string_view stem : {"ов", "ев", "єв", "ёв", "ін", "ин", "ын"}) {
        for (std::string_view ending : {"ої", "ій", "у", "ою", "ой"}) {
            std::string suffix = std::string(stem) += ending;
            if (ends(w, suffix) && letters(w) >= letters(suffix) + 2) {
                return std::string(w.substr(0, w.size() - ending.size())) += "а";
            }
        }
    }
    return std::string(w);
}

// Case endings of men's surnames, longest first; "~" marks "ь or й as the stem asks".
constexpr std::array<Rule, 11> kMasculine = {{{"ом", ""},
                                              {"ем", "~"},
                                              {"єм", "й"},
                                              {"у", ""},
                                              {"ю", "~"},
                                              {"а", ""},
                                              {"я", "~"},
                                              {"і", ""},
                                              {"и", "а"},
                                              {"ы", "а"},
                                              {"е", ""}}};

std::string mens_surname(std::string_view w, CyrLang lang) {
    for (const Rule& r : kMasculine) {
        if (!ends(w, r.ending) || letters(w) < letters(r.ending) + 3) continue;
        std::string stem(w.substr(0, w.size() - r.ending.size()));
        if (r.ending == "е") {  // Russian locative: only "о Путине", "о Лаврове"
            bool possessive = false;
            for (std::string_view s : {"ов", "ев", "ин", "ын"})
                possessive |= stem.ends_with(s);
            if (lang != CyrLang::ru || !possessive) return std::string(w);
        }
        if (r.ending == "і" && is_vowel(last_letter(stem))) return std::string(w);
        if (r.replacement == "~") {
            std::string_view last = last_letter(stem);
            if (is_vowel(last)) return stem + "й";
            return takes_soft_sign(last) ? stem + "ь" : stem;
        }
        if (!r.replacement.empty()) return stem += r.replacement;
        return restore_o(std::move(stem));
    }
    return std::string(w);
}

std::unique_ptr<icu::Transliterator> make_transliterator(const char* id) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    return t;
}

}  // namespace

bool has_cyrillic(std::string_view s) {
    for (std::size_t k = 0; k + 1 < s.size(); ++k) {
        auto b = static_cast<unsigned char>(s[k]);
        if (b >= 0xD0 && b <= 0xD4) return true;  // lead bytes of U+0400..U+052F
    }
    return false;
}

bool mostly_cyrillic(std::string_view text) {
    std::size_t cyrillic = 0, latin = 0;
    for (unsigned char b : text) {
        cyrillic += b >= 0xD0 && b <= 0xD4;
        latin += (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }
    return cyrillic > latin;
}

CyrLang cyrillic_language(std::string_view text, std::string_view lang) {
    std::size_t uk = 0, ru = 0;
    for (std::string_view l : {"і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ"}) {
        for (std::size_t at = text.find(l); at != std::string_view::npos; at = text.find(l, at + 2))
            ++uk;
    }
    for (std::string_view l : {"ы", "э", "ъ", "ё", "Э", "Ё"}) {
        for (std::size_t at = text.find(l); at != std::string_view::npos; at = text.find(l, at + 2))
            ++ru;
    }
    if (uk != ru) return uk > ru ? CyrLang::uk : CyrLang::ru;
    return lang == "ru" || lang == "be" ? CyrLang::ru : CyrLang::uk;
}

// One transliterator per thread and language: ICU transliterators are not safe to share. Names
// recur, so each thread remembers what it has transliterated.
std::string cyrillic_to_latin(std::string_view s, CyrLang lang) {
    thread_local std::array<text::StringMemo<std::string>, 2> memo;
    const bool uk = lang == CyrLang::uk;
    return memo[uk ? 0 : 1].get(s, [uk](std::string_view name) {
        thread_local std::unique_ptr<icu::Transliterator> uk_tr =
            make_transliterator("uk-uk_Latn/BGN; Any-Latin; Latin-ASCII");
        thread_local std::unique_ptr<icu::Transliterator> ru_tr =
            make_transliterator("ru-ru_Latn/BGN; Any-Latin; Latin-ASCII");
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(
            icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
        icu::Transliterator* tr = uk ? uk_tr.get() : ru_tr.get();
        if (tr) tr->transliterate(u);
        std::string out;
        u.toUTF8String(out);
        return out;
    });
}

std::string lower_in_script(std::string_view s) {
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    u.toLower(icu::Locale::getRoot());
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x0451)),
                     icu::UnicodeString(static_cast<UChar>(0x0435)));  // ё → е
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string strip_certain_ending(std::string_view w, CyrLang lang) {
    for (const Rule& r : kCertain) {
        if (!ends(w, r.ending) || letters(w) < letters(r.ending) + 2) continue;
        std::string stem(w.substr(0, w.size() - r.ending.size()));
        if (r.ending == "ові")
            return letters(stem) >= 3 ? restore_o(std::move(stem)) : std::string(w);
        if (r.replacement == "ний" && lang == CyrLang::ru) return stem + "ный";
        return stem += r.replacement;
    }
    return std::string(w);
}

std::string surname_nominative(std::string_view word, Gender gender, CyrLang lang) {
    std::string w = strip_certain_ending(word, lang);
    if (w != word) return w;
    if (gender == Gender::female) return women_surname(w);
    if (feminine_nominative(w)) return w;  // "Зеленська" is not an inflected "Зеленськ"
    return mens_surname(w, lang);
}

}  // namespace byline::extract
