#include "extract/entity_key.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

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
std::string to_latin_ascii(std::string_view s) {
    thread_local std::unique_ptr<icu::Transliterator> tr = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) t.reset();
        return t;
    }();
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    if (tr) tr->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
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

}  // namespace

std::string ascii_fold(std::string_view name) {
    std::string latin = is_ascii(name) ? std::string(name) : to_latin_ascii(name);
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

std::string entity_key(std::string_view name) {
    std::string folded = expand_nickname(ascii_fold(name));
    // Transliterations disagree mostly on e/i/y ("Kiev"/"Kyiv", "Umierov"/"Umerov") and on
    // doubled letters ("Zelenskyy"): fold those in words of four letters or more, so that
    // acronyms ("EC", "ICC") stay apart.
    std::string out;
    out.reserve(folded.size());
    for (std::size_t w = 0; w < folded.size();) {
        std::size_t end = folded.find(' ', w);
        if (end == std::string::npos) end = folded.size();
        bool fold = end - w >= 4;
        for (std::size_t k = w; k < end; ++k) {
            char c = folded[k];
            if (fold && (c == 'y' || c == 'e')) c = 'i';
            if (fold && k > w && out.back() == c) continue;
            out += c;
        }
        if (end < folded.size()) out += ' ';
        w = end + 1;
    }
    return out;
}

}  // namespace byline::extract
