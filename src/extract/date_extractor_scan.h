#pragma once
// The date scanner behind date_extractor.h: finds date expressions and what they literally say
// (written year or not, relative words), leaving resolution against an anchor to the caller.

#include <cstddef>
#include <string_view>
#include <vector>

namespace byline::extract::detail {

/// What kind of expression was found; decides how it is resolved.
enum class DateForm {
    day,       ///< month and day, maybe a range, maybe a written year
    month,     ///< month, with a written year or (bare "in October") without
    year,      ///< a written year after a preposition ("in 2022")
    weekday,   ///< "Tuesday", "last Tuesday", "next Tuesday", "this Tuesday"
    relative,  ///< "today", "yesterday", "last week", "next month", "this year"
};

/// How a weekday is placed relative to the anchor.
enum class WeekdayMode { on_or_before, before, after, same_week };

/// The unit of a relative expression.
enum class RelativeUnit { day, week, weekend, month, year };

/// A date expression as written. Fields not used by `form` stay zero.
struct RawDate {
    DateForm form = DateForm::day;
    int year = 0;  ///< the written year, 0 if none
    int month = 0;
    int day = 0;
    int end_month = 0;  ///< ranges: the month of the last day (same as `month` unless it changes)
    int end_day = 0;    ///< ranges: the last day, 0 if not a range
    int weekday = 0;    ///< 0 = Monday ... 6 = Sunday
    WeekdayMode mode = WeekdayMode::on_or_before;
    RelativeUnit unit = RelativeUnit::day;
    int shift = 0;  ///< relative: -1 last/yesterday, 0 this/today, +1 next/tomorrow
    std::size_t start = 0, end = 0;  ///< byte offsets into the scanned text
};

/// Token kinds: ASCII letters ("Nov"), digits ("26"), ordinals ("26th"), other word material
/// ("1980s", "Kyiv", CJK), a run of horizontal spaces, a run of line breaks, one punctuation mark.
enum class Tok { word, number, ordinal, other, space, newline, punct };

struct Token {
    Tok kind;
    std::size_t start, end;  ///< byte offsets
};

/// `text` cut into tokens that together cover it exactly, replacing the contents of `out`.
void tokenize_for_dates(std::string_view text, std::vector<Token>& out);

/// 1..12 for a capitalised English month name or abbreviation ("October", "Oct", "OCT", "Sept"),
/// else 0; `full` tells whether it is the full name.
int month_name(std::string_view word, bool& full);

/// 0 (Monday) .. 6 (Sunday) for a capitalised English weekday name, else -1.
int weekday_name(std::string_view word);

/// Where a block of `text` scanned on its own may end, at least ~16 KB after `begin` (or at the
/// end): a place no date expression crosses.
std::size_t date_block_end(std::string_view text, std::size_t begin);

/// All date expressions in `text`, left to right, without overlaps. O(n) in the text size.
std::vector<RawDate> scan_dates(std::string_view text);

}  // namespace byline::extract::detail
