#include "extract/entity_key.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

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
    std::string folded = ascii_fold(name);
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
