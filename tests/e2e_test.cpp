// End-to-end: the real byline-index and byline-search binaries on real files.
#include "e2e_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace byline::test;
using nlohmann::json;

TEST_CASE("e2e: index sample_corpus, re-index idempotently, search as JSON", "[e2e]") {
    TempDir dir;
    Run first = run(index_cmd(dir, BYLINE_SAMPLE_CORPUS), dir);
    INFO(first.err);
    REQUIRE(first.status == 0);
    CHECK(first.out.find("indexed 5 documents (5 new, 0 replaced)") != std::string::npos);
    Run again = run(index_cmd(dir, BYLINE_SAMPLE_CORPUS), dir);
    CHECK(again.out.find("indexed 5 documents (0 new, 5 replaced)") != std::string::npos);
    CHECK(search_json(dir, "")["total"] == 5);

    json r = search_json(dir, "\"security guarantees\"");
    REQUIRE(r["total"].get<int>() >= 2);
    for (const auto& hit : r["hits"]) {
        REQUIRE(!hit["passages"].empty());
        for (const auto& p : hit["passages"]) {
            std::string text = p["text"];
            REQUIRE(!p["highlights"].empty());
            for (const auto& h : p["highlights"]) {
                std::string m = text.substr(
                    h["start"], h["end"].get<std::size_t>() - h["start"].get<std::size_t>());
                CHECK((m == "security guarantees" || m == "Security guarantees" ||
                       m == "security Guarantees" || m == "Security Guarantees"));
            }
        }
    }
}

TEST_CASE("e2e: sample_corpus metadata, U+2011 hyphens and facets", "[e2e]") {
    TempDir dir;
    REQUIRE(run(index_cmd(dir, BYLINE_SAMPLE_CORPUS), dir).status == 0);
    // 001 writes "son‑in‑law" with U+2011 and is marked as written.
    json r = search_json(dir, "son-in-law date:2025-11-26");
    REQUIRE(r["total"] == 1);
    CHECK(r["hits"][0]["id"] == "001_390cdef0d4dc73df.txt");
    const json& p = r["hits"][0]["passages"][0];
    std::string text = p["text"];
    std::size_t hs = p["highlights"][0]["start"], he = p["highlights"][0]["end"];
    CHECK(text.substr(hs, he - hs) == "son\u2011in\u2011law");
    // Articles without a headline get their first sentence, cut, as title.
    json lead = search_json(dir, "title:washington");
    REQUIRE(lead["total"] == 1);
    CHECK(lead["hits"][0]["title"].get<std::string>().rfind("Washington, D.C. – November 20, 2025",
                                                            0) == 0);
    json dated = search_json(dir, "date:2025-11", "--sort date");
    REQUIRE(dated["total"] == 2);
    CHECK(dated["hits"][0]["date"] == "2025-11-26");
    CHECK(dated["hits"][1]["date"] == "2025-11-20");
    CHECK(dated["facets"]["month"] == json::parse(R"([{"value":"2025-11","count":2}])"));
    CHECK(search_json(dir, "28-point")["total"].get<int>() >= 3);
}

TEST_CASE("e2e: a query syntax error prints a caret and exits 2", "[e2e]") {
    TempDir dir;
    REQUIRE(run(index_cmd(dir, BYLINE_SAMPLE_CORPUS), dir).status == 0);
    Run r = run(search_cmd(dir, quote("peace (talks")), dir);
    CHECK(r.status == 2);
    CHECK(r.err.find("missing ')'") != std::string::npos);
    CHECK(r.err.find("  peace (talks\n              ^") != std::string::npos);
}

TEST_CASE("e2e: with --json a query error is a JSON error object too", "[e2e]") {
    TempDir dir;
    REQUIRE(run(index_cmd(dir, BYLINE_SAMPLE_CORPUS), dir).status == 0);
    Run r = run(search_cmd(dir, "--json " + quote("peace (talks")), dir);
    CHECK(r.status == 2);
    json error = json::parse(r.out)["error"];
    CHECK(error["code"] == "query_syntax");
    CHECK(error["position"] == 12);  // where the missing ')' belongs
    CHECK(error["message"].get<std::string>().find("')'") != std::string::npos);
}

TEST_CASE("e2e: --queries runs a file of queries in one process, one JSON line each", "[e2e]") {
    TempDir dir;
    REQUIRE(run(index_cmd(dir, BYLINE_SAMPLE_CORPUS), dir).status == 0);
    std::string queries =
        dir.write("queries.txt", "Witkoff\n\n\"security guarantees\"\nbad \"quote\n");
    Run r = run(search_cmd(dir, "--queries " + quote(queries) + " --limit 1"), dir);
    CHECK(r.status == 2);  // one query was bad; the others still ran
    std::istringstream lines(r.out);
    std::vector<json> results;
    for (std::string line; std::getline(lines, line);)
        results.push_back(json::parse(line));
    // Regression: the blank line printed nothing, so output no longer lined up with input.
    REQUIRE(results.size() == 4);
    CHECK(results[0]["query"] == "Witkoff");
    CHECK(results[0]["total"] > 0);
    CHECK(results[0]["took_ms"].is_number());
    CHECK(results[1]["error"]["code"] == "usage");
    CHECK(results[2]["query"] == "\"security guarantees\"");
    CHECK(results[3]["error"]["code"] == "query_syntax");
    CHECK(r.err.find("queries.txt:4:") != std::string::npos);
}

TEST_CASE("e2e: a small run on an index defers compaction; --compact forces it", "[e2e]") {
    TempDir dir;
    REQUIRE(run(index_cmd(dir, BYLINE_SAMPLE_CORPUS), dir).status == 0);
    dir.write("more/late.txt", "Late news\n\nA late article about Geneva talks.\n");
    Run small = run(index_cmd(dir, quote(dir / "more")), dir);  // 1 of 6: under a fifth
    REQUIRE(small.status == 0);
    CHECK(small.out.find("compaction deferred: 1 of 6 articles") != std::string::npos);
    CHECK(search_json(dir, "\"late article\"")["total"] == 1);
    Run forced = run(index_cmd(dir, "--compact " + quote(dir / "more")), dir);
    REQUIRE(forced.status == 0);
    CHECK(forced.out.find("compaction deferred") == std::string::npos);
    CHECK(search_json(dir, "")["total"] == 6);
}

TEST_CASE("e2e: a broken corpus is reported file by file and the rest is indexed", "[e2e]") {
    TempDir dir;
    dir.write("corpus/good.txt", "Good title\n\nA good article about Geneva talks.\n");
    dir.write("corpus/latin1.txt", "Caf\xe9 news\n\nThe caf\xe9 opened.\n");
    dir.write("corpus/mixed.txt", "Mixed \xe2\x80\x94 title\n\nBad byte \xff here and Geneva.\n");
    dir.write("corpus/binary.txt", std::string("\x7f"
                                               "ELF\0\0\0binary",
                                               13));
    dir.write(
        "corpus/feed.jsonl",
        "{\"id\":\"j1\",\"title\":\"First\",\"body\":\"Geneva one\"}\n"
        "{\"id\":\"j2\",\"title\":\"Broken\",\"body\":\n"
        "{\"id\":\"j3\",\"title\":\"Third\",\"body\":\"Geneva three\",\"date\":\"2025-11-20\"}\n");
    Run r = run(index_cmd(dir, quote(dir / "corpus") + " " + quote(dir / "missing.txt")), dir);
    CHECK(r.status == 1);
    CHECK(r.err.find("feed.jsonl:2") != std::string::npos);
    CHECK(r.err.find("missing.txt") != std::string::npos);
    CHECK(r.err.find("binary.txt") != std::string::npos);
    CHECK(r.err.find("mixed.txt") != std::string::npos);
    CHECK(r.out.find("indexed 5 documents") != std::string::npos);
    CHECK(search_json(dir, "geneva")["total"] == 4);
    json cafe = search_json(dir, "cafe");
    REQUIRE(cafe["total"] == 1);
    CHECK(cafe["hits"][0]["title"] == "Café news");
}

TEST_CASE("e2e: terminal output is coloured only when asked", "[e2e]") {
    TempDir dir;
    REQUIRE(run(index_cmd(dir, BYLINE_SAMPLE_CORPUS), dir).status == 0);
    Run plain = run(search_cmd(dir, "witkoff"), dir);
    CHECK(plain.status == 0);
    CHECK(plain.out.find("\x1b[") == std::string::npos);
    CHECK(plain.out.find("**Witkoff**") != std::string::npos);
    Run color = run(search_cmd(dir, "--color always witkoff"), dir);
    CHECK(color.out.find("\x1b[1;33mWitkoff") != std::string::npos);
}

TEST_CASE("e2e: usage errors exit 2, a missing index exits 3", "[e2e]") {
    TempDir dir;
    CHECK(run(std::string(BYLINE_INDEX_BIN) + " -i " + quote(dir / "idx"), dir).status == 2);
    CHECK(run(search_cmd(dir, "--sort sideways peace"), dir).status == 2);
    Run missing = run(search_cmd(dir, "peace"), dir);
    CHECK(missing.status == 3);
    CHECK(missing.err.find("no Byline index here") != std::string::npos);
}

TEST_CASE("e2e: the embedding example builds an index and finds its article", "[e2e]") {
    TempDir dir;
    Run r = run(std::string(BYLINE_EMBED_BIN) + " " + quote(dir / "idx"), dir);
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("**security guarantees**") != std::string::npos);
}
