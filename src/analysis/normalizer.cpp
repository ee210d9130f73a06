#include "analysis/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>

namespace byline::analysis {

bool is_hyphen(char32_t c) {
    return c == 0x2D || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D ||
           c == 0xAD;
}

bool is_apostrophe(char32_t c) {
    return c == 0x27 || c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0xFF07;
}

namespace {

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

std::string strip_possessive(std::string term) {
    // "ukraine's" -> "ukraine"; a lone "'s" or "it's"-like short words stay as written.
    if (term.size() > 3 && term.compare(term.size() - 2, 2, "'s") == 0)
        term.resize(term.size() - 2);
    return term;
}

bool foldable_script(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    return U_SUCCESS(status) && (script == USCRIPT_LATIN || script == USCRIPT_GREEK);
}

// Letters that carry no combining mark in NFD but that readers still treat as accented.
UChar32 base_letter(UChar32 c, icu::UnicodeString& out) {
    switch (c) {
        case 0xF8:
            return 'o';  // ø
        case 0x111:
            return 'd';  // đ
        case 0x142:
            return 'l';  // ł
        case 0x131:
            return 'i';  // dotless ı
        case 0xE6:
            out.append(u"ae");
            return 0;
        case 0x153:
            out.append(u"oe");
            return 0;
        case 0xFE:
            out.append(u"th");
            return 0;
        default:
            return c;
    }
}

icu::UnicodeString fold_accents(const icu::UnicodeString& folded) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    icu::UnicodeString decomposed = nfd->normalize(folded, status);
    icu::UnicodeString out;
    bool base_is_foldable = false;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            if (!base_is_foldable) out.append(c);
            continue;
        }
        base_is_foldable = foldable_script(c);
        UChar32 base = base_is_foldable ? base_letter(c, out) : c;
        if (base != 0) out.append(base);
    }
    icu::UnicodeString composed = nfc->normalize(out, status);
    return U_SUCCESS(status) ? composed : folded;
}

}  // namespace

std::string normalize_word(std::string_view word, bool fold) {
    if (is_ascii(word)) {
        std::string term(word);
        for (char& c : term) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return strip_possessive(std::move(term));
    }
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    for (int32_t i = 0; i < text.length(); ++i) {
        if (is_apostrophe(text.charAt(i))) text.setCharAt(i, u'\'');
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    icu::UnicodeString folded = U_SUCCESS(status) ? nfkc_cf->normalize(text, status) : text;
    if (U_FAILURE(status)) folded = text;
    if (fold) folded = fold_accents(folded);
    std::string term;
    folded.toUTF8String(term);
    return strip_possessive(std::move(term));
}

}  // namespace byline::analysis
