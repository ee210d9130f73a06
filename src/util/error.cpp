#include <byline/error.h>

#include <algorithm>

namespace byline {

namespace {

// Columns are counted in code points so the caret lines up under non-ASCII text too.
std::size_t column_of(const std::string& text, std::size_t byte_offset) {
    std::size_t column = 0;
    for (std::size_t i = 0; i < text.size() && i < byte_offset; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    }
    return column;
}

// Start of the code point that holds byte `at`.
std::size_t code_point_start(const std::string& text, std::size_t at) {
    at = std::min(at, text.size());
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
        --at;
    return at;
}

}  // namespace

// A long query is shown as the stretch around the problem, so the caret stays on screen.
std::string QueryError::caret_diagram() const {
    constexpr std::size_t kContext = 60;  // bytes shown either side of the problem
    const std::size_t from =
        code_point_start(query_, position_ > kContext ? position_ - kContext : 0);
    const std::size_t to = code_point_start(query_, std::min(position_, query_.size()) + kContext);
    std::string shown = query_.substr(from, to < query_.size() ? to - from : std::string::npos);
    const std::string before = from > 0 ? "\u2026" : "";
    const std::string after = to < query_.size() ? "\u2026" : "";
    std::string line = before;
    for (char c : shown)
        line += (c == '\n' || c == '\t' || c == '\r') ? ' ' : c;
    line += after;
    const std::size_t column = column_of(shown, position_ - from) + (from > 0 ? 1 : 0);
    return "  " + line + "\n  " + std::string(column, ' ') + "^";
}

}  // namespace byline
