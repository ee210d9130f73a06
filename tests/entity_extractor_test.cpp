// Entity extractor: golden tables "type:name[text@start]" for each rule, coreference, alias
// merging, the user file, and robustness on bad input.

#include "extract/entity_extractor.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using byline::extract::EntityExtractor;
using byline::extract::EntityOptions;

namespace {

// These tables pin down the rules, so they run without the learned tagger (its combination
// with the rules is tested in tagger_test.cpp and on sample_corpus end to end).
EntityOptions rules_only() {
    EntityOptions options;
    options.use_tagger = false;
    return options;
}

const EntityExtractor& extractor() {
    static const EntityExtractor instance(rules_only());  // loading once keeps the suite fast
    return instance;
}

std::string golden(const EntityExtractor& ex, const std::string& body) {
    std::string out;
    for (const auto& m : ex.extract("", body, "en")) {
        REQUIRE(body.substr(m.start, m.end - m.start) == m.text);
        if (!out.empty()) out += ' ';
        out += std::string(to_string(m.type)) + ":" + m.name + "[" + m.text + "@" +
               std::to_string(m.start) + "]";
    }
    return out;
}

std::string golden(const std::string& body) {
    return golden(extractor(), body);
}

}  // namespace

TEST_CASE("entities: titles and demonyms are stripped, the country before a title is a place",
          "[entities]") {
    CHECK(golden("He met UK Prime Minister Keir Starmer.") ==
          "place:United Kingdom[UK@7] person:Keir Starmer[Keir Starmer@25]");
    CHECK(golden("It said Russian President Vladimir Putin agreed.") ==
          "person:Vladimir Putin[Vladimir Putin@26]");
    CHECK(golden("Trump sent U.S. Secretary of the Army Dan Driscoll.") ==
          "place:United States[U.S.@11] person:Dan Driscoll[Dan Driscoll@38]");
}

TEST_CASE("entities: lower-case cue words make a person", "[entities]") {
    CHECK(golden("It was confirmed by presidential aide Yuri Ushakov on Monday.") ==
          "person:Yuri Ushakov[Yuri Ushakov@38]");
    CHECK(golden("He hinted at his son\u2011in\u2011law Jared Kushner.") ==
          "person:Jared Kushner[Jared Kushner@32]");
}

TEST_CASE("entities: gazetteers for countries, cities, regions and organisations", "[entities]") {
    CHECK(golden("Talks in Geneva and Kyiv with NATO and the Kremlin.") ==
          "place:Geneva[Geneva@9] place:Kyiv[Kyiv@20] org:NATO[NATO@30] "
          "org:Kremlin[Kremlin@43]");
    CHECK(golden("Ukraine would cede Donbas and Crimea.") ==
          "place:Ukraine[Ukraine@0] place:Donbas[Donbas@19] place:Crimea[Crimea@30]");
    CHECK(golden("He skipped the G20 summit in South Africa over an ICC warrant.") ==
          "org:G20[G20@15] place:South Africa[South Africa@29] "
          "org:International Criminal Court[ICC@50]");
}

TEST_CASE("entities: organisation suffixes and heads", "[entities]") {
    // Known gap: the "Trump" of "Trump-chaired" is not yet linked to "Donald Trump" here.
    CHECK(golden("The plan creates a Trump-chaired Peace Council.") ==
          "org:Peace Council[Peace Council@33]");
    CHECK(golden("Officials at the Ministry of Defence said so.") ==
          "org:Ministry of Defence[Ministry of Defence@17]");
}

TEST_CASE(
    "entities: months, weekdays, sentence-initial words and page furniture are not "
    "entities",
    "[entities]") {
    CHECK(golden("Fighting continued Tuesday in Zaporizhzhia.") ==
          "place:Zaporizhzhia[Zaporizhzhia@30]");
    CHECK(golden("Key Facts\nCredit:\nOn November 24 they met at Thanksgiving.") == "");
    CHECK(golden("Some analysts said This was so.") == "");
}

TEST_CASE("entities: a lone surname takes the full name and beats a city", "[entities]") {
    CHECK(golden("Steve Witkoff will travel. Witkoff said yes.") ==
          "person:Steve Witkoff[Steve Witkoff@0] person:Steve Witkoff[Witkoff@27]");
    // Rubio is also a Venezuelan city.
    CHECK(golden("Secretary of State Marco Rubio spoke. Rubio left.") ==
          "person:Marco Rubio[Marco Rubio@19] person:Marco Rubio[Rubio@38]");
}

TEST_CASE("entities: headlines in Title Case and ALL CAPS accept only known names", "[entities]") {
    CHECK(golden("Trump's Envoy to Meet Putin on Russia Peace Plan\nDonald Trump and Vladimir "
                 "Putin met.") ==
          "person:Donald Trump[Trump@0] person:Vladimir Putin[Putin@22] place:Russia[Russia@31] "
          "person:Donald Trump[Donald Trump@49] person:Vladimir Putin[Vladimir Putin@66]");
    CHECK(golden("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .") ==
          "place:Japan[JAPAN@9] place:China[CHINA@31]");
}

TEST_CASE("entities: spelling variants share a canonical key", "[entities]") {
    auto key = &EntityExtractor::canonical_key;
    CHECK(key("Zelenskyy") == key("Zelensky"));
    CHECK(key("Zelenskiy") == key("Zelensky"));
    CHECK(key("Umerov") == key("Umierov"));
    CHECK(key("Andrii") == key("Andriy"));
    CHECK(key("Kiev") == key("Kyiv"));
    CHECK(key("Zaporizhzhia") == key("Zaporizhzhya"));
    CHECK(key("Київ") == key("Kiiv"));  // Cyrillic goes through Any-Latin
    CHECK(key("EC") != key("ICC"));     // acronyms are not folded
    CHECK(golden("Kiev and Zaporizhzhya") ==
          "place:Kyiv[Kiev@0] place:Zaporizhzhia[Zaporizhzhya@9]");
}

TEST_CASE("entities: a user file adds entities, aliases and ignores", "[entities]") {
    byline::test::TempDir dir;
    std::string file = dir.write("user.tsv",
                                 "# comment\nperson\tSteve Witkoff\tWitkoff|Steven Witkoff\n"
                                 "ignore\tPeace Council\norg\tAcme Widgets\tAWC\n");
    EntityExtractor ex(EntityOptions{"", file});
    CHECK(golden(ex, "Witkoff and AWC joined the Peace Council.") ==
          "person:Steve Witkoff[Witkoff@0] org:Acme Widgets[AWC@12]");
    std::string bad = dir.write("bad.tsv", "persona\tX\n");
    CHECK_THROWS_WITH(EntityExtractor(EntityOptions{"", bad}), Catch::Contains("bad.tsv:1"));
}

TEST_CASE("entities: bad input never crashes", "[entities]") {
    CHECK(golden("") == "");
    CHECK(golden("...!!! ,,, \n\n\t") == "");
    std::string bytes = "A\xff\xfe Kyiv \xe2\x80 B\xc3";
    CHECK_NOTHROW(extractor().extract("", bytes, "en"));
    std::string huge(200000, 'A');
    CHECK_NOTHROW(extractor().extract("", huge + " Kyiv", "en"));
    CHECK(extractor().extract("", "Kyiv", "uk").size() == 1);
}

TEST_CASE("entities: particles join a name (bug: 'European Commission President Ursula')",
          "[entities]") {
    CHECK(golden("He met European Commission President Ursula von der Leyen there.") ==
          "org:European Commission[European Commission@7] person:Ursula von der Leyen[Ursula von "
          "der Leyen@37]");
    CHECK(golden("Syria's Bashar al-Assad fled.") ==
          "place:Syria[Syria@0] person:Bashar al-Assad[Bashar al-Assad@8]");
}

TEST_CASE("entities: an organisation before a title is emitted and stripped", "[entities]") {
    // bug: "Army Chief of Staff Gen. Randy George" was one person
    CHECK(golden("He came with Army Chief of Staff Gen. Randy George on Monday.") ==
          "person:Randy George[Randy George@38]");
    // bug: "NATO Secretary-General Mark Rutte" was dropped as a product name
    CHECK(golden("Talks with NATO Secretary\u2011General Mark Rutte went well.") ==
          "org:NATO[NATO@11] person:Mark Rutte[Mark Rutte@36]");
    // bug: "First Lady Melania Trump" was one person
    CHECK(golden("It followed First Lady Melania Trump's letter.") ==
          "person:Melania Trump[Melania Trump@23]");
}

TEST_CASE("entities: a title before an organisation word is an organisation", "[entities]") {
    // bug: "Staff" was a person in "Ukraine's General Staff"
    CHECK(golden("Ukraine's General Staff said so.") ==
          "place:Ukraine[Ukraine@0] org:General Staff[General Staff@10]");
}

TEST_CASE("entities: organisation heads anywhere, 'for the' inside names", "[entities]") {
    // bug: "Russian Ministry of Defense" was a person
    CHECK(golden("The Russian Ministry of Defense claimed it.") ==
          "org:Russian Ministry of Defense[Russian Ministry of Defense@4]");
    CHECK(golden("according to the Institute for the Study of War (ISW).") ==
          "org:Institute for the Study of War[Institute for the Study of War@17] org:ISW[ISW@49]");
}

TEST_CASE("entities: a nationality before a known name is not part of it", "[entities]") {
    // bug: "Ukrainian NATO" and "Crimean Tatar" were people
    CHECK(golden("a bar on Ukrainian NATO membership and the Crimean Tatar population") ==
          "org:NATO[NATO@19]");
}

TEST_CASE("entities: place suffixes and military bases", "[entities]") {
    // bug: "Joint Base Elmendorf-Richardson" was a person, "Hallandale Beach" an org
    CHECK(golden("They met at Joint Base Elmendorf-Richardson for talks.") ==
          "place:Joint Base Elmendorf-Richardson[Joint Base Elmendorf-Richardson@12]");
    CHECK(golden("It took place at the Shell Bay Club in Hallandale Beach, Florida.") ==
          "org:Shell Bay Club[Shell Bay Club@21] place:Hallandale Beach[Hallandale Beach@39] "
          "place:Florida[Florida@57]");
}

TEST_CASE("entities: a name before ', <region>' is a place; known names across a comma",
          "[entities]") {
    // bug: "D.C." was an organisation
    CHECK(golden("Washington, D.C. - November 20, 2025 - In a move") ==
          "place:Washington[Washington, D.C.@0]");
    CHECK(golden("the summit in Anchorage, Alaska, where they met") ==
          "place:Anchorage[Anchorage@14] place:Alaska[Alaska@25]");
    CHECK(golden("He met Witkoff, Kushner, Ukraine and Russia.") ==
          "place:Ukraine[Ukraine@25] place:Russia[Russia@37]");
}

TEST_CASE("entities: time zones are not organisations", "[entities]") {
    // bug: "GMT" was an organisation
    CHECK(golden("The meeting ended around 9:30 p.m. GMT in Moscow.") == "place:Moscow[Moscow@42]");
}

TEST_CASE("entities: hyphenated pairs of names are two mentions", "[entities]") {
    // bug: "Putin-Trump Alaska" was a person
    // Known gap: the "Trump" part is not yet resolved here (the "Putin" part is).
    CHECK(
        golden("Vladimir Putin met Donald Trump in Anchorage; the Putin-Trump meeting was long.") ==
        "person:Vladimir Putin[Vladimir Putin@0] person:Donald Trump[Donald Trump@19] "
        "person:Vladimir Putin[Putin@50]");
    CHECK(golden("In the Russia-Ukraine war, Jean-Pierre Raffarin spoke.") ==
          "place:Russia[Russia@7] place:Ukraine[Ukraine@14] person:Jean-Pierre "
          "Raffarin[Jean-Pierre Raffarin@27]");
}

TEST_CASE("entities: a city spelled differently from the name does not swallow it", "[entities]") {
    // bug: lone "Putin" vanished because its key matches the Dutch town Putten
    CHECK(golden("Vladimir Putin spoke to reporters, and later Putin called them.") ==
          "person:Vladimir Putin[Vladimir Putin@0] person:Vladimir Putin[Putin@45]");
}

TEST_CASE("entities: a given name that is also a city, in a credit line", "[entities]") {
    // bug: "Tyler" (Texas) in "© Tyler Hicks/The New York Times"
    CHECK(golden("The war went on.\n\u00a9 Tyler Hicks/The New York Times\nThe news.") ==
          "org:The New York Times[The New York Times@32]");
}

TEST_CASE("entities: surnames resolve to the first full name; Jr. lends no surname", "[entities]") {
    // bug: a lone "Trump" took "Melania Trump" (longest) over "Donald Trump" (first)
    CHECK(golden("Donald Trump met Steve Witkoff in Geneva, and Melania Trump wrote; then Trump "
                 "left.") ==
          "person:Donald Trump[Donald Trump@0] person:Steve Witkoff[Steve Witkoff@17] "
          "place:Geneva[Geneva@34] person:Melania Trump[Melania Trump@46]");
    CHECK(golden("Donald Trump Jr. said so in an interview, and later President Trump agreed.") ==
          "person:Donald Trump Jr[Donald Trump Jr@0] person:Trump[Trump@62]");
}

TEST_CASE("entities: English short given names share a key only inside longer names",
          "[entities]") {
    auto key = &EntityExtractor::canonical_key;
    // bug: "Dan Driscoll" and "Daniel Driscoll" were two facet values
    CHECK(key("Dan Driscoll") == key("Daniel Driscoll"));
    CHECK(key("Steve Witkoff") == key("Stephen Witkoff"));
    CHECK(key("Bill") != key("William"));
    CHECK(key("Dan Driscoll") != key("Dan Smith"));
}
