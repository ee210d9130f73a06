// Hostile input through the real programs (issue 18): bounded queries, NEAR beside phrases,
// a folder with a pathological file, a second writer.
#include "e2e_util.h"

#include <sstream>
#include <vector>

using namespace byline::test;
using nlohmann::json;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += s;
    return out;
}

}  // namespace

// Regression: '(' 4,000 deep crashed byline-search with SIGSEGV (exit 139).
TEST_CASE("e2e: a query nested too deep is a syntax error (exit 2), in a batch too", "[e2e]") {
    TempDir dir;
    REQUIRE(run(index_cmd(dir, BYLINE_SAMPLE_CORPUS), dir).status == 0);
    const std::string deep = repeat("(", 4000) + "oil" + repeat(")", 4000);
    Run r = run(search_cmd(dir, "--json " + quote(deep)), dir);
    CHECK(r.status == 2);
    json error = json::parse(r.out)["error"];
    CHECK(error["code"] == "query_syntax");
    CHECK(error["position"] == 65);
    CHECK(r.err.size() < 400);  // the caret diagram shows the stretch around the problem
    std::string queries = dir.write(
        "queries.txt", repeat("NOT ", 20000) + "oil\n" + repeat("-(", 3750) + "oil\nWitkoff\n");
    Run batch = run(search_cmd(dir, "--queries " + quote(queries) + " --limit 1"), dir);
    CHECK(batch.status == 2);
    std::istringstream lines(batch.out);
    std::vector<json> results;
    for (std::string line; std::getline(lines, line);)
        results.push_back(json::parse(line));
    REQUIRE(results.size() == 3);
    CHECK(results[0]["error"]["code"] == "query_syntax");
    CHECK(results[1]["error"]["code"] == "query_syntax");
    CHECK(results[2]["total"] > 0);  // the batch went on
}

// Regression: Xapian refused "OP_NEAR and OP_PHRASE only currently support leaf subqueries".
TEST_CASE("e2e: NEAR beside a hyphenated word or a phrase finds and marks it", "[e2e]") {
    TempDir dir;
    REQUIRE(run(index_cmd(dir, BYLINE_SAMPLE_CORPUS), dir).status == 0);
    json near = search_json(dir, "framework NEAR 28-point");
    REQUIRE(near["total"] >= 1);
    CHECK(search_json(dir, "ceasefire NEAR/20 \"28-point framework\"")["total"] == 1);
    CHECK(search_json(dir, "son-in-law NEAR oil")["total"] == 0);
    CHECK(search_json(dir, "framework NEAR 28\u200Bpoint")["total"].is_number());
    const std::string text = near["hits"][0]["passages"][0]["text"];
    CHECK(text.find("28-point") != std::string::npos);
}

// Regression: a crash on one file cost the run's other files (nothing was committed).
TEST_CASE("e2e: a folder with a pathological file indexes the others", "[e2e]") {
    TempDir dir;
    dir.write("corpus/deep.html", repeat("<div>", 100000) + "Deep text" + repeat("</div>", 100000));
    dir.write("corpus/deep.jsonl", "{\"id\":\"x\",\"body\":" + repeat("[", 30000) +
                                       repeat("]", 30000) +
                                       "}\n{\"id\":\"y\",\"body\":\"Fine\"}\n");
    dir.write("corpus/good.txt", "Good\n\nA good article about Geneva.");
    Run r = run(index_cmd(dir, quote(dir / "corpus")), dir);
    INFO(r.err);
    CHECK(r.status == 1);  // errors were reported; the rest was indexed
    CHECK(r.err.find("deep.jsonl:1: malformed JSON: nested more than 64") != std::string::npos);
    CHECK(search_json(dir, "")["total"] == 3);
    CHECK(search_json(dir, "\"deep text\"")["total"] == 1);
}
