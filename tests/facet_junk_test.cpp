// Facet values a reader can trust (issue 14): one test per class of junk value seen at the top
// of the person/place/org facets of real newswire, each on text written for the test, and a
// regression table of the junk values that must not come back. The extractor runs as the
// indexer runs it: the learned tagger and the rules together.

#include "extract/entity_extractor.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using byline::extract::EntityExtractor;

namespace {

const EntityExtractor& extractor() {
    static const EntityExtractor instance;  // loading once keeps the suite fast
    return instance;
}

// "type:name" of every mention of `body`, in text order.
std::vector<std::string> values(const std::string& body) {
    std::vector<std::string> out;
    for (const auto& m : extractor().extract("", body, "en"))
        out.push_back(std::string(to_string(m.type)) + ":" + m.name);
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& value) {
    return std::find(v.begin(), v.end(), value) != v.end();
}

// Is `name` a value of any type ("" type) or of `type`?
bool has_name(const std::vector<std::string>& v, const std::string& name,
              const std::string& type = "") {
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) {
        std::size_t colon = s.find(':');
        return s.substr(colon + 1) == name && (type.empty() || s.substr(0, colon) == type);
    });
}

// A paragraph hard-wrapped at about 64 columns, as wire copy is.
const std::string kWrapped =
    "    The company said on Monday that it had filed a statement with\n"
    "the state board of trade and with the federal Securities and\n"
    "Exchange Commission covering an offering of shares to be managed\n"
    "by Hartley and Co Inc and by Brook Securities Ltd, and that its\n"
    "chairman, the veteran banker and former city mayor Walter\n"
    "Pendleton, would stay on after the sale of the unit, a move that\n"
    "was welcomed by analysts at Smithfield Capital Markets on Tuesday.\n";

}  // namespace

TEST_CASE("facet junk: wire sign-offs, datelines and their credits", "[facet-junk]") {
    auto v = values(
        "    PORTLAND, Ore., April 3 - Harbor Widget Corp said it would close\n"
        "two of its plants this year.\n"
        " REUTER\n");
    CHECK(has(v, "place:Portland"));
    CHECK(has(v, "place:Oregon"));
    CHECK(has(v, "org:Harbor Widget Corp"));
    CHECK_FALSE(has_name(v, "REUTER"));
    auto credit = values("LONDON (Reuters) - Hanover Trust said on Monday it would buy a bank.");
    CHECK(has(credit, "place:London"));
    CHECK_FALSE(has_name(credit, "London", "org"));
    CHECK_FALSE(has_name(credit, "Reuters"));
}

TEST_CASE("facet junk: earnings-table abbreviations are no names", "[facet-junk]") {
    auto v = values(
        "    Lakeview Dairy Inc said its results were:\n"
        "    Shr 41 cts vs 33 cts\n"
        "    Oper net 2,100,000 vs 1,700,000\n"
        "    Revs 40.2 mln vs 35.8 mln\n"
        "    Nine Mths\n"
        "    Shr 1.10 dlrs vs 90 cts\n"
        "    Qtly div 10 cts vs 8 cts\n"
        "    Avg shrs 5,000,000\n"
        "    The deal was worth 40 mln U.S. Dlrs.\n");
    for (const char* junk : {"Shr", "Oper", "Revs", "Nine Mths", "Qtly", "Avg", "U.S. Dlrs"})
        CHECK_FALSE(has_name(v, junk));
}

TEST_CASE("facet junk: US state and Canadian province abbreviations are those places",
          "[facet-junk]") {
    auto v = values(
        "    TULSA, Okla., May 5 - Red Mesa Oil Co said it bought wells near\n"
        "Trenton, N.J., and a depot in Dover, Del., from a firm in Regina, Sask.\n");
    CHECK(has(v, "place:Oklahoma"));
    CHECK(has(v, "place:New Jersey"));
    CHECK(has(v, "place:Delaware"));
    CHECK(has(v, "place:Saskatchewan"));
    for (const char* junk : {"Okla.", "Okla", "N.J.", "Del.", "Del", "Sask."})
        CHECK_FALSE(has_name(v, junk));
    auto caps = values("    DULUTH, MINN., June 2 - Northern Grain Co raised its dividend.");
    CHECK(has(caps, "place:Minnesota"));
    CHECK_FALSE(has_name(caps, "MINN."));
    CHECK_FALSE(has_name(caps, "MINN"));
}

TEST_CASE("facet junk: legal forms alone finish the company before them", "[facet-junk]") {
    auto v = values(kWrapped);
    CHECK(has(v, "org:Hartley and Co Inc"));
    CHECK(has(v, "org:Brook Securities Ltd"));
    for (const char* junk : {"Ltd", "Co Inc", "Co", "Inc"})
        CHECK_FALSE(has_name(v, junk));
}

TEST_CASE("facet junk: names are not cut by a title word, 'and', a possessive or a wrap",
          "[facet-junk]") {
    auto v = values(
        "General Electric Co and General Motors Corp said on Monday that the "
        "Securities and Exchange Commission had cleared the deal. Standard and "
        "Poor's Corp and Moody's Investors Service Inc rated the notes. The "
        "General Agreement on Tariffs and Trade (GATT) was mentioned.");
    CHECK(has(v, "org:General Electric Co"));
    // Its key has no legal form, and the gazetteer names it so.
    CHECK((has(v, "org:General Motors Corp") || has(v, "org:General Motors")));
    CHECK(has(v, "org:Securities and Exchange Commission"));
    CHECK(has(v, "org:Standard and Poor's Corp"));
    CHECK(has(v, "org:Moody's Investors Service Inc"));
    CHECK(has(v, "org:General Agreement on Tariffs and Trade"));
    for (const char* junk : {"Electric Co", "Motors Corp", "Exchange Commission", "Poor's Corp",
                             "Investors Service Inc", "Agreement", "Tariffs and Trade"})
        CHECK_FALSE(has_name(v, junk));
    auto wrapped = values(kWrapped);
    CHECK(has(wrapped, "org:Securities and Exchange Commission"));
    CHECK(has(wrapped, "person:Walter Pendleton"));
    CHECK_FALSE(has_name(wrapped, "Walter"));
    CHECK_FALSE(has_name(wrapped, "Exchange Commission"));
}

TEST_CASE("facet junk: acronyms of common nouns are no organisations", "[facet-junk]") {
    auto v = values(
        "Sales of TV sets and DVD players rose, PC makers gained and the MP said "
        "GDP grew. Shops sold 40,000 PDAs last year and PDA prices fell.");
    for (const char* junk : {"TV", "DVD", "PC", "MP", "GDP", "PDA", "PDAs"})
        CHECK_FALSE(has_name(v, junk));
}

TEST_CASE("facet junk: contractions are no people", "[facet-junk]") {
    auto v = values(
        "\"I've never seen a crowd like it,\" said Nora Quill.\n"
        "I've been working on the album for two years, she said.\n"
        "Speaking to the radio, I've got to say the band played well.\n"
        "\"I'm thrilled, and We're going back next year.\"");
    CHECK(has(v, "person:Nora Quill"));
    for (const char* junk : {"I've", "I'm", "We're"})
        CHECK_FALSE(has_name(v, junk));
}

TEST_CASE("facet junk: ALL CAPS datelines and names read as the corpus writes them",
          "[facet-junk]") {
    auto v = values("    DUESSELDORF, May 4 - Rhein Valve AG said its sales rose.");
    CHECK(has(v, "place:Duesseldorf"));
    CHECK_FALSE(has_name(v, "DUESSELDORF"));
    auto mixed = values("    OSLO, May 4 - Fjord Cable ASA said Oslo would get a new plant.");
    CHECK(has(mixed, "place:Oslo"));
    CHECK_FALSE(has_name(mixed, "OSLO"));
}

TEST_CASE("facet junk: gazetteer names inside other words, common words and look-alikes",
          "[facet-junk]") {
    // Belarusian "Аман" (Oman) transliterates to the key of Amman; Chinese "阿曼" to "a man".
    auto v = values("The king flew to Amman on Tuesday. A man was later arrested there.");
    CHECK(has(v, "place:Amman"));
    CHECK_FALSE(has_name(v, "Oman"));
    auto headline = values("A Man Called Hope Wins Over Critics\n\nThe film opened on Friday.");
    CHECK_FALSE(has_name(headline, "Oman"));
    // "ABA" (a bar association) is no Nigerian town Aba.
    auto acronym = values("ABA members voted to change the rules, an ABA official said.");
    CHECK_FALSE(has_name(acronym, "Aba", "place"));
}

TEST_CASE("facet junk: countries and nationality adjectives are no people", "[facet-junk]") {
    auto v = values(
        "Philippine officials met bankers in West Germany on Monday. West German "
        "Finance Minister Karl Brandt said the Tory leader and a Lib Dem MP would "
        "join them.");
    CHECK(has(v, "place:West Germany"));
    CHECK(has(v, "person:Karl Brandt"));
    for (const char* junk : {"Philippine", "Tory", "Lib Dem"})
        CHECK_FALSE(has_name(v, junk));
    CHECK_FALSE(has_name(v, "West Germany", "person"));
    CHECK_FALSE(has_name(v, "West German Finance Minister Karl Brandt"));
}

TEST_CASE("facet junk: a lone company word, a party and state, a currency", "[facet-junk]") {
    auto v = values(
        "Dunmore Corp said it would cut jobs. Dunmore shares fell as the U.S. Dollar "
        "rose. Sen. Ann Miller, D-Ohio, said the plan was unfair.");
    CHECK(has(v, "org:Dunmore Corp"));
    CHECK(has(v, "person:Ann Miller"));
    CHECK_FALSE(has_name(v, "Dunmore", "person"));
    CHECK_FALSE(has_name(v, "D-Ohio"));
    CHECK_FALSE(has_name(v, "U.S. Dollar"));
    auto banks = values("Lending by Farbank and Societe Lyonnaise rose, while Truscorp cut it.");
    CHECK(has(banks, "org:Societe Lyonnaise"));
    CHECK_FALSE(has_name(banks, "Societe Lyonnaise", "person"));
    CHECK_FALSE(has_name(banks, "Truscorp", "person"));
}

TEST_CASE("facet junk: regression table of values seen at the top of newswire facets",
          "[facet-junk]") {
    struct Row {
        const char* text;
        const char* junk;
        const char* type;  // "" = any type
    };
    const Row rows[] = {
        {"    BOSTON, Feb 2 - Acme Tool Co said profits rose.\n REUTER\n", "REUTER", ""},
        {"    Shr 12 cts vs 10 cts\n    Qtly div 5 cts\n", "Shr", ""},
        {"    Oper shr 50 cts vs 40 cts\n", "Oper", ""},
        {"    Qtly div 5 cts vs 4 cts prior\n", "Qtly", ""},
        {"    Nine Mths\n    Shr 90 cts vs 70 cts\n", "Nine Mths", ""},
        {"Reserves rose to 6.2 billion U.S. Dlrs in March.", "U.S. Dlrs", ""},
        {"    HARTFORD, Conn., Feb 3 - Elm Insurance Co said it would expand.", "Conn.", ""},
        {"    ST. PAUL, MINN., Feb 3 - Lake Mills Inc raised its payout.", "MINN.", ""},
        {"    LEXINGTON, Ky., Feb 3 - Bluegrass Feed Co said sales rose.", "Ky.", ""},
        {"    WILMINGTON, Del., Feb 3 - Brandy Chemical Co said it would sell.", "Del.", ""},
        {"    NEWARK, N.J., Feb 3 - Garden Paper Co said it cut prices.", "N.J.", ""},
        {"    MIAMI, Fla., Feb 3 - Coral Cruise Inc said bookings rose.", "Fla.", ""},
        {"    FLINT, Mich, Feb 3 - Lakeshore Axle Co said it hired staff.", "Mich", ""},
        {"He sold the unit to Argyle Foods Ltd and Co Inc shares fell.", "Co Inc", ""},
        {"Stakes in Bell Mills Ltd rose, and Ltd shares fell.", "Ltd", ""},
        {"General Motors Corp cut output.", "Motors Corp", ""},
        {"It was approved by the Securities and Exchange Commission.", "Exchange Commission", ""},
        {"Standard and Poor's Corp upgraded the debt.", "Poor's Corp", ""},
        {"Moody's Investors Service Inc lowered the debt.", "Investors Service Inc", ""},
        {"The General Agreement on Tariffs and Trade met.", "Agreement", ""},
        {"Exports to West Germany rose in May.", "West Germany", "person"},
        {"Philippine officials said debt talks would resume.", "Philippine", ""},
        {"\"I've had enough,\" the singer told fans.", "I've", ""},
        {"\"I'm staying,\" the striker said.", "I'm", ""},
        {"The TV show drew nine million viewers.", "TV", ""},
        {"The PC market grew and PCs got cheaper.", "PC", ""},
        {"The PC market grew and PCs got cheaper.", "PCs", ""},
        {"The DVD went on sale on Monday.", "DVD", ""},
        {"The MP said she would vote against it.", "MP", ""},
        {"GDP grew by 2% last year.", "GDP", ""},
        {"    FRANKFURT, March 2 - Bond prices rose on Monday.", "FRANKFURT", ""},
        {"The woman said she would appeal against the ruling.", "Oman", ""},
        {"    NEW YORK, March 2 - Bond prices rose on Monday.", "New York", "org"},
        {"    LONDON, March 2 - Gilt prices rose on Monday.", "London", "org"},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        CHECK_FALSE(has_name(values(row.text), row.junk, row.type));
    }
}

TEST_CASE("facet junk: firms named after their partners are organisations", "[facet-junk]") {
    auto v = values(
        "The issue is underwritten by Smith Barney, Harris Upham and Co and by Salomon "
        "Brothers Inc. An analyst with Shearson Lehman Brothers said prices fell, and E.F. "
        "Hutton Group Inc agreed. Donaldson, Lufkin and Jenrette Securities Corp advised.");
    for (const char* firm :
         {"Smith Barney", "Salomon Brothers Inc", "Shearson Lehman", "E.F. Hutton", "Donaldson"})
        CHECK_FALSE(has_name(v, firm, "person"));
    // A person's name followed by an ordinary capitalised phrase stays a person.
    auto p = values(
        "Treasury Secretary James Baker, Fed Chairman Paul Volcker and Alan "
        "Greenspan met on Monday.");
    CHECK(has_name(p, "James Baker", "person"));
    CHECK(has_name(p, "Paul Volcker", "person"));
}

TEST_CASE("facet junk: a big city is a place, not a person, unless a person has its name",
          "[facet-junk]") {
    auto v = values(
        "The conversion improves reception of Denver television signals, the "
        "company said. Offices in San Jose, Atlanta, and Denver were closed.");
    CHECK_FALSE(has_name(v, "Denver", "person"));
    auto p = values("Whitney Houston sang on Monday in Houston.");
    CHECK(has_name(p, "Whitney Houston", "person"));
    CHECK(has_name(p, "Houston", "place"));
}

TEST_CASE("facet junk: a grade named after a region is no person", "[facet-junk]") {
    auto v = values(
        "The price of West Texas Intermediate rose while West Texas Sour fell, "
        "said Victoria Wood, who met Georgia Brown.");
    CHECK_FALSE(has_name(v, "West Texas Intermediate", "person"));
    CHECK_FALSE(has_name(v, "West Texas Sour", "person"));
    CHECK(has_name(v, "Victoria Wood", "person"));  // a one-word place is often a given name
    CHECK(has_name(v, "Georgia Brown", "person"));
}

TEST_CASE("facet junk: analysts' employers and parents of subsidiaries are firms", "[facet-junk]") {
    auto v = values(
        "Larry Baker, an analyst with Shearson Lehman, said prices fell. Hutton LBO "
        "is a subsidiary of Kidder Peabody. Dean Witter analyst Michael Lewis "
        "agreed, and Paul Volcker said nothing.");
    for (const char* firm : {"Shearson Lehman", "Kidder Peabody", "Dean Witter"})
        CHECK_FALSE(has_name(v, firm, "person"));
    CHECK(has_name(v, "Larry Baker", "person"));
    CHECK(has_name(v, "Michael Lewis", "person"));
    CHECK(has_name(v, "Paul Volcker", "person"));
}

TEST_CASE("facet junk: 'the Bank's' and an organisation's members", "[facet-junk]") {
    auto v = values(
        "The Reserve Bank of Utopia raised rates. The Bank's governor said the Bank's "
        "decision was final. Several Green Party MPs and Labour backbenchers objected.");
    CHECK_FALSE(has_name(v, "Bank's"));  // "Bank", which the corpus-level aliases weigh
    CHECK(has_name(v, "Reserve Bank of Utopia", "org"));
    CHECK_FALSE(has_name(v, "Green Party MPs"));
    CHECK_FALSE(has_name(v, "Labour backbenchers"));
    CHECK(std::any_of(v.begin(), v.end(),
                      [](const std::string& s) { return s.ends_with("Green Party"); }));
}

TEST_CASE("facet junk: the wire's newsroom contact line", "[facet-junk]") {
    auto v = values("Wheat exports rose in the season.\n-- Perth Newsroom 61-8 9321-1800\n");
    CHECK_FALSE(has_name(v, "Perth Newsroom"));
}

TEST_CASE("facet junk: a dateline with an ISO date names a place", "[facet-junk]") {
    auto v = values("PERTH 1996-08-23\nWheat exports from Western Australia rose in July.\n");
    CHECK_FALSE(has_name(v, "PERTH"));
    CHECK_FALSE(has_name(v, "Perth", "org"));
    CHECK_FALSE(has_name(v, "Perth", "person"));
}

// The taggers of German, French and Dutch (data/ner-model-LANG.bin, learned from WikiANN).
std::vector<std::string> values_in(const std::string& lang, const std::string& body) {
    std::vector<std::string> out;
    for (const auto& m : extractor().extract("", body, lang))
        out.push_back(std::string(to_string(m.type)) + ":" + m.name);
    return out;
}

TEST_CASE("facet junk: German, French and Dutch names by their own taggers", "[facet-junk]") {
    auto de = values_in("de",
                        "Bundeskanzlerin Angela Merkel traf am Montag in Berlin den "
                        "französischen Präsidenten Emmanuel Macron. Die Polizei teilte mit, dass "
                        "die Kirche geschlossen blieb. Der Konzern Siemens begrüßte das Treffen.");
    CHECK(has(de, "person:Angela Merkel"));  // the title is not part of the name
    CHECK(has(de, "person:Emmanuel Macron"));
    CHECK(has(de, "place:Berlin"));
    CHECK(has(de, "org:Siemens"));
    for (const char* noun : {"Polizei", "Kirche", "Die Polizei", "Der Konzern Siemens"})
        CHECK_FALSE(has_name(de, noun));
    auto fr = values_in("fr-FR",
                        "Le président Emmanuel Macron a rencontré lundi à Paris le chancelier "
                        "Olaf Scholz. La police a fermé la rue.");
    CHECK(has(fr, "person:Emmanuel Macron"));
    CHECK(has(fr, "person:Olaf Scholz"));
    CHECK_FALSE(has_name(fr, "La police"));
    auto nl = values_in("nl",
                        "Premier Mark Rutte sprak maandag in Amsterdam met Olaf Scholz. De "
                        "politie sloot de straat af.");
    CHECK(has(nl, "person:Mark Rutte"));
    CHECK(has(nl, "place:Amsterdam"));
    CHECK_FALSE(has_name(nl, "De politie"));
}

TEST_CASE("facet junk: German towns that are in the word list, local names, titles",
          "[facet-junk]") {
    // A town the German word list merely names is no word: Bayreuth and Paris are places.
    auto towns = values_in("de", "Er wohnt seit Jahren in Bayreuth. Sie zog nach Paris.");
    CHECK(has(towns, "place:Bayreuth"));
    CHECK(has(towns, "place:Paris"));
    // German names of places are those places ("München" is Munich, "Polen" Poland).
    auto local = values_in("de",
                           "Der Bürgermeister von München reiste am Montag nach Polen und "
                           "weiter nach Warschau.");
    CHECK(has(local, "place:Munich"));
    CHECK(has(local, "place:Poland"));
    CHECK(has(local, "place:Warsaw"));
    CHECK_FALSE(has_name(local, "München"));
    // A title, a common noun, is not part of the person's name.
    auto titled = values_in("de",
                            "Der Trainer lobte die Mannschaft. Fußballtrainer Jürgen Klopp "
                            "sagte am Sonntag, das Spiel sei hart gewesen.");
    CHECK(has(titled, "person:Jürgen Klopp"));
    CHECK_FALSE(has_name(titled, "Fußballtrainer Jürgen Klopp"));
    // An abbreviation alone names no one ("Chr." of "v. Chr.").
    auto dated = values_in("de",
                           "Seit etwa 330 v. Chr. lebte Olympias am Hof. Die Insel wurde 456 v. "
                           "Chr. von Athen erobert.");
    CHECK_FALSE(has_name(dated, "Chr."));
    CHECK(has(dated, "place:Athens"));
    // A one-word firm the gazetteers lack stands when other Wikipedias know it as one.
    auto firms = values_in("de",
                           "Der Versicherer Allianz meldete am Montag einen Gewinn. Auch Porsche "
                           "legte zu.");
    CHECK(has(firms, "org:Allianz"));
    CHECK(has(firms, "org:Porsche"));
}

TEST_CASE("facet junk: a German genitive of a known place is that place", "[facet-junk]") {
    auto de = values_in("de", "Die Geschichte Bremens ist lang. Die Einwohner Londons feiern.");
    CHECK(has(de, "place:Bremen"));
    CHECK(has(de, "place:London"));
    CHECK_FALSE(has_name(de, "Bremens"));
}

TEST_CASE("facet junk: Russian and Ukrainian people the rules miss, places as before",
          "[facet-junk]") {
    auto ru = values_in("ru",
                        "Председатель КНР Ху Цзиньтао встретился в Москве с президентом "
                        "Дмитрием Медведевым.");
    CHECK(has_name(ru, "Ху Цзиньтао", "person"));
    CHECK(has_name(ru, "Moscow", "place"));
    CHECK_FALSE(has_name(ru, "Москве"));  // the rules' place, named by the gazetteer
}

TEST_CASE("facet junk: a Russian adjective before an institution noun is no surname",
          "[facet-junk]") {
    auto ru = values_in("ru",
                        "Европейский союз продлил санкции. Космический центр открылся в пятницу, "
                        "а Большой театр закрылся на ремонт.");
    for (const char* adjective : {"Европейский", "Космический", "Большой"})
        CHECK_FALSE(has_name(ru, adjective, "person"));
}

TEST_CASE("facet junk: a given name whose stem ends in a vowel takes й, not ь", "[facet-junk]") {
    auto ru = values_in("ru",
                        "Премьер Владимир Путин похвалил Дмитрия Медведева, а потом встретился с "
                        "Юрием Лужковым.");
    CHECK(has_name(ru, "Дмитрий Медведев", "person"));
    CHECK(has_name(ru, "Юрий Лужков", "person"));
    CHECK_FALSE(has_name(ru, "Дмитриь Медведев"));
    CHECK_FALSE(has_name(ru, "Юри Лужков"));
}

TEST_CASE(
    "facet junk: a given name in another case is its own, not a look-alike of the Latin lists",
    "[facet-junk]") {
    // "Ріната" and "Петра" sound like Renata and Petra; they are Рінат's and Петро's genitives,
    // and the surname follows the man's name back into the nominative.
    auto uk = values_in("uk",
                        "Вчора компанія Ріната Ахметова отримала кредит. Адвокат Петра Порошенка "
                        "заявив про тиск, а заява Юлії Тимошенко пролунала ввечері. Нардеп "
                        "передав листа від Олега Ляшка.");
    CHECK(has_name(uk, "Рінат Ахметов", "person"));
    CHECK(has_name(uk, "Петро Порошенко", "person"));
    CHECK(has_name(uk, "Юлія Тимошенко", "person"));
    CHECK(has_name(uk, "Олег Ляшко", "person"));
    CHECK_FALSE(has_name(uk, "Ріната Ахметова"));
    CHECK_FALSE(has_name(uk, "Оліг Ляшко"));
    auto ru = values_in("ru", "Вчера компания Рината Ахметова получила кредит.");
    CHECK(has_name(ru, "Ринат Ахметов", "person"));
}

TEST_CASE("facet junk: Cyrillic country abbreviations are places; media nouns are no entity",
          "[facet-junk]") {
    auto ru = values_in("ru",
                        "Вчера власти КНР и РФ встретились. СМИ сообщили, что делегация ФРГ "
                        "прибыла позже. Советский Союз распался давно.");
    CHECK(has_name(ru, "China", "place"));
    CHECK(has_name(ru, "Russia", "place"));
    CHECK(has_name(ru, "Germany", "place"));
    CHECK_FALSE(has_name(ru, "СМИ"));
    CHECK_FALSE(has_name(ru, "Советский"));  // an adjective before a capitalised institution noun
}

TEST_CASE("facet junk: a Cyrillic word that transliterates to a distant small town is no place",
          "[facet-junk]") {
    auto uk = values_in("uk",
                        "Вчора він бачив Мінну біля школи. Потім Мері сказала правду. Берлін "
                        "заявив про підтримку, а у Львові пройшов мітинг.");
    CHECK_FALSE(has_name(uk, "Minna"));  // a town in Nigeria
    CHECK_FALSE(has_name(uk, "Miri"));   // a town in Malaysia
    CHECK(has_name(uk, "Berlin", "place"));
    CHECK(has_name(uk, "Lviv", "place"));
}

TEST_CASE("facet junk: a lone surname of a person the article names is that person, not a place",
          "[facet-junk]") {
    auto en = values_in("en",
                        "Neil Jordan directed the film. \"It was hard,\" Jordan said in a "
                        "statement. Later the crew flew to Jordan.");
    // Mentions: "Neil Jordan" and "Jordan said" are the director, "to Jordan" the country.
    CHECK(std::count(en.begin(), en.end(), "person:Neil Jordan") == 2);
    CHECK(std::count(en.begin(), en.end(), "place:Jordan") == 1);
    // An organisation's name lends no surname, and a title before it makes it no person.
    auto bank = values_in("en",
                          "Petrobras cancelled a purchase after the Saudis refused guarantees "
                          "from the official Bank of Brazil. Brazil consumes oil.");
    CHECK(has_name(bank, "Brazil", "place"));
    CHECK(has_name(bank, "Bank of Brazil", "org"));
    CHECK_FALSE(has_name(bank, "Bank of Brazil", "person"));
}

TEST_CASE("facet junk: a Ukrainian adjective of a council, court or street is no surname",
          "[facet-junk]") {
    auto uk = values_in("uk",
                        "Вчора Київська обласна рада ухвалила рішення. Миколаївська ОДА "
                        "повідомила про це. Депутати Харківської міської ради зібралися. Мітинг "
                        "пройшов на Андріївському узвозі. Стрийський районний суд відклав справу, "
                        "а Зеленський заявив про підтримку.");
    for (const char* junk : {"Київська", "Вчора Київська", "Миколаївська ОДА", "Харківська",
                             "Андріївський", "Стрийський"})
        CHECK_FALSE(has_name(uk, junk, "person"));
    CHECK(has_name(uk, "Зеленський", "person"));
}

TEST_CASE("facet junk: a Ukrainian adjective before a noun that agrees with it is no surname",
          "[facet-junk]") {
    // Any noun, not only an institution's: the endings agree in case, gender and number.
    auto uk = values_in("uk",
                        "Дівчина зупинилася біля кінотеатру в Замостянському парку. Ми пішли "
                        "Волинським шляхом до міста. Увечері всі були у Польському театрі, де "
                        "Лисичанська вистава мала успіх. Гнатюк сказав, що Смолянський заявив "
                        "про підтримку.");
    for (const char* junk : {"Замостянський", "Волинський", "Польський", "Лисичанська"})
        CHECK_FALSE(has_name(uk, junk, "person"));
    CHECK(has_name(uk, "Смолянський", "person"));  // a verb after it: a surname
}

TEST_CASE("facet junk: a Ukrainian word at a sentence start or a woman's name is no distant place",
          "[facet-junk]") {
    auto uk = values_in("uk",
                        "Ніби стомившись, вона присіла. Така діяльність важлива. Аби не "
                        "завдавати клопотів, ми пішли. Ми з Марією несемо подарунок. Делегація "
                        "прибула до Львова.");
    for (const char* junk : {"Nebbi", "Tak", "Aba", "Mary"})
        CHECK_FALSE(has_name(uk, junk, "place"));
    CHECK(has_name(uk, "Lviv", "place"));
    // The familiar form of a given name, in any case, is no town of a neighbouring country.
    auto familiar = values_in("uk",
                              "Новини села\n\nЯся прийшла додому пізно. Мама дала Ясі яблуко, "
                              "а потім Ясю похвалили сусіди.");
    CHECK_FALSE(has_name(familiar, "Iași", "place"));
}

TEST_CASE("facet junk: one word in the locative after 'у'/'в' is where, not who", "[facet-junk]") {
    auto uk = values_in("uk", "У Тисмениці відкрили школу. Директор Іван Петренко радів.");
    CHECK_FALSE(has_name(uk, "Тисмениці", "person"));
    CHECK(has_name(uk, "Іван Петренко", "person"));
}

TEST_CASE("facet junk: a comma separates German names", "[facet-junk]") {
    // The German tagger reads "Freiburg, Halle" as one name.
    auto de = values_in("de", "Er arbeitete in Freiburg, Halle und Mülheim.");
    CHECK(has_name(de, "Halle", "place"));
    for (const std::string& v : de)
        CHECK(v.find(", ") == std::string::npos);
}

TEST_CASE(
    "facet junk: a Cyrillic place governed by a preposition, or shaped as a land, is "
    "no person",
    "[facet-junk]") {
    auto uk = values_in("uk",
                        "Туристи повернулися з Тоскани. Автобус їхав до рідної Тисмениці. Морози в "
                        "Сибіру посилились. Вибори в Баварії та Каталонії пройшли спокійно. "
                        "Лист прийшов від Олени, а Марія відповіла Петрові Шевченку.");
    for (const char* junk :
         {"Тоскани", "Тоскана", "Тисмениці", "Сибіру", "Сибір", "Каталонії", "Каталонія"})
        CHECK_FALSE(has_name(uk, junk, "person"));
    // A given name's genitive after "від" and a land-shaped given name are people.
    CHECK(has_name(uk, "Олена", "person"));
    CHECK(has_name(uk, "Марія", "person"));
    auto ru = values_in("ru", "Делегация вернулась из Калифорнии. Письмо пришло от Марии.");
    CHECK_FALSE(has_name(ru, "Калифорнии", "person"));
    CHECK(has_name(ru, "Мария", "person"));
}

TEST_CASE("facet junk: a Cyrillic given name in another case is named in the nominative",
          "[facet-junk]") {
    auto uk = values_in("uk", "Ми довго чекали на Юлю. Потім Юлі подарували квіти, а Юля зраділа.");
    CHECK_FALSE(has_name(uk, "Юлі", "person"));
    CHECK(has_name(uk, "Юля", "person"));
}

TEST_CASE("facet junk: a full stop inside a Cyrillic person's span ends the name", "[facet-junk]") {
    auto uk = values_in("uk",
                        "Цікаво подивитися на мазунчика Бреда Піта. За даними ЗМІ, "
                        "фільм вийде влітку.");
    for (const std::string& v : uk)
        CHECK(v.find(". ") == std::string::npos);
}

TEST_CASE("facet junk: a Ukrainian word, nickname or woman's name is no foreign place",
          "[facet-junk]") {
    auto uk = values_in("uk",
                        "Там, де танцювали Малий, Ірма й Сусанна, сніг не падав. Я жив із "
                        "мамою і бабусею Ганною. Цяцька «Боні» лежала на столі. Поле щита "
                        "покрито емаллю. Ану полічімося, хто піде. За даними ЗМІ, Соколов і "
                        "Арутюнов стали тандемом. Посол Малі прибув до Вільнюса.");
    for (const char* junk : {"Mali", "Ghana", "Hanoi", "Bono", "Poole", "A'ana", "Sokolov"}) {
        // "Малі" names Mali once, in its Ukrainian name: the nickname "Малий" must not.
        if (std::string(junk) == "Mali") continue;
        CHECK_FALSE(has_name(uk, junk, "place"));
    }
    CHECK(std::count(uk.begin(), uk.end(), "place:Mali") <= 1);
    CHECK(has_name(uk, "Vilnius", "place"));  // a district's name, and a big city's
    CHECK(has_name(uk, "Ганна", "person"));
    auto mali = values_in("uk", "Там, де танцювали Малий, Ірма й Сусанна, сніг не падав.");
    CHECK_FALSE(has_name(mali, "Mali", "place"));
    // A word of the dictionary where a sentence starts ("Млів", he swooned).
    auto verb = values_in("uk", "Гуртик здригнувся. Млів я на своєму сідалі.");
    CHECK_FALSE(has_name(verb, "Mali", "place"));
    auto ru = values_in("ru", "Сборная встретилась с Кубой и Андоррой во Флориде.");
    for (const char* place : {"Cuba", "Andorra", "Florida"})
        CHECK(has_name(ru, place, "place"));
}

TEST_CASE(
    "facet junk: the Ukrainian dictionary tells a common word from a name, and names "
    "a name in the nominative",
    "[facet-junk]") {
    auto uk = values_in("uk",
                        "Незгасна зоря поезії Лесі Українки будитиме душі. Зі святом, Доро. "
                        "Терпи, Доро! Карого коня повели до стайні, а Міністерства не "
                        "відповіли. Учора Дністер вийшов з берегів. Депутат Андрій Мельник "
                        "заявив, що Мельник не підтримає закон.");
    // Common words of the language in some case are no one.
    for (const char* junk : {"Карого", "Карий", "Міністерства", "Міністерство", "Дністер"})
        CHECK_FALSE(has_name(uk, junk, "person"));
    // A river is a place.
    CHECK(has_name(uk, "Dniester", "place"));
    // Proper nouns the lists do not know take the dictionary's nominative.
    CHECK(has_name(uk, "Леся Українка", "person"));
    CHECK_FALSE(has_name(uk, "Леся Українки", "person"));
    CHECK(has_name(uk, "Дора", "person"));
    CHECK_FALSE(has_name(uk, "Доро", "person"));
    // A surname that is also a common word ("мельник", a miller) stays after the full name.
    CHECK(std::count(uk.begin(), uk.end(), "person:Андрій Мельник") == 2);
    // Russian has its dictionary too; a surname's nominative shape wins over a plural's
    // genitive ("лужков", of meadows), a headword over a common word ("путина").
    auto ru = values_in("ru",
                        "Вчера Русская православная церковь провела службу. Российский бизнес "
                        "ждёт решений. Позже Лужков заявил, что Путина поддержал губернатор.");
    CHECK_FALSE(has_name(ru, "Русская", "person"));
    CHECK_FALSE(has_name(ru, "Российский", "person"));
    CHECK(has_name(ru, "Лужков", "person"));
    CHECK(has_name(ru, "Путин", "person"));
}

TEST_CASE("facet junk: a Russian federal agency named in one word is an organisation",
          "[facet-junk]") {
    auto ru = values_in("ru",
                        "Глава Роскосмоса встретился с руководством Роснефти и Ростехнадзора. "
                        "Ростислав Петров приехал в Россию.");
    for (const char* org : {"Роскосмос", "Роснефть", "Ростехнадзор"})
        CHECK(has_name(ru, org, "org"));
    CHECK_FALSE(has_name(ru, "Роскосмос", "person"));
    CHECK(has_name(ru, "Ростислав Петров", "person"));
    CHECK(has_name(ru, "Russia", "place"));
}

TEST_CASE("facet junk: a two-word Cyrillic place is read with its adjective in any case",
          "[facet-junk]") {
    auto ru = values_in("ru", "Делегация Новой Зеландии прибыла в Саудовскую Аравию.");
    CHECK(has_name(ru, "New Zealand", "place"));
    CHECK(has_name(ru, "Saudi Arabia", "place"));
    auto uk = values_in("uk", "Делегація Нової Зеландії прибула до Південної Кореї.");
    CHECK(has_name(uk, "New Zealand", "place"));
    CHECK(has_name(uk, "South Korea", "place"));
    // After a sentence's first word too.
    auto union_ru = values_in("ru", "Распад Советского Союза изменил Европу.");
    CHECK(has_name(union_ru, "Soviet Union", "place"));
    auto union_uk = values_in("uk", "Країни Європейського Союзу погодилися.");
    CHECK(has_name(union_uk, "European Union", "org"));
}

TEST_CASE("facet junk: a small town of the text's own region is a place, not a person",
          "[facet-junk]") {
    auto uk = values_in("uk", "Фестиваль пройде в Коломиї. Делегація приїхала з Кіровограда.");
    CHECK(has_name(uk, "Kolomyya", "place"));
    CHECK(has_name(uk, "Kropyvnytskyi", "place"));  // its name until 2016
    CHECK_FALSE(has_name(uk, "Коломия", "person"));
    // A town named after a person is that person after a given name or in a surname's shape.
    auto ru = values_in("ru", "Полёт Юрия Гагарина помнят все. Вчера Медведева не было.");
    CHECK_FALSE(has_name(ru, "Gagarin", "place"));
    CHECK_FALSE(has_name(ru, "Medvedevo", "place"));
}

TEST_CASE("facet junk: a Cyrillic acronym names a country only as the lists know it",
          "[facet-junk]") {
    auto ru = values_in("ru", "Президент ФИДЕ встретился с послами США и КНР.");
    CHECK_FALSE(has_name(ru, "Fiji"));
    CHECK(has_name(ru, "ФИДЕ", "org"));
    CHECK(has_name(ru, "United States", "place"));
    CHECK(has_name(ru, "China", "place"));
}

TEST_CASE("facet junk: a city keeps its name from a region or a smaller namesake", "[facet-junk]") {
    // The Irish province keys as "Münster" does, the Swiss canton and city of Fribourg are
    // "Freiburg" in German: the German cities are several times their size.
    auto de = values_in("de", "Der Zug fuhr von Freiburg nach Münster. In Münster regnete es.");
    CHECK(has_name(de, "Freiburg", "place"));
    CHECK(has_name(de, "Münster", "place"));
    CHECK_FALSE(has_name(de, "Fribourg"));
    CHECK_FALSE(has_name(de, "Munster"));
    // Russian names Münster "Мюнстер", which transliterates to the Irish province's key.
    auto ru = values_in("ru", "Матч прошёл в Мюнстере.");
    CHECK_FALSE(has_name(ru, "Munster"));
}

TEST_CASE("facet junk: a plural country's genitive plural is that country", "[facet-junk]") {
    auto ru = values_in("ru", "Туристы из Нидерландов прибыли в Москву.");
    CHECK(has_name(ru, "Netherlands", "place"));
    CHECK_FALSE(has_name(ru, "Нидерландов", "person"));
    auto uk = values_in("uk", "Гості з Нідерландів приїхали до Києва.");
    CHECK(has_name(uk, "Netherlands", "place"));
}

TEST_CASE("facet junk: a name ends with a name, not a joining particle", "[facet-junk]") {
    auto fr = values_in("fr", "Il a joué avec Pedro de la Torre , Juan el et Maria van de Velde .");
    CHECK_FALSE(has_name(fr, "Juan el"));
    CHECK(has_name(fr, "Pedro de la Torre", "person"));
    CHECK(has_name(fr, "Maria van de Velde", "person"));
}

TEST_CASE("facet junk: a news agency's credit in lower case is that agency", "[facet-junk]") {
    auto de = values_in("de",
                        "Berlin ( dpa ) Die Bundesregierung will die Steuern senken. Das "
                        "berichtete der Evangelische Pressedienst epd am Montag.");
    CHECK(has_name(de, "Deutsche Presse-Agentur", "org"));
    CHECK(has_name(de, "Evangelischer Pressedienst", "org"));
    // Only as the agency writes itself ("AFP", not "afp").
    auto other = values_in("de", "Die Datei endet auf afp und nicht auf pdf .");
    CHECK_FALSE(has_name(other, "Agence France-Presse"));
}

TEST_CASE("facet junk: international bodies by their German, French and Dutch names",
          "[facet-junk]") {
    // The German tagger passed over all three; each is one facet value with the English names.
    auto de = values_in("de",
                        "Die Vereinten Nationen zeigten sich besorgt. Auch die Europäische "
                        "Kommission in Brüssel warnte. Das Rote Kreuz richtete eine "
                        "Notunterkunft ein.");
    CHECK(has_name(de, "United Nations", "org"));
    CHECK(has_name(de, "European Commission", "org"));
    CHECK(has_name(de, "Red Cross", "org"));
    CHECK_FALSE(has_name(de, "Rote Kreuz", "place"));
    auto fr = values_in("fr", "Le Fonds monétaire international a publié ses prévisions.");
    CHECK(has_name(fr, "International Monetary Fund", "org"));
    // A curated one-word form that is also a surname is left to the tagger.
    auto wagner = values_in("de", "Am Abend spielte das Orchester Wagner und Verdi.");
    CHECK_FALSE(has_name(wagner, "Wagner Group", "org"));
}

TEST_CASE("facet junk: a news agency the tagger took for a place is that agency", "[facet-junk]") {
    auto de = values_in("de", "Das sagte er der Agentur Interfax am Montag in Moskau.");
    CHECK(has_name(de, "Interfax", "org"));
    CHECK_FALSE(has_name(de, "Interfax", "place"));
}

TEST_CASE("facet junk: a dateline's cities are places of their own", "[facet-junk]") {
    auto de = values_in("de",
                        "Unwetter in Österreich\n\nSt. Pölten/Graz. Heftige Unwetter haben in "
                        "der Nacht schwere Schäden angerichtet.");
    CHECK(has_name(de, "Graz", "place"));
    for (const std::string& v : de)
        CHECK(v.find('/') == std::string::npos);
}

TEST_CASE("facet junk: a word is one type in one article", "[facet-junk]") {
    // "die Bezirke Melk" was a person beside the town "in Melk".
    auto de = values_in("de",
                        "Besonders betroffen waren die Bezirke Melk, Amstetten und Leibnitz. "
                        "Das Rote Kreuz richtete in Melk eine Notunterkunft ein.");
    CHECK(has_name(de, "Melk", "place"));
    CHECK_FALSE(has_name(de, "Melk", "person"));
}

TEST_CASE("facet junk: a German headline's first noun is no person", "[facet-junk]") {
    auto de = values_in("de",
                        "Messerangriff in Linz\n\nLinz. Die Polizei hat einen Verdächtigen "
                        "festgenommen, sagte Innenminister Gerhard Karner.");
    CHECK_FALSE(has_name(de, "Messerangriff"));
    CHECK(has_name(de, "Gerhard Karner", "person"));
}

TEST_CASE("facet junk: a given name alone or a name's genitive is that person", "[facet-junk]") {
    auto de = values_in("de",
                        "Max Verstappen hat in Spielberg gewonnen. „Max war heute unschlagbar“, "
                        "sagte Christian Horner. Gefragt waren Mozarts Opern und Bruckners "
                        "Symphonien.");
    CHECK(std::count(de.begin(), de.end(), "person:Max Verstappen") == 2);
    CHECK_FALSE(has_name(de, "Max", "person"));
    CHECK(has_name(de, "Mozart", "person"));
    CHECK_FALSE(has_name(de, "Mozarts", "person"));
    // A name that ends in s keeps it.
    auto andreas = values_in("de", "Am Abend kam Andreas nach Hause. Andreas sagte, er sei müde.");
    CHECK(has_name(andreas, "Andreas", "person"));
    CHECK_FALSE(has_name(andreas, "Andrea", "person"));
}

TEST_CASE("facet junk: a name ending in a country's name is no person's", "[facet-junk]") {
    auto de = values_in("de",
                        "Laut Geosphere Austria könnten am Dienstag bis zu 80 Liter Regen "
                        "fallen, teilte Statistik Austria mit.");
    CHECK_FALSE(has_name(de, "Geosphere Austria", "person"));
    CHECK_FALSE(has_name(de, "Statistik Austria", "person"));
    // A person named after a country stays one.
    auto fr = values_in("fr", "Le roman d' Anatole France a été réédité à Paris.");
    CHECK_FALSE(has_name(fr, "Anatole France", "org"));
}

TEST_CASE("facet junk: two common words in Ukrainian are an institution, not a person",
          "[facet-junk]") {
    auto uk = values_in("uk",
                        "Про це повідомила пресслужба Офісу Президента. Підтримка Збройних Сил "
                        "триватиме, заявив Андрій Садовий.");
    CHECK_FALSE(has_name(uk, "Офісу Президента", "person"));
    CHECK_FALSE(has_name(uk, "Офіс Президента", "person"));
    CHECK_FALSE(has_name(uk, "Збройних Сил", "person"));
    // A sentence's first word that is a common word as written is no given name in a case
    // ("Люди": people, not Люда's).
    // Nor is it a known name reached through a case form: "Думаю" (I think) is no Duma's.
    auto think = values_in("uk", "Думаю, що все буде добре. Депутати Думи проголосували.");
    CHECK(std::count(think.begin(), think.end(), "org:Duma") == 1);
    auto people = values_in("uk", "Люди вийшли на вулицю. Вчора до мене прийшла Люда.");
    CHECK_FALSE(has_name(people, "Люди"));
    CHECK(std::count(people.begin(), people.end(), "person:Люда") == 1);
    // A given name with a surname that is also a word ("садовий", of a garden) stays a person.
    CHECK(has_name(uk, "Андрій Садовий", "person"));
}

TEST_CASE("facet junk: a person named after a street word is the street", "[facet-junk]") {
    auto uk = values_in("uk",
                        "Офіс розташований на вул. Грушевського, 5. Мітинг пройшов на вулиці "
                        "Тараса Шевченка. Пам’ятник Тарасу Шевченку відкрили.");
    CHECK(has_name(uk, "вул. Грушевського", "place"));
    CHECK(has_name(uk, "вулиця Тараса Шевченка", "place"));
    CHECK_FALSE(has_name(uk, "Грушевський", "person"));
    CHECK(std::count(uk.begin(), uk.end(), "person:Тарас Шевченко") == 1);
    auto ru = values_in("ru", "Митинг прошёл на улице Ленина.");
    CHECK(has_name(ru, "улица Ленина", "place"));
    CHECK_FALSE(has_name(ru, "Ленин", "person"));
}

TEST_CASE("facet junk: a foreign given name in a Cyrillic case is named in the nominative",
          "[facet-junk]") {
    auto uk = values_in("uk",
                        "Зеленський провів переговори з прем'єр-міністром Польщі "
                        "Дональдом Туском у Києві.");
    CHECK(has_name(uk, "Дональд Туск", "person"));
    CHECK_FALSE(has_name(uk, "Дональдом Туск"));
    // Also where the dictionary heads the name as a proper noun.
    auto tina = values_in("uk",
                          "Концерт дала співачка Тіна Кароль. Разом із Тіною Кароль "
                          "виступив гурт.");
    CHECK(std::count(tina.begin(), tina.end(), "person:Тіна Кароль") == 2);
    // A nominative the dictionary heads is no case of another name ("Дора" is no "Доро"), and
    // a case form takes the headword among its guesses ("Сусанну" is Сусанна, not "Сусанн").
    auto dora = values_in("uk",
                          "Того вечора Дора мовчала. Малий погладив Сусанну по голові. Тоді "
                          "Сусанна заплакала.");
    CHECK(has_name(dora, "Дора", "person"));
    CHECK_FALSE(has_name(dora, "Доро"));
    CHECK_FALSE(has_name(dora, "Сусанн"));
}

TEST_CASE("facet junk: Ukrainian codes, kinds of body and joined bodies are no organisation",
          "[facet-junk]") {
    auto uk = values_in("uk",
                        "Виконавець повинен надрукувати плакати формату А-2 та А-3. Згідно з "
                        "розділом IV ПКУ податок сплачує ОСББ. Справу веде ГУ СБУ в м. Києві. "
                        "Договір уклали Дніпропетровська міськрада і ТОВ «Альфа-Буд». Ремонт "
                        "виконала Харківською національною академією міського господарства "
                        "вартістю 150 тис грн. Заяву оприлюднило Міністерство внутрішніх справ "
                        "України.");
    for (const char* junk : {"А-2", "А-3", "ПКУ", "ОСББ", "ГУ"})
        CHECK_FALSE(has_name(uk, junk));
    // Two letters alone stand for too many things; three may name a body, and a known pair is
    // as the lists name it.
    auto pairs = values_in("uk", "Рішення ухвалили КС і СВ, а також СБУ. Угоду з ЄС підписано.");
    CHECK_FALSE(has_name(pairs, "КС"));
    CHECK_FALSE(has_name(pairs, "СВ"));
    CHECK(has_name(pairs, "SBU", "org"));
    CHECK(has_name(pairs, "European Union", "org"));
    // Pronouns and numbers say which bodies; they name none.
    auto courts = values_in("uk",
                            "Справу розглянули Суди усіх трьох інстанцій. Рішення "
                            "ухвалив Верховний Суд.");
    CHECK(has_name(courts, "Верховний Суд", "org"));
    for (const std::string& v : courts)
        CHECK(v.find("усіх") == std::string::npos);
    // A state service by its short name, in the nominative; the state budget is a word.
    auto state = values_in("uk",
                           "Скаргу подали до Держгеокадастру. Кошти з держбюджету "
                           "надійшли. Держпраці перевірило підприємство.");
    CHECK(has_name(state, "Держгеокадастр", "org"));
    CHECK(has_name(state, "Держпраці", "org"));
    CHECK_FALSE(has_name(state, "Держгеокадастру", "person"));
    CHECK(state.size() == 2);
    CHECK(has_name(uk, "Дніпропетровська міськрада", "org"));
    CHECK(has_name(uk, "Альфа-Буд", "org"));
    CHECK(has_name(uk, "Харківська національна академія міського господарства", "org"));
    CHECK(has_name(uk, "Міністерство внутрішніх справ України", "org"));
    for (const std::string& v : uk) {
        CHECK(v.find("вартістю") == std::string::npos);
        CHECK(v.find(" і ") == std::string::npos);
    }
}

TEST_CASE("facet junk: Russian bodies in every case, named once", "[facet-junk]") {
    auto ru = values_in("ru",
                        "Государственная дума приняла закон. Об этом сообщил председатель "
                        "Госдумы Вячеслав Володин. Документ внесло Министерство финансов "
                        "России. По оценке Минфина, бюджет получит 300 млрд рублей. Закон "
                        "вступит в силу после одобрения Советом Федерации и подписания "
                        "президентом.");
    CHECK(std::count(ru.begin(), ru.end(), "org:Duma") == 2);
    CHECK(has_name(ru, "Министерство финансов России", "org"));
    CHECK(has_name(ru, "Минфин", "org"));
    CHECK_FALSE(has_name(ru, "Минфин", "person"));
    CHECK(has_name(ru, "Совет Федерации", "org"));
    CHECK_FALSE(has_name(ru, "Совет Федерации и подписания"));
    auto cases = values_in("ru", "В Минздраве отметили рост. Укрпошта ответила.");
    CHECK(has_name(cases, "Минздрав", "org"));
    CHECK_FALSE(has_name(cases, "Укрпошт"));
    // An instrumental a preposition governs belongs to the name.
    auto uk = values_in("uk", "Вчора засідав Комітет з питань боротьби з корупцією.");
    CHECK(has_name(uk, "Комітет з питань боротьби з корупцією", "org"));
}

TEST_CASE("facet junk: a name in Latin letters in Russian text is an organisation",
          "[facet-junk]") {
    auto ru = values_in("ru",
                        "Об этом сообщил сайт NEWSru.com. Базу данных MySQL купила корпорация "
                        "Sun. Программу показал телеканал World Fashion Channel. Полёт STS-124 "
                        "прошёл успешно, сообщили в IT отделе.");
    CHECK(has_name(ru, "NEWSru.com", "org"));
    CHECK(has_name(ru, "MySQL", "org"));
    CHECK(has_name(ru, "World Fashion Channel", "org"));
    CHECK_FALSE(has_name(ru, "NEWSru"));
    CHECK_FALSE(has_name(ru, "STS-124"));
    CHECK_FALSE(has_name(ru, "IT"));
    // What the rules drop stays dropped: a month, a nationality, one common word.
    auto dropped = values_in("ru",
                             "Концерт прошёл в January. Команда Swiss выиграла. Сайт LIVE "
                             "обновился.");
    for (const char* junk : {"January", "Swiss", "LIVE"})
        CHECK_FALSE(has_name(dropped, junk, "org"));
}

TEST_CASE("facet junk: a city named by its own Ukrainian or Russian name is that city",
          "[facet-junk]") {
    // Neither transliterates to the English name, so neither was a place: "Мюнхен" read as a
    // person, "Пхеньяном" too.
    auto uk = values_in("uk",
                        "Делегація відвідала Мюнхен і Копенгаген. Переговори з Пхеньяном "
                        "зірвалися, повідомили в Афінах.");
    for (const char* place : {"Munich", "Copenhagen", "Athens"})
        CHECK(has_name(uk, place, "place"));
    for (const char* junk : {"Мюнхен", "Копенгаген", "Пхеньян", "Афіни"})
        CHECK_FALSE(has_name(uk, junk, "person"));
    // A vowel only the nominative has: "Відня" is Відень, Vienna.
    auto vienna = values_in("uk", "Лист прийшов з Відня. Вона довго жила у Відні.");
    CHECK(std::count(vienna.begin(), vienna.end(), "place:Vienna") == 2);
    CHECK_FALSE(has_name(vienna, "Відня", "person"));
    auto ru = values_in("ru", "Самолёт вылетел из Мюнхена в Афины.");
    CHECK(has_name(ru, "Munich", "place"));
    CHECK(has_name(ru, "Athens", "place"));
    // English text shares no key with them: "Мец" (Metz) spelt in Latin letters is "Mets".
    auto en = values("The Mets beat the Braves 5-3 in New York on Sunday.");
    CHECK_FALSE(has_name(en, "Metz", "place"));
}

TEST_CASE("facet junk: a Ukrainian word set in capitals is no acronym of an organisation",
          "[facet-junk]") {
    auto uk = values_in("uk",
                        "Медаль «ЗА ВІЙСЬКОВУ ДОБЛЕСТЬ» вручили бійцю. Представники НАТО та "
                        "ООН прибули до Києва.");
    for (const char* junk : {"ЗА", "ДОБЛЕСТЬ", "ВІЙСЬКОВУ", "ЗА ВІЙСЬКОВУ ДОБЛЕСТЬ"})
        CHECK_FALSE(has_name(uk, junk));
    // Nor anything else: a word in capitals alone names no one.
    auto alone = values_in("uk", "УВАГА! Завтра в місті не буде води.");
    CHECK_FALSE(has_name(alone, "УВАГА"));
    CHECK_FALSE(has_name(alone, "Увага"));
    CHECK(has_name(uk, "NATO", "org"));
    CHECK(has_name(uk, "United Nations", "org"));
}

TEST_CASE("facet junk: a given name written with a hyphen stays in the name", "[facet-junk]") {
    auto v = values(
        "Envoy Park Chol-su met Lee Han-bit in Seoul on Friday, before the "
        "Trump-chaired talks and the Kremlin-backed plan were announced.");
    CHECK(has(v, "person:Park Chol-su"));
    CHECK(has(v, "person:Lee Han-bit"));
    CHECK_FALSE(has_name(v, "Park Chol"));
    CHECK_FALSE(has_name(v, "Trump-chaired"));
    CHECK_FALSE(has_name(v, "Kremlin-backed"));
}

TEST_CASE("facet junk: partners' names joined by an ampersand are a firm", "[facet-junk]") {
    auto v = values(
        "Gordon & Whitlam shares rise on merger.\nGordon & Whitlam has 4.4 million "
        "shares outstanding. Family-controlled Gordon & Whitlam had revenue of $500 "
        "million.");
    CHECK(has_name(v, "Gordon & Whitlam", "org"));
    CHECK_FALSE(has_name(v, "Gordon & Whitlam", "person"));
}

TEST_CASE("facet junk: a name the tagger splits lends no surname", "[facet-junk]") {
    // The rules join "Tom Dunmore of the Nevada"; the place at its end stays a place.
    auto v = values(
        "Farmers are mostly in Nevada. Nevada growers object, said Tom Dunmore of "
        "the Nevada cattle group.");
    CHECK(has_name(v, "Tom Dunmore", "person"));
    CHECK_FALSE(has_name(v, "Nevada", "person"));
    CHECK(has_name(v, "Nevada", "place"));
}

TEST_CASE("facet junk: a dateline is no club named after its city", "[facet-junk]") {
    auto v = values(
        "SOCCER - RESULT IN SPANISH FIRST DIVISION.\nMADRID 1996-09-01\nResult of "
        "the game played on Sunday: Deportivo Coruna 1 Real Madrid 1.");
    CHECK(has(v, "place:Madrid"));
    CHECK_FALSE(has_name(v, "Real Madrid", "person"));
}

TEST_CASE("facet junk: a surname the tagger reads as the person beats a big city of that name",
          "[facet-junk]") {
    // Durán is a city of 200,000 in Ecuador.
    auto v = values(
        "BOXING - ROBERTO DURAN FIGHTS ON\nPANAMA CITY 1996-08-30\nBoxing legend "
        "Roberto \" Hands of Stone \" Duran climbs into the ring on Saturday. Duran , "
        "45 , takes on a Mexican. The fight , Duran 's first at home , is sold out.");
    CHECK_FALSE(has_name(v, "Durán", "place"));
    CHECK(std::count(v.begin(), v.end(), "person:Roberto Duran") >= 2);
}

TEST_CASE("facet junk: an award is no organisation; a qualifier starts no name", "[facet-junk]") {
    auto v = values(
        "Film awards\n\nThe Aviator won the Silver Lantern for best drama. "
        "Oscar-winning actor Tom Harlow took a Silver Lantern award, and the film "
        "is tipped for more Silver Lantern nominations. The plan creates a "
        "Trump-chaired Peace Council.");
    CHECK(has_name(v, "Tom Harlow", "person"));
    CHECK_FALSE(has_name(v, "Silver Lantern"));
    CHECK_FALSE(has_name(v, "Oscar"));
    CHECK_FALSE(has_name(v, "Trump-chaired Peace Council"));
}
