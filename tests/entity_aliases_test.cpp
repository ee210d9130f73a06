// Corpus-level entity aliases: which keys the rules join (surnames, middle initials, acronyms,
// plurals, kind-of-organisation words), which they leave apart (no dominant candidate), which
// they hide (lone given names); and that the searcher counts, filters and trends a joined
// entity as one value.
#include <byline/byline.h>

#include "extract/entity_key.h"
#include "index/entity_aliases.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

using namespace byline;

namespace {

// Inputs from display names, keyed as the indexer keys them.
std::vector<index::AliasInput> entities(
    std::initializer_list<std::pair<const char*, std::uint32_t>> names) {
    std::vector<index::AliasInput> out;
    for (const auto& [name, articles] : names)
        out.push_back({extract::entity_key(name), name, articles});
    return out;
}

// Display name -> display name it counts as ("" when hidden).
std::map<std::string, std::string> chosen(index::AliasKind kind,
                                          const std::vector<index::AliasInput>& in,
                                          const index::OtherTypes& other_type = {}) {
    std::map<std::string, std::string> name_of;
    for (const auto& e : in)
        name_of[e.key] = e.name;
    std::map<std::string, std::string> out;
    for (const auto& c : index::choose_aliases(kind, in, other_type))
        out[name_of[c.key]] = c.hidden ? "" : name_of[c.canonical];
    return out;
}

// A searcher over an index of `docs`, written in `dir` by one thread and committed.
Searcher index_of(const test::TempDir& dir, const std::vector<Document>& docs) {
    IndexOptions options;
    options.index_path = dir / "idx";
    options.threads = 1;
    {
        Indexer indexer(options);
        for (const Document& d : docs)
            indexer.add(d);
    }
    return Searcher(options.index_path);
}

}  // namespace

TEST_CASE("a lone surname joins the full name that dominates it", "[aliases]") {
    auto out = chosen(index::AliasKind::person, entities({{"Reagan", 489},
                                                          {"Ronald Reagan", 24},
                                                          {"Nancy Reagan", 3},
                                                          {"Baker", 40},
                                                          {"James Baker", 60},
                                                          {"Howard Baker", 40},
                                                          {"Subroto", 20}}));
    CHECK(out["Reagan"] == "Ronald Reagan");  // shown under the full name, though rarer
    CHECK(out.count("Ronald Reagan") == 0);
    CHECK(out.count("Nancy Reagan") == 0);
    CHECK(out.count("Baker") == 0);  // 60/100 is no dominance
    CHECK(out.count("Subroto") == 0);
}

TEST_CASE("names with and without a middle initial are one person", "[aliases]") {
    auto out = chosen(
        index::AliasKind::person,
        entities({{"Bush", 20}, {"George W Bush", 18}, {"George Bush", 6}, {"Kate Bush", 2}}));
    CHECK(out["George Bush"] == "George W Bush");
    // 24 of 26 articles of full names ending in Bush: the lone surname joins them.
    CHECK(out["Bush"] == "George W Bush");
    CHECK(out.count("Kate Bush") == 0);
}

TEST_CASE("an initial and surname join the full name they shorten", "[aliases]") {
    auto out = chosen(index::AliasKind::person, entities({{"G. Thorpe", 8},
                                                          {"Graham Thorpe", 5},
                                                          {"Jim Thorpe", 2},
                                                          {"D. Smith", 4},
                                                          {"Dan Smith", 3},
                                                          {"David Smith", 3}}));
    CHECK(out["G. Thorpe"] == "Graham Thorpe");
    CHECK(out.count("D. Smith") == 0);  // Dan or David: no dominant one
}

TEST_CASE("a lone given name that starts many full names is hidden", "[aliases]") {
    auto out = chosen(index::AliasKind::person, entities({{"David", 19},
                                                          {"David Blunkett", 28},
                                                          {"David Davis", 20},
                                                          {"David Beckham", 7},
                                                          {"Larry David", 2},
                                                          {"Craig", 4},
                                                          {"Daniel Craig", 5}}));
    CHECK(out["David"].empty());
    CHECK(out.count("David") == 1);
    CHECK(out["Craig"] == "Daniel Craig");  // a surname first
    CHECK(out.count("David Blunkett") == 0);
}

TEST_CASE("an acronym joins the name whose initials it is", "[aliases]") {
    auto out = chosen(index::AliasKind::org,
                      entities({{"SEC", 78},
                                {"Securities and Exchange Commission", 590},
                                {"CCC", 85},
                                {"Commodity Credit Corporation", 59},
                                {"Commodity Credit Corp", 16},
                                {"OPEC", 300},
                                {"Organization of the Petroleum Exporting Countries", 150},
                                {"EC", 30},
                                {"European Community", 20},
                                {"Export Council", 20}}));
    CHECK(out["SEC"] == "Securities and Exchange Commission");
    CHECK(out["Commodity Credit Corporation"] == "CCC");  // the more frequent is shown
    CHECK(out["Organization of the Petroleum Exporting Countries"] == "OPEC");
    CHECK(out.count("EC") == 0);  // two expansions, neither dominant
    CHECK(out.count("European Community") == 0);
}

TEST_CASE("plurals and kind-of-organisation words join; other longer names do not", "[aliases]") {
    auto out = chosen(index::AliasKind::org, entities({{"Liberal Democrats", 102},
                                                       {"Liberal Democrat", 33},
                                                       {"Moody's", 171},
                                                       {"Moody's Investors Service", 140},
                                                       {"Moody's Investors", 11},
                                                       {"Federal Reserve", 282},
                                                       {"Federal Reserve Board", 130},
                                                       {"Federal Reserve Bank of New York", 14},
                                                       {"BBC", 168},
                                                       {"BBC News", 134},
                                                       {"BBC Radio", 86},
                                                       {"Labour", 20},
                                                       {"Labour Party", 200}}));
    CHECK(out["Liberal Democrat"] == "Liberal Democrats");
    CHECK(out["Moody's Investors Service"] == "Moody's");
    CHECK(out["Moody's Investors"] == "Moody's");
    CHECK(out["Federal Reserve Board"] == "Federal Reserve");
    CHECK(out.count("Federal Reserve Bank of New York") == 0);
    CHECK(out.count("BBC News") == 0);
    CHECK(out.count("BBC") == 0);
    CHECK(out["Labour"] == "Labour Party");
}

TEST_CASE("a name joins its dominant qualified form; a word many names end with is hidden",
          "[aliases]") {
    auto out = chosen(index::AliasKind::org, entities({{"Treasury", 425},
                                                       {"U.S. Treasury", 96},
                                                       {"U.K. Treasury", 8},
                                                       {"United", 22},
                                                       {"Manchester United", 50},
                                                       {"Newcastle United", 20},
                                                       {"Leeds United", 9},
                                                       {"Democratic Party", 139},
                                                       {"Social Democratic Party", 30},
                                                       {"Free Democratic Party", 20},
                                                       {"Congress", 360},
                                                       {"U.S. Congress", 40},
                                                       {"National Congress", 30},
                                                       {"Indian National Congress", 20}}));
    CHECK(out["U.S. Treasury"] == "Treasury");
    CHECK(out.count("U.K. Treasury") == 0);
    CHECK(out.count("United") == 1);
    CHECK(out["United"].empty());
    CHECK(out.count("Manchester United") == 0);
    CHECK(out.count("Democratic Party") == 0);  // several words: kept apart, not hidden
    CHECK(out.count("Congress") == 0);          // more often alone than qualified: kept
}

TEST_CASE("'Department of X' is the 'X Department', and its acronym", "[aliases]") {
    auto out = chosen(index::AliasKind::org, entities({{"U.S. Agriculture Department", 245},
                                                       {"U.S. Department of Agriculture", 15},
                                                       {"USDA", 183},
                                                       {"Ministry of Finance", 15},
                                                       {"Finance Ministry", 188}}));
    CHECK(out["U.S. Department of Agriculture"] == "U.S. Agriculture Department");
    CHECK(out["USDA"] == "U.S. Agriculture Department");
    CHECK(out["Ministry of Finance"] == "Finance Ministry");
}

TEST_CASE("a full name written as an organisation as often is no person", "[aliases]") {
    index::OtherTypes orgs = {{extract::entity_key("Royal Dutch"), 9},
                              {extract::entity_key("Walt Disney"), 2},
                              {extract::entity_key("Merrill Lynch"), 72}};
    auto out =
        chosen(index::AliasKind::person,
               entities({{"Royal Dutch", 32}, {"Walt Disney", 30}, {"Merrill Lynch", 8}}), orgs);
    CHECK(out.count("Royal Dutch") == 1);
    CHECK(out["Royal Dutch"].empty());
    CHECK(out.count("Walt Disney") == 0);  // a given name: the person, unless the firm dominates
    CHECK(out.count("Merrill Lynch") == 1);
    CHECK(out["Merrill Lynch"].empty());
}

TEST_CASE("the searcher counts, filters and trends an entity and its aliases as one", "[aliases]") {
    test::TempDir dir;
    // Two articles name the full name, two only the surname.
    Searcher searcher = index_of(
        dir,
        {Document{"a", "Talks",
                  "Ronald Zamberlin met the ministers in Geneva on Monday to discuss "
                  "trade.",
                  "2026-01-05"},
         Document{"b", "More talks", "Ronald Zamberlin said on Tuesday that the talks would go on.",
                  "2026-01-06"},
         Document{"c", "Trade",
                  "President Zamberlin signed the trade bill on Wednesday in "
                  "Washington.",
                  "2026-02-07"},
         Document{"d", "Budget", "President Zamberlin sent the budget to Congress on Thursday.",
                  "2026-02-08"}});

    SearchRequest all;
    all.facets = {"person"};
    all.trends = {"person"};
    all.limit = 10;
    SearchResult r = searcher.search(all);
    REQUIRE(!r.facets.empty());
    REQUIRE(!r.facets[0].values.empty());
    CHECK(r.facets[0].values[0].value == "Ronald Zamberlin");
    CHECK(r.facets[0].values[0].count == 4);
    for (const auto& v : r.facets[0].values)
        CHECK(v.value != "Zamberlin");
    REQUIRE(!r.trends.empty());
    REQUIRE(!r.trends[0].series.empty());
    CHECK(r.trends[0].series[0].count == 4);
    std::size_t in_buckets = r.trends[0].series[0].undated;
    for (const auto& b : r.trends[0].series[0].buckets)
        in_buckets += b.count;
    CHECK(in_buckets == 4);

    // The facet value filters to as many articles as it counts.
    SearchRequest filtered;
    filtered.query = "person:\"Ronald Zamberlin\"";
    filtered.limit = 10;
    CHECK(searcher.search(filtered).total == 4);
    // And a query matching few articles counts the same way.
    SearchRequest trade = all;
    trade.query = "trade";
    r = searcher.search(trade);
    REQUIRE(!r.facets[0].values.empty());
    CHECK(r.facets[0].values[0].value == "Ronald Zamberlin");
    CHECK(r.facets[0].values[0].count == 2);
}

TEST_CASE("a film taken for a person is no value of the person facet", "[aliases]") {
    test::TempDir dir;
    Searcher searcher =
        index_of(dir, {Document{"1", "Awards",
                                "The film Nora Delane won two awards in Venice on Sunday, and its "
                                "star Ann Rivers thanked the jury.",
                                ""},
                       Document{"2", "Review",
                                "Critics praised Nora Delane, which stars Ann Rivers as a nurse in "
                                "1950s London.",
                                ""},
                       Document{"3", "Opening",
                                "Nora Delane opens in cinemas on Friday, said its director Paul "
                                "Gresham.",
                                ""},
                       Document{"4", "Budget",
                                "The drama Nora Delane was made for two million pounds, Paul "
                                "Gresham said on Monday.",
                                ""}});
    SearchRequest all;
    all.facets = {"person"};
    const SearchResult r = searcher.search(all);
    REQUIRE(!r.facets.empty());
    std::vector<std::string> people;
    for (const auto& v : r.facets[0].values)
        people.push_back(v.value);
    CHECK(people == std::vector<std::string>{"Ann Rivers", "Paul Gresham"});
    // The words still find the articles.
    SearchRequest words;
    words.query = "\"Nora Delane\"";
    CHECK(searcher.search(words).total == 4);
}

TEST_CASE("a facet shows the form the corpus writes, not the gazetteer's", "[aliases]") {
    test::TempDir dir;
    Searcher searcher = index_of(
        dir, {Document{"1", "Health",
                       "The World Health Organisation said on Monday that cases fell.", ""},
              Document{"2", "Vaccines",
                       "Experts at the World Health Organisation met in Geneva on Friday.", ""}});
    SearchRequest all;
    all.facets = {"org"};
    const SearchResult r = searcher.search(all);
    REQUIRE(!r.facets.empty());
    REQUIRE(!r.facets[0].values.empty());
    CHECK(r.facets[0].values[0].value == "World Health Organisation");
}

TEST_CASE("a one-word person the corpus writes as a firm as often is no person", "[aliases]") {
    // Two full names end in it, neither dominant: the lone word stays alone.
    auto in = entities({{"Pellworth", 20}, {"Anna Pellworth", 3}, {"John Pellworth", 3}});
    auto out = chosen(index::AliasKind::person, in, {{extract::entity_key("Pellworth"), 23}});
    REQUIRE(out.count("Pellworth") == 1);
    CHECK(out["Pellworth"].empty());
    // A firm of the name in fewer articles: the person stays.
    CHECK(chosen(index::AliasKind::person, in, {{extract::entity_key("Pellworth"), 5}})
              .count("Pellworth") == 0);
}

TEST_CASE("a Cyrillic given name alone is no facet value, however few full names it starts",
          "[aliases]") {
    test::TempDir dir;
    Document a{"a", "Поїздка",
               "Вчора Андрій розповів про поїздку. Прем'єр-міністр Денис Шмигаль відвідав Харків.",
               "2024-05-02"};
    Document b{"b", "Візит", "Ввечері Андрієві подзвонили: Денис Шмигаль приїде до Львова.",
               "2024-05-03"};
    a.lang = b.lang = "uk";
    Searcher searcher = index_of(dir, {a, b});
    SearchRequest request;
    request.facets = {"person"};
    const SearchResult result = searcher.search(request);
    REQUIRE(result.facets.size() == 1);
    std::vector<std::string> people;
    for (const FacetValue& v : result.facets[0].values)
        people.push_back(v.value);
    INFO(people.size());
    CHECK(people.size() == 1);  // Shmyhal, whichever script shows him
    for (const std::string& p : people)
        CHECK(p.find("Андрій") == std::string::npos);
    // Still mentioned: a filter by the name finds both articles.
    request.query = "person:Андрій";
    CHECK(searcher.search(request).total == 2);
}
