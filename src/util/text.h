#pragma once
// Small byte-level helpers for UTF-8 text shared across modules.

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace byline::text {

/// Number of code points in valid UTF-8 (continuation bytes are not counted).
inline std::size_t count_code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// ASCII letters lowered; other bytes unchanged.
inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

/// `s` without ASCII white space at either end.
inline std::string_view trim(std::string_view s) {
    constexpr std::string_view kSpace = " \t\f\v\n\r";
    std::size_t first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

/// The pieces of `s` between `sep`s, empty ones included ("a||b" -> "a", "", "b").
inline std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        std::size_t at = s.find(sep, start);
        parts.push_back(s.substr(start, at == std::string_view::npos ? at : at - start));
        if (at == std::string_view::npos) return parts;
        start = at + 1;
    }
}

/// Hash for std::string-keyed unordered containers that are probed with string_views: with
/// std::equal_to<> it lets find() and count() take the view without building a string.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

}  // namespace byline::text
