// Co-mention facets and entity trends (issue 19), on texts written for the tests: a name in the
// same sentence as a match counts, one in the next sentence does not; a trend's buckets add up.
#include <byline/byline.h>

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <numeric>

using namespace byline;

namespace {

std::size_t count_of(const SearchResult& result, const std::string& facet,
                     const std::string& value) {
    for (const Facet& f : result.facets) {
        if (f.name != facet) continue;
        for (const FacetValue& v : f.values) {
            if (v.value == value) return v.count;
        }
    }
    return 0;
}

std::vector<std::string> values_of(const SearchResult& result, const std::string& facet) {
    std::vector<std::string> out;
    for (const Facet& f : result.facets) {
        if (f.name != facet) continue;
        for (const FacetValue& v : f.values)
            out.push_back(v.value);
    }
    return out;
}

void index_stories(const std::string& path) {
    IndexOptions options;
    options.index_path = path;
    options.threads = 1;
    Indexer indexer(options);
    indexer.add(Document{"a", "Fed chairman in talks",
                         "Paul Volcker met James Baker in Washington on Monday to discuss the "
                         "dollar. Later in the week, Alan Greenspan spoke to bankers in Chicago.",
                         "1987-03-02"});
    indexer.add(Document{"b", "Treasury view",
                         "James Baker addressed reporters at the Treasury. Paul Volcker and Alan "
                         "Greenspan were in Tokyo for talks with Japanese officials.",
                         "1987-05-20"});
    indexer.add(Document{"c", "Markets",
                         // Hard-wrapped, a name across the line end.
                         "On Tuesday the chairman of the Federal Reserve Board, Paul\nVolcker, "
                         "said that interest rates would stay steady for the\nnext months. "
                         "Separately, Margaret Thatcher visited Moscow.\n",
                         ""});
    indexer.add(Document{"e", "Summit",
                         "Leaders prepared for the summit. On March 3, 1987, Ronald "
                         "Reagan met Brian Mulroney in Ottawa.",
                         ""});
    indexer.add(Document{"d", "Grain", "Farmers in Kansas expect a record wheat harvest this year.",
                         "1987-05-02"});
}

}  // namespace

TEST_CASE("co-mentions: the same sentence counts, the next one does not", "[comention]") {
    test::TempDir dir;
    index_stories(dir / "idx");
    Searcher searcher(dir / "idx");
    // A word (its sentence words), a one-word person filter (the mentions whose key ends in
    // it), a full name (its mentions' dictionary id).
    for (const std::string& query : {std::string("volcker"), std::string("person:volcker"),
                                     std::string("person:\"Paul Volcker\"")}) {
        INFO(query);
        SearchRequest request;
        request.query = query;
        request.facets = {"co_person", "co_place", "person"};
        const SearchResult result = searcher.search(request);
        REQUIRE(result.total == 3);
        CHECK(count_of(result, "co_person", "James Baker") == 1);     // a, not b's other sentence
        CHECK(count_of(result, "co_person", "Alan Greenspan") == 1);  // b, not a's next sentence
        CHECK(count_of(result, "co_person", "Margaret Thatcher") == 0);
        // The match itself (the word, or the filter's entity) is not named beside itself.
        CHECK(count_of(result, "co_person", "Paul Volcker") == 0);
        CHECK(count_of(result, "co_place", "Washington") == 1);
        CHECK(count_of(result, "co_place", "Tokyo") == 1);
        CHECK(count_of(result, "co_place", "Chicago") == 0);
        CHECK(count_of(result, "co_place", "Moscow") == 0);
        // A co-mention count never exceeds the entity's article count for the same query.
        for (const std::string& name : values_of(result, "co_person"))
            CHECK(count_of(result, "co_person", name) <= count_of(result, "person", name));
    }
    SECTION("a place filter: the people in its sentences") {
        SearchRequest request;
        request.query = "place:tokyo";
        request.facets = {"co_person", "co_place"};
        const SearchResult result = searcher.search(request);
        CHECK(values_of(result, "co_person") ==
              std::vector<std::string>{"Alan Greenspan", "Paul Volcker"});
        CHECK(values_of(result, "co_place").empty());
    }
    SECTION("a phrase: only where it occurs") {
        SearchRequest request;
        request.query = "\"interest rates\"";
        request.facets = {"co_person"};
        const SearchResult result = searcher.search(request);
        CHECK(values_of(result, "co_person") == std::vector<std::string>{"Paul Volcker"});
    }
    SECTION("a word stands for its other forms") {
        SearchRequest request;
        request.query = "banker";  // "bankers" in a's second sentence
        request.facets = {"co_person", "co_place"};
        const SearchResult result = searcher.search(request);
        CHECK(values_of(result, "co_person") == std::vector<std::string>{"Alan Greenspan"});
        CHECK(values_of(result, "co_place") == std::vector<std::string>{"Chicago"});
    }
    SECTION("a mentioned date: the people in its sentence") {
        SearchRequest request;
        request.query = "mentioned:1987-03-03";
        request.facets = {"co_person"};
        const SearchResult result = searcher.search(request);
        CHECK(values_of(result, "co_person") ==
              std::vector<std::string>{"Brian Mulroney", "Ronald Reagan"});
    }
    SECTION("no words, no co-mentions; unknown co-mention facets are usage errors") {
        SearchRequest request;
        request.facets = {"co_person"};
        CHECK(values_of(searcher.search(request), "co_person").empty());
        request.facets = {"co_month"};
        CHECK_THROWS_AS(searcher.search(request), UsageError);
    }
}

TEST_CASE("co-mentions: a large match set counted on two threads counts the same", "[comention]") {
    // 1,300 matches of 2,700: from the second query on, the slots are in memory and a second thread
    // counts blocks of 512 as the matcher finds them (the last block part full); each article
    // counted once whichever thread takes it.
    test::TempDir dir;
    {
        IndexOptions options;
        options.index_path = dir / "idx";
        Indexer indexer(options);
        for (int i = 0; i < 1300; ++i) {
            const std::string body =
                i % 2 ? "Envoy Tomas Kavel discussed grain prices in Geneva. Anna Brill left."
                      : "Grain prices rose. Envoy Anna Brill met Tomas Kavel in Oslo.";
            std::string id = "g";  // not "g" + to_string(): GCC 12 warns -Wrestrict wrongly
            id += std::to_string(i);
            indexer.add(Document{id, "Grain", body, "2024-01-02"});
        }
        // Under half of the index matches: the matcher visits every match (a denser query is
        // counted another way).
        for (int i = 0; i < 1400; ++i) {
            std::string id = "o";
            id += std::to_string(i);
            indexer.add(Document{id, "Oats", "Oat prices fell. Envoy Anna Brill met Tomas Kavel.",
                                 "2024-01-02"});
        }
    }
    Searcher searcher(dir / "idx");
    SearchRequest request;
    request.query = "grain";
    request.facets = {"co_person", "co_place"};
    request.passages = 0;
    for (int run = 0; run < 3; ++run) {
        INFO("run " << run);
        const SearchResult result = searcher.search(request);
        REQUIRE(result.total == 1300);
        CHECK(count_of(result, "co_person", "Tomas Kavel") == 650);  // the odd ones
        CHECK(count_of(result, "co_person", "Anna Brill") == 0);     // always the next sentence
        CHECK(count_of(result, "co_place", "Geneva") == 650);
        CHECK(count_of(result, "co_place", "Oslo") == 0);
    }
    // "prices" is in all 2,700: a dense query, counted from its complement and its match set
    // read after the ranking, handed to the second thread all the same.
    request.query = "prices";
    request.facets = {"co_person", "person"};
    for (int run = 0; run < 3; ++run) {
        INFO("dense, run " << run);
        const SearchResult result = searcher.search(request);
        REQUIRE(result.total == 2700);
        CHECK(count_of(result, "co_person", "Tomas Kavel") == 650);  // the next sentence in oats
        CHECK(count_of(result, "co_person", "Anna Brill") == 0);
        CHECK(count_of(result, "person", "Anna Brill") == 2700);
    }
    // Dense, but the articles it does not match name Kavel beside "prices": from the third run
    // on counted as the whole index's co-mentions (kept from the second) less theirs; its trends
    // as each person's over the whole index less the unmatched articles'.
    request.query = "prices -geneva";
    request.facets = {"co_person", "co_place", "person"};
    request.trends = {"person"};
    for (int run = 0; run < 4; ++run) {
        INFO("dense with unmatched co-mentions, run " << run);
        const SearchResult result = searcher.search(request);
        REQUIRE(result.total == 2050);
        CHECK(count_of(result, "co_person", "Tomas Kavel") == 0);
        CHECK(count_of(result, "co_place", "Geneva") == 0);
        CHECK(count_of(result, "person", "Tomas Kavel") == 2050);
        REQUIRE(result.trends.size() == 1);
        for (const TrendSeries& s : result.trends[0].series) {
            INFO(s.value);
            CHECK(s.count == 2050);
            REQUIRE(s.buckets.size() == 1);
            CHECK(s.buckets[0].count + s.undated == 2050);
        }
    }
    request.query = "prices";  // the whole index's, kept, are not this query's
    const SearchResult all = searcher.search(request);
    CHECK(count_of(all, "co_person", "Tomas Kavel") == 650);
    CHECK(count_of(all, "co_place", "Geneva") == 650);
}

TEST_CASE("trends: per value, buckets plus undated add up to its facet count", "[trend]") {
    test::TempDir dir;
    index_stories(dir / "idx");
    Searcher searcher(dir / "idx");
    SearchRequest request;
    request.trends = {"person", "place"};
    request.trend_limit = 3;
    request.facets = {"person", "place"};
    const SearchResult result = searcher.search(request);
    REQUIRE(result.trends.size() == 2);
    const Trend& people = result.trends[0];
    CHECK(people.name == "person");
    CHECK(people.granularity == "month");
    REQUIRE(people.series.size() == 3);
    CHECK(people.series[0].value == "Paul Volcker");
    CHECK(people.series[0].count == 3);
    CHECK(people.series[0].undated == 1);
    for (const Trend& trend : result.trends) {
        for (const TrendSeries& s : trend.series) {
            INFO(trend.name << ": " << s.value);
            const std::size_t sum =
                std::accumulate(s.buckets.begin(), s.buckets.end(), s.undated,
                                [](std::size_t n, const FacetValue& b) { return n + b.count; });
            CHECK(sum == s.count);
            CHECK(s.count == count_of(result, trend.name, s.value));
            // Every series over the same months, March to May 1987, April empty.
            REQUIRE(s.buckets.size() == trend.series[0].buckets.size());
            CHECK(s.buckets.front().value == trend.series[0].buckets.front().value);
        }
    }
    const std::vector<FacetValue>& volcker = people.series[0].buckets;
    REQUIRE(volcker.size() == 3);
    CHECK(volcker[0].value == "1987-03");
    CHECK(volcker[1].count == 0);
    CHECK(volcker[2].value == "1987-05");

    SECTION("counted per value (fewer articles than the matches) or in one pass: the same") {
        SearchRequest one = request;  // Volcker alone: 3 articles of 4 matches, counted apart
        one.trend_limit = 1;
        one.trends = {"person"};
        const SearchResult r = searcher.search(one);
        REQUIRE(r.trends.size() == 1);
        REQUIRE(r.trends[0].series.size() == 1);
        const TrendSeries& alone = r.trends[0].series[0];
        CHECK(alone.value == "Paul Volcker");
        CHECK(alone.undated == people.series[0].undated);
        REQUIRE(alone.buckets.size() == volcker.size());
        for (std::size_t i = 0; i < volcker.size(); ++i) {
            CHECK(alone.buckets[i].value == volcker[i].value);
            CHECK(alone.buckets[i].count == volcker[i].count);
        }
    }
    SECTION("a query restricts the trend; by year; only entity facets and countries") {
        SearchRequest narrowed;
        narrowed.query = "tokyo";
        narrowed.trends = {"person"};
        narrowed.date_facet = "year";
        const SearchResult r = searcher.search(narrowed);
        REQUIRE(r.trends.size() == 1);
        REQUIRE(!r.trends[0].series.empty());
        CHECK(r.trends[0].granularity == "year");
        for (const TrendSeries& s : r.trends[0].series)
            CHECK(s.count == 1);
        narrowed.trends = {"source"};
        CHECK_THROWS_AS(searcher.search(narrowed), UsageError);
    }
}
