// End to end: entity facets, filters and extraction through the real binaries on sample_corpus.
#include "e2e_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

using namespace byline::test;
using nlohmann::json;

namespace {

const std::string kDoc001 = "001_390cdef0d4dc73df.txt";

void index_sample(const TempDir& dir, const std::string& options = "") {
    Run r = run(index_cmd(dir, options + " " + quote(BYLINE_SAMPLE_CORPUS)), dir);
    INFO(r.err);
    REQUIRE(r.status == 0);
}

/// The values of facet `name` in a --json search result.
std::set<std::string> facet_values(const json& result, const std::string& name) {
    std::set<std::string> out;
    for (const auto& v : result.at("facets").at(name))
        out.insert(v.at("value").get<std::string>());
    return out;
}

/// The ids of the hits of a --json search result, in rank order.
std::vector<std::string> hit_ids(const json& result) {
    std::vector<std::string> out;
    for (const auto& h : result.at("hits"))
        out.push_back(h.at("id").get<std::string>());
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

/// The JSON lines of `byline-index --extract --json ARGS`; requires exit 0.
std::vector<json> extract(const TempDir& dir, const std::string& args) {
    Run r = run(std::string(BYLINE_INDEX_BIN) + " --extract --json " + args, dir);
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::vector<json> lines;
    std::size_t from = 0;
    for (std::size_t nl; (nl = r.out.find('\n', from)) != std::string::npos; from = nl + 1) {
        INFO(r.out.substr(from, nl - from));
        REQUIRE_NOTHROW(lines.push_back(json::parse(r.out.substr(from, nl - from))));
        REQUIRE(lines.back().is_object());
    }
    CHECK(from == r.out.size());  // the last line ends with a newline too
    return lines;
}

/// Golden "type:name[text@start]" of an extraction line; checks text == body[start, end).
std::string golden(const json& line, const std::string& body) {
    std::string out;
    for (const auto& e : line.at("entities")) {
        std::size_t start = e.at("start"), end = e.at("end");
        REQUIRE(start < end);
        REQUIRE(end <= body.size());
        CHECK(body.substr(start, end - start) == e.at("text").get<std::string>());
        if (!out.empty()) out += ' ';
        out += e.at("type").get<std::string>() + ":" + e.at("name").get<std::string>() + "[" +
               e.at("text").get<std::string>() + "@" + std::to_string(start) + "]";
    }
    return out;
}

}  // namespace

TEST_CASE("e2e: sample_corpus facets hold the entities a reader tags in 001", "[e2e-entities]") {
    TempDir dir;
    index_sample(dir);
    json r = search_json(dir, "date:2025-11-26", "--facet-limit 1000");
    REQUIRE(hit_ids(r) == std::vector<std::string>{kDoc001});
    const std::set<std::string> people = facet_values(r, "person");
    for (const char* name : {"Donald Trump", "Steve Witkoff", "Vladimir Putin", "Yuri Ushakov",
                             "Jared Kushner", "Volodymyr Zelenskyy", "Sergei Lavrov",
                             "Maxim Oreshkin", "Emmanuel Macron", "Keir Starmer"}) {
        CHECK(people.count(name) == 1);
    }
    // 001 writes "Dan Driscoll", 002 "Daniel Driscoll": one entity, shown as the corpus's
    // more frequent form.
    CHECK(people.count("Dan Driscoll") + people.count("Daniel Driscoll") == 1);
    const std::set<std::string> places = facet_values(r, "place");
    for (const char* name : {"Geneva", "Kyiv", "Donbas", "Crimea", "Kherson", "Zaporizhzhia",
                             "Moscow", "South Africa"}) {
        CHECK(places.count(name) == 1);
    }
    const std::set<std::string> orgs = facet_values(r, "org");
    for (const char* name : {"NATO", "Kremlin", "European Union", "G20"})
        CHECK(orgs.count(name) == 1);
    // One article: every value counts exactly one document.
    for (const char* facet : {"person", "place", "org"}) {
        for (const auto& v : r["facets"][facet])
            CHECK(v["count"] == 1);
    }
}

TEST_CASE("e2e: no junk values in any entity facet of sample_corpus", "[e2e-entities]") {
    TempDir dir;
    index_sample(dir);
    json r = search_json(dir, "", "--facet-limit 1000");
    REQUIRE(r["total"] == 5);
    for (const char* facet : {"person", "place", "org"}) {
        const std::set<std::string> values = facet_values(r, facet);
        INFO(facet);
        CHECK(values.size() >= 5);
        for (const char* junk : {"Key Facts", "Vue", "Credit", "Thanksgiving"})
            CHECK(values.count(junk) == 0);
    }
}

TEST_CASE("e2e: person:zelensky and --person Zelenskiy give the same exact results",
          "[e2e-entities]") {
    TempDir dir;
    index_sample(dir);
    json by_query = search_json(dir, "person:zelensky");
    json by_option = search_json(dir, "", "--person Zelenskiy");
    CHECK(by_option["query"] == "person:\"Zelenskiy\"");
    CHECK(by_query["total_exact"] == true);
    CHECK(by_query["total"] == by_option["total"]);
    CHECK(by_query["total"].get<int>() >= 3);
    CHECK(hit_ids(by_query) == hit_ids(by_option));
    // The facet count of the display name is the same number.
    json all = search_json(dir, "", "--facet-limit 1000");
    std::size_t zelenskyy = 0;
    for (const auto& v : all["facets"]["person"]) {
        if (v["value"] == "Volodymyr Zelenskyy") zelenskyy = v["count"];
    }
    CHECK(by_query["total"] == zelenskyy);
    // Kiev and Kyiv, Putin and Vladimir Putin likewise.
    CHECK(search_json(dir, "place:kiev")["total"] == search_json(dir, "", "--place Kyiv")["total"]);
    json putin = search_json(dir, "", "--person \"Vladimir Putin\"");
    CHECK(putin["total"] == search_json(dir, "person:putin")["total"]);
    CHECK(putin["total"].get<int>() < 5);  // a filter that leaves something out
}

TEST_CASE("e2e: --place Geneva Witkoff is a place filter plus a word query", "[e2e-entities]") {
    TempDir dir;
    index_sample(dir);
    Run r = run(search_cmd(dir, "--json --place Geneva Witkoff"), dir);
    INFO(r.err);
    REQUIRE(r.status == 0);
    json j = json::parse(r.out);
    CHECK(j["query"] == "Witkoff place:\"Geneva\"");
    json same = search_json(dir, "witkoff place:Geneva");
    CHECK(j["total"] == same["total"]);
    CHECK(hit_ids(j) == hit_ids(same));
    // Narrower than the word alone, and every hit mentions Geneva.
    CHECK(j["total"].get<int>() >= 1);
    CHECK(j["total"] < search_json(dir, "witkoff")["total"]);
    CHECK(facet_values(j, "place").count("Geneva") == 1);
    for (const auto& v : j["facets"]["place"]) {
        if (v["value"] == "Geneva") CHECK(v["count"] == j["total"]);
    }
    // Passages mark the word and the place, each as written.
    std::set<std::string> marks;
    for (const auto& hit : j["hits"]) {
        for (const auto& p : hit["passages"]) {
            std::string text = p["text"];
            for (const auto& h : p["highlights"]) {
                std::size_t s = h["start"], e = h["end"];
                marks.insert(text.substr(s, e - s));
            }
        }
    }
    CHECK(marks.count("Geneva") == 1);
    CHECK(marks.count("Witkoff") == 1);
    marks.erase("Witkoff\u2019s");
    CHECK(marks == std::set<std::string>{"Geneva", "Witkoff"});
}

// Regression: --person/--place/--org/--facet had `expected(1)`, which CLI11 2.1 reads as "at
// most one value in all", so a second `--person` exited 2 instead of ORing the two values.
TEST_CASE("e2e: --person, --place and --facet can be repeated", "[e2e-entities]") {
    TempDir dir;
    index_sample(dir);
    // Lavrov and Rubio share one article of three, so the OR is wider than either.
    const json either = search_json(dir, "person:lavrov person:\"Marco Rubio\"");
    CHECK(either["total"] > search_json(dir, "person:lavrov")["total"]);
    CHECK(either["total"] > search_json(dir, "person:\"Marco Rubio\"")["total"]);
    for (const auto& [args, want] :
         {std::pair<std::string, json>{"--person Lavrov --person 'Marco Rubio'", either},
          {"--place Geneva --place Alaska", search_json(dir, "place:Geneva place:Alaska")},
          {"--facet person --facet place", search_json(dir, "", "--facet person")}}) {
        Run r = run(search_cmd(dir, "--json " + args), dir);
        INFO(args << ": " << r.err);
        CHECK(r.status == 0);
        if (r.status == 0) CHECK(json::parse(r.out)["total"] == want["total"]);
    }
}

TEST_CASE("e2e: --extract --json prints one JSON line per sample_corpus article",
          "[e2e-entities]") {
    TempDir dir;
    std::vector<json> lines = extract(dir, quote(BYLINE_SAMPLE_CORPUS));
    std::set<std::string> ids;
    for (const auto& entry : std::filesystem::directory_iterator(BYLINE_SAMPLE_CORPUS))
        ids.insert(entry.path().filename().string());
    REQUIRE(lines.size() == ids.size());
    std::set<std::string> seen;
    std::size_t entities = 0;
    for (const json& line : lines) {
        const std::string id = line.at("id");
        INFO(id);
        seen.insert(id);
        for (const char* key : {"title", "date", "date_source", "entities", "dates"})
            CHECK(line.contains(key));
        const std::string file = read_file(std::string(BYLINE_SAMPLE_CORPUS) + "/" + id);
        for (const auto& e : line.at("entities")) {
            const std::string text = e.at("text");
            std::size_t start = e.at("start"), end = e.at("end");
            CHECK(start < end);
            CHECK(end - start == text.size());
            CHECK(end <= file.size());
            CHECK(file.find(text) != std::string::npos);
            CHECK(std::set<std::string>{"person", "place", "org"}.count(e.at("type")) == 1);
            CHECK(!e.at("name").get<std::string>().empty());
            ++entities;
        }
    }
    CHECK(seen == ids);
    CHECK(entities >= 100);
}

TEST_CASE("e2e: --extract offsets agree with the body the index stores", "[e2e-entities]") {
    TempDir dir;
    index_sample(dir);
    std::vector<json> lines =
        extract(dir, quote(std::string(BYLINE_SAMPLE_CORPUS) + "/" + kDoc001));
    REQUIRE(lines.size() == 1);
    // Passages carry their offsets in the stored body: each Witkoff mention they cover must be
    // there at the offsets --extract printed.
    json r = search_json(dir, "person:\"Steve Witkoff\" date:2025-11-26", "--passages 10");
    REQUIRE(hit_ids(r) == std::vector<std::string>{kDoc001});
    std::size_t covered = 0;
    for (const auto& e : lines[0]["entities"]) {
        if (e["name"] != "Steve Witkoff") continue;
        std::size_t start = e["start"], end = e["end"];
        for (const auto& p : r["hits"][0]["passages"]) {
            std::size_t ps = p["start"], pe = p["end"];
            if (start < ps || end > pe) continue;
            CHECK(p["text"].get<std::string>().substr(start - ps, end - start) == e["text"]);
            ++covered;
        }
    }
    CHECK(covered >= 2);
}

TEST_CASE("e2e: --extract byte offsets cut each mention out of a known body", "[e2e-entities]") {
    TempDir dir;
    // A text file: the title line, then the body; a JSON Lines file with multi-byte text
    // before the mentions, so offsets must count bytes.
    const std::string text_body =
        "Steve Witkoff flew to Geneva on Sunday.\nThe Kremlin said Vladimir Putin would wait.";
    dir.write("corpus/talks.txt", "Talks in Geneva\n\n" + text_body + "\n");
    const std::string json_body =
        "Ukraine\u2019s envoy Rustem Umerov \u2014 in Miami \u2014 met Steve Witkoff.";
    dir.write("corpus/feed.jsonl",
              json{{"id", "j1"}, {"title", "Envoys"}, {"body", json_body}}.dump() + "\n");
    std::vector<json> lines = extract(dir, quote(dir / "corpus"));
    REQUIRE(lines.size() == 2);
    for (const json& line : lines) {
        INFO(line.dump());
        if (line["id"] == "j1") {
            CHECK(golden(line, json_body) ==
                  "place:Ukraine[Ukraine@0] person:Rustem Umerov[Rustem Umerov@18] "
                  "place:Miami[Miami@39] person:Steve Witkoff[Steve Witkoff@53]");
        } else {
            CHECK(line["title"] == "Talks in Geneva");
            CHECK(golden(line, text_body) ==
                  "person:Steve Witkoff[Steve Witkoff@0] place:Geneva[Geneva@22] "
                  "org:Kremlin[Kremlin@44] person:Vladimir Putin[Vladimir Putin@57]");
        }
    }
}

TEST_CASE("e2e: --extract indexes nothing and reports unreadable paths", "[e2e-entities]") {
    TempDir dir;
    Run r = run(index_cmd(dir, "--extract --json " + quote(BYLINE_SAMPLE_CORPUS)), dir);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(!std::filesystem::exists(dir / "idx"));
    CHECK(run(search_cmd(dir, "peace"), dir).status == 3);
    Run missing = run(index_cmd(dir, "--extract " + quote(dir / "missing.txt")), dir);
    CHECK(missing.status == 1);
    CHECK(missing.err.find("missing.txt") != std::string::npos);
    CHECK(!std::filesystem::exists(dir / "idx"));
}

TEST_CASE("e2e: --no-entities leaves the entity facets empty", "[e2e-entities]") {
    TempDir dir;
    index_sample(dir, "--no-entities");
    json r = search_json(dir, "");
    REQUIRE(r["total"] == 5);
    for (const char* facet : {"person", "place", "org"})
        CHECK((!r["facets"].contains(facet) || r["facets"][facet].empty()));
    CHECK(search_json(dir, "person:witkoff")["total"] == 0);
    CHECK(search_json(dir, "witkoff")["total"] == 5);
}

TEST_CASE("e2e: the country facet and filter find a story that names only a city", "[e2e]") {
    TempDir dir;
    dir.write("corpus/tokyo.txt",
              "Title: Exporters cheer\nDate: 2024-05-02\n\nCar makers in Tokyo said exports "
              "rose in April.\n");
    dir.write("corpus/lyon.txt",
              "Title: Strike ends\nDate: 2024-05-03\n\nRail workers in Marseille went back to "
              "work on Friday.\n");
    dir.write("corpus/bonn.txt",
              "Title: Rates held\nDate: 1987-03-02\n\nBankers in Bonn said rates would hold, "
              "and Japanese dealers agreed.\n");
    REQUIRE(run(index_cmd(dir, quote(dir / "corpus")), dir).status == 0);
    json japan = search_json(dir, "country:japan");
    CHECK(japan["total"] == 2);  // Tokyo, and the Japanese dealers
    CHECK(search_json(dir, "", "--country France")["hits"][0]["id"] == "lyon.txt");
    CHECK(search_json(dir, "country:\"west germany\"")["total"] == 1);  // Bonn in 1987
    CHECK(search_json(dir, "country:germany")["total"] == 0);
    CHECK(search_json(dir, "place:japan")["total"] == 0);  // place: is the place itself
    json facets = search_json(dir, "", "--facet country");
    CHECK(facets["facets"]["country"][0] == json({{"value", "Japan"}, {"count", 2}}));
    Run extracted = run(index_cmd(dir, "--extract " + quote(dir / "corpus/tokyo.txt")), dir);
    json line = json::parse(extracted.out);
    CHECK(line["countries"] == json::array({"Japan"}));
    CHECK(line["lang"] == "en");  // detected (the file does not say)
    for (const json& entity : line["entities"]) {
        if (entity["type"] == "place") CHECK(entity["country"] == "Japan");
    }
}

TEST_CASE("e2e: co-mention facets and trends from the command line", "[e2e]") {
    TempDir dir;
    REQUIRE(run(index_cmd(dir, "-q " + quote(BYLINE_SAMPLE_CORPUS)), dir).status == 0);
    // Terminal: a "named with" line without the queried name, a sparkline per person.
    Run r = run(search_cmd(dir,
                           "--color never --facet co_person --trend person "
                           "--trend-limit 3 --date-facet day witkoff"),
                dir);
    INFO(r.err);
    REQUIRE(r.status == 0);
    const std::size_t named = r.out.find("person named with: ");
    REQUIRE(named != std::string::npos);
    const std::string line = r.out.substr(named, r.out.find('\n', named) - named);
    CHECK(line.find("Witkoff") == std::string::npos);
    CHECK(line.find("Donald Trump") != std::string::npos);
    const std::size_t trend = r.out.find("person over time (by day");
    REQUIRE(trend != std::string::npos);
    CHECK(std::count(r.out.begin() + static_cast<std::ptrdiff_t>(trend), r.out.end(), '\n') == 4);
    // JSON: series add up; a bad trend facet is a usage error (exit 2).
    json j = search_json(dir, "witkoff", "--trend country --trend-limit 2");
    REQUIRE(j["trends"]["country"].size() == 2);
    for (const auto& s : j["trends"]["country"]) {
        std::size_t sum = s["undated"];
        for (const auto& b : s["buckets"])
            sum += b["count"].get<std::size_t>();
        CHECK(sum == s["count"].get<std::size_t>());
    }
    CHECK(run(search_cmd(dir, "--trend author witkoff"), dir).status == 2);
    CHECK(run(search_cmd(dir, "--facet co_country witkoff"), dir).status == 2);
}
