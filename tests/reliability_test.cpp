// Bounded work for hostile input and crash-safe index maintenance (issue 18): deep JSON and HTML,
// damaged text files, link loops, one writer per index, compaction swaps readers never miss.
#include <byline/error.h>
#include <byline/indexer.h>
#include <byline/searcher.h>

#include "corpus/corpus.h"
#include "corpus/encoding.h"
#include "corpus/html_depth.h"
#include "index/compaction.h"
#include "temp_dir.h"

#include <xapian.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <future>
#include <string>
#include <vector>

using namespace byline;
namespace fs = std::filesystem;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i)
        out += s;
    return out;
}

struct Read {
    std::vector<Document> docs;
    std::vector<Diagnostic> diagnostics;
};

Read read(const std::vector<std::string>& paths) {
    Read r;
    corpus::read_corpus(
        paths, {}, [&](Document&& d) { r.docs.push_back(std::move(d)); },
        [&](const Diagnostic& d) { r.diagnostics.push_back(d); });
    return r;
}

}  // namespace

// Regression: 30,000 nested '[' in a JSON line crashed byline-index (stack overflow).
TEST_CASE("reliability: a JSON line nested too deep is an error naming it; the rest is read",
          "[reliability]") {
    test::TempDir dir;
    const std::string deep =
        "{\"id\":\"x\",\"body\":" + repeat("[", 30000) + repeat("]", 30000) + "}";
    const std::string ok = "{\"id\":\"ok\",\"body\":" + repeat("[", corpus::kMaxJsonDepth - 1) +
                           "\"deep but fine\"" + repeat("]", corpus::kMaxJsonDepth - 1) + "}";
    const std::string over = "{\"id\":\"over\",\"body\":" + repeat("[", corpus::kMaxJsonDepth) +
                             "\"a\"" + repeat("]", corpus::kMaxJsonDepth) + "}";
    const std::string quoted = "{\"id\":\"q\",\"body\":\"" + repeat("[", 100) + "\"}";
    Read r = read({dir.write("feed.jsonl", deep + "\n" + ok + "\n" + over + "\n" + quoted + "\n")});
    REQUIRE(r.docs.size() == 2);
    CHECK(r.docs[0].id == "ok");
    CHECK(r.docs[0].body == "deep but fine");
    CHECK(r.docs[1].id == "q");  // brackets inside a string do not count
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].where == dir / "feed.jsonl" + ":1");
    CHECK(r.diagnostics[0].message.find("nested more than 64 levels") != std::string::npos);
    CHECK(r.diagnostics[1].where == dir / "feed.jsonl" + ":3");
}

// Found by fuzz_jsonl: a number beyond double's range threw an exception the reader did not
// catch, losing the rest of the file.
TEST_CASE("reliability: a JSON number out of range is a per-line error", "[reliability]") {
    test::TempDir dir;
    Read r = read({dir.write("feed.jsonl",
                             "{\"id\":1e999,\"body\":\"a\"}\n{\"id\":\"b\",\"body\":\"b\"}\n")});
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].id == "b");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].where == dir / "feed.jsonl" + ":1");
    CHECK(r.diagnostics[0].message.find("number overflow") != std::string::npos);
}

// Regression: 100,000 nested <div>s took 14 s in gumbo, then crashed freeing its tree.
TEST_CASE("reliability: HTML nested too deep loses the extra tags but keeps its text",
          "[reliability]") {
    test::TempDir dir;
    dir.write("pages/deep.html", "<html><head><title>Deep</title></head><body>" +
                                     repeat("<div>", 100000) + "Bottom text" +
                                     repeat("</div>", 100000) + "<p>After</p></body></html>");
    dir.write("pages/good.html", "<title>Good</title><p>Fine page</p>");
    Read r = read({dir / "pages"});
    REQUIRE(r.docs.size() == 2);
    CHECK(r.docs[0].title == "Deep");
    CHECK(r.docs[0].body == "Bottom text\nAfter");
    CHECK(r.docs[1].title == "Good");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].kind == Diagnostic::Kind::warning);
    CHECK(r.diagnostics[0].message.find("nested deeper than 256") != std::string::npos);
}

// Found by fuzz_html: gumbo decodes an overflowing character reference to bytes that are not
// UTF-8.
TEST_CASE("reliability: an HTML character reference out of range gives valid UTF-8",
          "[reliability]") {
    test::TempDir dir;
    Read r = read(
        {dir.write("ref.html", "<div><><i><e>A&#x" + std::string(94, 'E') + "og:site_><siv><")});
    REQUIRE(r.docs.size() == 1);
    std::string body = r.docs[0].body;
    CHECK(corpus::repair_utf8(body).replaced == 0);
    CHECK(body.find('A') != std::string::npos);
}

TEST_CASE("reliability: ordinary HTML is never cut, however long", "[reliability]") {
    // Elements HTML closes without end tags must not count as nesting.
    const std::string page =
        "<html><body><ul>" + repeat("<li>item <b>bold</b>", 2000) + "</ul><table>" +
        repeat("<tr><td>a<td>b", 2000) + "</table>" + repeat("<p>para", 2000) + "<dl>" +
        repeat("<dt>t<dd>d", 500) + "</dl><select>" + repeat("<option>o", 500) +
        "</select><script>if (a < b) { x = '<div>'; }</script>" + repeat("<br><img src=x>", 500) +
        "<svg>" + repeat("<path d='M0'/>", 500) + "</svg></body></html>";
    CHECK(corpus::limit_html_depth(page, corpus::kMaxHtmlDepth).dropped == 0);
    const auto limited = corpus::limit_html_depth(repeat("<div>", 300) + "x", 256);
    CHECK(limited.dropped == 44);
    CHECK(limited.html == repeat("<div>", 256) + "x");
    const auto scripted =
        corpus::limit_html_depth(repeat("<span>", 3) + "<script>var s = 1;</script>t", 2);
    CHECK(scripted.html == "<span><span>t");  // a script beyond the depth goes whole
}

// Regression: a mostly-ASCII file with a few bad bytes was decoded entirely as windows-1252.
TEST_CASE("reliability: stray bad bytes in ASCII text become U+FFFD, not windows-1252",
          "[reliability]") {
    std::string damaged = "Report\n\nThe index rose \xFF\xFE 3% and fell \xC0 later, \x81 said.\n";
    corpus::Repair repair = corpus::repair_utf8(damaged);
    CHECK_FALSE(repair.transcoded);
    CHECK(repair.replaced == 4);
    CHECK(damaged.find("\xEF\xBF\xBD") != std::string::npos);
    std::string latin = "Caf\xE9 news\n\nThe caf\xE9 said \x93hi\x94 to M\xFCller.\n";
    CHECK(corpus::repair_utf8(latin).transcoded);
    CHECK(latin.find("M\xC3\xBCller") != std::string::npos);
}

// Regression: a link loop in a corpus folder was skipped without a word.
TEST_CASE("reliability: link loops and folder links are reported, the rest is read",
          "[reliability]") {
    test::TempDir dir;
    dir.write("corpus/a.txt", "A\n\nText.");
    fs::create_directory_symlink(dir / "corpus", dir / "corpus/again");
    fs::create_symlink(dir / "corpus/loop.txt", dir / "corpus/loop.txt");
    Read r = read({dir / "corpus"});
    REQUIRE(r.docs.size() == 1);
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].where == dir / "corpus/again");
    CHECK(r.diagnostics[0].kind == Diagnostic::Kind::skipped);
    CHECK(r.diagnostics[1].where == dir / "corpus/loop.txt");
    CHECK(r.diagnostics[1].message.find("symbolic links") != std::string::npos);
}

// Regression: a second indexer started during a compaction made the first abort.
TEST_CASE("reliability: one writer per index, through compactions too", "[reliability]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    Indexer first({.index_path = path});
    first.add({.id = "a", .title = "T", .body = "Peace talks."});
    first.commit();
    CHECK_THROWS_WITH(Indexer({.index_path = path}),
                      Catch::Contains("another byline-index is writing this index"));
    first.compact();
    CHECK_THROWS_AS(Indexer({.index_path = path}), IndexError);  // the lock moved with the swap
    first.add({.id = "b", .title = "T", .body = "More talks."});
    first.commit();
    CHECK(Searcher(path).document_count() == 2);
}

TEST_CASE("reliability: readers find an index at every step of a compaction", "[reliability]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    {
        Indexer indexer({.index_path = path});
        indexer.add({.id = "a", .title = "T", .body = "Peace talks."});
    }
    Searcher before(path);
    {
        index::IndexLock lock(path);
        index::IndexLock swapped = index::compact_index(path);
        CHECK(swapped.held());
    }
    CHECK_FALSE(fs::exists(path + ".compacting"));
    CHECK(before.reopen());  // a new folder under the same name
    CHECK(before.search({.query = "peace"}).total == 1);
    // The fallback's two renames cut off in between: readers use PATH.old meanwhile.
    fs::rename(path, path + ".old");
    CHECK(Searcher(path).search({.query = "peace"}).total == 1);
}

// Regression: search called an index whose indexer died before its first commit "format ''".
TEST_CASE("reliability: an index stopped before its first commit is an empty index",
          "[reliability]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    { Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN); }  // an older run's leftover
    CHECK_THROWS_WITH(Searcher(path), Catch::Contains("no articles indexed here yet"));
    { Indexer indexer({.index_path = path}); }  // a new index is stamped at once
    CHECK(Searcher(path).document_count() == 0);
}

TEST_CASE("reliability: searchers on several threads at once never share a query object",
          "[reliability]") {
    // Each query matches most articles, so facets are counted over the complement (an
    // "every document but these" query), and the negation is one too: both once copied
    // Xapian's shared MatchAll, whose unsynchronised reference count such threads corrupted
    // (byline-serve crashed now and then under concurrent searches).
    test::TempDir dir;
    const std::string index = dir / "idx";
    {
        Indexer writer({.index_path = index});
        for (int i = 0; i < 6; ++i) {
            // Named strings: GCC 12 warns wrongly (-Wrestrict) on "literal" + std::to_string().
            const std::string n = std::to_string(i), day = std::to_string(i + 1);
            writer.add({.id = "a" + n,
                        .title = "Talks " + n,
                        .body = "Envoys met in Geneva on talks about grain. Day " + n + ".",
                        .date = "2024-03-0" + day});
        }
    }
    constexpr int kThreads = 4, kSearches = 1500;
    std::vector<std::future<std::size_t>> runs;
    for (int t = 0; t < kThreads; ++t) {
        runs.push_back(std::async(std::launch::async, [&index] {
            Searcher searcher(index);
            std::size_t found = 0;
            for (int i = 0; i < kSearches; ++i) {
                SearchRequest request;
                request.query = i % 2 ? "talks" : "-day";
                request.passages = 0;
                found += searcher.search(request).total;
            }
            return found;
        }));
    }
    for (auto& run : runs)
        CHECK(run.get() == kSearches / 2 * 6);  // "talks" matches all six, "-day" none
}
