// Facet counts of queries that match most of the index come from the index's totals less the
// articles the query does not match: they must equal counts made from the articles themselves,
// at every density, for every kind of facet and histogram, and after the index changes.
#include <byline/indexer.h>
#include <byline/searcher.h>

#include "index/facet_record.h"
#include "index/facet_totals.h"
#include "index/match_all.h"
#include "temp_dir.h"

#include <xapian.h>

#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace byline;

namespace {

struct Article {
    int n;
    std::string source() const { return "Wire " + std::to_string(n % 3); }
    std::string author() const { return "Writer " + std::to_string(n % 4); }
    std::string month() const { return "2025-0" + std::to_string(1 + n % 5); }
    std::string body() const {
        std::string body = "The alpha report number " + std::to_string(n) + ".";
        if (n % 10 < 8) body += " A beta note.";
        if (n % 2 == 0) body += " A gamma line.";
        if (n % 5 == 0) body += " A delta word.";
        return body;
    }
};

Document document_of(const Article& a) {
    return Document{"doc" + std::to_string(a.n),
                    "Report " + std::to_string(a.n),
                    a.body(),
                    a.month() + "-10",
                    a.source(),
                    "",
                    a.author(),
                    "",
                    ""};
}

using Counts = std::map<std::string, std::size_t>;

Counts facet_counts(const SearchResult& result, const std::string& name) {
    Counts out;
    for (const Facet& f : result.facets) {
        if (f.name != name) continue;
        for (const FacetValue& v : f.values)
            out[v.value] = v.count;
    }
    return out;
}

Counts month_counts(const SearchResult& result) {
    Counts out;
    for (const DateHistogram& h : result.date_histograms) {
        if (h.name != "published") continue;
        for (const FacetValue& bucket : h.buckets) {
            if (bucket.count) out[bucket.value] = bucket.count;
        }
    }
    return out;
}

// Checks one query's total, source/author facets and month histogram against `articles`.
void check(Searcher& searcher, const std::string& query, const std::vector<Article>& articles,
           const std::function<bool(const Article&)>& matches) {
    SearchRequest request;
    request.query = query;
    request.facet_limit = 100;
    request.facets = {"source", "author", "month"};
    SearchResult result = searcher.search(request);
    Counts sources, authors, months;
    std::size_t total = 0;
    for (const Article& a : articles) {
        if (!matches(a)) continue;
        ++total;
        ++sources[a.source()];
        ++authors[a.author()];
        ++months[a.month()];
    }
    INFO("query " << query);
    CHECK(result.total == total);
    CHECK(result.total_exact);
    CHECK(facet_counts(result, "source") == sources);
    CHECK(facet_counts(result, "author") == authors);
    CHECK(facet_counts(result, "month") == months);
    CHECK(month_counts(result) == months);
}

void check_all(Searcher& searcher, const std::vector<Article>& articles) {
    check(searcher, "alpha", articles, [](const Article&) { return true; });           // all
    check(searcher, "beta", articles, [](const Article& a) { return a.n % 10 < 8; });  // 80%
    check(searcher, "alpha -delta", articles, [](const Article& a) { return a.n % 5 != 0; });
    check(searcher, "gamma", articles, [](const Article& a) { return a.n % 2 == 0; });  // 50%
    check(searcher, "delta", articles, [](const Article& a) { return a.n % 5 == 0; });  // 20%
    check(searcher, "beta OR delta", articles,
          [](const Article& a) { return a.n % 10 < 8 || a.n % 5 == 0; });
    check(searcher, "nothingmatches", articles, [](const Article&) { return false; });
}

bool totals_stored(const std::string& path) {
    return index::stored_index_totals(Xapian::Database(path), "month").has_value();
}

}  // namespace

TEST_CASE("dense facets: counts from the index's totals less the unmatched equal direct counts",
          "[facets]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    std::vector<Article> articles;
    {
        Indexer indexer({.index_path = path});
        for (int n = 0; n < 60; ++n) {
            articles.push_back({n});
            indexer.add(document_of(articles.back()));
        }
    }
    CHECK_FALSE(totals_stored(path));
    Searcher searcher(path);
    check_all(searcher, articles);  // totals counted by the searcher
    check_all(searcher, articles);  // again, from the kept totals

    // A new revision: the kept totals are stale and counted again.
    {
        Indexer indexer({.index_path = path});
        for (int n = 60; n < 75; ++n) {
            articles.push_back({n});
            indexer.add(document_of(articles.back()));
        }
        // doc3 replaced by n = 4's text and metadata under its own id.
        Document replaced = document_of(Article{4});
        replaced.id = "doc3";
        indexer.add(replaced);
        articles[3] = Article{4};
    }
    REQUIRE(searcher.reopen());
    check_all(searcher, articles);

    // Compaction stores the totals with the revision they hold for; a later commit makes them
    // stale, and they are not used.
    {
        Indexer indexer({.index_path = path});
        indexer.compact();
    }
    CHECK(totals_stored(path));
    Searcher fresh(path);
    check_all(fresh, articles);
    {
        Indexer indexer({.index_path = path});
        articles.push_back({75});
        indexer.add(document_of(articles.back()));
    }
    CHECK_FALSE(totals_stored(path));
    Searcher after(path);
    check_all(after, articles);
}

TEST_CASE("dense facets: stored totals round-trip and damaged ones are not used", "[facets]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    {
        Indexer indexer({.index_path = path});
        for (int n = 0; n < 30; ++n)
            indexer.add(document_of(Article{n}));
        indexer.compact();
    }
    Xapian::Database db(path);
    auto stored = index::stored_index_totals(db, "month");
    REQUIRE(stored);
    Xapian::doccount docs = 0;
    index::FacetCounterOptions all;
    all.facets.fill(true);
    all.date_granularity = "month";
    index::FacetCounts counted = index::count_matches(db, index::match_all(), all, docs);
    CHECK(docs == 30);
    for (std::size_t facet = 0; facet < counted.facets.size(); ++facet) {
        INFO("facet " << facet);
        for (std::uint32_t id : counted.facets[facet].seen())
            CHECK(stored->facets[facet].count(id) == counted.facets[facet].count(id));
        CHECK(stored->facets[facet].seen().size() == counted.facets[facet].seen().size());
    }
    CHECK(stored->published->histogram("p").buckets.size() ==
          counted.published->histogram("p").buckets.size());
    CHECK_FALSE(index::stored_index_totals(db, "").value().published);
    {
        // Stamped with the revision of its commit, but cut short.
        Xapian::WritableDatabase w(path);
        std::string packed = index::pack_index_totals(w, w.get_revision() + 1);
        w.set_metadata("byline.totals", packed.substr(0, packed.size() - 3));
        w.commit();
    }
    Xapian::Database damaged(path);
    CHECK_FALSE(index::stored_index_totals(damaged, "month"));
    {
        // Whole and stamped, but its source counts name id 1000, which the dictionary (three
        // sources) never gave out.
        Xapian::WritableDatabase w(path);
        const std::uint32_t stamp = static_cast<std::uint32_t>(w.get_revision() + 1);
        const std::string valid = index::pack_index_totals(w, stamp);
        const char* p = valid.data();
        const char* end = p + valid.size();
        std::uint32_t read_stamp = 0;
        p = index::read_varint(p, end, read_stamp);
        index::IdCounts sources;
        REQUIRE(sources.unserialise(p, end, UINT32_MAX));  // skipped: replaced below
        std::string packed;
        index::put_varint(packed, stamp);
        index::put_varint(packed, 1);     // one source value:
        index::put_varint(packed, 1000);  // id
        index::put_varint(packed, 1);     // count
        packed.append(p, end);            // the other facets and the histograms as they were
        w.set_metadata("byline.totals", packed);
        w.commit();
    }
    CHECK_FALSE(index::stored_index_totals(Xapian::Database(path), "month"));
    {
        Xapian::WritableDatabase w(path);
        w.set_metadata("byline.totals", index::pack_index_totals(w, w.get_revision() + 1));
        w.commit();
    }
    CHECK(index::stored_index_totals(Xapian::Database(path), "month"));  // whole: used
}

TEST_CASE("dense facets: packed counts name only ids below the dictionary's next id", "[facets]") {
    std::string packed;
    index::put_varint(packed, 2);  // two values: id 3 counted 5 times, id 9 once
    index::put_varint(packed, 3);
    index::put_varint(packed, 5);
    index::put_varint(packed, 6);
    index::put_varint(packed, 1);
    const char* p = packed.data();
    index::IdCounts within;
    REQUIRE(within.unserialise(p, packed.data() + packed.size(), 10));
    CHECK(p == packed.data() + packed.size());
    CHECK(within.count(3) == 5);
    CHECK(within.count(9) == 1);
    CHECK(within.seen().size() == 2);
    p = packed.data();
    index::IdCounts beyond;
    CHECK_FALSE(beyond.unserialise(p, packed.data() + packed.size(), 9));
}
