// End to end: a folder of English, German, Ukrainian and Russian articles that do not name their
// language (issue 15) is indexed with each article's own language: lang facet, German stemming,
// and no entity junk from German capitalised nouns.
#include "e2e_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

using namespace byline::test;
using nlohmann::json;

namespace {

void write_articles(const TempDir& dir) {
    dir.write("news/en.txt",
              "Talks resume in Geneva\n\nThe two delegations met again on Tuesday after a week "
              "without progress. Officials said the draft would be sent to both capitals before "
              "the end of the month.\n");
    dir.write("news/de.txt",
              "Gespräche in Genf fortgesetzt\n\nDie beiden Delegationen nahmen am Dienstag die "
              "Verhandlungen wieder auf, nachdem eine Woche lang kein Fortschritt erzielt worden "
              "war. Das Unternehmen meldete einen Gewinn von 120 Millionen Euro. Auch der Umsatz "
              "stieg, und das Ende der Krise ist in Sicht.\n");
    dir.write("news/uk.txt",
              "У Женеві відновилися переговори\n\nДві делегації знову зустрілися у вівторок "
              "після тижня без жодного поступу. За словами посадовців, проєкт надішлють до обох "
              "столиць до кінця місяця.\n");
    dir.write("news/ru.txt",
              "В Женеве возобновились переговоры\n\nДве делегации снова встретились во вторник "
              "после недели без какого-либо прогресса. По словам чиновников, проект будет "
              "направлен в обе столицы до конца месяца.\n");
}

std::map<std::string, int> facet(const json& result, const std::string& name) {
    std::map<std::string, int> out;
    for (const auto& v : result.at("facets").at(name))
        out[v.at("value").get<std::string>()] = v.at("count").get<int>();
    return out;
}

}  // namespace

TEST_CASE("e2e: a mixed folder without languages gets each article's language", "[e2e-language]") {
    TempDir dir;
    write_articles(dir);
    Run r = run(index_cmd(dir, quote(dir / "news")), dir);
    INFO(r.err);
    REQUIRE(r.status == 0);
    json all = search_json(dir, "", "--facet-limit 100");
    CHECK(facet(all, "lang") ==
          std::map<std::string, int>{{"de", 1}, {"en", 1}, {"ru", 1}, {"uk", 1}});
    // German stems: "Verhandlung" finds "Verhandlungen" (an English stemmer keeps them apart).
    json found = search_json(dir, "Verhandlung", "--lang de");
    REQUIRE(found.at("total") == 1);
    CHECK(found.at("hits")[0].at("id") == "de.txt");
    // Capitalised German words are not taken for people or towns.
    std::map<std::string, int> people = facet(all, "person"), places = facet(all, "place");
    for (const char* junk : {"Das Unternehmen", "Millionen Euro"})
        CHECK(people.count(junk) == 0);
    for (const char* junk : {"Auch", "Ende"})
        CHECK(places.count(junk) == 0);
}

TEST_CASE("e2e: --no-detect-language indexes every article as --lang says", "[e2e-language]") {
    TempDir dir;
    write_articles(dir);
    REQUIRE(run(index_cmd(dir, "--no-detect-language " + quote(dir / "news")), dir).status == 0);
    CHECK(facet(search_json(dir, "", "--facet-limit 100"), "lang") ==
          std::map<std::string, int>{{"en", 4}});
}
