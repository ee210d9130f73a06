// Resolving scanned date expressions against the publication day, and finding the publication
// day itself. Civil-day arithmetic comes from std::chrono; nothing here reads the clock.
#include "extract/date_extractor.h"

#include "extract/date_extractor_scan.h"
#include "util/dates.h"
#include "util/text.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <initializer_list>
#include <optional>

namespace byline::extract {

namespace {

using detail::DateForm;
using detail::RawDate;
using detail::RelativeUnit;
using detail::WeekdayMode;
using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// A year-less date is put where news usually points: up to ~10 months back, ~2 months ahead.
constexpr days kPastWindow{300};
constexpr days kFutureWindow{65};

std::optional<sys_days> make_day(int y, int m, int d) {
    const year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                             std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
}

std::string iso_day(sys_days day) {
    const year_month_day ymd{day};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::string iso_month(int y, int m) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return buf;
}

int year_of(sys_days day) {
    return static_cast<int>(year_month_day{day}.year());
}
int month_of(sys_days day) {
    return static_cast<int>(static_cast<unsigned>(year_month_day{day}.month()));
}

// 0 = Monday ... 6 = Sunday.
int weekday_of(sys_days day) {
    return static_cast<int>(std::chrono::weekday{day}.iso_encoding()) - 1;
}

std::optional<sys_days> parse_anchor(std::string_view anchor) {
    anchor = text::trim(anchor);
    if (anchor.size() < 10 || !dates::is_iso_date(anchor.substr(0, 10))) return std::nullopt;
    auto num = [&](std::size_t at, std::size_t n) {
        return std::stoi(std::string(anchor.substr(at, n)));
    };
    return make_day(num(0, 4), num(5, 2), num(8, 2));
}

// The year that puts month/day inside the window around the anchor; the earlier if two do (the
// window spans 366 days, so a day exactly 300 days back is also 65 days ahead a year later).
std::optional<sys_days> infer_day(int month, int day, sys_days anchor) {
    for (int y = year_of(anchor) - 1; y <= year_of(anchor) + 1; ++y) {
        const auto d = make_day(y, month, day);
        if (d && *d >= anchor - kPastWindow && *d <= anchor + kFutureWindow) return d;
    }
    return std::nullopt;
}

// A bare month ("in January") is the earliest one that overlaps the window, so a January read
// in November is the past one unless it lies wholly outside the window.
int infer_month_year(int month, sys_days anchor) {
    for (int y = year_of(anchor) - 1; y <= year_of(anchor) + 1; ++y) {
        const sys_days first = *make_day(y, month, 1);
        const sys_days last =
            sys_days{std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(month)} /
                     std::chrono::last};
        if (last >= anchor - kPastWindow && first <= anchor + kFutureWindow) return y;
    }
    return year_of(anchor);
}

void resolve_day(const RawDate& raw, std::optional<sys_days> anchor, MentionedDate& out) {
    std::optional<sys_days> first =
        raw.year ? make_day(raw.year, raw.month, raw.day)
                 : (anchor ? infer_day(raw.month, raw.day, *anchor) : std::nullopt);
    if (!first) return;
    out.value = iso_day(*first);
    if (!raw.end_day) return;
    const int y = year_of(*first) + (raw.end_month < raw.month ? 1 : 0);
    if (const auto last = make_day(y, raw.end_month, raw.end_day)) out.end_value = iso_day(*last);
}

sys_days resolve_weekday(const RawDate& raw, sys_days anchor) {
    const int today = weekday_of(anchor);
    const int back = (today - raw.weekday + 7) % 7;
    const int ahead = (raw.weekday - today + 7) % 7;
    switch (raw.mode) {
        case WeekdayMode::before:
            return anchor - days{back == 0 ? 7 : back};
        case WeekdayMode::after:
            return anchor + days{ahead == 0 ? 7 : ahead};
        case WeekdayMode::same_week:
            return anchor + days{raw.weekday - today};
        case WeekdayMode::on_or_before:
            break;
    }
    return anchor - days{back};
}

void resolve_relative(const RawDate& raw, sys_days anchor, MentionedDate& out) {
    const sys_days monday = anchor - days{weekday_of(anchor)} + days{7 * raw.shift};
    switch (raw.unit) {
        case RelativeUnit::day:
            out.value = iso_day(anchor + days{raw.shift});
            return;
        case RelativeUnit::week:
            out.value = iso_day(monday);
            out.end_value = iso_day(monday + days{6});
            return;
        case RelativeUnit::weekend:
            out.value = iso_day(monday + days{5});
            out.end_value = iso_day(monday + days{6});
            return;
        case RelativeUnit::month: {
            const int index = year_of(anchor) * 12 + month_of(anchor) - 1 + raw.shift;
            out.value = iso_month(index / 12, index % 12 + 1);
            return;
        }
        case RelativeUnit::year:
            out.value = std::to_string(year_of(anchor) + raw.shift);
            return;
    }
}

DatePrecision precision_of(const RawDate& raw) {
    switch (raw.form) {
        case DateForm::month:
            return DatePrecision::month;
        case DateForm::year:
            return DatePrecision::year;
        case DateForm::relative:
            return raw.unit == RelativeUnit::month  ? DatePrecision::month
                   : raw.unit == RelativeUnit::year ? DatePrecision::year
                                                    : DatePrecision::day;
        default:
            return DatePrecision::day;
    }
}

MentionedDate resolve(const RawDate& raw, std::optional<sys_days> anchor, std::string_view text) {
    MentionedDate out{.value = {},
                      .precision = precision_of(raw),
                      .end_value = {},
                      .text = std::string(text.substr(raw.start, raw.end - raw.start)),
                      .start = raw.start,
                      .end = raw.end};
    switch (raw.form) {
        case DateForm::day:
            resolve_day(raw, anchor, out);
            break;
        case DateForm::month:
            if (raw.year || anchor) {
                out.value = iso_month(raw.year ? raw.year : infer_month_year(raw.month, *anchor),
                                      raw.month);
            }
            break;
        case DateForm::year:
            out.value = std::to_string(raw.year);
            break;
        case DateForm::weekday:
            if (anchor) out.value = iso_day(resolve_weekday(raw, *anchor));
            break;
        case DateForm::relative:
            if (anchor) resolve_relative(raw, *anchor, out);
            break;
    }
    return out;
}

// A dateline sits in the title or the first lines of the body; a date must start this early.
constexpr std::size_t kTopLines = 3;
constexpr std::size_t kTopBytes = 300;
constexpr std::size_t kDateRoom = 64;  // so a date starting before kTopBytes is read whole

bool one_of(std::string_view word, std::initializer_list<std::string_view> set) {
    for (std::string_view s : set)
        if (s == word) return true;
    return false;
}

// Before the date on its line only names and punctuation ("Washington, D.C. –", "- ") or
// by-line words ("Published on"), never running text ("Officials met on").
bool dateline_prefix(std::string_view prefix) {
    if (prefix.size() > 120) return false;
    auto word_byte = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               static_cast<unsigned char>(c) >= 0x80;
    };
    for (std::size_t i = 0; i < prefix.size();) {
        std::size_t j = i;
        while (j < prefix.size() && word_byte(prefix[j]))
            ++j;
        const std::string_view word = prefix.substr(i, j - i);
        if (!word.empty() && word[0] >= 'a' && word[0] <= 'z' &&
            !one_of(word, {"by", "on", "published", "updated", "posted", "dated", "last", "at"})) {
            return false;
        }
        i = j == i ? i + 1 : j;
    }
    return true;
}

// After the date: the end of the line, a separator ("– In a ...", "| Reuters", "(AP)") or a time.
bool dateline_suffix(std::string_view rest, bool cut) {
    rest = rest.substr(std::min(rest.find_first_not_of(" \t"), rest.size()));
    if (rest.empty()) return !cut;
    if (rest[0] == '\n' || rest[0] == '\r' || (rest[0] >= '0' && rest[0] <= '9')) return true;
    for (std::string_view sep : {"-", "|", "/", "(", "\u2013", "\u2014", "\u00B7", "\u2022"})
        if (rest.starts_with(sep)) return true;
    return false;
}

// The first full date (day, month, written year; not a range) set as a dateline in `s`,
// starting before `max_start`. `cut` says `s` stops mid-line.
std::optional<std::string> dateline_date(std::string_view s, std::size_t max_start, bool cut) {
    for (const RawDate& d : detail::scan_dates(s)) {
        if (d.start >= max_start) break;
        if (d.form != DateForm::day || !d.year || d.end_day) continue;
        const std::size_t nl =
            d.start == 0 ? std::string_view::npos : s.find_last_of("\n\r", d.start - 1);
        const std::size_t line = nl == std::string_view::npos ? 0 : nl + 1;
        if (!dateline_prefix(s.substr(line, d.start - line))) continue;
        if (!dateline_suffix(s.substr(d.end), cut)) continue;
        if (const auto day = make_day(d.year, d.month, d.day)) return iso_day(*day);
    }
    return std::nullopt;
}

// The top of the body: up to kTopLines non-empty lines within the first bytes.
std::optional<std::string> body_dateline(std::string_view body) {
    std::size_t limit = std::min(body.size(), kTopBytes + kDateRoom);
    while (limit < body.size() && limit > 0 &&
           (static_cast<unsigned char>(body[limit]) & 0xC0) == 0x80)
        --limit;
    std::size_t end = 0;
    for (std::size_t lines = 0; end < limit && lines < kTopLines;) {
        const std::size_t nl = std::min(body.find('\n', end), limit);
        if (!text::trim(body.substr(end, nl - end)).empty()) ++lines;
        end = nl == limit ? limit : nl + 1;
    }
    const bool cut = end == limit && limit < body.size() && body[limit] != '\n';
    return dateline_date(body.substr(0, end), kTopBytes, cut);
}

}  // namespace

PublicationDate publication_date(std::string_view metadata_date, std::string_view title,
                                 std::string_view body) {
    if (!text::trim(metadata_date).empty()) {
        if (auto value = dates::normalize(metadata_date)) return {*value, "metadata"};
    }
    if (auto value = dateline_date(title, title.size(), false)) return {*value, "dateline"};
    if (auto value = body_dateline(body)) return {*value, "dateline"};
    return {};
}

std::vector<MentionedDate> find_dates(std::string_view text, std::string_view anchor) {
    const std::optional<sys_days> day = parse_anchor(anchor);
    std::vector<MentionedDate> out;
    for (const RawDate& raw : detail::scan_dates(text))
        out.push_back(resolve(raw, day, text));
    return out;
}

const char* to_string(DatePrecision precision) {
    switch (precision) {
        case DatePrecision::day:
            return "day";
        case DatePrecision::month:
            return "month";
        case DatePrecision::year:
            return "year";
    }
    return "day";
}

}  // namespace byline::extract
