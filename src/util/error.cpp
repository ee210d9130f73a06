#include <byline/error.h>

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

}  // namespace

std::string QueryError::caret_diagram() const {
    std::string line;
    for (char c : query_)
        line += (c == '\n' || c == '\t' || c == '\r') ? ' ' : c;
    return "  " + line + "\n  " + std::string(column_of(query_, position_), ' ') + "^";
}

}  // namespace byline
