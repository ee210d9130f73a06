// Indexing: stored data round trip, date normalisation, idempotent re-indexing, bad index paths.
#include <byline/error.h>
#include <byline/indexer.h>
#include <byline/searcher.h>

#include "index/document_builder.h"
#include "index/facet_totals.h"
#include "index/schema.h"
#include "index/stored_doc.h"
#include "temp_dir.h"
#include "util/dates.h"

#include <xapian.h>
#include <catch2/catch.hpp>

#include <filesystem>

using namespace byline;

TEST_CASE("index: stored document data round-trips, damaged data is an IndexError", "[index]") {
    index::StoredDoc stored{{"id1", "Title", "Body one. Body two.", "2025-11-26", "Src", "http://x",
                             "A B", "en", "file.txt"},
                            {{0, 9}, {10, 19}},
                            {102, 104},
                            19};
    index::StoredDoc back = index::unserialise(index::serialise(stored));
    CHECK(back.doc.id == "id1");
    CHECK(back.doc.body == "Body one. Body two.");
    CHECK(back.doc.origin == "file.txt");
    REQUIRE(back.sentences.size() == 2);
    CHECK(back.sentences[1].start == 10);
    CHECK(back.sentences[1].end == 19);
    CHECK(back.sentence_positions == std::vector<std::uint32_t>{102, 104});
    std::string data = index::serialise(stored);
    CHECK_THROWS_AS(index::unserialise(data.substr(0, data.size() / 2)), IndexError);
    CHECK_THROWS_AS(index::unserialise("\x07garbage"), IndexError);
}

TEST_CASE("index: publication dates normalise to ISO days, impossible dates are refused",
          "[index]") {
    const std::pair<const char*, const char*> table[] = {
        {"2025-11-26", "2025-11-26"},          {"2025-11-26T10:00:00Z", "2025-11-26"},
        {"2025/11/26", "2025-11-26"},          {"Wed, 26 Nov 2025 10:00:00 GMT", "2025-11-26"},
        {"Nov 26, 2025", "2025-11-26"},        {"Nov. 26, 2025", "2025-11-26"},
        {"November 26th, 2025", "2025-11-26"}, {"26 November 2025", "2025-11-26"},
        {"Sept 3, 2025", "2025-09-03"},        {"2025-11", "2025-11"},
        {"November 2025", "2025-11"},          {"2025", "2025"},
        {"1764151200", "2025-11-26"},
    };
    for (const auto& [in, out] : table) {
        INFO(in);
        CHECK(dates::normalize(in).value_or("none") == out);
    }
    CHECK_FALSE(dates::normalize("2025-02-30"));
    CHECK_FALSE(dates::normalize("2025-13"));
    CHECK_FALSE(dates::normalize("yesterday"));
    CHECK_FALSE(dates::normalize("Foo 12, 2025"));
}

TEST_CASE("index: facet keys fold case, accents and spacing", "[index]") {
    Analyzer analyzer;
    CHECK(index::facet_key(analyzer, "The  Guardian") == "the guardian");
    CHECK(index::facet_key(analyzer, "Le Monde Diplomatique") == "le monde diplomatique");
    CHECK(index::facet_key(analyzer, "Zürich Post") == "zurich post");
    CHECK(schema::id_term(std::string(500, 'a')).size() <= 120);
    CHECK(schema::id_term(std::string(500, 'a')) != schema::id_term(std::string(499, 'a') + "b"));
}

TEST_CASE("index: re-indexing the same documents replaces them (count unchanged)", "[index]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    Document doc{"a", "Title", "Some body text.", "2025-11-26", "Wire", "", "", "", ""};
    {
        Indexer indexer({.index_path = path});
        indexer.add(doc);
        indexer.add(Document{"b", "Other", "More text.", "", "", "", "", "", ""});
        CHECK(indexer.stats().added == 2);
    }
    {
        Indexer indexer({.index_path = path});
        doc.body = "Changed body text.";
        indexer.add(doc);
        CHECK(indexer.stats().replaced == 1);
        CHECK(indexer.stats().added == 0);
    }
    Xapian::Database db(path);
    CHECK(db.get_doccount() == 2);
    CHECK(db.get_termfreq("changed") == 1);
    CHECK(db.get_termfreq("some") == 0);
}

TEST_CASE("index: a stem equal to its word is indexed once, and every form still finds both",
          "[index]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    {
        Indexer indexer({.index_path = path});
        indexer.add(Document{"one", "Plan", "The plan was agreed.", "", "", "", "", "", ""});
        indexer.add(Document{"many", "Plans", "The plans were agreed.", "", "", "", "", "", ""});
    }
    Xapian::Database db(path);
    // "plan" is its own stem: no "Zplan" for it. "plans" gives "Zplan". Title terms likewise.
    CHECK(db.get_termfreq("plan") == 1);
    CHECK(db.get_termfreq("Zplan") == 1);
    CHECK(db.get_termfreq("plans") == 1);
    CHECK(db.get_termfreq("Splan") == 1);
    CHECK(db.get_termfreq("ZSplan") == 1);
    CHECK(db.get_termfreq("Zplans") == 0);
    Searcher searcher(path);
    for (std::string query : {"plan", "plans", "planning"}) {
        for (std::string field : {"", "title:"}) {
            INFO("query: " << field + query);
            SearchResult result = searcher.search({.query = field + query});
            CHECK(result.total == 2);
            // Each form is found again for highlighting, in the title or the body.
            for (const Hit& hit : result.hits) {
                CHECK(hit.title_highlights.size() == 1);
                if (field.empty()) CHECK(hit.passages.at(0).highlights.size() == 1);
            }
        }
    }
    CHECK(searcher.search({.query = "\"plan\""}).total == 1);  // a phrase is the form written
}

TEST_CASE("index: empty documents are skipped and bad dates warned about", "[index]") {
    test::TempDir dir;
    std::vector<Diagnostic> seen;
    Indexer indexer({.index_path = dir / "idx",
                     .on_diagnostic = [&](const Diagnostic& d) { seen.push_back(d); }});
    indexer.add(Document{"empty", "", "", "", "", "", "", "", "x.jsonl:3"});
    indexer.add(Document{"d", "T", "Body.", "next tuesday", "", "", "", "", "x.jsonl:4"});
    indexer.commit();  // articles are prepared on other threads: diagnostics come by now
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].kind == Diagnostic::Kind::skipped);
    CHECK(seen[0].where == "x.jsonl:3");
    CHECK(seen[1].kind == Diagnostic::Kind::warning);
    CHECK(seen[1].message.find("next tuesday") != std::string::npos);
    CHECK(indexer.stats().indexed == 1);
    CHECK_THROWS_AS(indexer.add(Document{}), UsageError);
}

TEST_CASE("index: a non-empty folder that is not an index is refused", "[index]") {
    test::TempDir dir;
    dir.write("corpus/a.txt", "hello");
    CHECK_THROWS_AS(Indexer({.index_path = dir / "corpus"}), IndexError);
    dir.write("file", "x");
    CHECK_THROWS_AS(Indexer({.index_path = dir / "file"}), IndexError);
}

TEST_CASE("index: compaction shrinks nothing away and leaves no temporary folders", "[index]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    {
        Indexer indexer({.index_path = path});
        for (int i = 0; i < 50; ++i)
            indexer.add({.id = std::to_string(i),
                         .title = "T",
                         .body = "Peace talks " + std::to_string(i)});
        indexer.compact();
        indexer.add({.id = "after", .title = "T", .body = "Written after compaction."});
    }
    CHECK(Searcher(path).document_count() == 51);
    CHECK_FALSE(std::filesystem::exists(path + ".old"));
    CHECK_FALSE(std::filesystem::exists(path + ".compacting"));
}

TEST_CASE("index: compact_if_due compacts once a fifth of the index was written since the last",
          "[index]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    auto add = [](Indexer& indexer, int from, int to) {
        for (int i = from; i < to; ++i)
            indexer.add(
                {.id = std::to_string(i), .title = "T", .body = "Story " + std::to_string(i)});
    };
    auto uncompacted = [&] {
        return Xapian::Database(path).get_metadata(std::string(schema::kMetaUncompacted));
    };
    {
        Indexer indexer({.index_path = path});
        add(indexer, 0, 10);
        CompactionReport first = indexer.compact_if_due();  // never compacted: all of it counts
        CHECK(first.compacted);
        CHECK(first.uncompacted == 10);
        CHECK(first.documents == 10);
    }
    CHECK(uncompacted() == "0");
    {
        Indexer indexer({.index_path = path});
        add(indexer, 10, 11);
        CompactionReport second = indexer.compact_if_due();  // 1 of 11
        CHECK_FALSE(second.compacted);
        CHECK(second.uncompacted == 1);
        CHECK(second.documents == 11);
    }
    CHECK(uncompacted() == "1");
    // Deferred, the run is still searchable and its facet totals are stored for its revision.
    CHECK(index::stored_index_totals(Xapian::Database(path), "month").has_value());
    CHECK(Searcher(path).search({.query = "10"}).total == 1);
    {
        Indexer indexer({.index_path = path});
        add(indexer, 0, 1);  // a replacement counts too: 2 of 11
        CHECK_FALSE(indexer.compact_if_due().compacted);
        add(indexer, 1, 2);  // 3 of 11
        CompactionReport third = indexer.compact_if_due();
        CHECK(third.compacted);
        CHECK(third.uncompacted == 3);
    }
    CHECK(uncompacted() == "0");
    CHECK(Searcher(path).document_count() == 11);
}

TEST_CASE("index: a compaction cut off between its renames is undone on the next open", "[index]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    {
        Indexer indexer({.index_path = path});
        indexer.add({.id = "a", .title = "T", .body = "Peace talks."});
    }
    std::filesystem::rename(path, path + ".old");  // as if cut off after the first rename
    std::filesystem::create_directory(path + ".compacting");
    {
        Indexer indexer({.index_path = path});
        indexer.add({.id = "b", .title = "T", .body = "More talks."});
    }
    CHECK(Searcher(path).document_count() == 2);
    CHECK_FALSE(std::filesystem::exists(path + ".compacting"));
}

TEST_CASE(
    "index: under a small memory bound, batches of a few articles keep input order and a "
    "file too large for the bound is skipped with an error",
    "[index]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    std::vector<Diagnostic> seen;
    {
        // The least bound, 128 MiB: batches of about 350 KB of text, so 30 KB articles go a
        // dozen at a time through the analysis threads, and a commit comes every 2 MB or so.
        Indexer indexer({.index_path = path,
                         .threads = 2,
                         .memory_mb = 16,  // raised to the least bound
                         .on_diagnostic = [&](const Diagnostic& d) { seen.push_back(d); }});
        for (int n = 0; n < 120; ++n) {
            std::string body;
            for (int s = 0; body.size() < 30000; ++s)
                body += "Sentence " + std::to_string(s) + " of article " + std::to_string(n) + ". ";
            indexer.add(Document{"doc" + std::to_string(n), "Article " + std::to_string(n), body,
                                 "", "", "", "", "", ""});
        }
        dir.write("small.txt", "Small one\n\nfits in memory");
        dir.write("huge.txt", "Huge one\n\n" + std::string(3000000, 'z'));
        indexer.add_paths({dir / "small.txt", dir / "huge.txt"});
        CHECK(indexer.stats().indexed == 121);
        CHECK(indexer.stats().errors == 1);
    }
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].where == dir / "huge.txt");
    CHECK(seen[0].message.starts_with("larger than "));
    Xapian::Database db(path);
    CHECK(db.get_doccount() == 121);
    for (int n = 0; n < 120; n += 7) {
        Xapian::PostingIterator it = db.postlist_begin("Qdoc" + std::to_string(n));
        REQUIRE(it != db.postlist_end("Qdoc" + std::to_string(n)));
        CHECK(*it == static_cast<Xapian::docid>(n + 1));  // written in input order
    }
}
