// Entity facets over an index built in memory: counts, filters, canonical keys, passages.
#include <byline/error.h>
#include <byline/indexer.h>
#include <byline/searcher.h>

#include "index/stored_doc.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace byline;

namespace {

// Each article names its entities once or twice; the comments say what the extractor finds.
const std::vector<Document>& news() {
    static const std::vector<Document> docs = {
        // person: Volodymyr Zelenskyy, Steve Witkoff; place: Geneva; org: NATO
        {.id = "geneva",
         .title = "Envoys meet in Geneva",
         .body = "Ukrainian President Volodymyr Zelenskyy met Steve Witkoff in Geneva on Sunday. "
                 "NATO allies watched the talks closely.\nThe talks went late into the night."},
        // person: Volodymyr Zelensky (same key as Zelenskyy); place: Kyiv; org: Kremlin
        {.id = "kyiv",
         .title = "Zelensky returns home",
         .body = "Volodymyr Zelensky flew back to Kyiv on Monday. The Kremlin declined to "
                 "comment."},
        // person: Vladimir Putin, Steve Witkoff (twice); place: Moscow, Geneva; org: Kremlin
        {.id = "moscow",
         .title = "Putin hosts envoy",
         .body = "Russian President Vladimir Putin received Steve Witkoff in Moscow. The Kremlin "
                 "called the meeting useful. Witkoff left for Geneva on Tuesday."},
        // person: Zelenskiy (surname only: key "zelensky"); place: Kyiv (written Kiev);
        // org: European Union
        {.id = "kiev",
         .title = "Aid convoy arrives",
         .body = "A convoy of trucks reached Kiev overnight. President Zelenskiy thanked the "
                 "European Union for the aid."},
        // person: Volodymyr Zelenskyy; place: Brussels; org: NATO
        {.id = "summit",
         .title = "Summit planned",
         .body = "Volodymyr Zelenskyy will meet NATO leaders in Brussels next month."},
        // place: London
        {.id = "markets",
         .title = "Markets calm",
         .body = "Shares rose in London as investors waited for news of the talks."},
    };
    return docs;
}

class Fixture {
  public:
    explicit Fixture(const std::vector<Document>& docs = news(), ExtractOptions extract = {}) {
        Indexer indexer({.index_path = path(), .extract = std::move(extract)});
        for (const Document& d : docs)
            indexer.add(d);
    }
    std::string path() const { return dir_ / "idx"; }
    const test::TempDir& dir() const { return dir_; }

    SearchResult search(const std::string& query, SearchRequest request = {}) {
        request.query = query;
        return Searcher(path()).search(request);
    }

    /// Sorted ids of every match.
    std::vector<std::string> ids(const std::string& query) {
        SearchRequest request;
        request.limit = 100;
        SearchResult r = search(query, request);
        std::vector<std::string> out;
        for (const Hit& h : r.hits)
            out.push_back(h.id);
        std::sort(out.begin(), out.end());
        CHECK(out.size() == r.total);
        return out;
    }

    /// "Value:count Value:count" of one facet, most frequent first.
    std::string facet(const std::string& query, const std::string& name,
                      SearchRequest request = {}) {
        request.facet_limit = 100;
        return render(search(query, request), name);
    }

    static std::string render(const SearchResult& r, const std::string& name) {
        std::string out;
        for (const Facet& f : r.facets) {
            if (f.name != name) continue;
            for (const FacetValue& v : f.values) {
                if (!out.empty()) out += ' ';
                out += v.value + ":" + std::to_string(v.count);
            }
        }
        return out;
    }

  private:
    test::TempDir dir_;
};

using Ids = std::vector<std::string>;

std::vector<std::string> marked(const Passage& p) {
    std::vector<std::string> out;
    for (const auto& h : p.highlights)
        out.push_back(p.text.substr(h.start, h.end - h.start));
    return out;
}

const Document& news_doc(const std::string& id) {
    for (const Document& d : news()) {
        if (d.id == id) return d;
    }
    FAIL("no test document " << id);
    return news().front();
}

}  // namespace

TEST_CASE("entity facets: counts are exact document counts over the whole index",
          "[entity-facets]") {
    Fixture f;
    // Witkoff is named twice in "moscow" and still counts one document there. "kiev" names
    // only "President Zelenskiy": the index's other articles make it the same person.
    CHECK(f.facet("", "person") == "Volodymyr Zelenskyy:4 Steve Witkoff:2 Vladimir Putin:1");
    CHECK(f.facet("", "place") == "Geneva:2 Kyiv:2 Brussels:1 London:1 Moscow:1");
    CHECK(f.facet("", "org") == "Kremlin:2 NATO:2 European Union:1");
}

TEST_CASE("entity facets: counts cover the match set, not the page of hits", "[entity-facets]") {
    Fixture f;
    SearchRequest one;
    one.limit = 1;
    // "talks" matches geneva and markets; one hit is shown, both are counted.
    CHECK(f.facet("talks", "person", one) == "Steve Witkoff:1 Volodymyr Zelenskyy:1");
    CHECK(f.facet("talks", "place", one) == "Geneva:1 London:1");
    CHECK(f.facet("talks", "org", one) == "NATO:1");
    CHECK(f.facet("kremlin", "person", one) ==
          "Steve Witkoff:1 Vladimir Putin:1 Volodymyr Zelenskyy:1");
}

TEST_CASE("entity facets: the facet limit keeps the most frequent values", "[entity-facets]") {
    Fixture f;
    SearchRequest request;
    request.facet_limit = 2;
    CHECK(Fixture::render(f.search("", request), "person") ==
          "Volodymyr Zelenskyy:4 Steve Witkoff:2");
}

TEST_CASE("entity facets: a filter matches the full name and its spelling variants",
          "[entity-facets]") {
    Fixture f;
    // With "kiev", whose "President Zelenskiy" the corpus knows as Volodymyr Zelenskyy.
    const Ids zelenskyy{"geneva", "kiev", "kyiv", "summit"};
    CHECK(f.ids("person:\"Volodymyr Zelenskyy\"") == zelenskyy);
    CHECK(f.ids("person:\"Volodymyr Zelensky\"") == zelenskyy);
    CHECK(f.ids("person:\"volodymyr zelenskiy\"") == zelenskyy);
    CHECK(f.ids("person:\"Steve Witkoff\"") == Ids{"geneva", "moscow"});
    CHECK(f.ids("place:Kyiv") == Ids{"kiev", "kyiv"});
    CHECK(f.ids("place:Kiev") == Ids{"kiev", "kyiv"});
    CHECK(f.ids("org:\"European Union\"") == Ids{"kiev"});
    CHECK(f.ids("place:Paris").empty());
    CHECK(f.ids("person:Geneva").empty());  // a place is not a person
}

TEST_CASE("entity facets: a filter written as the articles write a name finds the entity",
          "[entity-facets]") {
    Fixture f({{.id = "acronym",
                .title = "Loan approved",
                .body = "The IMF approved a loan to Kenya. Officials in the U.S. welcomed it."},
               {.id = "full",
                .title = "Fund warns",
                .body = "The International Monetary Fund warned about debt in the United "
                        "States."},
               {.id = "other", .title = "Rain", .body = "It rained in Nairobi on Monday."}});
    // "IMF" and "U.S." were indexed as the International Monetary Fund and the United States.
    CHECK(f.facet("", "org") == "International Monetary Fund:2");
    CHECK(f.ids("org:IMF") == Ids{"acronym", "full"});
    CHECK(f.ids("org:imf") == Ids{"acronym", "full"});
    CHECK(f.ids("org:\"International Monetary Fund\"") == Ids{"acronym", "full"});
    CHECK(f.ids("place:U.S.") == Ids{"acronym", "full"});
    CHECK(f.ids("place:\"United States\"") == Ids{"acronym", "full"});
    CHECK(f.ids("org:U.S.").empty());  // a form is looked up in its own facet
    CHECK(f.ids("place:IMF").empty());
}

TEST_CASE("entity facets: a one-word person value also matches by surname", "[entity-facets]") {
    Fixture f;
    // "kiev" names only "Zelenskiy"; the others name Volodymyr Zelenskyy/Zelensky.
    const Ids all{"geneva", "kiev", "kyiv", "summit"};
    CHECK(f.ids("person:zelensky") == all);
    CHECK(f.ids("person:Zelenskiy") == all);
    CHECK(f.ids("person:ZELENSKYY") == all);
    CHECK(f.ids("person:witkoff") == Ids{"geneva", "moscow"});
    CHECK(f.ids("person:volodymyr").empty());  // a first name is not a surname
}

TEST_CASE("entity facets: values of one facet OR together, facets AND", "[entity-facets]") {
    Fixture f;
    CHECK(f.ids("place:Geneva place:Kyiv") == Ids{"geneva", "kiev", "kyiv", "moscow"});
    CHECK(f.ids("person:putin person:\"Volodymyr Zelenskyy\"") ==
          Ids{"geneva", "kiev", "kyiv", "moscow", "summit"});
    CHECK(f.ids("person:witkoff place:Moscow") == Ids{"moscow"});
    CHECK(f.ids("place:Geneva org:Kremlin") == Ids{"moscow"});
    CHECK(f.ids("place:Geneva place:Brussels org:NATO") == Ids{"geneva", "summit"});
    CHECK(f.ids("person:zelensky org:NATO place:Brussels") == Ids{"summit"});
}

TEST_CASE("entity facets: explicit AND asks for both values of one facet", "[entity-facets]") {
    Fixture f;
    CHECK(f.ids("person:witkoff AND person:putin") == Ids{"moscow"});
    CHECK(f.ids("place:Geneva AND place:Moscow") == Ids{"moscow"});
    CHECK(f.ids("place:Geneva AND place:Kyiv").empty());
    CHECK(f.ids("org:NATO AND org:Kremlin").empty());
}

TEST_CASE("entity facets: filters combine with words", "[entity-facets]") {
    Fixture f;
    CHECK(f.ids("place:Geneva talks") == Ids{"geneva"});
    CHECK(f.ids("talks place:Geneva") == Ids{"geneva"});
    CHECK(f.ids("witkoff -place:Moscow") == Ids{"geneva"});
    CHECK(f.ids("talks OR convoy") == Ids{"geneva", "kiev", "markets"});
}

TEST_CASE("entity facets: the quoted values --person/--place/--org produce work as typed",
          "[entity-facets]") {
    Fixture f;
    // byline-search turns `--person Zelenskiy --place Geneva witkoff` into this query text.
    CHECK(f.ids("person:\"Zelenskiy\"") == f.ids("person:zelensky"));
    CHECK(f.ids("witkoff place:\"Geneva\"") == Ids{"geneva", "moscow"});
    CHECK(f.ids("witkoff place:\"Geneva\" place:\"Kyiv\"") == Ids{"geneva", "moscow"});
    CHECK(f.ids("person:\"Steve Witkoff\" org:\"Kremlin\"") == Ids{"moscow"});
}

TEST_CASE("entity facets: a negated entity filter excludes and is never marked",
          "[entity-facets]") {
    Fixture f;
    CHECK(f.ids("-person:witkoff") == Ids{"kiev", "kyiv", "markets", "summit"});
    CHECK(f.ids("person:zelensky -place:Kyiv") == Ids{"geneva", "summit"});
    CHECK(f.ids("talks -org:NATO") == Ids{"markets"});
    // Excluded documents are not counted in the facets either.
    CHECK(f.facet("-person:witkoff", "place") == "Kyiv:2 Brussels:1 London:1");
    SearchRequest request;
    request.passages = 3;
    SearchResult r = f.search("place:Geneva -person:putin", request);
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].id == "geneva");
    REQUIRE(!r.hits[0].passages.empty());
    for (const Passage& p : r.hits[0].passages)
        CHECK(marked(p) == std::vector<std::string>{"Geneva"});
    // The only entity filter is negated: nothing is marked.
    for (const Hit& h : f.search("-person:zelensky -person:putin", request).hits) {
        for (const Passage& p : h.passages)
            CHECK(p.highlights.empty());
    }
}

TEST_CASE("entity facets: the display name is the form most documents use", "[entity-facets]") {
    SECTION("two documents write Zelenskyy, one Zelensky") {
        Fixture f;
        CHECK(f.facet("person:\"Volodymyr Zelensky\"", "person") ==
              "Volodymyr Zelenskyy:4 Steve Witkoff:1");
    }
    SECTION("two documents write Zelensky, one Zelenskyy") {
        Fixture f({{.id = "a", .title = "One", .body = "Volodymyr Zelensky spoke in Kyiv."},
                   {.id = "b", .title = "Two", .body = "Volodymyr Zelenskyy spoke in Kyiv."},
                   {.id = "c", .title = "Three", .body = "Volodymyr Zelensky spoke in Kyiv."}});
        CHECK(f.facet("", "person") == "Volodymyr Zelensky:3");
    }
    SECTION("the majority survives separate commits") {
        test::TempDir dir;
        const std::string path = dir / "idx";
        int n = 0;
        for (const char* form : {"Zelenskiy", "Zelensky", "Zelenskiy"}) {
            Indexer indexer({.index_path = path});  // each commits when it goes
            indexer.add({.id = "doc" + std::to_string(++n),
                         .title = "T",
                         .body = std::string("Volodymyr ") + form + " spoke in Kyiv."});
        }
        SearchRequest request;
        request.facets = {"person"};
        CHECK(Fixture::render(Searcher(path).search(request), "person") == "Volodymyr Zelenskiy:3");
    }
}

TEST_CASE("entity facets: entity-only passages are the sentences with the mention marked",
          "[entity-facets]") {
    Fixture f;
    SearchRequest request;
    request.passages = 5;
    // Golden "[mark] passage text" per passage and mark, in passage order.
    auto passages = [&](const std::string& query, const std::string& id) {
        INFO(query);
        SearchResult r = f.search(query, request);
        std::vector<std::string> out;
        for (const Hit& h : r.hits) {
            if (h.id != id) continue;
            const std::string& body = news_doc(id).body;
            for (const Passage& p : h.passages) {
                CHECK(body.substr(p.start, p.end - p.start) == p.text);
                for (const std::string& m : marked(p))
                    out.push_back("[" + m + "] " + p.text);
            }
        }
        return out;
    };
    using Lines = std::vector<std::string>;
    // One window takes in both mentions of Witkoff, each marked as written.
    const std::string moscow = news_doc("moscow").body;
    CHECK(passages("person:\"Steve Witkoff\"", "moscow") ==
          Lines{"[Steve Witkoff] " + moscow, "[Witkoff] " + moscow});
    CHECK(passages("person:witkoff", "geneva") ==
          Lines{"[Steve Witkoff] Ukrainian President Volodymyr Zelenskyy met Steve Witkoff in "
                "Geneva on Sunday."});
    CHECK(passages("person:putin", "moscow") ==
          Lines{"[Vladimir Putin] Russian President Vladimir Putin received Steve Witkoff in "
                "Moscow."});
    CHECK(passages("person:zelensky", "kiev") ==
          Lines{"[Zelenskiy] President Zelenskiy thanked the European Union for the aid."});
    CHECK(passages("place:Kyiv", "kiev") ==
          Lines{"[Kiev] A convoy of trucks reached Kiev overnight."});
    CHECK(passages("place:Kiev", "kyiv") ==
          Lines{"[Kyiv] Volodymyr Zelensky flew back to Kyiv on Monday."});
    CHECK(passages("org:nato", "geneva") == Lines{"[NATO] NATO allies watched the talks closely."});
}

TEST_CASE("entity facets: stored entity keys and mentions survive a round trip",
          "[entity-facets]") {
    index::StoredDoc in;
    in.doc = {.id = "a", .title = "T", .body = "Steve Witkoff met Putin in Moscow."};
    in.body_size = in.doc.body.size();
    in.sentences = {{0, in.doc.body.size()}};
    in.sentence_positions = {0};
    in.entity_keys = {"steve witkoff", "vladimir putin", "moscow"};
    in.mentions = {{4, 0, 0, 13}, {4, 1, 18, 23}, {5, 2, 27, 33}};
    index::StoredDoc out = index::unserialise(index::serialise(in));
    CHECK(out.doc.body == in.doc.body);
    CHECK(out.entity_keys == in.entity_keys);
    REQUIRE(out.mentions.size() == in.mentions.size());
    for (std::size_t i = 0; i < in.mentions.size(); ++i) {
        CHECK(out.mentions[i].facet == in.mentions[i].facet);
        CHECK(out.mentions[i].key == in.mentions[i].key);
        CHECK(out.mentions[i].start == in.mentions[i].start);
        CHECK(out.mentions[i].end == in.mentions[i].end);
    }
    index::StoredDoc none = index::unserialise(index::serialise({.doc = {.id = "b"}}));
    CHECK(none.entity_keys.empty());
    CHECK(none.mentions.empty());
}

TEST_CASE("entity facets: damaged stored entity data raises IndexError", "[entity-facets]") {
    index::StoredDoc good;
    good.doc = {.id = "a", .body = "Kyiv and Geneva."};
    good.body_size = good.doc.body.size();
    good.entity_keys = {"kyiv", "geneva"};
    good.mentions = {{5, 0, 0, 4}, {5, 1, 9, 15}};
    const std::string data = index::serialise(good);
    for (std::size_t n = 0; n < data.size(); ++n) {
        INFO("cut at byte " << n);
        CHECK_THROWS_AS(index::unserialise(data.substr(0, n)), IndexError);
    }
    SECTION("a mention refers to a key that is not there") {
        index::StoredDoc bad = good;
        bad.mentions[1].key = 2;
        CHECK_THROWS_AS(index::unserialise(index::serialise(bad)), IndexError);
    }
    SECTION("a mention ends beyond the body") {
        index::StoredDoc bad = good;
        bad.mentions[1].end = good.body_size + 1;
        CHECK_THROWS_AS(index::unserialise(index::serialise(bad)), IndexError);
    }
    SECTION("another format byte") {
        std::string other = data;
        other[0] = '\x01';
        CHECK_THROWS_AS(index::unserialise(other), IndexError);
    }
}

TEST_CASE("entity facets: a user entities file adds an entity and ignores junk",
          "[entity-facets]") {
    const std::vector<Document> docs = {
        {.id = "grid",
         .title = "Power cut",
         .body = "Grid operator Zorianergo cut power in Odesa. The plan creates a Trump-chaired "
                 "Peace Council."}};
    Fixture plain(docs);
    // Without the file the extractor misses Zorianergo and keeps the Peace Council.
    CHECK(plain.facet("", "org") == "Peace Council:1");
    CHECK(plain.ids("org:Zorianergo").empty());

    test::TempDir dir;
    ExtractOptions extract;
    extract.entities_file =
        dir.write("entities.tsv", "# grid operators\norg\tZorianergo\nignore\tPeace Council\n");
    Fixture user(docs, extract);
    CHECK(user.facet("", "org") == "Zorianergo:1");
    CHECK(user.facet("", "place") == "Odesa:1");
    CHECK(user.ids("org:zorianergo") == Ids{"grid"});
    CHECK(user.ids("org:\"Peace Council\"").empty());
}

TEST_CASE("entity facets: with extraction off there are no entity facets or matches",
          "[entity-facets]") {
    ExtractOptions off;
    off.entities = false;
    Fixture f(news(), off);
    CHECK(f.ids("").size() == news().size());
    for (const char* name : {"person", "place", "org"})
        CHECK(f.facet("", name).empty());
    CHECK(f.ids("person:witkoff").empty());
    CHECK(f.ids("place:Geneva").empty());
    CHECK(f.ids("geneva") == Ids{"geneva", "moscow"});  // the words are still there
}
