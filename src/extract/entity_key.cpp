#include "extract/entity_key.h"

#include "extract/entity_cyrillic.h"
#include "extract/entity_rules.h"
#include "util/memo.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace byline::extract {
namespace {

bool is_ascii(std::string_view s) {
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

// One transliterator per thread: ICU transliterators are not safe to share while in use.
// ASCII is its own transliteration; the rest is remembered, since names recur.
std::string to_latin_ascii(std::string_view s) {
    if (std::all_of(s.begin(), s.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return std::string(s);
    thread_local text::StringMemo<std::string> memo;
    return memo.get(s, [](std::string_view name) {
        thread_local std::unique_ptr<icu::Transliterator> tr = [] {
            UErrorCode status = U_ZERO_ERROR;
            std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
                "Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
            if (U_FAILURE(status)) t.reset();
            return t;
        }();
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(
            icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
        if (tr) tr->transliterate(u);
        std::string out;
        u.toUTF8String(out);
        return out;
    });
}

// English short forms of given names. Folded only as the first word of a longer name, so
// "Dan Driscoll" and "Daniel Driscoll" share a key while a lone "Bill" stays a bill; two
// people must then share surname and given name to be confused, as they already do when
// written in full.
const std::unordered_map<std::string_view, std::string_view> kNicknames = {
    {"dan", "daniel"},      {"danny", "daniel"},  {"steve", "steven"},  {"stephen", "steven"},
    {"mike", "michael"},    {"bill", "william"},  {"billy", "william"}, {"will", "william"},
    {"bob", "robert"},      {"bobby", "robert"},  {"rob", "robert"},    {"jim", "james"},
    {"jimmy", "james"},     {"tom", "thomas"},    {"tommy", "thomas"},  {"joe", "joseph"},
    {"alex", "alexander"},  {"tony", "anthony"},  {"dave", "david"},    {"chris", "christopher"},
    {"nick", "nicholas"},   {"ben", "benjamin"},  {"sam", "samuel"},    {"matt", "matthew"},
    {"andy", "andrew"},     {"pete", "peter"},    {"ed", "edward"},     {"eddie", "edward"},
    {"rick", "richard"},    {"dick", "richard"},  {"ron", "ronald"},    {"don", "donald"},
    {"jeff", "jeffrey"},    {"greg", "gregory"},  {"ken", "kenneth"},   {"larry", "lawrence"},
    {"charlie", "charles"}, {"chuck", "charles"}, {"liz", "elizabeth"}, {"kate", "katherine"},
    {"katie", "katherine"}, {"jenny", "jennifer"}};

// "dan driscoll" -> "daniel driscoll"; one-word names are left alone.
std::string expand_nickname(std::string folded) {
    std::size_t space = folded.find(' ');
    if (space == std::string::npos) return folded;
    auto it = kNicknames.find(std::string_view(folded).substr(0, space));
    if (it == kNicknames.end()) return folded;
    return std::string(it->second) + folded.substr(space);
}

// Each Cyrillic word without the case endings no nominative has ("Зеленського" → "Зеленський").
std::string strip_cyrillic_endings(std::string_view name, CyrLang lang) {
    std::string out;
    for (std::size_t w = 0; w <= name.size();) {
        std::size_t end = std::min(name.find(' ', w), name.size());
        std::string_view word = name.substr(w, end - w);
        out += has_cyrillic(word) ? strip_certain_ending(word, lang) : std::string(word);
        if (end < name.size()) out += ' ';
        w = end + 1;
    }
    return out;
}

// "Зеленський" → "zelenskyy" (BGN/PCGN, so the press spellings meet); other scripts through
// ICU Any-Latin.
std::string latin_of(std::string_view name, const CyrLang* lang) {
    if (is_ascii(name)) return std::string(name);
    if (!has_cyrillic(name)) return to_latin_ascii(name);
    CyrLang l = lang ? *lang : cyrillic_language(name);
    return cyrillic_to_latin(strip_cyrillic_endings(name, l), l);
}

std::string fold_letters(const std::string& latin);

// "general motors corp" -> "general motors": a company is one entity with or without its
// legal form; a name of legal forms alone keeps them.
std::string without_legal_forms(std::string folded) {
    for (std::size_t space; (space = folded.rfind(' ')) != std::string::npos;) {
        if (!is_legal_form(std::string_view(folded).substr(space + 1))) break;
        folded.resize(space);
    }
    return folded;
}

std::string key_of(std::string_view name, const CyrLang* lang) {
    std::string folded = without_legal_forms(expand_nickname(fold_letters(latin_of(name, lang))));
    // Transliterations disagree mostly on e/i/y ("Kiev"/"Kyiv", "Umierov"/"Umerov") and on
    // doubled letters ("Zelenskyy"): fold those in words of four letters or more, so that
    // acronyms ("EC", "ICC") stay apart.
    // British and American spellings meet ("Organisation"/"Organization": an s or z between
    // an i and a vowel), and "the" inside a longer name is optional ("Organization of (the)
    // Petroleum Exporting Countries").
    const bool long_name = std::count(folded.begin(), folded.end(), ' ') >= 2;
    std::string out;
    out.reserve(folded.size());
    for (std::size_t w = 0; w < folded.size();) {
        std::size_t end = folded.find(' ', w);
        if (end == std::string::npos) end = folded.size();
        if (long_name && w > 0 && folded.compare(w, end - w, "the") == 0) {
            w = end + 1;
            continue;
        }
        if (!out.empty()) out += ' ';
        const std::size_t start = out.size();
        bool fold = end - w >= 4;
        for (std::size_t k = w; k < end; ++k) {
            char c = folded[k];
            if (fold && (c == 'y' || c == 'e')) c = 'i';
            if (fold && c == 'z' && out.size() > start && out.back() == 'i' && k + 1 < end &&
                std::string_view("aeiouy").find(folded[k + 1]) != std::string_view::npos)
                c = 's';
            if (fold && out.size() > start && out.back() == c) continue;
            out += c;
        }
        w = end + 1;
    }
    return out;
}

std::string fold_letters(const std::string& latin) {
    std::string out;
    out.reserve(latin.size());
    bool space = false;
    for (char c : latin) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (word) {
            if (space && !out.empty()) out += ' ';
            out += c;
            space = false;
        } else if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '/' || c == ',') {
            space = true;  // apostrophes and periods join ("O'Brien", "U.S."), these split
        }
    }
    return out;
}

}  // namespace

std::string ascii_fold(std::string_view name) {
    if (is_ascii(name)) return fold_letters(std::string(name));
    if (!has_cyrillic(name)) return fold_letters(to_latin_ascii(name));
    return fold_letters(cyrillic_to_latin(name, cyrillic_language(name)));
}

std::string entity_key(std::string_view name) {
    return key_of(name, nullptr);
}

std::string entity_key(std::string_view name, CyrLang lang) {
    return key_of(name, &lang);
}

bool has_other_script(std::string_view name) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(name.data());
    const auto n = static_cast<std::int32_t>(name.size());
    for (std::int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0x80 || !u_isalpha(c)) continue;
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &status);
        if (U_SUCCESS(status) && script != USCRIPT_LATIN && script != USCRIPT_COMMON &&
            script != USCRIPT_INHERITED)
            return true;
    }
    return false;
}

std::string exact_script_key(std::string_view name) {
    if (!has_other_script(name)) return entity_key(name);
    std::string lower = lower_in_script(
        has_cyrillic(name) ? strip_cyrillic_endings(name, cyrillic_language(name)) : name);
    const auto* p = reinterpret_cast<const std::uint8_t*>(lower.data());
    const auto n = static_cast<std::int32_t>(lower.size());
    std::string out;
    bool space = false;
    for (std::int32_t i = 0; i < n;) {
        std::int32_t from = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK) {
            if (space && !out.empty()) out += ' ';
            out.append(lower, static_cast<std::size_t>(from), static_cast<std::size_t>(i - from));
            space = false;
        } else if (u_isspace(c) || c == '-' || c == 0x2010 || c == 0x2011 || c == '/' || c == ',') {
            space = true;  // apostrophes ("прем'єр") and periods join, these split
        }
    }
    return out;
}

}  // namespace byline::extract
