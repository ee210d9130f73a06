// Hard-wrapped text (issue 16): sentences run on across the line ends that only wrap a paragraph,
// paragraphs still end where the text says so, the terminal shows wire copy's white space as one
// space and its sparklines fit the terminal, and a ticker in angle brackets is no name.
#include <byline/analyzer.h>
#include <byline/output.h>

#include "analysis/line_wrap.h"
#include "corpus/corpus.h"
#include "extract/entity_extractor.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using byline::Analyzer;

namespace {

// The sentences of `text` as written, joined by " | " (a line break inside one shows as "⏎").
std::string sentences(const std::string& text) {
    static Analyzer analyzer;
    std::string out;
    for (const byline::Span& span : analyzer.sentences(text)) {
        std::string sentence = text.substr(span.start, span.end - span.start);
        std::string shown;
        for (char c : sentence)
            shown += c == '\n' ? std::string("⏎") : std::string(1, c);
        out += (out.empty() ? "" : " | ") + shown;
    }
    return out;
}

// Made up for these tests; wrapped at 62 columns the way wire copy is.
const std::string kWrapped =
    "Northwind Shipping said on Monday that freight rates on its\n"
    "Atlantic routes would rise by about 12 pct from June, citing\n"
    "higher fuel costs and a shortage of vessels. The company\n"
    "expects volumes to stay flat this year.\n";

}  // namespace

TEST_CASE("hard wrap: a wrapped paragraph gives whole sentences across line ends", "[wrap]") {
    CHECK(sentences(kWrapped) ==
          "Northwind Shipping said on Monday that freight rates on its⏎Atlantic routes would rise "
          "by about 12 pct from June, citing⏎higher fuel costs and a shortage of vessels. | The "
          "company⏎expects volumes to stay flat this year.");
    // Offsets stay offsets into the text as written: only ICU's copy has spaces for the breaks.
    const std::string joined = byline::analysis::join_wrapped_lines(kWrapped);
    REQUIRE(joined.size() == kWrapped.size());
    CHECK(joined.find('\n') == kWrapped.size() - 1);  // the last line break ends the text
    CHECK(sentences("CRLF lines are wrapped the\r\nsame way as the others are,\r\nso one "
                    "sentence runs on over\r\nall of the line ends here.\r\n") ==
          "CRLF lines are wrapped the\r⏎same way as the others are,\r⏎so one sentence runs on "
          "over\r⏎all of the line ends here.");
}

TEST_CASE("hard wrap: blank lines, indented lines and list items still end paragraphs", "[wrap]") {
    // Wire copy indents each paragraph; the lines of a paragraph start at the margin.
    CHECK(sentences("    LISBON, May 4 - The port authority raised its handling fees\n"
                    "for bulk cargo by five pct, the second rise this year\n"
                    "    Shippers said the rise had been expected for months and\n"
                    "would be passed on to customers.\n") ==
          "LISBON, May 4 - The port authority raised its handling fees⏎for bulk cargo by five "
          "pct, the second rise this year | Shippers said the rise had been expected for months "
          "and⏎would be passed on to customers.");
    CHECK(sentences("The board approved three measures at its meeting on Friday in\n"
                    "the capital without a vote\n\n"
                    "Analysts said the measures were broadly in line with what the\n"
                    "market had been expecting since the spring.\n") ==
          "The board approved three measures at its meeting on Friday in⏎the capital without a "
          "vote | Analysts said the measures were broadly in line with what the⏎market had been "
          "expecting since the spring.");
    CHECK(sentences("The plan, which needs the approval of shareholders, covers the\n"
                    "following steps to be taken over the coming year\n"
                    "- sale of the packaging unit to a group of investors\n"
                    "- closure of two plants in the north of the country\n"
                    "1. a new board\n") ==
          "The plan, which needs the approval of shareholders, covers the⏎following steps to be "
          "taken over the coming year | - sale of the packaging unit to a group of investors | - "
          "closure of two plants in the north of the country | 1. a new board");
    // Table rows, each indented, stay rows.
    CHECK(sentences("Shr 41 cts vs 38 cts\n    Net 4,120,000 vs 3,870,000\n"
                    "    Revs 61.2 mln vs 58.9 mln\n") ==
          "Shr 41 cts vs 38 cts | Net 4,120,000 vs 3,870,000 | Revs 61.2 mln vs 58.9 mln");
}

TEST_CASE("hard wrap: a heading line stays separate", "[wrap]") {
    const std::string body =
        "Outlook\n\n"
        "Freight rates are expected to climb further in the second half\n"
        "as older vessels are scrapped and new ones arrive only slowly.\n"
        "Port Congestion\n"
        "Delays at the main container terminals grew longer in April, with\n"
        "ships waiting up to four days for a berth at the ports of the U.S.\n"
        "Contacts\n";
    CHECK(sentences(body) ==
          "Outlook | Freight rates are expected to climb further in the second half⏎as older "
          "vessels are scrapped and new ones arrive only slowly. | Port Congestion | Delays at the "
          "main container terminals grew longer in April, with⏎ships waiting up to four days for "
          "a berth at the ports of the U.S. | Contacts");
}

TEST_CASE("hard wrap: text with a paragraph a line keeps its line breaks", "[wrap]") {
    // Lines far longer than any wrap width: each is a paragraph, short ones headings or labels.
    const std::string long_line(40, 'x');
    const std::string body = "The first paragraph runs on for a long while, " + long_line + " " +
                             long_line + " and only then ends.\nKey Facts\nFares Rise\n" +
                             "The last paragraph also runs on for a long time, " + long_line + " " +
                             long_line + " before it ends.";
    CHECK(sentences(body) == "The first paragraph runs on for a long while, " + long_line + " " +
                                 long_line + " and only then ends. | Key Facts | Fares Rise | " +
                                 "The last paragraph also runs on for a long time, " + long_line +
                                 " " + long_line + " before it ends.");
    // A line that breaks off mid-sentence before a lower-case word goes on, wrapped or not.
    CHECK(sentences("Officials in the region confirmed that\nthe bridge would reopen.") ==
          "Officials in the region confirmed that⏎the bridge would reopen.");
}

TEST_CASE("hard wrap: the plain-text reader keeps blank lines and indentation", "[wrap]") {
    std::vector<byline::Document> docs;
    byline::corpus::read_plain_text(
        "Headline\n\nFirst paragraph line one\nline two.  \n    Indented paragraph.\n\n\n  Second "
        "paragraph.\n",
        "a.txt", "a.txt", false, [&](byline::Document&& d) { docs.push_back(std::move(d)); });
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].body ==
          "First paragraph line one\nline two.\n    Indented paragraph.\n\nSecond paragraph.");
}

TEST_CASE("hard wrap: the terminal shows runs of white space as one space", "[wrap][terminal]") {
    byline::SearchResult result;
    result.total = 1;
    byline::Hit hit;
    hit.rank = 1;
    hit.id = "wire-1";
    hit.title = "FREIGHT\tRATES  RISE";
    byline::Passage passage;
    passage.text = "rise by 12 pct.\n         Shippers said the\nrise was expected.";
    passage.start = 100;
    passage.end = 100 + passage.text.size();
    passage.highlights = {{0, 4}};
    hit.passages.push_back(passage);
    result.hits.push_back(hit);
    const std::string shown = byline::to_terminal(result, {});
    CHECK(shown.find("**rise** by 12 pct. Shippers said the rise was expected.") !=
          std::string::npos);
    CHECK(shown.find("FREIGHT RATES RISE") != std::string::npos);
    // JSON keeps the bytes and offsets as stored.
    const std::string json = byline::to_json(result);
    CHECK(json.find(R"(12 pct.\n         Shippers said the\nrise)") != std::string::npos);
    CHECK(json.find(R"("start":100)") != std::string::npos);
}

TEST_CASE("hard wrap: date sparklines fit the terminal's width", "[wrap][terminal]") {
    byline::SearchResult result;
    byline::DateHistogram days{"published", "day", {}, 3};
    for (int d = 0; d < 240; ++d) {
        char day[16];
        std::snprintf(day, sizeof day, "1987-%02d-%02d", 3 + d / 30, 1 + d % 30);
        days.buckets.push_back({day, static_cast<std::size_t>(d % 7)});
    }
    result.date_histograms.push_back(days);
    auto widest_line = [](const std::string& text) {
        std::size_t widest = 0, column = 0;
        for (unsigned char c : text) {
            if (c == '\n') {
                widest = std::max(widest, column);
                column = 0;
            } else if ((c & 0xC0) != 0x80) {
                ++column;
            }
        }
        return std::max(widest, column);
    };
    for (std::size_t width : {80, 100, 132, 400}) {
        const std::string shown = byline::to_terminal(result, {false, width});
        CHECK(widest_line(shown) <= width);
        if (width < 300) CHECK(widest_line(shown) + 12 > width);  // bars merge, no more than needed
        CHECK(shown.find("published: 1987-03-01 ") != std::string::npos);
        CHECK(shown.find(" 1987-10-30 (") != std::string::npos);
    }
    CHECK(byline::to_terminal(result, {false, 80}).find("days a bar, peak") != std::string::npos);
    CHECK(byline::to_terminal(result, {false, 400}).find("(by day, peak 6)") != std::string::npos);
}

TEST_CASE("hard wrap: a ticker in angle brackets is no entity and no part of one", "[wrap]") {
    byline::extract::EntityOptions options;
    options.use_tagger = false;
    const byline::extract::EntityExtractor rules(options);
    const std::string body =
        "Northwind Shipping Corp <NWS> said it agreed to buy Harbour Lines\n"
        "Inc <HBL.L> for 42 mln dlrs.";
    std::string names;
    for (const auto& m : rules.extract("", body, "en")) {
        CHECK(m.text.find('<') == std::string::npos);
        CHECK(m.text.find('>') == std::string::npos);
        CHECK(m.text != "NWS");
        CHECK(m.text != "HBL.L");
        names += (names.empty() ? "" : ", ") + m.name;
    }
    CHECK(names.find("Northwind Shipping Corp") != std::string::npos);
}
