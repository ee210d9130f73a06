// A sharded index (index/shards.h) answers every query as one index of the same articles does:
// totals, ranked ids and scores, facets, histograms, co-mentions, trends, collapse, passages.
#include <byline/error.h>
#include <byline/indexer.h>
#include <byline/output.h>
#include <byline/searcher.h>

#include "index/schema.h"
#include "index/shards.h"
#include "temp_dir.h"

#include <xapian.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace byline;

namespace {

constexpr const char* kPeople[] = {"Angela Merkel", "Emmanuel Macron", "Olaf Scholz",
                                   "Ursula von der Leyen", "Mark Rutte"};
constexpr const char* kPlaces[] = {"Berlin", "Paris", "Brussels", "Amsterdam", "Madrid"};

// Articles with shared words, people and places named together, dated and undated, and wire
// copies (the same text under another id) for collapse.
std::vector<Document> generated_articles(int count) {
    std::vector<Document> out;
    for (int n = 0; n < count; ++n) {
        const int copy = n % 7 == 6 ? n - 1 : n;  // every seventh repeats the one before
        std::string body = std::string(kPeople[copy % 5]) + " met " + kPeople[(copy / 5) % 5] +
                           " in " + kPlaces[copy % 3 + (copy % 2)] + " on trade and energy. ";
        body += "The talks about budget number " + std::to_string(copy) + " went on. ";
        if (copy % 4 == 0) body += "Energy prices rose in " + std::string(kPlaces[4]) + ". ";
        if (copy % 3 == 0) body += "The summit said the budget would pass. ";
        Document d;
        d.id = "article-" + std::to_string(n);
        d.title = "Talks " + std::to_string(copy);
        d.body = body;
        if (n % 5 != 0)
            d.date = "2025-0" + std::to_string(1 + n % 9) + "-1" + std::to_string(n % 3);
        d.source = n % 2 ? "Wire A" : "Wire B";
        out.push_back(std::move(d));
    }
    return out;
}

void index_all(const std::string& path, unsigned shards, const std::vector<Document>& docs) {
    IndexOptions options;
    options.index_path = path;
    options.shards = shards;
    options.threads = 1;
    options.batch_size = 37;  // several commits
    Indexer indexer(options);
    for (const Document& d : docs)
        indexer.add(d);
    indexer.compact_if_due();
}

std::vector<SearchRequest> requests() {
    std::vector<SearchRequest> out;
    for (const char* query :
         {"", "budget", "energy prices", "trade -summit", "person:\"Angela Merkel\"", "place:Paris",
          "summit OR Madrid", "\"budget number\"", "the"}) {
        SearchRequest r;
        r.query = query;
        r.limit = 25;
        r.facet_limit = 50;
        out.push_back(r);
        r.sort = SortOrder::date_desc;  // all of them: see answer()
        r.limit = 1000;
        out.push_back(r);
        r.sort = SortOrder::date_asc;
        out.push_back(r);
        r = SearchRequest{};
        r.query = query;
        r.collapse = true;
        r.facets = {"co_person", "co_place", "person"};
        r.trends = {"person"};
        r.date_facet = "day";
        out.push_back(r);
    }
    return out;
}

// The answer as JSON, exactly: in date order too, articles of one day and one weight come in
// the order one index gives them (its docid order), which a sharded index follows by sequence.
std::string answer(Searcher& searcher, const SearchRequest& request) {
    SearchResult result = searcher.search(request);
    result.took_ms = 0;
    return to_json(result, true);
}

void check_same_answers(const std::string& single, const std::string& sharded) {
    Searcher one(single), many(sharded);
    REQUIRE(one.document_count() == many.document_count());
    for (const SearchRequest& request : requests()) {
        INFO("query '" << request.query << "' sort " << static_cast<int>(request.sort)
                       << " collapse " << request.collapse);
        CHECK(answer(one, request) == answer(many, request));
    }
}

// The article shard an id term is in, by opening each shard folder alone.
unsigned shard_holding(const std::string& index, const std::string& id) {
    const std::vector<std::string> folders = index::shard_folders(index);
    unsigned found = 0;
    for (std::size_t k = 0; k < folders.size(); ++k) {
        Xapian::Database shard(folders[k]);
        if (shard.term_exists(schema::id_term(id))) found = static_cast<unsigned>(k);
    }
    return found;
}

}  // namespace

TEST_CASE("a sharded index gives the answers of one index of the same articles") {
    test::TempDir dir;
    const std::vector<Document> docs = generated_articles(300);
    index_all(dir / "one", 0, docs);
    index_all(dir / "three", 3, docs);
    CHECK(index::holds_sharded_index(dir / "three"));
    CHECK(index::shard_folders(dir / "three").size() == 4);
    check_same_answers(dir / "one", dir / "three");
}

TEST_CASE("the sample corpus sharded gives the answers of one index") {
    test::TempDir dir;
    for (unsigned shards : {0u, 2u}) {
        IndexOptions options;
        options.index_path = dir / ("ix" + std::to_string(shards));
        options.shards = shards;
        Indexer indexer(options);
        indexer.add_paths({BYLINE_SAMPLE_CORPUS});
        indexer.compact_if_due();
    }
    check_same_answers(dir / "ix0", dir / "ix2");
}

TEST_CASE("articles go to the shard of their id's hash, and re-indexing replaces them there") {
    test::TempDir dir;
    const std::vector<Document> docs = generated_articles(120);
    index_all(dir / "ix", 4, docs);
    index_all(dir / "ix", 0, docs);  // again: the index keeps its four shards
    Searcher searcher(dir / "ix");
    CHECK(searcher.document_count() == docs.size());
    std::vector<std::size_t> per_shard(5);
    for (const Document& d : docs) {
        const unsigned k = shard_holding(dir / "ix", d.id);
        CHECK(k == index::shard_of(schema::id_term(d.id), 4));
        ++per_shard[k];
    }
    CHECK(per_shard[0] == 0);  // shard 0 holds the index's metadata only
    for (std::size_t k = 1; k <= 4; ++k)
        CHECK(per_shard[k] > 10);  // the hash spreads them
}

TEST_CASE("deleting from a sharded index, and asking for another number of shards") {
    test::TempDir dir;
    const std::vector<Document> docs = generated_articles(60);
    index_all(dir / "ix", 3, docs);
    index_all(dir / "one", 0, docs);
    for (const std::string& path : {dir / "ix", dir / "one"}) {
        IndexOptions options;
        options.index_path = path;
        Indexer indexer(options);
        CHECK(indexer.remove("article-7"));
        CHECK(indexer.remove("article-8"));
        CHECK_FALSE(indexer.remove("article-7"));
        indexer.commit();
    }
    check_same_answers(dir / "one", dir / "ix");

    IndexOptions other;
    other.index_path = dir / "ix";
    other.shards = 2;
    CHECK_THROWS_AS(Indexer(other), UsageError);
    other.index_path = dir / "one";
    CHECK_THROWS_AS(Indexer(other), UsageError);
}

// The shard threads write while the calling thread finds earlier versions in what the last
// commit holds and what it wrote since: replacing and deleting, committed or not, in any order.
TEST_CASE("re-indexing and deleting while the shard threads write give one index's answers") {
    test::TempDir dir;
    std::vector<Document> docs = generated_articles(150);
    index_all(dir / "one", 0, docs);
    index_all(dir / "four", 4, docs);
    std::vector<Document> changed = generated_articles(220);
    for (Document& d : changed)
        d.title += " revised";
    std::vector<IndexStats> stats;
    std::vector<std::vector<bool>> removed(2);
    for (const std::string& path : {dir / "one", dir / "four"}) {
        IndexOptions options;
        options.index_path = path;
        options.threads = 1;
        options.batch_size = 50;  // commits in between, and some changes left to the end
        Indexer indexer(options);
        for (std::size_t n = 100; n < changed.size(); ++n) {
            indexer.add(changed[n]);  // replaces a committed article, or adds one
            if (n % 9 == 0) CHECK(indexer.remove(changed[n].id));  // just written
            if (n % 11 == 0) indexer.add(changed[n - 1]);          // written again
            if (n % 13 == 0)  // committed long ago, unless deleted above
                removed[stats.size()].push_back(indexer.remove(docs[n - 100].id));
            if (n % 26 == 0) indexer.add(docs[n - 100]);  // and back
        }
        indexer.commit();
        stats.push_back(indexer.stats());
    }
    CHECK(stats[0].added == stats[1].added);
    CHECK(stats[0].replaced == stats[1].replaced);
    CHECK(stats[0].removed == stats[1].removed);
    CHECK(removed[0] == removed[1]);
    CHECK(std::count(removed[0].begin(), removed[0].end(), true) >= 6);
    check_same_answers(dir / "one", dir / "four");
}

// Wire copies: the same text on the same day, so the same weight for any query. One index
// gives such ties in its docid order; a sharded index must give them in that order too.
TEST_CASE("ties of a date and a weight come in one index's order from a sharded index") {
    test::TempDir dir;
    std::vector<Document> docs;
    for (int n = 0; n < 60; ++n) {
        Document d;
        d.id = "wire-" + std::to_string(n * 7919 % 1000);  // ids in no order the shards keep
        d.title = "Port strike";
        d.body = "Dock workers in Rotterdam walked out over pay. Ships waited at anchor.";
        d.date = n % 3 ? "2024-03-0" + std::to_string(1 + n % 2) : "";
        docs.push_back(std::move(d));
    }
    index_all(dir / "one", 0, docs);
    index_all(dir / "three", 3, docs);
    Searcher one(dir / "one"), many(dir / "three");
    for (SortOrder sort : {SortOrder::date_desc, SortOrder::date_asc}) {
        for (std::size_t offset : {0u, 7u, 25u}) {
            SearchRequest r;
            r.query = "strike";
            r.sort = sort;
            r.offset = offset;
            r.limit = 12;
            INFO("sort " << static_cast<int>(sort) << " offset " << offset);
            CHECK(answer(one, r) == answer(many, r));
        }
    }
}

// Regression: the recency boost counted each shard's age from that shard's own newest date, so
// the newest article of every shard got the whole boost.
TEST_CASE("recency is counted from the whole sharded index's newest date") {
    test::TempDir dir;
    std::vector<Document> docs;
    for (int n = 0; n < 12; ++n) {
        Document d;
        d.id = "strike-" + std::to_string(n);
        d.title = "Port strike";
        d.body = "Dock workers walked out over pay in the harbour today.";
        d.date = "2024-03-" + std::string(n < 9 ? "0" : "") + std::to_string(n + 1);
        docs.push_back(std::move(d));
    }
    index_all(dir / "one", 0, docs);
    index_all(dir / "three", 3, docs);
    Searcher one(dir / "one"), many(dir / "three");
    SearchRequest r;
    r.query = "strike";
    r.recency_half_life_days = 7;
    CHECK(answer(one, r) == answer(many, r));
    CHECK(one.search(r).hits.front().date == "2024-03-12");
}
