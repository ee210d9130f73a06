// byline-serve's searcher pool: /health has a searcher of its own.
#include <byline/byline.h>

#include "http_api.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <future>

using namespace byline;

TEST_CASE("searcher pool: health answers while every searcher is lent (issue 18)", "[server]") {
    test::TempDir dir;
    std::string index = dir / "idx";
    Indexer({.index_path = index}).add({.id = "a", .title = "Talks", .body = "Talks in Geneva."});
    server::SearcherPool pool(index, 1);
    server::Api api(pool);
    std::future<server::Response> health;
    {
        server::SearcherPool::Lease busy = pool.acquire();  // a long search holds the only one
        health = std::async(std::launch::async, [&api] { return api.health(); });
        REQUIRE(health.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
    }
    server::Response answer = health.get();
    CHECK(answer.status == 200);
    CHECK(nlohmann::json::parse(answer.body)["documents"] == 1);
}
