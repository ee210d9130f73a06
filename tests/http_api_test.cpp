// byline-serve's endpoints without a socket: parameters in, status and JSON out.
#include <byline/byline.h>

#include "http_api.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace byline;
using byline::server::Params;
using nlohmann::json;

namespace {

struct ServerFixture {
    test::TempDir dir;
    std::string index = dir / "idx";
    ServerFixture() {
        Indexer indexer({.index_path = index});
        indexer.add({.id = "geneva/1",
                     .title = "Envoys meet in Geneva",
                     .body = "Steve Witkoff met Rustem Umerov in Geneva. The talks went well.",
                     .date = "2025-11-23",
                     .source = "Example Wire"});
        indexer.add({.id = "kyiv",
                     .title = "Kyiv waits",
                     .body = "Volodymyr Zelenskyy spoke in Kyiv about the talks.",
                     .date = "2025-11-25",
                     .source = "Daily Post"});
    }
};

}  // namespace

TEST_CASE("http api: parameters become a search request, bad ones a usage error", "[server]") {
    const server::Limits limits;
    Params params = {{"q", "talks"},       {"limit", "5"},           {"offset", "5"},
                     {"sort", "date"},     {"person", "A"},          {"person", "B"},
                     {"facet", "place"},   {"date_facet", "none"},   {"passages_only", "true"},
                     {"since", "2025-11"}, {"passage_length", "120"}};
    SearchRequest r = server::search_request(params, limits, false);
    CHECK(r.query == "talks");
    CHECK(r.limit == 5);
    CHECK(r.offset == 5);
    CHECK(r.sort == SortOrder::date_desc);
    CHECK(r.filters.people == std::vector<std::string>{"A", "B"});
    CHECK(r.facets == std::vector<std::string>{"place"});
    CHECK(r.date_facet.empty());
    CHECK(r.passage_search);
    CHECK(r.filters.since == "2025-11");
    CHECK(r.passage_length == 120);

    CHECK(server::search_request({}, limits, false).limit == 10);
    CHECK(server::search_request({{"collapse", "1"}}, limits, false).collapse);
    CHECK_FALSE(server::search_request({}, limits, false).collapse);
    CHECK(server::search_request({{"limit", "7"}}, limits, true).limit == 0);  // facets only
    for (const Params& bad : std::vector<Params>{{{"limit", "101"}},
                                                 {{"limit", "-1"}},
                                                 {{"limit", "ten"}},
                                                 {{"offset", "1e9"}},
                                                 {{"q", "a"}, {"q", "b"}},
                                                 {{"sort", "random"}},
                                                 {{"passages_only", "maybe"}},
                                                 {{"recency", "0"}},
                                                 {{"qq", "typo"}},
                                                 {{"q", std::string(5000, 'a')}}}) {
        CHECK_THROWS_AS(server::search_request(bad, limits, false), UsageError);
    }
}

TEST_CASE("http api: search, facets, documents and health answer with JSON", "[server]") {
    ServerFixture f;
    server::SearcherPool pool(f.index, 2);
    server::Api api(pool);

    server::Response found = api.search({{"q", "talks"}, {"place", "Geneva"}});
    REQUIRE(found.status == 200);
    json j = json::parse(found.body);
    CHECK(j["total"] == 1);
    CHECK(j["hits"][0]["id"] == "geneva/1");
    CHECK(j["query"] == "talks place:\"Geneva\"");

    json facets = json::parse(api.facets({{"facet", "source"}}).body);
    CHECK(facets["total"] == 2);
    CHECK(facets["hits"].empty());
    CHECK(facets["facets"]["source"].size() == 2);

    server::Response syntax = api.search({{"q", "\"unclosed"}});
    CHECK(syntax.status == 400);
    CHECK(json::parse(syntax.body)["error"]["code"] == "query_syntax");
    server::Response usage = api.search({{"facet", "colour"}});
    CHECK(usage.status == 400);
    CHECK(json::parse(usage.body)["error"]["code"] == "usage");

    server::Response doc = api.document("geneva/1");  // ids may hold slashes
    REQUIRE(doc.status == 200);
    CHECK(json::parse(doc.body)["body"] ==
          "Steve Witkoff met Rustem Umerov in Geneva. The talks went well.");
    server::Response missing = api.document("../../etc/passwd");
    CHECK(missing.status == 404);
    CHECK(json::parse(missing.body)["error"]["code"] == "not_found");

    json health = json::parse(api.health().body);
    CHECK(health["status"] == "ok");
    CHECK(health["documents"] == 2);
}

TEST_CASE("http api: the pool picks up the indexer's new commits", "[server]") {
    ServerFixture f;
    server::SearcherPool pool(f.index, 1, std::chrono::milliseconds(0));
    server::Api api(pool);
    CHECK(json::parse(api.health().body)["documents"] == 2);
    {
        Indexer indexer({.index_path = f.index});
        indexer.add({.id = "new", .title = "Late news", .body = "A ceasefire was announced."});
    }
    CHECK(json::parse(api.health().body)["documents"] == 3);
    CHECK(json::parse(api.search({{"q", "ceasefire"}}).body)["total"] == 1);
}
