// Plain-sentence queries (stopwords dropped, all words first, else ranked by how many) and the
// "did you mean" suggestion.
#include <byline/indexer.h>
#include <byline/output.h>
#include <byline/searcher.h>

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace byline;

namespace {

struct Index {
    Index() {
        Indexer indexer({.index_path = path()});
        auto add = [&](const std::string& id, const std::string& body) {
            indexer.add({.id = id, .title = "Story " + id, .body = body});
        };
        add("both", "The central bank chairman Volcker spoke on interest rates at the Fed.");
        add("rates", "Interest rates rose on Monday, the bank said.");
        add("fed1", "Volcker left the Fed in 1987.");
        add("fed2", "Volcker testified before Congress.");
        add("fed3", "Volcker said inflation was falling.");
        add("typo", "Volker met bankers in Tokyo.");
        add("oil", "Oil prices fell as OPEC met in Vienna.");
        for (int n = 4; n <= 11; ++n)  // a name the corpus writes often
            add("fed" + std::to_string(n), "Volcker was quoted in story " + std::to_string(n));
    }
    std::string path() const { return dir / "idx"; }
    SearchResult search(const std::string& query) {
        return Searcher(path()).search({.query = query});
    }
    test::TempDir dir;
};

}  // namespace

// Regression: every word was required, "at" and "the" included, so a question found nothing.
TEST_CASE("plain query: stopwords neither restrict the match nor get marked", "[plain]") {
    Index index;
    SearchResult r = index.search("who will replace volcker at the fed");
    CHECK(r.match == "partial");  // no article says "replace"
    CHECK(r.total == 12);
    std::vector<std::string> top = {r.hits[0].id, r.hits[1].id};
    std::sort(top.begin(), top.end());
    CHECK(top == std::vector<std::string>{"both", "fed1"});  // volcker and fed
    for (const auto& hit : r.hits) {
        for (const auto& passage : hit.passages) {
            for (const auto& mark : passage.highlights) {
                std::string word = passage.text.substr(mark.start, mark.end - mark.start);
                CHECK(word != "the");
                CHECK(word != "at");
            }
        }
    }
}

TEST_CASE("plain query: articles with every word, else ranked by how many words they hold",
          "[plain]") {
    Index index;
    SearchResult all = index.search("the volcker interest rates");
    CHECK(all.match == "all");
    CHECK(all.all_words == 1);
    CHECK(all.total == 1);
    REQUIRE(all.hits.size() == 10);  // then those holding some of the words fill the page
    CHECK(all.hits[0].id == "both");
    CHECK(all.hits[1].id == "rates");  // two of the words
    CHECK(all.hits[1].rank == 2);
    for (const auto& passage : all.hits[0].passages) {
        for (const auto& mark : passage.highlights)
            CHECK(passage.text.substr(mark.start, mark.end - mark.start) != "the");
    }
    SearchResult partial = index.search("volcker interest rates opec");
    CHECK(partial.match == "partial");
    CHECK(partial.all_words == 0);
    CHECK(partial.total == 14);
    CHECK(partial.hits[0].id == "both");   // three of the four words
    CHECK(partial.hits[1].id == "rates");  // two
    CHECK(to_json(partial).find("\"match\":\"partial\"") != std::string::npos);
}

TEST_CASE("plain query: only stopwords, operators or quotes keep their usual meaning", "[plain]") {
    Index index;
    CHECK(index.search("the on").match.empty());
    CHECK(index.search("the on").total == 2);  // both words required, as before
    CHECK(index.search("volcker AND opec").match.empty());
    CHECK(index.search("volcker AND opec").total == 0);
    CHECK(index.search("\"interest rates\" opec").match.empty());
    CHECK(index.search("volcker -fed").match.empty());
}

TEST_CASE("did you mean: a rare word next to a much more frequent spelling", "[plain]") {
    Index index;
    SearchResult typo = index.search("volker");
    CHECK(typo.total == 1);  // the article that misspells it too
    CHECK(typo.suggestion == "volcker");
    CHECK(index.search("Volker rates").suggestion == "volcker rates");
    CHECK(index.search("volcker").suggestion.empty());  // common: never corrected
    CHECK(index.search("tokyo").suggestion.empty());    // rare, but nothing near it
    CHECK(index.search("-volker oil").suggestion.empty());
    CHECK(to_json(typo).find("\"suggestion\":\"volcker\"") != std::string::npos);
}
