// The embedding API: structured filters, the document view, index info and reopening.
#include <byline/byline.h>

#include "search/filters.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace byline;

namespace {

Document article(std::string id, std::string title, std::string body, std::string date = "",
                 std::string source = "") {
    return {.id = std::move(id),
            .title = std::move(title),
            .body = std::move(body),
            .date = std::move(date),
            .source = std::move(source)};
}

void add_articles(const std::string& index, std::vector<Document> docs) {
    Indexer indexer({.index_path = index});
    for (Document& d : docs)
        indexer.add(std::move(d));
}

std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const Hit& h : r.hits)
        out.push_back(h.id);
    std::sort(out.begin(), out.end());
    return out;
}

const std::vector<Document>& corpus() {
    static const std::vector<Document> docs = {
        article("geneva", "Envoys meet in Geneva",
                "Steve Witkoff met Rustem Umerov in Geneva on Sunday. Witkoff said on November "
                "20, 2025 that the talks went well.",
                "2025-11-23", "Example Wire"),
        article("kyiv", "Kyiv waits",
                "Volodymyr Zelenskyy spoke in Kyiv. Zelenskyy thanked Steve Witkoff.", "2025-11-25",
                "Daily Post"),
        article("markets", "Markets calm", "Shares rose in London as investors waited.",
                "2025-10-02", "Example Wire"),
    };
    return docs;
}

}  // namespace

TEST_CASE("filters: structured filters match the same articles as the query syntax",
          "[embedding]") {
    test::TempDir dir;
    add_articles(dir / "idx", corpus());
    Searcher searcher(dir / "idx");
    auto run = [&](SearchRequest request) { return ids(searcher.search(request)); };

    SearchRequest by_fields;
    by_fields.filters.people = {"Steve Witkoff"};
    by_fields.filters.places = {"Geneva"};
    SearchRequest by_text;
    by_text.query = "person:\"Steve Witkoff\" place:Geneva";
    CHECK(run(by_fields) == std::vector<std::string>{"geneva"});
    CHECK(run(by_fields) == run(by_text));

    SearchRequest two_places;  // values of one facet are alternatives
    two_places.filters.places = {"Geneva", "Kyiv"};
    CHECK(run(two_places) == std::vector<std::string>{"geneva", "kyiv"});

    SearchRequest words_and_source;  // a word query AND a source
    words_and_source.query = "talks OR shares";
    words_and_source.filters.sources = {"Example Wire"};
    CHECK(run(words_and_source) == std::vector<std::string>{"geneva", "markets"});

    SearchRequest dates;
    dates.filters.since = "2025-11";
    CHECK(run(dates) == std::vector<std::string>{"geneva", "kyiv"});
    dates.filters.until = "2025-11-24";
    CHECK(run(dates) == std::vector<std::string>{"geneva"});
    CHECK(searcher.search(dates).query == "date:2025-11..2025-11-24");

    SearchRequest bad;
    bad.filters.since = "2025-13";
    CHECK_THROWS_AS(searcher.search(bad), UsageError);
}

TEST_CASE("filters: a filter joins the query's own same-facet filters as an alternative",
          "[embedding]") {
    SearchFilters filters;
    filters.places = {"Kyiv"};
    search::QueryNode tree = search::parse_with_filters("talks place:Geneva", filters);
    REQUIRE(tree.type == search::QueryNode::Type::all_of);
    CHECK(tree.children.size() == 3);
    CHECK(search::query_with_filters("talks", filters) == "talks place:\"Kyiv\"");
    CHECK(search::query_with_filters("", {}) == "");
    // An explicit AND keeps the user's group whole.
    tree = search::parse_with_filters("talks AND geneva", filters);
    CHECK(tree.children.size() == 2);
}

TEST_CASE("document view: the whole stored article with its entities and mentioned days",
          "[embedding]") {
    test::TempDir dir;
    std::vector<Document> docs = corpus();
    std::string long_body;
    while (long_body.size() < 100 * 1024)
        long_body += "Steve Witkoff flew to Berlin again for another round. ";
    docs.push_back(article("long", "A long read", long_body, "2025-11-01"));
    add_articles(dir / "idx", docs);
    Searcher searcher(dir / "idx");

    std::optional<DocumentView> view = searcher.document("geneva");
    REQUIRE(view);
    CHECK(view->title == "Envoys meet in Geneva");
    CHECK(view->body == corpus()[0].body);
    CHECK(view->date == "2025-11-23");
    CHECK(view->source == "Example Wire");
    auto has = [&](const std::string& facet, const std::string& name) {
        return std::any_of(view->entities.begin(), view->entities.end(), [&](const auto& e) {
            return e.facet == facet && e.name == name && e.mentions >= 1 && !e.key.empty();
        });
    };
    CHECK(has("person", "Steve Witkoff"));
    CHECK(has("place", "Geneva"));
    // "on Sunday" is the publication day itself, a Sunday.
    CHECK(view->mentioned_dates == std::vector<std::string>{"2025-11-20", "2025-11-23"});

    // Bodies beyond the inline part come back whole, from the stored chunks.
    std::optional<DocumentView> long_view = searcher.document("long");
    REQUIRE(long_view);
    CHECK(long_view->body == long_body);

    CHECK_FALSE(searcher.document("no-such-id"));
    CHECK_FALSE(searcher.document(""));
}

TEST_CASE("reopen: a searcher sees new commits and a compacted index swapped in", "[embedding]") {
    test::TempDir dir;
    const std::string index = dir / "idx";
    add_articles(index, {corpus()[0]});
    Searcher searcher(index);
    const IndexInfo before = searcher.info();
    CHECK(before.documents == 1);
    CHECK(before.path == index);
    CHECK_FALSE(searcher.reopen());  // nothing new

    add_articles(index, {corpus()[1]});
    CHECK(searcher.reopen());
    CHECK(searcher.info().documents == 2);
    CHECK(searcher.info().revision > before.revision);

    {
        Indexer indexer({.index_path = index});
        indexer.add(corpus()[2]);
        indexer.compact();  // a new folder under the same path
    }
    CHECK(searcher.reopen());
    CHECK(searcher.document_count() == 3);
    SearchRequest request;
    request.query = "shares";
    CHECK(ids(searcher.search(request)) == std::vector<std::string>{"markets"});
    CHECK_FALSE(searcher.reopen());
}

TEST_CASE("version: the headers and the library agree", "[embedding]") {
    CHECK(std::string(version()) == kVersion);
    CHECK(std::to_string(BYLINE_VERSION_MAJOR) + "." + std::to_string(BYLINE_VERSION_MINOR) + "." +
              std::to_string(BYLINE_VERSION_PATCH) ==
          kVersion);
}
