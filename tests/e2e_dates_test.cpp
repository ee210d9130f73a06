// End to end: date histograms, date ranges, mentioned dates and sorting through the real
// binaries on sample_corpus (001 published 2025-11-26, 002 2025-11-20, the others undated).
#include "e2e_util.h"

#include <catch2/catch.hpp>

using namespace byline::test;
using nlohmann::json;

namespace {

void index_sample(const TempDir& dir) {
    Run r = run(index_cmd(dir, quote(BYLINE_SAMPLE_CORPUS)), dir);
    INFO(r.err);
    REQUIRE(r.status == 0);
}

std::string buckets(const json& histogram) {
    std::string out;
    for (const auto& b : histogram["buckets"]) {
        if (!out.empty()) out += ' ';
        out += b["value"].get<std::string>() + "=" + std::to_string(b["count"].get<int>());
    }
    return out;
}

std::vector<std::string> ids(const json& result) {
    std::vector<std::string> out;
    for (const auto& h : result["hits"])
        out.push_back(h["id"].get<std::string>().substr(0, 3));
    return out;
}

}  // namespace

TEST_CASE("e2e: the publication date histogram by day has empty days and counts the undated",
          "[e2e-dates]") {
    TempDir dir;
    index_sample(dir);
    json r = search_json(dir, "", "--date-facet day");
    const json& published = r["date_histograms"]["published"];
    CHECK(published["granularity"] == "day");
    CHECK(buckets(published) ==
          "2025-11-20=1 2025-11-21=0 2025-11-22=0 2025-11-23=0 2025-11-24=0 2025-11-25=0 "
          "2025-11-26=1");
    CHECK(published["undated"] == 3);
    r = search_json(dir, "", "--date-facet month");
    CHECK(buckets(r["date_histograms"]["published"]) == "2025-11=2");
}

TEST_CASE("e2e: date ranges, --since/--until and mentioned dates on sample_corpus", "[e2e-dates]") {
    TempDir dir;
    index_sample(dir);
    CHECK(search_json(dir, "date:2025-11-20..2025-11-25")["total"] == 1);
    CHECK(search_json(dir, "date:2025-11")["total"] == 2);
    CHECK(search_json(dir, "date:..2025-11-19")["total"] == 0);
    CHECK(search_json(dir, "", "--since 2025-11-21")["total"] == 1);
    CHECK(search_json(dir, "", "--since 2025-11-01 --until 2025-11-30")["total"] == 2);
    // 001 says "Tuesday" (2025-11-25, the day before it was published); 002 "November 9".
    CHECK(ids(search_json(dir, "mentioned:2025-11-25")) == std::vector<std::string>{"001"});
    CHECK(ids(search_json(dir, "mentioned:2025-11-09")) == std::vector<std::string>{"002"});
    CHECK(search_json(dir, "mentioned:2022")["total"] >= 1);  // "February 2022" in 002
}

TEST_CASE("e2e: sorting by date puts the newest first and the undated last, both ways",
          "[e2e-dates]") {
    TempDir dir;
    index_sample(dir);
    auto newest = ids(search_json(dir, "", "--sort date"));
    REQUIRE(newest.size() == 5);
    CHECK(newest[0] == "001");
    CHECK(newest[1] == "002");
    auto oldest = ids(search_json(dir, "", "--sort date-asc"));
    REQUIRE(oldest.size() == 5);
    CHECK(oldest[0] == "002");
    CHECK(oldest[1] == "001");
}

TEST_CASE("e2e: the terminal shows the date histograms as a bar row", "[e2e-dates]") {
    TempDir dir;
    index_sample(dir);
    Run r = run(search_cmd(dir, "--color never --date-facet day ''"), dir);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("published: 2025-11-20 █·····█ 2025-11-26") != std::string::npos);
    Run bad = run(search_cmd(dir, "--date-facet fortnight ''"), dir);
    CHECK(bad.status == 2);
}

TEST_CASE("e2e: --extract gives each article's publication date and where it came from",
          "[e2e-dates]") {
    TempDir dir;
    Run r = run(std::string(BYLINE_INDEX_BIN) + " --extract --json " + quote(BYLINE_SAMPLE_CORPUS),
                dir);
    REQUIRE(r.status == 0);
    std::istringstream lines(r.out);
    int dated = 0;
    for (std::string line; std::getline(lines, line);) {
        json doc = json::parse(line);
        if (doc["date"].is_null()) {
            CHECK(doc["date_source"].is_null());
            continue;
        }
        ++dated;
        CHECK(doc["date_source"] == "metadata");
        for (const auto& d : doc["dates"])
            CHECK(d["text"].get<std::string>().size() ==
                  d["end"].get<std::size_t>() - d["start"].get<std::size_t>());
    }
    CHECK(dated == 2);
}
