#include "util/dates.h"
#include "util/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <vector>

namespace byline::dates {

namespace {

std::string iso(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::optional<std::string> day_or_nothing(int y, int m, int d) {
    if (!valid_day(y, m, d)) return std::nullopt;
    return iso(y, m, d);
}

std::optional<std::string> from_unix_seconds(long long seconds) {
    using namespace std::chrono;
    year_month_day ymd{floor<days>(sys_seconds{std::chrono::seconds{seconds}})};
    return iso(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
               static_cast<int>(static_cast<unsigned>(ymd.day())));
}

}  // namespace

bool valid_day(int year, int month, int day) {
    using namespace std::chrono;
    if (year < 1000 || year > 9999) return false;
    return year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                          std::chrono::day{static_cast<unsigned>(day)}}
        .ok();
}

int month_number(std::string_view name) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    std::string word = text::ascii_lower(name);
    if (!word.empty() && word.back() == '.') word.pop_back();
    if (word == "sept") return 9;
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        if (word == kMonths[i] || (word.size() == 3 && kMonths[i].substr(0, 3) == word)) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

// "26", "26th", "1st" -> 26, 26, 1; anything else -> 0.
int day_number(std::string_view word) {
    std::size_t digits = 0;
    while (digits < word.size() && digits < 2 && word[digits] >= '0' && word[digits] <= '9')
        ++digits;
    if (digits == 0) return 0;
    std::string suffix = text::ascii_lower(word.substr(digits));
    if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th")
        return 0;
    return to_int(word.substr(0, digits));
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t'))
            ++i;
        std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '\t')
            ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

// 2025-11-26, 2025/11/26, 2025.11.26, 2025-11, optionally followed by a time ("T10:00Z").
std::optional<std::string> numeric_date(std::string_view text) {
    auto part = [&](std::size_t at) -> int {
        if (text.size() < at + 2 || !all_digits(text.substr(at, 2))) return -1;
        return to_int(text.substr(at, 2));
    };
    const char sep = text.size() > 4 ? text[4] : '\0';
    if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
    int year = to_int(text.substr(0, 4)), month = part(5);
    if (month < 1 || month > 12) return std::nullopt;
    if (text.size() == 7) return iso(year, month, 1).substr(0, 7);
    if (text.size() < 10 || text[7] != sep || part(8) < 0) return std::nullopt;
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
    return day_or_nothing(year, month, part(8));
}

// "Nov 26, 2025", "Wed, 26 Nov 2025 10:00 GMT", "November 26th 2025", "November 2025".
std::optional<std::string> written_date(std::string_view text) {
    std::vector<std::string_view> w = words_of(text);
    if (w.size() >= 3 && !month_number(w[0]) && !day_number(w[0])) w.erase(w.begin());  // weekday
    if (w.size() == 2 && month_number(w[0]) && w[1].size() == 4 && all_digits(w[1])) {
        return iso(to_int(w[1]), month_number(w[0]), 1).substr(0, 7);
    }
    if (w.size() < 3 || w[2].size() != 4 || !all_digits(w[2])) return std::nullopt;
    if (month_number(w[0]) && day_number(w[1])) {
        return day_or_nothing(to_int(w[2]), month_number(w[0]), day_number(w[1]));
    }
    if (day_number(w[0]) && month_number(w[1])) {
        return day_or_nothing(to_int(w[2]), month_number(w[1]), day_number(w[0]));
    }
    return std::nullopt;
}

}  // namespace

bool is_iso_date(std::string_view text) {
    if (text.size() == 4) return all_digits(text);
    return (text.size() == 7 || text.size() == 10) && all_digits(text.substr(0, 4)) &&
           text[4] == '-' && numeric_date(text).has_value();
}

std::optional<std::string> normalize(std::string_view input) {
    std::string_view text = input;
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    if (text.size() == 4 && all_digits(text)) return std::string(text);
    if ((text.size() == 9 || text.size() == 10) && all_digits(text)) {
        return from_unix_seconds(std::stoll(std::string(text)));
    }
    if (text.size() >= 7 && all_digits(text.substr(0, 4))) return numeric_date(text);
    return written_date(text);
}

}  // namespace byline::dates
