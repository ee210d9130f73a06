#include "extract/entity_tokens.h"

#include "extract/entity_rules.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

namespace byline::extract {
namespace {

struct Cursor {
    std::string_view s;
    std::size_t pos = 0;
    UChar32 peek(std::size_t at) const {
        if (at >= s.size()) return -1;
        int32_t i = static_cast<int32_t>(at);
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
        return c;
    }
    std::size_t next_at(std::size_t at) const {
        int32_t i = static_cast<int32_t>(at);
        U8_FWD_1(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()));
        return static_cast<std::size_t>(i);
    }
};

bool is_word_char(UChar32 c) {
    if (c < 0) return false;
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return u_isUAlphabetic(c) || u_isdigit(c) || u_charType(c) == U_NON_SPACING_MARK;
}
bool is_apostrophe(UChar32 c) {
    return c == '\'' || c == 0x2019;
}
bool is_hyphen(UChar32 c) {
    return c == '-' || c == 0x2010 || c == 0x2011;
}

// End of the word starting at `at`: joins inner apostrophes (not a possessive 's), hyphens and
// the dots of initialisms ("U.S.", "D.C.").
std::size_t scan_word(const Cursor& cur, std::size_t at) {
    std::size_t p = at, letters_since_dot = 0;
    bool dotted = false;
    while (p < cur.s.size()) {
        UChar32 c = cur.peek(p);
        std::size_t q = cur.next_at(p);
        if (is_word_char(c)) {
            p = q;
            ++letters_since_dot;
            continue;
        }
        UChar32 n = cur.peek(q);
        if (is_apostrophe(c) && is_word_char(n)) {
            std::size_t r = cur.next_at(q);
            bool possessive = (n == 's' || n == 'S') && !is_word_char(cur.peek(r));
            if (possessive) break;
            p = q;
        } else if (is_hyphen(c) && is_word_char(n)) {
            p = q;
        } else if (c == '.' && letters_since_dot == 1 &&
                   (dotted || (is_word_char(n) && cur.peek(cur.next_at(q)) == '.'))) {
            p = q;  // "U.S." keeps its dots; a lone initial "J." does not
            dotted = true;
            letters_since_dot = 0;
        } else {
            break;
        }
    }
    return p;
}

void set_case(std::string_view s, Token& t) {
    bool first = true, any_upper = false, any_lower = false, digit_first = false;
    Cursor cur{s};
    for (std::size_t p = t.start; p < t.end; p = cur.next_at(p)) {
        UChar32 c = cur.peek(p);
        if (first && u_isdigit(c)) digit_first = true;
        if (u_isupper(c) || u_istitle(c)) {
            any_upper = true;
            if (first) t.cap = true;
        } else if (u_islower(c)) {
            any_lower = true;
        }
        if (u_isUAlphabetic(c)) first = false;
    }
    t.kind = (digit_first || (!any_upper && !any_lower)) ? TokenKind::number : TokenKind::word;
    t.all_caps = any_upper && !any_lower;
}

// A "." ends a sentence unless it follows an abbreviation ("Gen.", "Nov.") or an initial.
bool period_ends_sentence(std::string_view s, const std::vector<Token>& tokens) {
    if (tokens.size() < 2) return true;
    const Token& prev = tokens[tokens.size() - 2];
    std::string_view word = s.substr(prev.start, prev.end - prev.start);
    if (prev.kind != TokenKind::word) return true;
    if (word.size() == 1 && prev.cap) return false;
    return !is_abbreviation(word);
}

LineStyle line_style(std::string_view s, const std::vector<Token>& tokens, const Line& line) {
    std::size_t words = 0, caps = 0, all_caps = 0, lower_function = 0, lower_other = 0;
    for (std::size_t i = line.first; i < line.last; ++i) {
        const Token& t = tokens[i];
        if (t.kind != TokenKind::word) continue;
        if (t.end - t.start == 1 && !t.cap) continue;  // the "s" of a possessive
        ++words;
        if (t.all_caps && t.end - t.start > 1) ++all_caps;
        if (t.cap) {
            ++caps;
        } else {
            std::string_view w = s.substr(t.start, t.end - t.start);
            (is_headline_function_word(w) ? lower_function : lower_other) += 1;
        }
    }
    if (words > 0 && all_caps > 0 && caps == words && all_caps * 2 >= words) {
        return LineStyle::all_caps;
    }
    if (words >= 4 && lower_other == 0 && caps >= 3) return LineStyle::title_case;
    return LineStyle::prose;
}

// End of a stock ticker in angle brackets at `at` ("<XON>", "<BPCL.L>", "<I>"), as wire copy
// writes one after a company's name, or `at` if there is none. Upper-case letters, digits and
// '.', '-', '/', '&' with at least one letter; "<Kleinwort Benson Ltd>", a name, is no ticker.
std::size_t ticker_end(std::string_view s, std::size_t at) {
    constexpr std::size_t kMaxTicker = 12;
    if (at >= s.size() || s[at] != '<') return at;
    bool letter = false;
    std::size_t p = at + 1;
    for (; p < s.size() && p - at <= kMaxTicker; ++p) {
        char c = s[p];
        if (c >= 'A' && c <= 'Z') {
            letter = true;
        } else if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '/' || c == '&')) {
            break;
        }
    }
    return letter && p < s.size() && s[p] == '>' && p > at + 1 ? p + 1 : at;
}

void close_line(std::string_view s, TokenizedText& out, std::size_t& line_first) {
    Line line{line_first, out.tokens.size(), LineStyle::prose};
    line.style = line_style(s, out.tokens, line);
    out.lines.push_back(line);
    line_first = out.tokens.size();
}

}  // namespace

bool is_headline_function_word(std::string_view lower) {
    static constexpr std::array<std::string_view, 22> kWords = {
        "a",  "an", "and", "as", "at", "by",   "for",  "from", "in",    "into", "of",
        "on", "or", "the", "to", "vs", "with", "over", "amid", "after", "is",   "are"};
    for (std::string_view w : kWords) {
        if (w == lower) return true;
    }
    return false;
}

}  // namespace byline::extract

namespace byline::extract {

TokenizedText tokenize_for_entities(std::string_view s) {
    TokenizedText out;
    Cursor cur{s};
    std::size_t line_first = 0;
    bool sentence_open = false;
    for (std::size_t p = 0; p < s.size();) {
        UChar32 c = cur.peek(p);
        if (c == '\n') {
            close_line(s, out, line_first);
            sentence_open = false;
            p = cur.next_at(p);
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || (c > 0x7f && u_isspace(c))) {
            p = cur.next_at(p);
            continue;
        }
        Token t;
        t.start = p;
        t.line = static_cast<std::uint32_t>(out.lines.size());
        if (std::size_t end = ticker_end(s, p); end > p) {
            t.end = end;  // one punctuation token: a ticker is no word of a name
            out.tokens.push_back(t);
            p = end;
            continue;
        }
        t.end = is_word_char(c) ? scan_word(cur, p) : cur.next_at(p);
        if (t.end <= t.start) t.end = t.start + 1;  // invalid byte: skip one
        if (is_word_char(c)) set_case(s, t);
        out.tokens.push_back(t);
        p = t.end;
        if (t.kind == TokenKind::word || t.kind == TokenKind::number) {
            if (!sentence_open) out.tokens.back().sentence_start = true;
            sentence_open = true;
        } else if (c == '!' || c == '?' || c == ':' || c == '"' || c == 0x201C ||
                   (c == '.' && period_ends_sentence(s, out.tokens))) {
            // After a colon or an opening quote a capital is sentence-initial too.
            sentence_open = false;
        }
    }
    close_line(s, out, line_first);
    return out;
}

}  // namespace byline::extract
