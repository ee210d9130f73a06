// Passages: the window scorer, long-sentence splitting, golden (query, text) -> passages tables,
// the highlight property on sample_corpus, a 1 MB article, passage search and HTML output.
#include <byline/analyzer.h>
#include <byline/indexer.h>
#include <byline/output.h>
#include <byline/searcher.h>

#include "index/document_builder.h"
#include "search/passage_scorer.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace byline;
using search::PatternHit;

namespace {

// "text with [marks]" for each passage of the first hit.
std::vector<std::string> shown(const SearchResult& r) {
    std::vector<std::string> out;
    if (r.hits.empty()) return out;
    for (const Passage& p : r.hits[0].passages)
        out.push_back(mark(p.text, p.highlights, "[", "]"));
    return out;
}

SearchResult search_one(const std::string& body, const std::string& query,
                        SearchRequest request = {}) {
    test::TempDir dir;
    std::string path = dir / "idx";
    {
        // English articles, whatever their emoji and CJK would make the language detector say.
        Indexer indexer({.index_path = path, .detect_language = false});
        indexer.add({.id = "doc", .title = "Headline", .body = body});
        indexer.add({.id = "other", .title = "Other", .body = "Nothing to see here at all."});
    }
    request.query = query;
    return Searcher(path).search(request);
}

std::vector<search::ScoredWindow> windows(const std::vector<std::uint32_t>& starts,
                                          std::vector<PatternHit> hits, std::vector<double> weights,
                                          std::size_t count = 2,
                                          std::vector<search::NearGroup> near = {}) {
    search::ScorerInput in;
    in.sentence_positions = &starts;
    in.sentence_chars = [](std::size_t) { return std::size_t{60}; };
    in.hits = std::move(hits);
    in.weights = std::move(weights);
    in.near = std::move(near);
    in.count = count;
    in.max_chars = 130;  // two 60-character sentences fit, three do not
    return best_windows(in);
}

bool on_code_point_boundary(const std::string& text, std::size_t offset) {
    return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

}  // namespace

TEST_CASE("passages: a sentence with every query word beats one with a repeated word",
          "[passages]") {
    // Sentences start at positions 1, 11, 21, 31; pattern 0 twice in sentence 0, both in 2.
    auto w =
        windows({1, 11, 21, 31}, {{2, 1, 0}, {5, 1, 0}, {23, 1, 0}, {25, 1, 1}}, {1.0, 1.0}, 1);
    REQUIRE(w.size() == 1);
    CHECK(w[0].first == 2);
    CHECK(w[0].last == 2);
}

TEST_CASE("passages: words split over neighbouring sentences make one window", "[passages]") {
    auto w = windows({1, 11, 21, 31}, {{18, 1, 0}, {22, 1, 1}}, {1.0, 1.0}, 1);
    REQUIRE(w.size() == 1);
    CHECK(w[0].first == 1);
    CHECK(w[0].last == 2);
}

TEST_CASE("passages: windows never overlap and come best first", "[passages]") {
    auto w = windows({1, 11, 21, 31, 41}, {{3, 1, 0}, {33, 1, 0}, {35, 1, 1}}, {1.0, 2.0}, 3);
    REQUIRE(w.size() >= 2);
    CHECK(w[0].first <= 3);
    CHECK(w[0].last >= 3);
    for (std::size_t i = 1; i < w.size(); ++i) {
        CHECK(w[i].score <= w[i - 1].score);
        for (std::size_t j = 0; j < i; ++j)
            CHECK((w[i].last < w[j].first || w[i].first > w[j].last));
    }
}

TEST_CASE("passages: a satisfied NEAR group and close words score higher", "[passages]") {
    std::vector<std::uint32_t> starts{1, 21};
    auto far = windows(starts, {{2, 1, 0}, {19, 1, 1}}, {1.0, 1.0}, 1);
    auto close = windows(starts, {{22, 1, 0}, {23, 1, 1}}, {1.0, 1.0}, 1);
    REQUIRE(far.size() == 1);
    REQUIRE(close.size() == 1);
    CHECK(close[0].score > far[0].score);
    auto with_near = windows(starts, {{22, 1, 0}, {23, 1, 1}}, {1.0, 1.0}, 1, {{{0, 1}, 3}});
    CHECK(with_near[0].score > close[0].score);
}

TEST_CASE("passages: without hits the lead is shown, as many sentences as fit", "[passages]") {
    auto w = windows({1, 11, 21}, {}, {1.0}, 2);
    REQUIRE(w.size() == 2);
    CHECK((w[0].first == 0 && w[0].last == 1));
    CHECK((w[1].first == 2 && w[1].last == 2));
    CHECK(w[0].score == 0);
}

TEST_CASE("passages: title positions before the first sentence never count", "[passages]") {
    CHECK(windows({101, 111}, {{3, 1, 0}}, {1.0}, 1).front().score == 0);
}

TEST_CASE("passages: the crop anchor is the densest cluster, not the first hit", "[passages]") {
    std::vector<PatternHit> hits{{5, 1, 0}, {200, 1, 0}, {203, 1, 1}, {205, 1, 2}};
    CHECK(search::densest_hit(hits, 0, 300, 20) == 200);
    CHECK(search::densest_hit({}, 7, 300, 20) == 7);
}

TEST_CASE("passages: run-on sentences are split at word boundaries at index time", "[passages]") {
    Analyzer analyzer;
    std::string text;
    for (int i = 0; i < 100; ++i)
        text += "word" + std::to_string(i) + " ";
    auto tokens = analyzer.tokenize(text);
    auto pieces = index::split_long_sentences({{0, text.size() - 1}}, tokens, 64);
    REQUIRE(pieces.size() > 10);
    CHECK(pieces.front().start == 0);
    CHECK(pieces.back().end == text.size() - 1);
    for (const Span& piece : pieces) {
        CHECK(piece.end - piece.start <= 64);
        CHECK(text[piece.end - 1] != ' ');
    }
}

TEST_CASE("passages: golden table of queries, texts and marked passages", "[passages]") {
    struct Case {
        const char* query;
        const char* body;
        std::vector<std::string> passages;
    };
    const std::vector<Case> cases = {
        {"\"security guarantees\"",
         "Security was tight.\nThe talks on security guarantees went late.\nGuarantees were vague.",
         {"The talks on [security guarantees] went late."}},
        {"guarantee",
         "Security guarantees were discussed.",
         {"Security [guarantees] were discussed."}},
        {"cafe", "They met at a caf\u00e9 in Kyiv.", {"They met at a [caf\u00e9] in Kyiv."}},
        {"presid*",
         "The president met presidential aides.",
         {"The [president] met [presidential] aides."}},
        {"28-point",
         "A 28\u2011point plan was pared down.",
         {"A [28\u2011point] plan was pared down."}},
        {"son-in-law",
         "His son\u2011in\u2011law Jared Kushner came.",
         {"His [son\u2011in\u2011law] Jared Kushner came."}},
        {"Ukraine", "Ukraine\u2019s envoy left.", {"[Ukraine\u2019s] envoy left."}},
        {"talks -\"peace plan\"",
         "Talks on a peace deal went on; the plan failed.",
         {"[Talks] on a peace deal went on; the plan failed."}},
        {"envoy NEAR/2 Moscow",
         "The envoy flew to Moscow on Sunday.",
         {"The [envoy] flew to [Moscow] on Sunday."}},
        {"Vance",
         "Vice President J.D. Vance spoke in the U.S. Senate.",
         {"Vice President J.D. [Vance] spoke in the U.S. Senate."}},
    };
    for (const Case& c : cases) {
        INFO(c.query);
        CHECK(shown(search_one(c.body, c.query)) == c.passages);
    }
}

TEST_CASE("passages: offsets stay on code point boundaries with emoji, CJK and combining marks",
          "[passages]") {
    std::string body =
        "\U0001F54A\uFE0F Peace talks began. \u5E73\u548C\u4EA4\u6D89\u304C\u59CB\u307E\u3063\u305F"
        "\u3002 Cafe\u0301 talks \U0001F1FA\U0001F1E6 ended.";
    auto r = search_one(body, "talks", {.passage_length = 25});
    REQUIRE(r.hits.size() == 1);
    for (const Passage& p : r.hits[0].passages) {
        CHECK(body.substr(p.start, p.end - p.start) == p.text);
        CHECK(on_code_point_boundary(body, p.start));
        CHECK(on_code_point_boundary(body, p.end));
        for (const Highlight& h : p.highlights)
            CHECK(p.text.substr(h.start, h.end - h.start) == "talks");
    }
}

TEST_CASE("passages: a 1 MB article gives passages around its best match", "[passages]") {
    std::string body;
    for (int i = 0; body.size() < (1 << 20); ++i)
        body += "Filler sentence number " + std::to_string(i) + " says little.\n";
    std::size_t needle = body.size();
    body += "The rare envoy spoke of security guarantees at last.\n";
    for (int i = 0; i < 100; ++i)
        body += "More filler text " + std::to_string(i) + " after it.\n";
    auto r = search_one(body, "envoy \"security guarantees\"");
    REQUIRE(r.hits.size() == 1);
    REQUIRE_FALSE(r.hits[0].passages.empty());
    const Passage& p = r.hits[0].passages[0];
    CHECK(p.start == needle);
    CHECK(mark(p.text, p.highlights, "[", "]") ==
          "The rare [envoy] spoke of [security guarantees] at last.");
}

TEST_CASE("passages: a 1 MB article without full stops is still cut into short passages",
          "[passages]") {
    std::string body;
    for (int i = 0; body.size() < (1 << 20); ++i)
        body += "word" + std::to_string(i) + " ";
    body += "needle ";
    for (int i = 0; i < 50; ++i)
        body += "tail" + std::to_string(i) + " ";
    auto r = search_one(body, "needle");
    REQUIRE(r.hits.size() == 1);
    const Passage& p = r.hits[0].passages.at(0);
    CHECK(p.text.size() < 400);
    CHECK(mark(p.text, p.highlights, "[", "]").find("[needle]") != std::string::npos);
}

TEST_CASE("passages: every highlight on sample_corpus re-analyses to a query word or phrase",
          "[passages]") {
    test::TempDir dir;
    std::string path = dir / "idx";
    {
        Indexer indexer({.index_path = path});
        indexer.add_paths({BYLINE_SAMPLE_CORPUS});
    }
    Searcher searcher(path);
    Analyzer analyzer;
    for (std::string query : {"\"security guarantees\"", "Witkoff Kushner", "28-point plan",
                              "peace -Europe", "negotiat*", "son-in-law", "guarantee"}) {
        INFO(query);
        SearchRequest request;
        request.query = query;
        request.passages = 3;
        auto r = searcher.search(request);
        REQUIRE(r.total > 0);
        for (const Hit& hit : r.hits) {
            for (const Passage& p : hit.passages) {
                for (const Highlight& h : p.highlights) {
                    std::string marked = p.text.substr(h.start, h.end - h.start);
                    std::string norm;
                    for (const Token& t : analyzer.tokenize(marked)) {
                        if (!norm.empty()) norm += ' ';
                        std::string stem = analyzer.stem(t.term, "en");
                        norm += stem.empty() ? t.term : stem;
                    }
                    INFO(marked);
                    CHECK((norm == "secur guarante" || norm == "witkoff" || norm == "kushner" ||
                           norm == "28 point" || norm == "plan" || norm == "peac" ||
                           norm.rfind("negoti", 0) == 0 || norm == "son in law" ||
                           norm == "guarante"));
                }
            }
        }
    }
}

TEST_CASE("passages: passage search ranks sentences across articles", "[passages]") {
    test::TempDir dir;
    std::string path = dir / "idx";
    {
        Indexer indexer({.index_path = path});
        indexer.add({.id = "a", .title = "A", .body = "Security was discussed. Guarantees too."});
        indexer.add({.id = "b",
                     .title = "B",
                     .body = "Europe wants security guarantees now. Nothing else happened."});
        indexer.add(
            {.id = "c", .title = "C", .body = "Europe met. Security guarantees were vague."});
    }
    SearchRequest request;
    request.query = "\"security guarantees\" Europe";
    request.passage_search = true;
    request.passages = 3;
    auto r = Searcher(path).search(request);
    REQUIRE(r.passage_search);
    REQUIRE(r.hits.empty());
    REQUIRE(r.passage_hits.size() >= 2);
    CHECK(r.passage_hits[0].id == "b");
    CHECK(r.passage_hits[0].rank == 1);
    CHECK(r.passage_hits[0].passage.text == "Europe wants security guarantees now.");
    CHECK(r.passage_hits[1].id == "c");
    std::string json = to_json(r);
    CHECK(json.find("\"passages\":[{\"rank\":1,\"id\":\"b\"") != std::string::npos);
    CHECK(json.find("\"hits\"") == std::string::npos);
}

TEST_CASE("passages: HTML output escapes text and marks matches", "[passages]") {
    auto r = search_one("Talks on <script> & \"security\" went late.", "security");
    std::string html = to_html(r);
    CHECK(html.find("&lt;script&gt; &amp; &quot;<mark>security</mark>&quot;") != std::string::npos);
    CHECK(html.find("<script>") == std::string::npos);
}
