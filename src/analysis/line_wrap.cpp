#include "analysis/line_wrap.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace byline::analysis {

namespace {

// Wrapping tools fill lines to 60-80 columns; a text with longer lines holds a paragraph a line.
constexpr std::size_t kMaxWrapWidth = 100;
// A line this close to the wrap width is full: the next word did not fit on it. Wire services
// did not always wrap greedily, so a few columns of slack.
constexpr std::size_t kFullSlack = 4;
// A wrapped paragraph's lines, but for its last, end within about a long word of the width.
constexpr std::size_t kNearFull = 12;

struct Line {
    std::size_t start = 0;   // first byte
    std::size_t end = 0;     // end of its text, trailing white space excluded
    std::size_t next = 0;    // first byte of the next line
    std::size_t indent = 0;  // leading spaces and tabs, in bytes
    std::size_t width = 0;   // code points of [start, end)
    bool blank = true;
};

bool is_blank_byte(char c) {
    return c == ' ' || c == '\t';
}

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Lines end at "\n", "\r\n" or a lone "\r".
std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t stop = text.find_first_of("\r\n", start);
        if (stop == std::string_view::npos) stop = text.size();
        Line line;
        line.start = start;
        line.next = stop;
        if (stop < text.size()) {
            line.next +=
                text[stop] == '\r' && stop + 1 < text.size() && text[stop + 1] == '\n' ? 2 : 1;
        }
        while (line.start + line.indent < stop && is_blank_byte(text[line.start + line.indent]))
            ++line.indent;
        line.end = stop;
        while (line.end > line.start && (is_blank_byte(text[line.end - 1]) ||
                                         text[line.end - 1] == '\f' || text[line.end - 1] == '\v'))
            --line.end;
        line.blank = line.end <= line.start + line.indent;
        line.width = code_points(text.substr(line.start, line.end - line.start));
        lines.push_back(line);
        start = line.next;
    }
    return lines;
}

std::string_view content(std::string_view text, const Line& line) {
    return text.substr(line.start + line.indent, line.end - line.start - line.indent);
}

// "- ", "* ", "• ", "– ", "1. ", "12) ", "a) ", "(a) ", "(iv) ". A number marker needs a
// non-digit after it, so a wrapped "31. 1986 results ..." goes on.
bool is_list_item(std::string_view s) {
    for (std::string_view bullet :
         {"- ", "* ", "+ ", "\xE2\x80\xA2 ", "\xE2\x80\x93 ", "\xE2\x80\x94 ", "\xC2\xB7 "}) {
        if (s.starts_with(bullet)) return true;
    }
    std::size_t i = s.starts_with("(") ? 1 : 0;
    std::size_t digits = 0, letters = 0;
    while (i + digits < s.size() && s[i + digits] >= '0' && s[i + digits] <= '9')
        ++digits;
    while (digits == 0 && i + letters < s.size() && s[i + letters] >= 'a' && s[i + letters] <= 'z')
        ++letters;
    std::size_t n = digits + letters;
    if (n == 0 || n > 4 || digits > 2 || i + n + 1 >= s.size()) return false;
    char close = s[i + n];
    bool marker = i == 1 ? close == ')' : close == ')' || (digits > 0 && close == '.');
    char after = s[i + n + 1];
    return marker && after == ' ' && i + n + 2 < s.size() &&
           !(s[i + n + 2] >= '0' && s[i + n + 2] <= '9');
}

// True if `s` ends like a sentence or clause: '.', '!', '?' or ':' before any closing quotes
// and brackets.
bool ends_clause(std::string_view s, bool colon) {
    for (bool stripped = true; stripped && !s.empty();) {
        stripped = false;
        for (std::string_view closer :
             {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"}) {
            if (s.ends_with(closer)) {
                s.remove_suffix(closer.size());
                stripped = true;
            }
        }
    }
    if (s.empty()) return false;
    char last = s.back();
    return last == '.' || last == '!' || last == '?' || (colon && last == ':') ||
           s.ends_with("\xE2\x80\xA6");  // "…"
}

bool starts_lower(std::string_view s) {
    if (s.empty()) return false;
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
    return c >= 0 && u_islower(c);
}

std::size_t first_word_width(std::string_view s) {
    std::size_t end = 0;
    while (end < s.size() && !is_blank_byte(s[end]))
        ++end;
    return code_points(s.substr(0, end));
}

// The width the text is wrapped at, or 0 if it is not hard-wrapped: nearly all lines fit a
// wrap width, and most lines that go on to another line at the margin are nearly full. The
// width is a high percentile rather than the longest line, so one long line does not hide it.
std::size_t wrap_width(const std::vector<Line>& lines, std::size_t margin) {
    std::vector<std::size_t> widths;
    std::size_t non_blank = 0;
    for (const Line& line : lines) {
        if (line.blank) continue;
        ++non_blank;
        if (line.width <= kMaxWrapWidth) widths.push_back(line.width);
    }
    if (non_blank < 3 || widths.size() * 10 < non_blank * 9) return 0;
    auto at = widths.begin() + static_cast<std::ptrdiff_t>(widths.size() * 9 / 10);
    std::nth_element(widths.begin(), at, widths.end());
    const std::size_t width = *at;
    std::size_t going_on = 0, full = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        if (lines[i].blank || lines[i + 1].blank || lines[i + 1].indent > margin) continue;
        ++going_on;
        full += lines[i].width + kNearFull >= width;
    }
    return full >= 2 && full * 2 >= going_on ? width : 0;
}

struct Wrap {
    std::string_view text;
    const std::vector<Line>& lines;
    std::size_t margin = 0;  // the indentation every line has
    std::size_t width = 0;   // 0: not hard-wrapped
};

// Whether the break after line i only wraps its paragraph.
bool is_soft(const Wrap& w, std::size_t i) {
    const Line& line = w.lines[i];
    const Line& next = w.lines[i + 1];
    if (line.blank || next.blank) return false;
    std::string_view here = content(w.text, line);
    std::string_view there = content(w.text, next);
    if (is_list_item(there)) return false;
    // A lower-case word after a line that stops mid-sentence goes on, whatever the widths.
    const bool goes_on = starts_lower(there) && !ends_clause(here, true);
    if (next.indent > w.margin && !(goes_on && next.indent == line.indent)) return false;
    if (goes_on) return true;
    if (w.width == 0) return false;
    // A short line alone before a blank line or the end, after a finished sentence: a heading.
    const bool last_of_block = i + 2 >= w.lines.size() || w.lines[i + 2].blank;
    if (last_of_block && next.width * 2 < w.width && !ends_clause(there, false) &&
        ends_clause(here, false))
        return false;
    // The next word would have fitted: the line was ended on purpose.
    return line.width + 1 + first_word_width(there) + kFullSlack > w.width;
}

}  // namespace

std::string join_wrapped_lines(std::string_view text) {
    std::string out(text);
    if (text.find_first_of("\r\n") == std::string_view::npos) return out;
    const std::vector<Line> lines = split_lines(text);
    std::size_t margin = SIZE_MAX;
    for (const Line& line : lines) {
        if (!line.blank) margin = std::min(margin, line.indent);
    }
    if (margin == SIZE_MAX) return out;
    Wrap wrap{text, lines, margin, wrap_width(lines, margin)};
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        if (!is_soft(wrap, i)) continue;
        for (std::size_t b = lines[i].end; b < lines[i].next; ++b) {
            if (out[b] == '\n' || out[b] == '\r') out[b] = ' ';
        }
    }
    return out;
}

}  // namespace byline::analysis
