#include "util/dates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <regex>

namespace byline::dates {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

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
    std::string word = lower(name);
    if (!word.empty() && word.back() == '.') word.pop_back();
    if (word == "sept") return 9;
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        if (word == kMonths[i] || (word.size() == 3 && kMonths[i].substr(0, 3) == word)) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

std::optional<std::string> normalize(std::string_view input) {
    std::string text(input);
    text.erase(0, text.find_first_not_of(" \t\r\n"));
    text.erase(text.find_last_not_of(" \t\r\n") + 1);
    std::smatch m;
    static const std::regex numeric(R"(^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[T ].*)?$)");
    static const std::regex month_first(
        R"(^(?:[A-Za-z]+,?\s+)?([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b.*$)");
    static const std::regex day_first(
        R"(^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})\b.*$)");
    static const std::regex month_year(R"(^([A-Za-z]+\.?)\s+(\d{4})$)");
    static const std::regex year_only(R"(^(\d{4})$)");
    static const std::regex unix_time(R"(^(\d{9,10})$)");
    if (std::regex_match(text, m, numeric)) {
        int y = std::stoi(m[1]), mo = std::stoi(m[2]);
        if (!m[3].matched) {
            if (mo < 1 || mo > 12) return std::nullopt;
            return iso(y, mo, 1).substr(0, 7);
        }
        return day_or_nothing(y, mo, std::stoi(m[3]));
    }
    if (std::regex_match(text, m, month_first) && month_number(m[1].str())) {
        return day_or_nothing(std::stoi(m[3]), month_number(m[1].str()), std::stoi(m[2]));
    }
    if (std::regex_match(text, m, day_first) && month_number(m[2].str())) {
        return day_or_nothing(std::stoi(m[3]), month_number(m[2].str()), std::stoi(m[1]));
    }
    if (std::regex_match(text, m, month_year) && month_number(m[1].str())) {
        return iso(std::stoi(m[2]), month_number(m[1].str()), 1).substr(0, 7);
    }
    if (std::regex_match(text, m, year_only)) return m[1].str();
    if (std::regex_match(text, m, unix_time)) return from_unix_seconds(std::stoll(m[1]));
    return std::nullopt;
}

}  // namespace byline::dates
