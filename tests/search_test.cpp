// Searching an index built in memory: ranking, filters, facets, sorting, passages, highlights.
#include <byline/error.h>
#include <byline/indexer.h>
#include <byline/output.h>
#include <byline/searcher.h>

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace byline;

namespace {

class Fixture {
  public:
    Fixture() {
        Indexer indexer({.index_path = path()});
        indexer.add({.id = "geneva",
                     .title = "Envoys meet in Geneva",
                     .body = "Envoys met in Geneva on Sunday.\nThe talks on security guarantees "
                             "went late. A 28\u2011point plan was pared down. Security was tight "
                             "and guarantees were vague.",
                     .date = "2025-11-23",
                     .source = "Example Wire",
                     .author = "Ann Lee and Bo Chan"});
        indexer.add({.id = "kremlin",
                     .title = "Kremlin talks",
                     .body = "Ukraine\u2019s envoy will travel to Moscow. The Kremlin said talks "
                             "were useful.",
                     .date = "2025-11-26",
                     .source = "Daily Post"});
        indexer.add({.id = "undated",
                     .title = "Markets calm",
                     .body = "Shares rose as investors waited for news of the talks.",
                     .source = "Example Wire",
                     .lang = "en"});
    }
    std::string path() const { return dir_ / "idx"; }

    SearchResult search(const std::string& query, SearchRequest request = {}) {
        request.query = query;
        return Searcher(path()).search(request);
    }

  private:
    test::TempDir dir_;
};

std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits)
        out.push_back(h.id);
    return out;
}

std::vector<std::string> marked(const Passage& p) {
    std::vector<std::string> out;
    for (const auto& h : p.highlights)
        out.push_back(p.text.substr(h.start, h.end - h.start));
    return out;
}

}  // namespace

TEST_CASE("search: words are ANDed, stemmed, and match hyphen and apostrophe variants",
          "[search]") {
    Fixture f;
    CHECK(ids(f.search("talks")).size() == 3);
    SearchResult both = f.search("talk envoys");
    CHECK(both.total == 2);  // then a page goes on with articles holding one of the words
    std::vector<std::string> first = ids(both);
    first.resize(2);
    CHECK(first == std::vector<std::string>{"geneva", "kremlin"});
    CHECK(f.search("talk AND envoys").hits.size() == 2);
    CHECK(ids(f.search("28-point")) == std::vector<std::string>{"geneva"});
    CHECK(ids(f.search("Ukraine")) == std::vector<std::string>{"kremlin"});
    CHECK(ids(f.search("ukraine's")) == std::vector<std::string>{"kremlin"});
    CHECK(f.search("nothingmatches").total == 0);
}

TEST_CASE("search: a phrase is highlighted as one span, and only where it occurs", "[search]") {
    Fixture f;
    SearchRequest request;
    request.passages = 3;
    auto r = f.search("\"security guarantees\"", request);
    REQUIRE(ids(r) == std::vector<std::string>{"geneva"});
    const auto& passages = r.hits[0].passages;
    REQUIRE(passages.size() == 1);  // the other sentence has both words, but not as a phrase
    CHECK(passages[0].text == "The talks on security guarantees went late.");
    CHECK(marked(passages[0]) == std::vector<std::string>{"security guarantees"});
}

TEST_CASE("search: passage offsets cut the passage out of the body", "[search]") {
    Fixture f;
    auto r = f.search("moscow");
    REQUIRE(r.hits.size() == 1);
    const Passage& p = r.hits[0].passages.at(0);
    CHECK(p.text == "Ukraine\u2019s envoy will travel to Moscow.");
    CHECK(p.start == 0);
    CHECK(p.end == p.text.size());
    CHECK(marked(p) == std::vector<std::string>{"Moscow"});
}

TEST_CASE("search: stemmed variants and possessives are marked as written", "[search]") {
    Fixture f;
    auto r = f.search("ukraine envoys");
    REQUIRE(r.total == 1);
    CHECK(marked(r.hits[0].passages.at(0)) == std::vector<std::string>{"Ukraine\u2019s", "envoy"});
}

TEST_CASE("search: negated words are never highlighted", "[search]") {
    Fixture f;
    auto r = f.search("talks -kremlin");
    auto found = ids(r);
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::string>{"geneva", "undated"});
    for (const auto& hit : r.hits) {
        for (const auto& p : hit.passages) {
            for (const auto& m : marked(p))
                CHECK(m != "Kremlin");
        }
    }
}

TEST_CASE("search: facet filters, OR within a facet, date ranges", "[search]") {
    Fixture f;
    CHECK(ids(f.search("talks source:\"daily post\"")) == std::vector<std::string>{"kremlin"});
    CHECK(f.search("source:\"example wire\" source:\"daily post\"").total == 3);
    CHECK(f.search("source:\"example wire\" AND source:\"daily post\"").total == 0);
    CHECK(ids(f.search("author:\"bo chan\"")) == std::vector<std::string>{"geneva"});
    CHECK(ids(f.search("date:2025-11-25..2025-11-30")) == std::vector<std::string>{"kremlin"});
    CHECK(f.search("date:2025-11").total == 2);
    CHECK(ids(f.search("date:..2025-11-24")) == std::vector<std::string>{"geneva"});
}

TEST_CASE("search: facet counts are exact over the whole match set", "[search]") {
    Fixture f;
    SearchRequest request;
    request.limit = 1;
    auto r = f.search("talks", request);
    CHECK(r.total == 3);
    CHECK(r.total_exact);
    auto facet = [&](const std::string& name) {
        for (const auto& fc : r.facets) {
            if (fc.name == name) return fc.values;
        }
        return std::vector<FacetValue>{};
    };
    auto source = facet("source");
    REQUIRE(source.size() == 2);
    CHECK(source[0].value == "Example Wire");
    CHECK(source[0].count == 2);
    CHECK(source[1].count == 1);
    auto authors = facet("author");
    CHECK(authors.size() == 2);
    CHECK(facet("month").size() == 1);
    CHECK(facet("month")[0].count == 2);
}

TEST_CASE("search: sorting by date puts undated articles last both ways", "[search]") {
    Fixture f;
    SearchRequest request;
    request.sort = SortOrder::date_desc;
    CHECK(ids(f.search("talks", request)) ==
          std::vector<std::string>{"kremlin", "geneva", "undated"});
    request.sort = SortOrder::date_asc;
    CHECK(ids(f.search("talks", request)) ==
          std::vector<std::string>{"geneva", "kremlin", "undated"});
}

TEST_CASE("search: paging with offset and limit keeps ranks", "[search]") {
    Fixture f;
    SearchRequest request;
    request.sort = SortOrder::date_desc;
    request.offset = 1;
    request.limit = 1;
    auto r = f.search("talks", request);
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].rank == 2);
    CHECK(r.hits[0].id == "geneva");
    CHECK(r.total == 3);
}

TEST_CASE("search: title matches are marked in the title", "[search]") {
    Fixture f;
    auto r = f.search("kremlin");
    REQUIRE(r.hits.size() == 1);
    const auto& h = r.hits[0].title_highlights;
    REQUIRE(h.size() == 1);
    CHECK(r.hits[0].title.substr(h[0].start, h[0].end - h[0].start) == "Kremlin");
}

TEST_CASE("search: a filter-only query shows the lead, as many sentences as fit", "[search]") {
    Fixture f;
    auto r = f.search("source:\"daily post\"");
    REQUIRE(r.hits.size() == 1);
    REQUIRE(r.hits[0].passages.size() == 1);  // the whole short article fits in one passage
    CHECK(r.hits[0].passages[0].text ==
          "Ukraine\u2019s envoy will travel to Moscow. The Kremlin said talks were useful.");
    SearchRequest short_passages;
    short_passages.passage_length = 40;
    r = f.search("source:\"daily post\"", short_passages);
    REQUIRE(r.hits[0].passages.size() == 2);
    CHECK(r.hits[0].passages[0].text == "Ukraine\u2019s envoy will travel to Moscow.");
    CHECK(r.hits[0].passages[1].text == "The Kremlin said talks were useful.");
}

TEST_CASE("search: long sentences are cut at word boundaries around the match", "[search]") {
    test::TempDir dir;
    std::string body;
    for (int i = 0; i < 200; ++i)
        body += "filler" + std::to_string(i) + " ";
    body += "needle ";
    for (int i = 0; i < 200; ++i)
        body += "tail" + std::to_string(i) + " ";
    {
        Indexer indexer({.index_path = dir / "idx"});
        indexer.add({.id = "long", .title = "Long", .body = body});
    }
    SearchRequest request;
    request.query = "needle";
    request.passage_length = 80;
    auto r = Searcher(dir / "idx").search(request);
    const Passage& p = r.hits.at(0).passages.at(0);
    CHECK(p.cut_before);
    CHECK(p.cut_after);
    CHECK(p.text.size() <= 80);
    CHECK(body.substr(p.start, p.end - p.start) == p.text);
    CHECK(marked(p) == std::vector<std::string>{"needle"});
    CHECK(p.text.front() != ' ');
}

TEST_CASE("search: a missing index and an unknown facet give clear errors", "[search]") {
    test::TempDir dir;
    CHECK_THROWS_AS(Searcher(dir / "none"), IndexError);
    Fixture f;
    SearchRequest request;
    request.facets = {"colour"};
    CHECK_THROWS_AS(f.search("talks", request), UsageError);
}

TEST_CASE("search: JSON output has the documented shape", "[search]") {
    Fixture f;
    std::string json = to_json(f.search("moscow"));
    CHECK(json.find("\"query\":\"moscow\"") != std::string::npos);
    CHECK(json.find("{\"query\":\"moscow\",\"total\":1,\"total_exact\":true,\"took_ms\":") == 0);
    // "Ukraine\u2019s envoy will travel to Moscow.": the apostrophe is 3 bytes but 1 code point,
    // so the byte and code-point offsets of "Moscow" differ by 2.
    CHECK(
        json.find("\"highlights\":[{\"start\":33,\"end\":39,\"char_start\":31,\"char_end\":37}]") !=
        std::string::npos);
    CHECK(json.find("\"total_exact\":true") != std::string::npos);
}
