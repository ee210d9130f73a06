// Date extraction: mentioned dates (forms, ranges, relative words, year inference, negatives,
// offsets, odd input) and publication dates, including every date in the sample corpus.
#include "extract/date_extractor.h"
#include "corpus/corpus.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using byline::extract::find_dates;
using byline::extract::MentionedDate;
using byline::extract::publication_date;

namespace {

// "text=value/precision", "text=first..last/precision" for ranges, "?" for an unresolved value.
std::string describe(const MentionedDate& d) {
    return d.text + "=" + (d.value.empty() ? "?" : d.value) +
           (d.end_value.empty() ? "" : ".." + d.end_value) + "/" +
           byline::extract::to_string(d.precision);
}

std::vector<std::string> dates(std::string_view text, std::string_view anchor) {
    std::vector<std::string> out;
    for (const MentionedDate& d : find_dates(text, anchor))
        out.push_back(describe(d));
    return out;
}

struct Case {
    std::string text;
    std::string anchor;
    std::vector<std::string> expected;
};

void check_table(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        INFO(c.text << " @ " << c.anchor);
        CHECK(dates(c.text, c.anchor) == c.expected);
    }
}

byline::Document read_sample(const std::string& name) {
    std::vector<byline::Document> docs;
    byline::corpus::read_file(
        std::string(BYLINE_SAMPLE_CORPUS) + "/" + name, name, {},
        [&](byline::Document&& d) { docs.push_back(std::move(d)); }, [](const auto&) {});
    REQUIRE(docs.size() == 1);
    return docs[0];
}

// The mentioned dates of a sample article's body, anchored on its own publication date. (The
// titles add none: 002's is the first sentence of its lead, which stays in the body.)
std::vector<std::string> sample_dates(const std::string& name) {
    const byline::Document doc = read_sample(name);
    return dates(doc.body, publication_date(doc.date, doc.title, doc.body).value);
}

const std::string kWed = "2025-11-26";  // a Wednesday, the publication day of sample 001

}  // namespace

// Month-first and day-first written forms, with and without a year.
TEST_CASE("dates: written day forms", "[dates]") {
    check_table({
        {"It was signed on November 20, 2025.", "", {"November 20, 2025=2025-11-20/day"}},
        {"The Russia-Ukraine War Report Card, Nov. 12, 2025 — Russia Matters",
         "",
         {"Nov. 12, 2025=2025-11-12/day"}},
        {"- Nov 26, 2025", "", {"Nov 26, 2025=2025-11-26/day"}},
        {"Talks resume Nov. 26.", kWed, {"Nov. 26=2025-11-26/day"}},
        {"references the Dec. 5 U.S. National Security Strategy", kWed, {"Dec. 5=2025-12-05/day"}},
        {"due November 26th", kWed, {"November 26th=2025-11-26/day"}},
        {"signed 26th November", kWed, {"26th November=2025-11-26/day"}},
        {"signed 26 November 2025 in Kyiv", "", {"26 November 2025=2025-11-26/day"}},
        {"meet on 5 December", kWed, {"5 December=2025-12-05/day"}},
        {"since Sept. 3 and SEPT 3", kWed, {"Sept. 3=2025-09-03/day", "SEPT 3=2025-09-03/day"}},
        {"on the 26th of November", kWed, {"26th of November=2025-11-26/day"}},
        {"On November 24, U.S. and Ukrainian officials", kWed, {"November 24=2025-11-24/day"}},
        {"Wednesday, November 26, 2025: a dateline",
         "",
         {"Wednesday, November 26, 2025=2025-11-26/day"}},
        {"Tuesday, 25 November, talks ended", kWed, {"Tuesday, 25 November=2025-11-25/day"}},
        {"Apple said on Monday, Oct. 27 that", kWed, {"Monday, Oct. 27=2025-10-27/day"}},
        {"born on July 4, 1976, in Ohio; the May 9 parade",
         kWed,
         {"July 4, 1976=1976-07-04/day", "May 9=2025-05-09/day"}},
        {"Sat, 29 Nov 2025 10:00:00 GMT", "", {"29 Nov 2025=2025-11-29/day"}},
        {"Jan. 1st, 2026 and 16 December 1991",
         "",
         {"Jan. 1st, 2026=2026-01-01/day", "16 December 1991=1991-12-16/day"}},
    });
}

// Ranges give the first day as value and the last as end_value.
TEST_CASE("dates: ranges", "[dates]") {
    check_table({
        {"talks in Miami from 24 to 26 October.",
         kWed,
         {"24 to 26 October=2025-10-24..2025-10-26/day"}},
        {"held 24-26 October", kWed, {"24-26 October=2025-10-24..2025-10-26/day"}},
        {"held October 24-26, 2025", "", {"October 24-26, 2025=2025-10-24..2025-10-26/day"}},
        {"Nov. 3 to 5 in Paris", kWed, {"Nov. 3 to 5=2025-11-03..2025-11-05/day"}},
        {"held 24\u201326 October 2025",
         "",
         {"24\u201326 October 2025=2025-10-24..2025-10-26/day"}},
        {"from November 30-December 2",
         kWed,
         {"November 30-December 2=2025-11-30..2025-12-02/day"}},
        {"Dec. 30 - Jan. 2", kWed, {"Dec. 30 - Jan. 2=2025-12-30..2026-01-02/day"}},
        {"October 26-24 is not a range", kWed, {}},
    });
}

// ISO days, month + year, and years only after a preposition.
TEST_CASE("dates: ISO, months and years", "[dates]") {
    check_table({
        {"Date: 2025-11-26", "", {"2025-11-26=2025-11-26/day"}},
        {"at 2025-11-26T10:00:00Z", "", {"2025-11-26=2025-11-26/day"}},
        {"in November 2025 and Oct. 2025",
         "",
         {"November 2025=2025-11/month", "Oct. 2025=2025-10/month"}},
        {"since the invasion began in February 2022", "", {"February 2022=2022-02/month"}},
        {"Trump's October 2025 20-point Gaza deal", "", {"October 2025=2025-10/month"}},
        {"sanctioned in 2022, present since 2022, as of 2024, by 2030",
         "",
         {"2022=2022/year", "2022=2022/year", "2024=2024/year", "2030=2030/year"}},
        {"from mid-2025 and mid-October", kWed, {"2025=2025/year", "October=2025-10/month"}},
        {"in October, since January, an August meeting, in December",
         kWed,
         {"October=2025-10/month", "January=2025-01/month", "August=2025-08/month",
          "December=2025-12/month"}},
        {"the last week of October", kWed, {"October=2025-10/month"}},
    });
}

// Weekdays: bare and "on" mean on or before the anchor, "last" strictly before, "next" strictly
// after, "this" within the anchor's Monday-to-Sunday week.
TEST_CASE("dates: weekdays", "[dates]") {
    check_table({
        {"Fighting continued Tuesday", kWed, {"Tuesday=2025-11-25/day"}},
        {"arrived on Wednesday", kWed, {"Wednesday=2025-11-26/day"}},
        {"As of Thursday", "2025-11-20", {"Thursday=2025-11-20/day"}},
        {"last Tuesday and last Wednesday",
         kWed,
         {"last Tuesday=2025-11-25/day", "last Wednesday=2025-11-19/day"}},
        {"next Tuesday or next Wednesday",
         kWed,
         {"next Tuesday=2025-12-02/day", "next Wednesday=2025-12-03/day"}},
        {"this Monday and this Friday",
         kWed,
         {"this Monday=2025-11-24/day", "this Friday=2025-11-28/day"}},
        {"on Tuesday night; Thursday\u2019s talks; Friday morning",
         kWed,
         {"Tuesday night=2025-11-25/day", "Thursday=2025-11-20/day",
          "Friday morning=2025-11-21/day"}},
        {"anchored on the 30th: Monday", "2025-11-30", {"Monday=2025-11-24/day"}},
    });
}

// today/yesterday/tomorrow, and last/this/next week (a Monday-Sunday range), month, year.
TEST_CASE("dates: relative expressions", "[dates]") {
    check_table({
        {"today, yesterday, tomorrow. Today we know",
         kWed,
         {"today=2025-11-26/day", "yesterday=2025-11-25/day", "tomorrow=2025-11-27/day",
          "Today=2025-11-26/day"}},
        {"last week, this week, next week",
         kWed,
         {"last week=2025-11-17..2025-11-23/day", "this week=2025-11-24..2025-11-30/day",
          "next week=2025-12-01..2025-12-07/day"}},
        {"last weekend", kWed, {"last weekend=2025-11-22..2025-11-23/day"}},
        {"last month, this month, next month",
         kWed,
         {"last month=2025-10/month", "this month=2025-11/month", "next month=2025-12/month"}},
        {"Last year, this year, next year",
         kWed,
         {"Last year=2024/year", "this year=2025/year", "next year=2026/year"}},
        {"last month", "2026-01-03", {"last month=2025-12/month"}},
        {"next month", "2025-12-10", {"next month=2026-01/month"}},
        {"over the next year, USA Today said", kWed, {}},
    });
}

// Year-less days take the year that puts them in [anchor - 300 days, anchor + 65 days].
TEST_CASE("dates: year inference across a year boundary", "[dates]") {
    check_table({
        {"on Dec. 28", "2026-01-03", {"Dec. 28=2025-12-28/day"}},
        {"on Jan. 5", kWed, {"Jan. 5=2026-01-05/day"}},
        {"on Jan. 31", kWed, {"Jan. 31=2025-01-31/day"}},  // +66 days is too far ahead
        {"on Feb. 5", kWed, {"Feb. 5=2025-02-05/day"}},
        {"on Feb. 29", "2024-03-10", {"Feb. 29=2024-02-29/day"}},
        {"on Feb. 29", kWed, {"Feb. 29=?/day"}},  // no leap day in the window
    });
}

// Without an anchor, year-less and relative expressions are found but not resolved.
TEST_CASE("dates: unresolved without an anchor", "[dates]") {
    check_table({
        {"on Tuesday, Nov. 3 to 5, last week, in October, yesterday",
         "",
         {"Tuesday=?/day", "Nov. 3 to 5=?/day", "last week=?/day", "October=?/month",
          "yesterday=?/day"}},
        {"Nov. 26, 2025 and in 2022 need no anchor",
         "not-a-date",
         {"Nov. 26, 2025=2025-11-26/day", "2022=2022/year"}},
    });
}

// Things that look like dates but are not: times, counts, verbs, names, impossible days.
TEST_CASE("dates: negatives", "[dates]") {
    check_table({
        {"began around 4:30 p.m. Moscow time and ended 9:30 p.m. GMT", kWed, {}},
        {"trimmed to about 19-20 points from an original 28-point draft", kWed, {}},
        {"500,000 killed, 35% since, 60\u201390 days, 2025 troops, the 1980s", kWed, {}},
        {"You may go. May I ask? March on Kyiv failed; the march on Kyiv", kWed, {}},
        {"Mar-a-Lago, Jan Kowalski, RIA Novosti, a May election", kWed, {}},
        {"in 2025-26, in 1500, in 2101, $5 May", kWed, {}},
        {"Dec. 45, Feb. 30, Nov. 31, 2025, April 31", kWed, {}},
        {"in May\u2019s cabinet", kWed, {}},
        // Regression: any four-digit year was taken, so noisy numbers ("May 12, 9942") spread a
        // mentioned-date histogram over thousands of years.
        {"on May 12, 9942 and 1066-10-14", kWed, {"May 12=2025-05-12/day"}},
    });
}

// Offsets are bytes into the input and `text` is exactly that slice, around any UTF-8.
TEST_CASE("dates: offsets equal the text", "[dates]") {
    const std::string text =
        "\xF0\x9F\x93\x8C Key Facts \xE4\xB8\xAD\xE6\x96\x87 on Tuesday\xC2\xA0night, "
        "\xE2\x80\x9C"
        "24\xE2\x80\x93"
        "26 October\xE2\x80\x9D \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A "
        "2025-11-26 e\xCC\x81 in 2022.";
    const auto found = find_dates(text, kWed);
    REQUIRE(found.size() == 4);
    for (const MentionedDate& d : found) {
        CHECK(d.end > d.start);
        CHECK(d.text == text.substr(d.start, d.end - d.start));
    }
    CHECK(found[0].text == "Tuesday\xC2\xA0night");
    CHECK(found[1].value == "2025-10-24");
    CHECK(found[3].start == text.size() - 5);
}

// Empty input, punctuation only, malformed and cut UTF-8 never crash or misreport offsets.
TEST_CASE("dates: odd input", "[dates]") {
    CHECK(dates("", kWed).empty());
    CHECK(dates("...,,--\xE2\x80\x93", kWed).empty());
    const std::string bad = "\xFF\xFE Nov. 26, 2025 \xE2\x80 Tuesday \xF0\x9F";
    CHECK(dates(bad, kWed) ==
          std::vector<std::string>{"Nov. 26, 2025=2025-11-26/day", "Tuesday=2025-11-25/day"});
    CHECK(dates("Nov.", kWed).empty());
    CHECK(dates("26", kWed).empty());
}

// A 1 MB text is scanned in one linear pass (no timing assertion); the blocks it is cut into
// never split a date ("Dec. 5" is not a sentence end).
TEST_CASE("dates: a 1 MB text", "[dates]") {
    const std::string chunk =
        "On Tuesday, from 24 to 26 October, at 4:30 p.m., 19-20 points \xF0\x9F\x93\x8C. Talks "
        "ended. Dec. 5 was quiet in the war. ";
    std::string text;
    std::size_t chunks = 0;
    for (; text.size() < (1u << 20); ++chunks)
        text += chunk;
    const auto found = find_dates(text, kWed);
    REQUIRE(found.size() == 3 * chunks);
    CHECK(found.back().text == "Dec. 5");
    CHECK(found.back().start == text.rfind("Dec. 5"));
    CHECK(find_dates(std::string(1u << 20, 'a'), kWed).empty());
    CHECK(find_dates(std::string(1u << 20, '\n'), kWed).empty());
}

// Publication dates: metadata first, then a dateline or by-line near the top, else nothing.
TEST_CASE("dates: publication date", "[dates]") {
    auto pub = [](std::string_view meta, std::string_view title, std::string_view body) {
        const auto p = publication_date(meta, title, body);
        return p.value + "|" + p.source;
    };
    CHECK(pub("2025-11-26T10:00:00Z", "", "On Nov. 1, 2025 ...") == "2025-11-26|metadata");
    CHECK(pub("soon", "", "Washington, D.C. \u2013 November 20, 2025 \u2013 In a significant") ==
          "2025-11-20|dateline");
    CHECK(pub("", "Trump\u2019s Envoy", "- by Editor.\n- Nov 26, 2025\nCredit:") ==
          "2025-11-26|dateline");
    CHECK(pub("", "Wednesday, November 26, 2025", "Body.") == "2025-11-26|dateline");
    CHECK(pub("", "", "MOSCOW, Nov. 26, 2025 (Reuters) - Talks") == "2025-11-26|dateline");
    CHECK(pub("", "", "Published on Nov 26, 2025 10:00 GMT\nText") == "2025-11-26|dateline");
    // Dates in running text, year-less or ranged datelines, or too far down are no dateline.
    CHECK(pub("", "", "On November 24, 2025, officials met.") == "|");
    CHECK(pub("", "", "Officials met on Nov. 26, 2025 \u2013 a day after") == "|");
    CHECK(pub("", "", "KYIV \u2013 Nov. 26 \u2013 Talks") == "|");
    CHECK(pub("", "", "Miami, 24-26 October 2025 \u2013 Talks") == "|");
    CHECK(pub("", "", "a\nb\nc\nNov 26, 2025\n") == "|");
    CHECK(pub("", "", std::string(300, 'x') + " Nov 26, 2025\n") == "|");
    CHECK(pub("", "", "") == "|");
}

// Samples 001 and 002 state their dates in by-line and dateline; 000, 003 and 004 do not.
TEST_CASE("dates: publication dates of the sample corpus", "[dates]") {
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"000_1398b186f6c316c2.txt", "|"},
        {"001_390cdef0d4dc73df.txt", "2025-11-26|2025-11-26"},
        {"002_22e7889afe1587f7.txt", "2025-11-20|2025-11-20"},
        {"003_31e57f1d14d656d9.txt", "|"},
        {"004_7c25a9fd16ef4232.txt", "|"},
    };
    for (const auto& [name, want] : expected) {
        INFO(name);
        const byline::Document doc = read_sample(name);
        // With the header's date, and from the text alone.
        CHECK(publication_date(doc.date, doc.title, doc.body).value + "|" +
                  publication_date("", doc.title, doc.body).value ==
              want);
    }
}

// Every date expression of samples 001 and 002, anchored on their publication dates.
TEST_CASE("dates: sample corpus 001 and 002", "[dates]") {
    CHECK(sample_dates("001_390cdef0d4dc73df.txt") ==
          std::vector<std::string>{
              "Nov 26, 2025=2025-11-26/day",
              "next week=2025-12-01..2025-12-07/day",  // "to the Kremlin next week"
              "this week=2025-11-24..2025-11-30/day",  // "earlier this week"
              "November 24=2025-11-24/day", "last week=2025-11-17..2025-11-23/day",
              "Tuesday=2025-11-25/day",  // "Fighting continued Tuesday"
          });
    CHECK(sample_dates("002_22e7889afe1587f7.txt") ==
          std::vector<std::string>{
              "November 20, 2025=2025-11-20/day",  // the dateline
              "Thursday=2025-11-20/day",           // "As of Thursday", published Thursday
              "February 2022=2022-02/month", "October 2025=2025-10/month",
              "last month=2025-10/month",  // "Late last month"
              "August 2025=2025-08/month", "November 9=2025-11-09/day",
              "this week=2025-11-17..2025-11-23/day",
              "2019=2019/year",            // "in 2019"
              "Wednesday=2025-11-19/day",  // "arrived in the capital on Wednesday"
              "2025=2025/year",            // "in 2025."
          });
}

// Every date expression of samples 000, 003 and 004: no publication date, so unresolved unless
// the year is written. Not found, deliberately: "the 2026 budget vote", "Russia's 2022
// invasion" (a year without a preposition), "Thanksgiving", "a day earlier", "the prior day".
TEST_CASE("dates: sample corpus 000, 003 and 004", "[dates]") {
    std::vector<std::string> weekdays_000 = {
        "Saturday",       "Wednesday", "Wednesday", "Thursday", "Dec. 5",   "Saturday",
        "Saturday",       "Saturday",  "Monday",    "Saturday", "Monday",   "next week",
        "Saturday",       "Saturday",  "Saturday",  "Friday",   "Saturday", "Saturday",
        "Saturday",       "Friday",    "Friday",    "Saturday", "Tuesday",  "Thursday evening",
        "Friday morning", "Thursday"};
    std::vector<std::string> want_000 = {"2024=2024/year", "January 2025=2025-01/month",
                                         "Nov. 12, 2025=2025-11-12/day", "1999=1999/year",
                                         "July 2025=2025-07/month"};
    for (const std::string& w : weekdays_000)
        want_000.push_back(w + "=?/day");
    for (const char* w : {"August=?/month", "Dec. 2=?/day", "Thursday=?/day", "Tuesday night=?/day",
                          "Wednesday=?/day", "this week=?/day"}) {
        want_000.push_back(w);
    }
    CHECK(sample_dates("000_1398b186f6c316c2.txt") == want_000);
    CHECK(sample_dates("003_31e57f1d14d656d9.txt") ==
          std::vector<std::string>{"October=?/month",  // "in eastern Ukraine in October."
                                   "January=?/month",  // "Since taking office in January"
                                   "24 to 26 October=?/day", "19 November=?/day",
                                   "August=?/month",  // "in Alaska in August."
                                   "2022=2022/year", "2022=2022/year"});
    const std::vector<std::string> want_004 = {"Tuesday", "Wednesday", "Monday", "last week",
                                               "last month"};
    std::vector<std::string> got_004;
    for (const std::string& d : sample_dates("004_7c25a9fd16ef4232.txt"))
        got_004.push_back(d.substr(0, d.find('=')));
    CHECK(got_004 == want_004);
}

// Sample 004 read with the day after the Kremlin meeting (Tuesday 2 December) as anchor.
TEST_CASE("dates: sample 004 with a supplied anchor", "[dates]") {
    const byline::Document doc = read_sample("004_7c25a9fd16ef4232.txt");
    CHECK(dates(doc.body, "2025-12-03") ==
          std::vector<std::string>{"Tuesday=2025-12-02/day", "Wednesday=2025-12-03/day",
                                   "Monday=2025-12-01/day", "last week=2025-11-24..2025-11-30/day",
                                   "last month=2025-11/month"});
}
