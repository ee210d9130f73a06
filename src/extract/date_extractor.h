#pragma once
// Dates in news text: the publication date of an article and the dates it mentions.
// A hand-written scanner (no std::regex) over UTF-8 with byte offsets; calendar arithmetic via
// std::chrono. Year-less and relative expressions are resolved against the publication day,
// never against the clock.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace byline::extract {

enum class DatePrecision { day, month, year };

/// One date expression found in a text.
struct MentionedDate {
    std::string value;        ///< ISO "2025-11-25", "2025-11" or "2025"; empty if unresolved
    DatePrecision precision;  ///< granularity of `value` (and of the expression when unresolved)
    std::string end_value;    ///< last day of a range ("24 to 26 October", "last week"), else ""
    std::string text;         ///< exactly text.substr(start, end - start)
    std::size_t start = 0;    ///< byte offset of the first byte
    std::size_t end = 0;      ///< byte offset one past the last byte
};

/// Where a publication date came from.
struct PublicationDate {
    std::string value;   ///< ISO date, or empty when the article does not say
    std::string source;  ///< "metadata", "dateline" or empty
};

/// The date expressions of `text` in order: "Nov. 26, 2025", "24 to 26 October", "2025-11-26",
/// "November 2025", "in 2022", "in October", "last Tuesday", "Tuesday night", "yesterday",
/// "last week", "next month", ... Year-less and relative ones are resolved against `anchor`
/// ("YYYY-MM-DD", the publication day); with an empty or invalid anchor they are still reported,
/// with an empty `value`. Invalid calendar dates ("Feb. 30", "Dec. 45") are not dates.
std::vector<MentionedDate> find_dates(std::string_view text, std::string_view anchor);

/// The publication date: `metadata_date` normalised (ISO, a time part dropped) if it parses;
/// else a full date (day, month and explicit year) set as a dateline or by-line in the title or
/// near the top of the body (the first 3 non-empty lines, at most ~300 bytes), as in
/// "Washington – November 20, 2025 – ..." or a line "- Nov 26, 2025"; else empty.
/// Never the clock, never a guess from dates mentioned in the story.
PublicationDate publication_date(std::string_view metadata_date, std::string_view title,
                                 std::string_view body);

/// "day", "month" or "year".
const char* to_string(DatePrecision precision);

}  // namespace byline::extract
