// The country facet (issue 14): each place's country, in context and as of the publication day;
// nationality adjectives; only the countries an article is about. Texts written for the tests.
#include <byline/byline.h>

#include "extract/entity_gazetteer.h"
#include "extract/entity_key.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace byline;

namespace {

const Extractor& extractor() {
    static const Extractor shared;
    return shared;
}

Extraction extract_text(const std::string& body, const std::string& date = "") {
    const Document doc{std::string(1, 't'), {}, body, date};  // id, title, body, date
    return extractor().extract(doc);
}

std::string country_of(const Extraction& e, const std::string& place) {
    for (const EntityInfo& entity : e.entities) {
        if (entity.type == "place" && entity.name == place) return entity.country;
    }
    return "(no place " + place + ")";
}

}  // namespace

TEST_CASE("country: a city, a region and a country know their country", "[country]") {
    Extraction e = extract_text("Officials met in Osaka and then flew to Ontario and on to Peru.");
    CHECK(country_of(e, "Osaka") == "Japan");
    CHECK(country_of(e, "Ontario") == "Canada");
    CHECK(country_of(e, "Peru") == "Peru");
    CHECK(e.countries == std::vector<std::string>{"Japan", "Canada", "Peru"});
}

TEST_CASE("country: a name several places share takes the country the article points to",
          "[country]") {
    // Valencia is a city in Spain and a larger one in Venezuela.
    Extraction spain =
        extract_text("Farmers near Valencia said the Spanish government had failed them.");
    CHECK(country_of(spain, "Valencia") == "Spain");
    Extraction venezuela = extract_text("Farmers near Valencia said Caracas had failed them.");
    CHECK(country_of(venezuela, "Valencia") == "Venezuela");
    // A state outranks a small foreign town of its name: "Va." is Virginia, in the United States.
    Extraction dateline =
        extract_text("    RICHMOND, Va., March 3 - The company said it would close the plant.");
    CHECK(std::find(dateline.countries.begin(), dateline.countries.end(), "United States") !=
          dateline.countries.end());
}

TEST_CASE("country: nationality adjectives name their country", "[country]") {
    Extraction e =
        extract_text("Japanese and West German negotiators said the Soviet offer was late.");
    CHECK(e.countries == std::vector<std::string>{"Japan", "West Germany", "Soviet Union"});
}

TEST_CASE("country: a country named once in passing after the lead is not what it is about",
          "[country]") {
    const std::string lead =
        "Shares of the mining group rose sharply in Toronto on Monday after it reported a "
        "larger than expected profit for the quarter, helped by higher prices for copper and a "
        "weaker currency, and said it expected demand to stay strong for the rest of the year, "
        "though it warned that costs at its older mines would keep rising. ";
    const std::string passing = "The company also has a small office in Lisbon. ";
    Extraction once = extract_text(lead + passing);
    CHECK(once.countries == std::vector<std::string>{"Canada"});
    Extraction often = extract_text(lead + passing + passing + passing);
    CHECK(often.countries == std::vector<std::string>{"Canada", "Portugal"});
}

TEST_CASE("country: countries take the name they had on the publication day", "[country]") {
    const std::string body = "Bankers in Frankfurt and officials in Moscow welcomed the accord.";
    Extraction old = extract_text(body, "1987-03-02");
    CHECK(old.countries == std::vector<std::string>{"West Germany", "Soviet Union"});
    CHECK(country_of(old, "Frankfurt") == "West Germany");
    Extraction recent = extract_text(body, "2024-03-02");
    CHECK(recent.countries == std::vector<std::string>{"Germany", "Russia"});
    CHECK(extract_text(body, "1987-03").countries == recent.countries);  // not known to the day
}

TEST_CASE("country: every country the data files name is a place the gazetteer knows",
          "[country]") {
    extract::Gazetteer gazetteer(extract::resolve_data_dir(""), "", true);
    auto known = [&](const std::string& name) {
        const auto& countries = gazetteer.countries_of(extract::entity_key(name));
        return std::find(countries.begin(), countries.end(), name) != countries.end();
    };
    auto columns = [](const std::string& line) {
        std::vector<std::string> out;
        std::istringstream in(line);
        for (std::string column; std::getline(in, column, '\t');)
            out.push_back(column);
        return out;
    };
    const std::string dir = extract::resolve_data_dir("");
    std::ifstream forms(dir + "/country_forms.tsv"), history(dir + "/country_history.tsv");
    REQUIRE(forms);
    REQUIRE(history);
    for (std::string line; std::getline(forms, line);) {
        if (line.empty() || line[0] == '#') continue;
        INFO(line);
        CHECK(known(columns(line).at(1)));  // form<TAB>country
    }
    for (std::string line; std::getline(history, line);) {
        if (line.empty() || line[0] == '#') continue;
        INFO(line);
        const std::vector<std::string> c = columns(line);  // country, name then, from, until
        CHECK(known(c.at(0)));
        // A union is a place of its own; a renamed country's old name is an alias of it.
        const auto& former = gazetteer.countries_of(extract::entity_key(c.at(1)));
        CHECK((known(c.at(1)) || std::find(former.begin(), former.end(), c.at(0)) != former.end()));
    }
}
