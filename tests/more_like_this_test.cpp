// More like this (issue 19): a near-duplicate ranks first, the given article is left out, a
// query restricts what is ranked, an unknown id is a usage error. Texts written for the tests.
#include <byline/byline.h>

#include "temp_dir.h"

#include <catch2/catch.hpp>

using namespace byline;

namespace {

Document story(const std::string& id, const std::string& title, const std::string& body) {
    return Document{id, title, body, "2024-03-0" + std::to_string(id.size() % 9 + 1)};
}

std::vector<std::string> ids_of(const SearchResult& result) {
    std::vector<std::string> ids;
    for (const Hit& hit : result.hits)
        ids.push_back(hit.id);
    return ids;
}

}  // namespace

TEST_CASE("more like this: a near-duplicate first, the given article left out", "[like]") {
    test::TempDir dir;
    {
        IndexOptions options;
        options.index_path = dir / "idx";
        options.threads = 1;
        Indexer indexer(options);
        indexer.add(story("copper", "Copper miners strike in Antofagasta",
                          "Workers at the Escondida copper mine near Antofagasta walked out on "
                          "Monday over pay, halting output at the world's largest copper mine, "
                          "union leader Patricio Vega said."));
        indexer.add(story("copper-resent", "Copper miners strike in Antofagasta (corrected)",
                          "Workers at the Escondida copper mine near Antofagasta walked out on "
                          "Monday over wages, halting output at the world's biggest copper mine, "
                          "union leader Patricio Vega said."));
        indexer.add(story("grain", "Wheat harvest beats forecasts",
                          "Farmers in Saskatchewan brought in a record wheat harvest, the "
                          "provincial agriculture ministry said on Monday."));
        indexer.add(story("bank", "Central bank holds rates",
                          "The central bank kept its key rate unchanged on Monday, citing "
                          "stubborn inflation in services."));
        indexer.add(story("zinc", "Zinc output falls",
                          "Output at a zinc mine in Peru fell after workers walked out over pay, "
                          "the company said."));
    }
    Searcher searcher(dir / "idx");
    SearchRequest request;
    request.like = {"copper"};
    SearchResult result = searcher.search(request);
    std::vector<std::string> ids = ids_of(result);
    REQUIRE(!ids.empty());
    CHECK(ids.front() == "copper-resent");
    CHECK(std::find(ids.begin(), ids.end(), "copper") == ids.end());
    CHECK(ids.size() >= 2);
    CHECK(ids[1] == "zinc");          // a mine, workers walking out over pay
    request.query = "wheat OR zinc";  // the query restricts what is ranked
    CHECK(ids_of(searcher.search(request)) == std::vector<std::string>{"zinc", "grain"});
    request.query.clear();
    request.like = {"copper", "copper-resent"};  // both left out
    ids = ids_of(searcher.search(request));
    CHECK(std::find(ids.begin(), ids.end(), "copper-resent") == ids.end());
    CHECK(ids.front() == "zinc");
    request.like = {"no-such-story"};
    CHECK_THROWS_AS(searcher.search(request), UsageError);
}
