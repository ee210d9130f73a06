// End-to-end: byline-search --collapse on sample_corpus with a wire copy of one article.
#include "e2e_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace byline::test;
using nlohmann::json;

TEST_CASE("e2e: --collapse folds a copy, lists it, counts stories and articles", "[e2e]") {
    TempDir dir;
    namespace fs = std::filesystem;
    const fs::path corpus = dir / "corpus";
    fs::create_directories(corpus);
    for (const auto& entry : fs::directory_iterator(BYLINE_SAMPLE_CORPUS))
        fs::copy_file(entry.path(), corpus / entry.path().filename());
    fs::copy_file(corpus / "001_390cdef0d4dc73df.txt", corpus / "001-copy.txt");
    REQUIRE(run(index_cmd(dir, quote(corpus.string())), dir).status == 0);

    json plain = search_json(dir, "");
    CHECK(plain["total"] == 6);
    CHECK_FALSE(plain.contains("total_articles"));
    for (const auto& hit : plain["hits"])
        CHECK_FALSE(hit.contains("duplicates"));

    json r = search_json(dir, "", "--collapse");
    CHECK(r["total"] == 5);
    CHECK(r["total_articles"] == 6);
    REQUIRE(r["hits"].size() == 5);
    int folded = 0;
    for (const auto& hit : r["hits"]) {
        REQUIRE(hit.contains("duplicates"));
        if (hit["duplicates"].empty()) continue;
        ++folded;
        const std::string id = hit["id"];
        const std::string other = hit["duplicates"][0];
        CHECK(hit["duplicates"].size() == 1);
        CHECK(((id == "001-copy.txt" && other == "001_390cdef0d4dc73df.txt") ||
               (other == "001-copy.txt" && id == "001_390cdef0d4dc73df.txt")));
    }
    CHECK(folded == 1);

    Run terminal = run(search_cmd(dir, "--collapse --color never ''"), dir);
    INFO(terminal.err);
    REQUIRE(terminal.status == 0);
    CHECK(terminal.out.find("5 stories (6 articles)") != std::string::npos);
    CHECK(terminal.out.find("+1 copy") != std::string::npos);
}
