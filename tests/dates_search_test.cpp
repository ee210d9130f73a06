// Date facets and filters over an index built in memory: publication dates (metadata or
// dateline), mentioned dates, histograms, ranges, recency.
#include <byline/error.h>
#include <byline/indexer.h>
#include <byline/searcher.h>

#include "temp_dir.h"

#include <catch2/catch.hpp>

using namespace byline;

namespace {

class Corpus {
  public:
    Corpus() {
        Indexer indexer({.index_path = path()});
        // Publication date from metadata; "Tuesday" resolves against it to 2025-11-25.
        indexer.add({.id = "meta",
                     .title = "Envoy in Moscow",
                     .body = "The envoy met Putin on Tuesday. Talks resume on Dec. 2.",
                     .date = "2025-11-26"});
        // No metadata date: the dateline gives it.
        indexer.add({.id = "dateline",
                     .title = "Plan approved",
                     .body = "Washington \u2013 November 20, 2025 \u2013 The plan was approved. "
                             "Strikes on November 9 killed ten.",
                     .date = ""});
        // Undated: the dates it mentions stay unresolved unless they carry a year.
        indexer.add({.id = "undated",
                     .title = "Background",
                     .body = "The invasion began in February 2022. Talks came on Tuesday.",
                     .date = ""});
        indexer.add({.id = "older",
                     .title = "Earlier talks",
                     .body = "Earlier talks were held in Geneva.",
                     .date = "2025-10-02"});
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

std::string buckets(const DateHistogram& h) {
    std::string out;
    for (const auto& b : h.buckets)
        out += (out.empty() ? "" : " ") + b.value + "=" + std::to_string(b.count);
    return out;
}

const DateHistogram& histogram(const SearchResult& r, const std::string& name) {
    for (const auto& h : r.date_histograms) {
        if (h.name == name) return h;
    }
    FAIL("no histogram " << name);
    throw;
}

}  // namespace

TEST_CASE("date search: publication dates come from metadata, then a dateline, else none",
          "[date-search]") {
    Corpus c;
    SearchRequest request;
    request.sort = SortOrder::date_desc;
    auto r = c.search("", request);
    REQUIRE(ids(r) == std::vector<std::string>{"meta", "dateline", "older", "undated"});
    CHECK(r.hits[0].date == "2025-11-26");
    CHECK(r.hits[1].date == "2025-11-20");
    CHECK(r.hits[3].date.empty());
}

TEST_CASE("date search: date: filters by day, month, open and closed ranges", "[date-search]") {
    Corpus c;
    CHECK(ids(c.search("date:2025-11-20")) == std::vector<std::string>{"dateline"});
    CHECK(c.search("date:2025-11").total == 2);
    CHECK(c.search("date:..2025-11-20").total == 2);
    CHECK(c.search("date:2025-11-21..").total == 1);
    CHECK(c.search("date:2025-10-01..2025-11-25").total == 2);
    CHECK(c.search("date:2024").total == 0);
}

TEST_CASE("date search: mentioned: finds resolved mentions, kept apart from publication",
          "[date-search]") {
    Corpus c;
    CHECK(ids(c.search("mentioned:2025-11-25")) == std::vector<std::string>{"meta"});
    CHECK(ids(c.search("mentioned:2025-12-02")) == std::vector<std::string>{"meta"});
    CHECK(ids(c.search("mentioned:2025-11-09")) == std::vector<std::string>{"dateline"});
    CHECK(ids(c.search("mentioned:2022-02")) == std::vector<std::string>{"undated"});
    CHECK(c.search("mentioned:2025-11").total == 2);
    CHECK(c.search("mentioned:2025-11-01..2025-11-30").total == 2);
    CHECK(c.search("mentioned:..2022-12").total == 1);
    CHECK(c.search("mentioned:2025-11-26").total == 0);  // its publication day, not a mention
    CHECK(c.search("date:2025-11-09").total == 0);       // a mention, not a publication day
}

TEST_CASE("date search: a mentioned-date filter alone shows the sentence with the mention",
          "[date-search]") {
    Corpus c;
    auto r = c.search("mentioned:2025-12-02");
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].passages.at(0).text.find("Dec. 2") != std::string::npos);
}

TEST_CASE("date search: histograms count exactly, include empty buckets and the undated",
          "[date-search]") {
    Corpus c;
    SearchRequest request;
    request.date_facet = "month";
    auto r = c.search("", request);
    const DateHistogram& published = histogram(r, "published");
    CHECK(published.granularity == "month");
    CHECK(buckets(published) == "2025-10=1 2025-11=2");
    CHECK(published.undated == 1);
    request.date_facet = "day";
    r = c.search("date:2025-11", request);
    CHECK(histogram(r, "published").buckets.size() == 7);  // 20th to 26th, empty days too
    CHECK(histogram(r, "published").buckets.front().value == "2025-11-20");
    CHECK(histogram(r, "published").buckets.back().value == "2025-11-26");
    request.date_facet = "week";
    r = c.search("", request);
    CHECK(buckets(histogram(r, "published")) ==
          "2025-09-29=1 2025-10-06=0 2025-10-13=0 2025-10-20=0 2025-10-27=0 2025-11-03=0 "
          "2025-11-10=0 2025-11-17=1 2025-11-24=1");
    request.date_facet = "year";
    r = c.search("", request);
    CHECK(buckets(histogram(r, "mentioned")) == "2022=1 2023=0 2024=0 2025=2");
}

TEST_CASE("date search: a bad date facet or date filter is a clear error", "[date-search]") {
    Corpus c;
    SearchRequest request;
    request.date_facet = "fortnight";
    CHECK_THROWS_AS(c.search("", request), UsageError);
    CHECK_THROWS_AS(c.search("date:2025-13"), QueryError);
    CHECK_THROWS_AS(c.search("mentioned:yesterday"), QueryError);
}

TEST_CASE("date search: the recency boost lifts newer articles, off by default", "[date-search]") {
    test::TempDir dir;
    {
        Indexer indexer({.index_path = dir / "idx"});
        indexer.add({.id = "older",
                     .title = "A",
                     .body = "Talks talks talks were held in Geneva. More talks.",
                     .date = "2025-10-02"});
        indexer.add({.id = "newer",
                     .title = "B",
                     .body = "The envoy met Putin for talks on Tuesday.",
                     .date = "2025-11-26"});
    }
    Searcher searcher(dir / "idx");
    SearchRequest request;
    request.query = "talks";
    CHECK(ids(searcher.search(request)) == std::vector<std::string>{"older", "newer"});
    request.recency_half_life_days = 7;
    CHECK(ids(searcher.search(request)) == std::vector<std::string>{"newer", "older"});
    request.recency_half_life_days = 100000;  // everything equally recent: relevance decides
    CHECK(ids(searcher.search(request)) == std::vector<std::string>{"older", "newer"});
}
