// The date grammar, hand-written over a token list so each rule looks a few tokens ahead and the
// whole scan stays linear.
#include "extract/date_extractor_scan.h"

#include "util/dates.h"
#include "util/text.h"

#include <algorithm>
#include <optional>
#include <string>

namespace byline::extract::detail {

namespace {

// The years a news date may carry (written dates and "in 2022" alike).
constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2100;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The value of a short run of ASCII digits.
int number_value(std::string_view digits) {
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> set) {
    for (std::string_view s : set)
        if (s == word) return true;
    return false;
}

struct MonthName {
    int month = 0;
    bool full = false;     // "October", not "Oct."
    std::size_t next = 0;  // token after the name and its abbreviation dot
};

// An expression read by a rule: the date and its first and last tokens.
struct Match {
    RawDate d;
    std::size_t first = 0, last = 0;
};

class Scanner {
  public:
    // Scans `text`, a block of a larger text starting at byte `base`, with a reused buffer.
    Scanner(std::string_view text, std::size_t base, std::vector<Token>& tokens)
        : text_(text), base_(base), toks_(tokens) {
        tokenize_for_dates(text, tokens);
    }
    void run(std::vector<RawDate>& out);

  private:
    std::string_view str(std::size_t i) const {
        return text_.substr(toks_[i].start, toks_[i].end - toks_[i].start);
    }
    bool is(std::size_t i, Tok kind) const { return i < toks_.size() && toks_[i].kind == kind; }
    bool punct(std::size_t i, std::string_view p) const { return is(i, Tok::punct) && str(i) == p; }
    bool dash(std::size_t i) const;
    bool space(std::size_t i) const { return is(i, Tok::space); }
    std::string lower(std::size_t i) const { return text::ascii_lower(str(i)); }
    // The word before token `i` (one space between, same line), lowered; "" if none. "mid-"
    // counts as the word "mid".
    std::string word_before(std::size_t i) const;
    std::size_t word_index_before(std::size_t i) const;
    bool sentence_start(std::size_t i) const;
    bool glued_left(std::size_t i) const;
    bool glued_right(std::size_t i) const;

    std::optional<MonthName> month_at(std::size_t i) const;
    int day_at(std::size_t i) const;
    int year_at(std::size_t i) const;
    std::size_t range_to(std::size_t i) const;
    std::size_t year_after(std::size_t i, RawDate& d) const;

    // Grammar rules: each tries to read an expression at token `i` into `m`.
    bool month_first(std::size_t i, Match& m) const;
    bool day_first(std::size_t i, Match& m) const;
    bool bare_month(std::size_t i, Match& m) const;
    bool iso_date(std::size_t i, Match& m) const;
    bool preposition_year(std::size_t i, Match& m) const;
    bool weekday(std::size_t i, Match& m) const;
    bool full_date_after(std::size_t i, Match& m) const;
    bool relative(std::size_t i, Match& m) const;
    bool match_at(std::size_t i, Match& m) const;

    std::string_view text_;
    std::size_t base_;
    const std::vector<Token>& toks_;
};

bool Scanner::dash(std::size_t i) const {
    return is(i, Tok::punct) && one_of(str(i), {"-", "\u2010", "\u2011", "\u2013", "\u2014"});
}

std::size_t Scanner::word_index_before(std::size_t i) const {
    if (i > 0 && space(i - 1)) --i;
    return i > 0 && is(i - 1, Tok::word) ? i - 1 : toks_.size();
}

std::string Scanner::word_before(std::size_t i) const {
    if (i >= 2 && dash(i - 1) && is(i - 2, Tok::word) && lower(i - 2) == "mid") return "mid";
    const std::size_t w = word_index_before(i);
    return w < toks_.size() ? lower(w) : std::string();
}

// At the start of the text, a line or a sentence (so "Today" is a word, "USA Today" a name).
bool Scanner::sentence_start(std::size_t i) const {
    if (i > 0 && space(i - 1)) --i;
    if (i == 0 || is(i - 1, Tok::newline)) return true;
    return is(i - 1, Tok::punct) && !one_of(str(i - 1), {",", ";", "&", "'", "\u2019"});
}

// A number stuck to another by "1,200", "4:30", "3.5", "1/2" or "$" is not a day or a year.
bool Scanner::glued_left(std::size_t i) const {
    if (i == 0 || !is(i - 1, Tok::punct)) return false;
    if (one_of(str(i - 1), {"$", "\u20AC", "\u00A3", "#"})) return true;
    return i >= 2 && is(i - 2, Tok::number) &&
           (one_of(str(i - 1), {",", ".", ":", "/"}) || dash(i - 1));
}

bool Scanner::glued_right(std::size_t i) const {
    if (!is(i + 1, Tok::punct)) return false;
    if (str(i + 1) == "%") return true;
    const bool alnum_next = is(i + 2, Tok::number) || is(i + 2, Tok::word) ||
                            is(i + 2, Tok::other) || is(i + 2, Tok::ordinal);
    if (dash(i + 1)) return alnum_next;  // "28-point", "2025-26", an unparsed "26-3"
    if (str(i + 1) == ",") return is(i + 2, Tok::number) && str(i + 2).size() == 3;
    return one_of(str(i + 1), {".", ":", "/"}) && is(i + 2, Tok::number);
}

std::optional<MonthName> Scanner::month_at(std::size_t i) const {
    if (!is(i, Tok::word)) return std::nullopt;
    bool full = false;
    const int month = month_name(str(i), full);
    if (!month) return std::nullopt;
    return MonthName{month, full, !full && punct(i + 1, ".") ? i + 2 : i + 1};
}

// 1..31 for "5", "05", "26th"; 0 otherwise.
int Scanner::day_at(std::size_t i) const {
    if (!is(i, Tok::number) && !is(i, Tok::ordinal)) return 0;
    std::string_view s = str(i);
    std::size_t digits = 0;
    while (digits < s.size() && is_digit(s[digits]))
        ++digits;
    if (digits > 2 || (is(i, Tok::number) && digits != s.size())) return 0;
    const int day = number_value(s.substr(0, digits));
    return day >= 1 && day <= 31 ? day : 0;
}

int Scanner::year_at(std::size_t i) const {
    if (!is(i, Tok::number) || str(i).size() != 4 || glued_right(i)) return 0;
    // News dates fall in a plausible window; "May 12, 9942" is a number, not a date, and would
    // otherwise spread a date histogram over eight thousand years.
    const int year = number_value(str(i));
    return year >= kMinYear && year <= kMaxYear ? year : 0;
}

// After a first day at `i`: the token after the range separator of "24-26", "24 - 26",
// "24 to 26", "3 through 5"; 0 if there is none.
std::size_t Scanner::range_to(std::size_t i) const {
    const std::size_t j = i + 1;
    if (dash(j)) return j + 1;
    if (!space(j) || !space(j + 2)) return 0;
    if (dash(j + 1)) return j + 3;
    return is(j + 1, Tok::word) && one_of(lower(j + 1), {"to", "through"}) ? j + 3 : 0;
}

// An optional ", 2025" / " 2025" after token `i`; returns the last token used.
std::size_t Scanner::year_after(std::size_t i, RawDate& d) const {
    std::size_t j = i + 1;
    if (punct(j, ",")) ++j;
    if (!space(j)) return i;
    const int y = year_at(j + 1);
    if (!y) return i;
    d.year = y;
    return j + 1;
}

// Calendar validity of what was written; a year-less Feb. 29 is checked against a leap year.
bool valid(const RawDate& d) {
    if (d.form != DateForm::day) return true;
    const int year = d.year ? d.year : 2000;
    if (!dates::valid_day(year, d.month, d.day)) return false;
    if (!d.end_day) return true;
    return dates::valid_day(year, d.end_month, d.end_day) &&
           (d.end_month != d.month || d.end_day > d.day);
}

// "November 20, 2025", "Nov. 26", "November 26th", "October 24-26", "Nov. 3 to 5", "Nov 2025".
bool Scanner::month_first(std::size_t i, Match& m) const {
    const auto name = month_at(i);
    if (!name || !space(name->next)) return false;
    const std::size_t j = name->next + 1;
    m.d.month = name->month;
    if (const int day = day_at(j)) {
        m.d.form = DateForm::day;
        m.d.day = day;
        m.last = j;
        if (const std::size_t k = range_to(j); k && day_at(k)) {
            m.d.end_day = day_at(k);
            m.d.end_month = name->month;
            m.last = k;
        } else if (const auto end = k ? month_at(k) : std::nullopt;
                   end && space(end->next) && day_at(end->next + 1)) {
            m.d.end_day = day_at(end->next + 1);  // "November 30-December 2"
            m.d.end_month = end->month;
            m.last = end->next + 1;
        }
        if (glued_right(m.last)) return false;
        m.last = year_after(m.last, m.d);
        return valid(m.d);
    }
    m.d.form = DateForm::month;
    m.d.year = year_at(j);
    m.last = j;
    return m.d.year != 0;
}

// "26 November 2025", "5 December", "26th November", "the 26th of November", "24 to 26 October".
bool Scanner::day_first(std::size_t i, Match& m) const {
    const int day = day_at(i);
    if (!day || glued_left(i)) return false;
    std::size_t j = i;
    if (const std::size_t k = range_to(i); k && day_at(k)) {
        m.d.end_day = day_at(k);
        j = k;
    }
    if (!space(j + 1)) return false;
    std::size_t at = j + 2;
    if (is(at, Tok::word) && lower(at) == "of" && space(at + 1)) at += 2;
    const auto name = month_at(at);
    if (!name) return false;
    m.d.form = DateForm::day;
    m.d.day = day;
    m.d.month = name->month;
    if (m.d.end_day) m.d.end_month = name->month;
    m.last = year_after(name->next - 1, m.d);
    return valid(m.d);
}

// A month without day or year only after a word that makes it a time ("in October", "since
// January", "an August meeting"), so "March on Kyiv" or a sentence-initial "May" stay words.
bool Scanner::bare_month(std::size_t i, Match& m) const {
    const auto name = month_at(i);
    if (!name || !name->full) return false;
    const std::string before = word_before(i);
    const bool after_preposition =
        one_of(before, {"in", "since", "by", "until", "till", "from", "during", "before", "after",
                        "through", "throughout", "of", "early", "late", "mid"});
    const bool after_article = one_of(before, {"a", "an"}) && name->month != 3 && name->month != 5;
    if (!after_preposition && !after_article) return false;
    const bool possessive = is(i + 1, Tok::punct) && one_of(str(i + 1), {"'", "\u2019"});
    if (name->month == 5 && possessive) return false;  // "in May's cabinet": Theresa May
    m.d.form = DateForm::month;
    m.d.month = name->month;
    return true;
}

// "2025-11-26", also as the date part of "2025-11-26T10:00:00Z".
bool Scanner::iso_date(std::size_t i, Match& m) const {
    if (!is(i, Tok::number) || str(i).size() != 4 || glued_left(i)) return false;
    if (!punct(i + 1, "-") || !is(i + 2, Tok::number) || str(i + 2).size() != 2) return false;
    if (!punct(i + 3, "-") || i + 4 >= toks_.size()) return false;
    const std::string_view day = str(i + 4);
    if (day.size() < 2 || !is_digit(day[0]) || !is_digit(day[1])) return false;
    if (day.size() > 2 ? day[2] != 'T' : glued_right(i + 4)) return false;
    m.d.form = DateForm::day;
    m.d.year = number_value(str(i));
    m.d.month = number_value(str(i + 2));
    m.d.day = number_value(day.substr(0, 2));
    m.last = i + 4;
    m.d.end = toks_[i + 4].start + 2;
    return m.d.year >= kMinYear && m.d.year <= kMaxYear &&
           dates::valid_day(m.d.year, m.d.month, m.d.day);
}

// A bare year only after a preposition ("in 2022", "since 1999", "as of 2024", "mid-2025"), so
// counts like "2025 troops" are not years.
bool Scanner::preposition_year(std::size_t i, Match& m) const {
    const int year = year_at(i);
    if (year == 0 || glued_left(i)) return false;
    if (!one_of(word_before(i),
                {"in", "since", "by", "until", "till", "from", "of", "during", "before", "after",
                 "through", "throughout", "early", "late", "mid"})) {
        return false;
    }
    m.d.form = DateForm::year;
    m.d.year = year;
    return true;
}

// "Tuesday, Nov. 25, 2025" is one day-precision expression, not a weekday plus a date.
bool Scanner::full_date_after(std::size_t i, Match& m) const {
    std::size_t j = i + 1;
    if (punct(j, ",")) ++j;
    if (!space(j)) return false;
    Match date{.d = {}, .first = m.first, .last = j + 1};
    if (!month_first(j + 1, date) || date.d.form != DateForm::day) {
        date = Match{.d = {}, .first = m.first, .last = j + 1};
        if (!day_first(j + 1, date)) return false;
    }
    if (date.d.end_day) return false;  // "Tuesday, Nov. 3 to 5" stays two expressions
    m = date;
    return true;
}

// "Tuesday", "last Tuesday", "next Tuesday", "this Tuesday", "Tuesday night".
bool Scanner::weekday(std::size_t i, Match& m) const {
    const int day = is(i, Tok::word) ? weekday_name(str(i)) : -1;
    if (day < 0) return false;
    m.d.form = DateForm::weekday;
    m.d.weekday = day;
    const std::size_t w = word_index_before(i);
    const std::string before = w < toks_.size() ? lower(w) : std::string();
    if (one_of(before, {"last", "next", "this"})) {
        m.d.mode = before == "last"   ? WeekdayMode::before
                   : before == "next" ? WeekdayMode::after
                                      : WeekdayMode::same_week;
        m.first = w;
    } else if (full_date_after(i, m)) {
        return true;
    }
    if (space(i + 1) && is(i + 2, Tok::word) &&
        one_of(str(i + 2), {"night", "morning", "afternoon", "evening"})) {
        m.last = i + 2;
    }
    return true;
}

// "today", "yesterday", "tomorrow", "tonight"; "last|this|next week|weekend|month|year".
bool Scanner::relative(std::size_t i, Match& m) const {
    const std::string w = lower(i);
    m.d.form = DateForm::relative;
    if (one_of(w, {"today", "tonight", "yesterday", "tomorrow"})) {
        if (str(i)[0] != w[0] && !sentence_start(i)) return false;  // "USA Today"
        m.d.shift = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
        return true;
    }
    if (!one_of(w, {"last", "this", "next"}) || !space(i + 1) || !is(i + 2, Tok::word)) {
        return false;
    }
    if (word_before(i) == "the") return false;  // "the last week of October"
    const std::string_view unit = str(i + 2);
    if (!one_of(unit, {"week", "weekend", "month", "year"})) return false;
    m.d.unit = unit == "week"      ? RelativeUnit::week
               : unit == "weekend" ? RelativeUnit::weekend
               : unit == "month"   ? RelativeUnit::month
                                   : RelativeUnit::year;
    m.d.shift = w == "last" ? -1 : w == "next" ? 1 : 0;
    m.last = i + 2;
    return true;
}

// Rules from the most to the least specific; each attempt starts from a clean match.
bool Scanner::match_at(std::size_t i, Match& m) const {
    using Rule = bool (Scanner::*)(std::size_t, Match&) const;
    auto attempt = [&](std::initializer_list<Rule> rules) {
        for (Rule rule : rules) {
            m = Match{.d = {}, .first = i, .last = i};
            if ((this->*rule)(i, m)) return true;
        }
        return false;
    };
    switch (toks_[i].kind) {
        case Tok::word:
            return attempt({&Scanner::relative, &Scanner::weekday, &Scanner::month_first,
                            &Scanner::bare_month});
        case Tok::number:
            return attempt({&Scanner::iso_date, &Scanner::day_first, &Scanner::preposition_year});
        case Tok::ordinal:
            return attempt({&Scanner::day_first});
        default:
            return false;
    }
}

void Scanner::run(std::vector<RawDate>& out) {
    Match m;
    for (std::size_t i = 0; i < toks_.size();) {
        if (!match_at(i, m)) {
            ++i;
            continue;
        }
        if (m.d.end == 0) m.d.end = toks_[m.last].end;
        m.d.start = base_ + toks_[m.first].start;
        m.d.end += base_;
        out.push_back(m.d);
        i = m.last + 1;
    }
}

}  // namespace

// A large text is scanned block by block with one reused token buffer, so memory stays small and
// no page-faulting token array is built for a whole book.
std::vector<RawDate> scan_dates(std::string_view text) {
    std::vector<RawDate> out;
    std::vector<Token> tokens;
    for (std::size_t begin = 0; begin < text.size();) {
        const std::size_t end = date_block_end(text, begin);
        Scanner(text.substr(begin, end - begin), begin, tokens).run(out);
        begin = end;
    }
    return out;
}

}  // namespace byline::extract::detail
