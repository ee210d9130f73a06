#include "analysis/language_id.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <array>

namespace byline::analysis {
namespace {

// CLD2 still uses the withdrawn ISO 639 codes of a few languages.
std::string iso_639_1(const char* cld_code) {
    std::string_view code = cld_code ? cld_code : "";
    if (code.size() > 2 && code[2] == '-') code = code.substr(0, 2);  // "zh-Hant"
    if (code.size() != 2 || code == "un" || code == "xx") return {};
    if (code[0] < 'a' || code[0] > 'z' || code[1] < 'a' || code[1] > 'z') return {};
    constexpr std::array<std::pair<std::string_view, std::string_view>, 4> withdrawn{
        {{"iw", "he"}, {"in", "id"}, {"ji", "yi"}, {"jw", "jv"}}};
    for (auto [old_code, current] : withdrawn) {
        if (code == old_code) return std::string(current);
    }
    return std::string(code);
}

// Do not cut a UTF-8 sequence: CLD2 refuses the whole text at an invalid byte.
std::size_t utf8_prefix(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text.size();
    std::size_t n = limit;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
        --n;
    return n;
}

// Below this many letters (three or four words) any verdict is a guess.
constexpr int kMinLetters = 24;

constexpr int kMaxRepairs = 8;

// An unreliable verdict still counts with this many letters, most of them in the language.
constexpr int kMinLettersUnsure = 200;
constexpr int kMinPercentUnsure = 40;

}  // namespace

LanguageGuess guess_language(std::string_view text) {
    std::string copy(text.substr(0, utf8_prefix(text, kLanguageIdMaxBytes)));
    CLD2::Language top3[3];
    int percent3[3];
    double scores3[3];
    int text_bytes = 0, valid_prefix = 0;
    bool reliable = false;
    CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language lang = CLD2::UNKNOWN_LANGUAGE;
    // CLD2 gives up on the whole text at a character it does not take in interchange (a C1
    // control, a noncharacter): those become spaces, a few times at most.
    for (int tries = 0; tries < kMaxRepairs; ++tries) {
        lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
            copy.data(), static_cast<int>(copy.size()), true, &hints, 0, top3, percent3, scores3,
            nullptr, &text_bytes, &reliable, &valid_prefix);
        auto bad = static_cast<std::size_t>(valid_prefix);
        if (bad >= copy.size()) break;
        std::size_t end = bad + 1;
        while (end < copy.size() && (static_cast<unsigned char>(copy[end]) & 0xC0) == 0x80)
            ++end;
        std::fill(copy.begin() + static_cast<std::ptrdiff_t>(bad),
                  copy.begin() + static_cast<std::ptrdiff_t>(end), ' ');
        lang = CLD2::UNKNOWN_LANGUAGE;
    }
    // The language with the most letters, not CLD2's summary: that one prefers another language
    // over English when English has under two thirds ("MALAYSIA CUTS GAZETTED RUBBER PRICE" is
    // Malay to it, 16 of Reuters-21578's English stories).
    if (lang != CLD2::UNKNOWN_LANGUAGE) lang = top3[0];
    LanguageGuess guess;
    guess.code = iso_639_1(CLD2::LanguageCode(lang));
    guess.reliable = reliable && !guess.code.empty();
    guess.percent = lang == CLD2::UNKNOWN_LANGUAGE ? 0 : percent3[0];
    guess.text_bytes = text_bytes;
    return guess;
}

std::string identify_language(std::string_view title, std::string_view body) {
    std::string text;
    text.reserve(std::min(title.size() + body.size() + 1, kLanguageIdMaxBytes));
    text.append(title.substr(0, utf8_prefix(title, kLanguageIdMaxBytes)));
    text += '\n';
    std::size_t room = kLanguageIdMaxBytes > text.size() ? kLanguageIdMaxBytes - text.size() : 0;
    text.append(body.substr(0, utf8_prefix(body, room)));
    LanguageGuess guess = guess_language(text);
    if (guess.code.empty() || guess.text_bytes < kMinLetters) return {};
    // CLD2 calls a text unreliable when names and numbers crowd its words (a results list, a
    // paragraph of Russian surnames), though most of what it read was still one language.
    bool clear_majority =
        guess.text_bytes >= kMinLettersUnsure && guess.percent >= kMinPercentUnsure;
    return guess.reliable || clear_majority ? guess.code : std::string();
}

}  // namespace byline::analysis
