// The date scanner's view of text: tokens, English month and weekday names, and where a long
// text may be cut into blocks. Only ASCII letters and digits form the words the grammar reads;
// any other UTF-8 (CJK, emoji, malformed bytes) passes through as opaque tokens, offsets intact.
#include "extract/date_extractor_scan.h"

#include "util/dates.h"
#include "util/text.h"

#include <algorithm>
#include <array>
#include <string>

namespace byline::extract::detail {

namespace {

enum class Cls { letter, digit, alnum_other, space, newline, punct };

// The code point at `i` and its length; a malformed or cut sequence counts as one byte.
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80         ? 1
                          : (b >> 5) == 6  ? 2
                          : (b >> 4) == 14 ? 3
                          : (b >> 3) == 30 ? 4
                                           : 0;
    len = 1;
    if (n == 0 || i + n > s.size()) return 0xFFFD;
    char32_t cp = n == 1 ? b : (b & (0x7Fu >> n));
    for (std::size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (c & 0x3Fu);
    }
    len = n;
    return cp;
}

// Non-ASCII punctuation and spaces matter because news puts en dashes, curly quotes and NBSP
// around dates; every other non-ASCII code point is word material the grammar never matches.
Cls classify(char32_t c) {
    if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029) return Cls::newline;
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0xA0 ||
        (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000) {
        return Cls::space;
    }
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Cls::letter;
        return c >= '0' && c <= '9' ? Cls::digit : Cls::punct;
    }
    if ((c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x200B && c <= 0x206F) ||
        (c >= 0x3001 && c <= 0x3003) || (c >= 0xFE10 && c <= 0xFE6F) ||
        (c >= 0xFF01 && c <= 0xFF0F) || c == 0xFEFF) {
        return Cls::punct;
    }
    return Cls::alnum_other;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// "26" number, "26th" ordinal, "Nov" word, anything mixed ("1980s", "26T10", "Kyiv") other.
Tok word_kind(std::string_view w) {
    std::size_t digits = 0;
    while (digits < w.size() && is_digit(w[digits]))
        ++digits;
    if (digits == w.size()) return Tok::number;
    if (digits == 0) {
        for (char c : w)
            if (!is_alpha(c)) return Tok::other;
        return Tok::word;
    }
    const std::string suffix = text::ascii_lower(w.substr(digits));
    const bool ordinal = suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
    return ordinal && digits <= 2 ? Tok::ordinal : Tok::other;
}

bool same_group(Cls first, Cls next) {
    if (first == Cls::space || first == Cls::newline) return next == first;
    return next == Cls::letter || next == Cls::digit || next == Cls::alnum_other;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// Names must be capitalised ("May", "MAY") so the verbs "may" and "march" never match.
bool capitalised(std::string_view w) {
    if (w.empty() || w[0] < 'A' || w[0] > 'Z') return false;
    bool lower = true, upper = true;
    for (char c : w.substr(1)) {
        lower = lower && c >= 'a' && c <= 'z';
        upper = upper && c >= 'A' && c <= 'Z';
    }
    return lower || upper;
}

template <std::size_t N>
int index_of(const std::array<std::string_view, N>& names, std::string_view lower) {
    for (std::size_t k = 0; k < N; ++k)
        if (names[k] == lower) return static_cast<int>(k);
    return -1;
}

// True if a lowercase word of 2+ letters ends just before `i` ("war", not "Nov", "p.m", "U.S").
bool lowercase_word_before(std::string_view text, std::size_t i) {
    std::size_t start = i;
    while (start > 0 && is_alpha(text[start - 1]))
        --start;
    return i - start >= 2 && text[start] >= 'a' && text[start] <= 'z' &&
           (start == 0 || text[start - 1] == ' ');
}

}  // namespace

void tokenize_for_dates(std::string_view s, std::vector<Token>& out) {
    out.clear();
    out.reserve(s.size() / 3 + 1);  // prose averages well over 3 bytes per token
    std::size_t i = 0, len = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        const Cls first = classify(decode(s, i, len));
        i += len;
        if (first != Cls::punct) {
            while (i < s.size() && same_group(first, classify(decode(s, i, len))))
                i += len;
        }
        const Tok kind = first == Cls::punct     ? Tok::punct
                         : first == Cls::space   ? Tok::space
                         : first == Cls::newline ? Tok::newline
                                                 : word_kind(s.substr(start, i - start));
        out.push_back({kind, start, i});
    }
}

int month_name(std::string_view word, bool& full) {
    if (!capitalised(word) || word.size() > 9) return 0;
    const std::string w = text::ascii_lower(word);
    const int index = index_of(kMonths, w);
    full = index >= 0;
    if (full) return index + 1;
    return w.size() == 3 || w == "sept" ? dates::month_number(w) : 0;
}

int weekday_name(std::string_view word) {
    if (!capitalised(word) || word.size() > 9) return -1;
    return index_of(kWeekdays, text::ascii_lower(word));
}

// No rule crosses a line break or the ". " after a lowercase word ("... the war. "), while
// "Nov. 5" and "4 p.m. Monday" keep theirs.
std::size_t date_block_end(std::string_view text, std::size_t begin) {
    constexpr std::size_t kBlock = 16 * 1024;
    for (std::size_t i = std::min(begin + kBlock, text.size()); i < text.size(); ++i) {
        if (text[i] == '\n') return i + 1;
        if (text[i] == ' ' && text[i - 1] == '.' && lowercase_word_before(text, i - 1)) {
            return i + 1;
        }
    }
    return text.size();
}

}  // namespace byline::extract::detail
