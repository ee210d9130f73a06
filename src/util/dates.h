#pragma once
// Publication dates as corpora write them, normalised to ISO 8601 days.

#include <optional>
#include <string>
#include <string_view>

namespace byline::dates {

/// "2025-11-26", "2025-11-26T10:00:00Z", "2025/11/26", "Wed, 26 Nov 2025 10:00:00 GMT",
/// "Nov 26, 2025", "November 26th, 2025", "26 November 2025", a Unix time in seconds ->
/// "2025-11-26". Month precision ("2025-11", "November 2025") gives "2025-11"; a bare year
/// "2025". Anything else, or an impossible calendar date, gives nothing.
std::optional<std::string> normalize(std::string_view text);

/// True for "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real year, month or day.
bool is_iso_date(std::string_view text);

/// True if Y-M-D is a real calendar day.
bool valid_day(int year, int month, int day);

/// 1..12 for an English month name or abbreviation ("Nov", "Nov.", "Sept"), else 0.
int month_number(std::string_view name);

}  // namespace byline::dates
