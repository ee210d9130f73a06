// End to end: a Ukrainian and an English article about the same people and places meet in
// person:/place: filters (issue #5, names in other scripts), and --no-cross-script keeps them
// apart.
#include "e2e_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

using namespace byline::test;
using nlohmann::json;

namespace {

const char* const kEnglish =
    R"({"id":"en-1","lang":"en","date":"2025-11-20","title":"Zelenskyy meets Rutte in Kyiv",)"
    R"("body":"KYIV, Nov 20 (Reuters) - Ukrainian President Volodymyr Zelenskyy met NATO )"
    R"(Secretary General Mark Rutte in Kyiv on Thursday to discuss air defence before winter. )"
    R"(Zelenskyy said Kyiv expected new aid packages from its partners."})"
    "\n";

const char* const kUkrainian =
    R"({"id":"uk-1","lang":"uk","date":"2025-11-20","title":"Зеленський зустрівся з Рютте",)"
    R"("body":"Президент України Володимир Зеленський у четвер провів у Києві зустріч з )"
    R"(генеральним секретарем НАТО Марком Рютте. Сторони обговорили посилення )"
    R"(протиповітряної оборони перед зимою.\nЗа словами Зеленського, Київ розраховує на )"
    R"(нові пакети допомоги від партнерів."})"
    "\n";

// A third article, so that a filter that matched everything would show.
const char* const kOther =
    R"({"id":"en-2","lang":"en","date":"2025-11-21","title":"Markets",)"
    R"("body":"Shares rose in London and Frankfurt as Chancellor Rachel Reeves spoke."})"
    "\n";

void index_articles(const TempDir& dir, const std::string& options = "") {
    dir.write("news/en.jsonl", std::string(kEnglish) + kOther);
    dir.write("news/uk.jsonl", kUkrainian);
    Run r = run(index_cmd(dir, options + " " + quote(dir / "news")), dir);
    INFO(r.err);
    REQUIRE(r.status == 0);
}

std::set<std::string> ids(const json& result) {
    std::set<std::string> out;
    for (const auto& h : result.at("hits"))
        out.insert(h.at("id").get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("e2e: person:Zelenskyy and place:Kyiv find the Ukrainian article too",
          "[e2e-cross-script]") {
    TempDir dir;
    index_articles(dir);
    const std::set<std::string> both = {"en-1", "uk-1"};
    CHECK(ids(search_json(dir, "person:Zelenskyy")) == both);
    CHECK(ids(search_json(dir, "person:\"Volodymyr Zelenskyy\"")) == both);
    CHECK(ids(search_json(dir, "place:Kyiv")) == both);
    CHECK(ids(search_json(dir, "place:Kiev")) == both);
    // Queries in Cyrillic, in any case form, find the English article as well.
    CHECK(ids(search_json(dir, "person:Зеленський")) == both);
    CHECK(ids(search_json(dir, "person:Зеленського")) == both);
    CHECK(ids(search_json(dir, "place:Київ")) == both);
    // One facet value for the person across both scripts.
    json all = search_json(dir, "", "--facet-limit 100");
    int zelenskyy = 0;
    for (const auto& v : all["facets"]["person"]) {
        std::string value = v["value"];
        if (value == "Volodymyr Zelenskyy" || value == "Володимир Зеленський") {
            CHECK(v["count"] == 2);
            ++zelenskyy;
        }
    }
    CHECK(zelenskyy == 1);
}

TEST_CASE("e2e: with --no-cross-script the Cyrillic names keep their own script",
          "[e2e-cross-script]") {
    TempDir dir;
    index_articles(dir, "--no-cross-script");
    CHECK(ids(search_json(dir, "person:Zelenskyy")) == std::set<std::string>{"en-1"});
    CHECK(ids(search_json(dir, "place:Kyiv")) == std::set<std::string>{"en-1"});
    CHECK(ids(search_json(dir, "person:Зеленський")) == std::set<std::string>{"uk-1"});
    CHECK(ids(search_json(dir, "person:\"Володимир Зеленський\"")) ==
          std::set<std::string>{"uk-1"});
    CHECK(ids(search_json(dir, "place:Київ")) == std::set<std::string>{"uk-1"});
}
