// Facet ids: the packed per-document record, the value dictionary in metadata (stable across
// incremental runs and compaction), top-k with ties, and date histograms over day codes.
#include <byline/error.h>
#include <byline/indexer.h>
#include <byline/searcher.h>

#include "index/date_histogram.h"
#include "index/facet_dictionary.h"
#include "index/facet_record.h"
#include "index/facets.h"
#include "index/schema.h"
#include "index/sentence_words.h"
#include "temp_dir.h"
#include "util/stable_hash.h"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace byline;

namespace {

constexpr std::size_t kSource = 0, kAuthor = 2, kPerson = 4, kPlace = 5;

index::DateLists dates(std::initializer_list<const char*> values) {
    index::DateLists out;
    for (const char* v : values)
        REQUIRE(index::add_date(v, out));
    return out;
}

/// "value:count value:count" of one facet of a search over `path`, most frequent first.
std::string facet(const std::string& path, const std::string& query, const std::string& name) {
    SearchRequest request;
    request.query = query;
    request.facet_limit = 100;
    request.facets = {name};
    std::string out;
    for (const Facet& f : Searcher(path).search(request).facets) {
        for (const FacetValue& v : f.values) {
            if (!out.empty()) out += ' ';
            out += v.value + ":" + std::to_string(v.count);
        }
    }
    return out;
}

/// Every "facet:id=value" of the dictionary in `path`.
std::set<std::string> dictionary(const std::string& path) {
    Xapian::Database db(path);
    std::set<std::string> out;
    const std::string prefix = "byline.fval:";
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
        out.insert((*it).substr(prefix.size()) + "=" + db.get_metadata(*it));
    return out;
}

Document article(std::string id, std::string source, std::string author, std::string body) {
    Document d;
    d.id = std::move(id);
    d.title = "Report";
    d.body = std::move(body);
    d.source = std::move(source);
    d.author = std::move(author);
    d.date = "2025-11-20";
    return d;
}

}  // namespace

TEST_CASE("facet record: a date goes to the lists of the buckets it is precise enough for",
          "[facet-ids]") {
    index::DateLists lists;
    CHECK(index::add_date("20251125", lists));
    CHECK(index::add_date("2025-11", lists));
    CHECK(index::add_date("1970", lists));
    CHECK(lists.days == std::vector<std::uint32_t>{index::kEpochDay + 20417});  // 2025-11-25
    CHECK(lists.months == std::vector<std::uint32_t>{2025 * 12 + 10, 2025 * 12 + 10});
    CHECK(lists.years == std::vector<std::uint32_t>{2025, 2025, 1970});
    CHECK(dates({"1970-01-01"}).days == std::vector<std::uint32_t>{index::kEpochDay});
    CHECK(dates({"18000101"}).months == std::vector<std::uint32_t>{1800 * 12});
    index::DateLists none;
    CHECK_FALSE(index::add_date("20250230", none));  // no 30 February
    CHECK_FALSE(index::add_date("2025111", none));
    CHECK_FALSE(index::add_date("x2025", none));
    CHECK_FALSE(index::add_date("", none));
    CHECK(none == index::DateLists{});
}

TEST_CASE("facet record: packs sorted distinct ids and codes and unpacks them", "[facet-ids]") {
    index::FacetRecord in;
    in.ids[kSource] = {7};
    in.ids[kPerson] = {300000, 5, 5, 128, 127};
    in.published = dates({"20251120"});
    in.mentioned = dates({"2025", "20251102", "20251101", "20251101"});
    const auto packed = index::encode(in);
    CHECK(packed[0].size() == 4 + 1);  // source, lang, author, month: lengths, and the 7
    index::FacetRecord out;
    out.ids[kAuthor] = {1, 2};  // left over from an earlier document: cleared
    REQUIRE(index::decode(packed, out));
    CHECK(out.ids[kSource] == std::vector<std::uint32_t>{7});
    CHECK(out.ids[kPerson] == std::vector<std::uint32_t>{5, 127, 128, 300000});
    CHECK(out.ids[kAuthor].empty());
    CHECK(out.published == in.published);
    CHECK(out.mentioned.days == dates({"20251101", "20251102"}).days);
    CHECK(out.mentioned.months == std::vector<std::uint32_t>{2025 * 12 + 10});
    CHECK(out.mentioned.years == std::vector<std::uint32_t>{2025});
    CHECK(index::decode({}, out));
    CHECK(out.ids[kPerson].empty());
    index::FacetRecord only_source;
    only_source.ids[kSource] = {1};
    const auto sparse = index::encode(only_source);
    CHECK(sparse[1].empty());  // nothing in a group: no value
    CHECK(sparse[2].empty());
}

TEST_CASE("facet record: damaged values are refused", "[facet-ids]") {
    index::FacetRecord record;
    record.ids[kPerson] = {1, 2, 3};
    const auto packed = index::encode(record);
    REQUIRE(packed[1].size() == 4 + 3);  // person, place, org, country: lengths and 1, +1, +1
    index::FacetRecord out;
    auto with_entities = [&](std::string entities) {
        auto damaged = packed;
        damaged[1] = std::move(entities);
        return damaged;
    };
    CHECK(index::decode(packed, out));
    CHECK_FALSE(index::decode(with_entities(packed[1].substr(0, packed[1].size() - 1)), out));
    CHECK_FALSE(index::decode(with_entities(packed[1] + "x"), out));
    CHECK_FALSE(index::decode(with_entities(std::string(9, '\xff')), out));
}

TEST_CASE("facet dictionary: ids are per facet, dense, and kept by a later run", "[facet-ids]") {
    test::TempDir dir;
    const std::string path = dir / "db";
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        index::FacetDictionary dict;
        CHECK(dict.id(db, kSource, "Alpha") == 0);
        CHECK(dict.id(db, kSource, "Beta") == 1);
        CHECK(dict.id(db, kSource, "Alpha") == 0);
        CHECK(dict.id(db, kPerson, "Alpha") == 0);  // another facet, its own numbers
        db.commit();
    }
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    index::FacetDictionary dict;  // a new run: knows the values only through the index
    CHECK(dict.id(db, kSource, "Beta") == 1);
    CHECK(dict.id(db, kSource, "Gamma") == 2);
    CHECK(dict.id(db, kPerson, "Delta") == 1);
    CHECK(db.get_metadata(schema::facet_value_key("source", 2)) == "Gamma");
    CHECK(db.get_metadata(schema::facet_next_id_key("source")) == "3");
}

TEST_CASE("facet dictionary: long values sharing a long prefix get different ids", "[facet-ids]") {
    test::TempDir dir;
    Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE_OR_OPEN);
    index::FacetDictionary dict;
    const std::string common(300, 'a');
    CHECK(schema::facet_id_key("author", common + "x").size() <= 200);
    CHECK(dict.id(db, kAuthor, common + "x") == 0);
    CHECK(dict.id(db, kAuthor, common + "y") == 1);
    index::FacetDictionary fresh;
    CHECK(fresh.id(db, kAuthor, common + "y") == 1);
    CHECK(db.get_metadata(schema::facet_value_key("author", 0)) == common + "x");
}

TEST_CASE("facet dictionary: a second run into the same index counts and names both runs",
          "[facet-ids]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    {
        Indexer indexer({.index_path = path});
        indexer.add(article("a1", "Alpha News", "Jane Doe",
                            "Vladimir Putin spoke in Moscow about the talks."));
        indexer.add(article("a2", "Beta Post", "Jane Doe and John Roe",
                            "Vladimir Putin met Steve Witkoff in Moscow for talks."));
    }
    CHECK(facet(path, "talks", "source") == "Alpha News:1 Beta Post:1");
    const std::set<std::string> first = dictionary(path);
    {
        Indexer indexer({.index_path = path});
        indexer.add(article("b1", "Gamma Times", "John Roe",
                            "Steve Witkoff flew to Geneva for the talks."));
        indexer.add(article("b2", "Alpha News", "Ann Poe",
                            "Vladimir Putin and Steve Witkoff held talks in Geneva."));
        // Replaces a2: its Beta Post and Jane Doe no longer count.
        indexer.add(article("a2", "Gamma Times", "John Roe", "No talks were held on Sunday."));
    }
    const std::set<std::string> second = dictionary(path);
    CHECK(std::includes(second.begin(), second.end(), first.begin(), first.end()));
    CHECK(second.count("source:2=Gamma Times"));
    CHECK(facet(path, "talks", "source") == "Alpha News:2 Gamma Times:2");
    CHECK(facet(path, "talks", "author") == "John Roe:2 Ann Poe:1 Jane Doe:1");
    CHECK(facet(path, "talks", "person") == "Steve Witkoff:2 Vladimir Putin:2");
    CHECK(facet(path, "talks", "place") == "Geneva:2 Moscow:1");
    CHECK(facet(path, "witkoff", "source") == "Alpha News:1 Gamma Times:1");

    // Compaction rewrites the index: the same ids, the same counts.
    {
        Indexer indexer({.index_path = path});
        indexer.compact();
    }
    CHECK(dictionary(path) == second);
    CHECK(facet(path, "talks", "author") == "John Roe:2 Ann Poe:1 Jane Doe:1");
    CHECK(facet(path, "talks", "person") == "Steve Witkoff:2 Vladimir Putin:2");
}

TEST_CASE("facet dictionary: documents carry their facets in three packed values", "[facet-ids]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    {
        Indexer indexer({.index_path = path});
        indexer.add(article("a1", "Alpha News", "Jane Doe", "Vladimir Putin spoke in Moscow."));
    }
    Xapian::Database db(path);
    Xapian::Document doc = db.get_document(1);
    std::set<Xapian::valueno> slots;
    for (auto it = doc.values_begin(); it != doc.values_end(); ++it)
        slots.insert(it.get_valueno());
    CHECK(slots == std::set<Xapian::valueno>{schema::kSlotDate, schema::kSlotFacetIds,
                                             schema::kSlotEntityIds, schema::kSlotFacetDates,
                                             schema::kSlotSentenceMentions,
                                             schema::kSlotSentenceWords});
    index::FacetRecord record;
    REQUIRE(
        index::decode({doc.get_value(schema::kSlotFacetIds), doc.get_value(schema::kSlotEntityIds),
                       doc.get_value(schema::kSlotFacetDates)},
                      record));
    CHECK(record.ids[kSource] == std::vector<std::uint32_t>{0});
    CHECK(record.published == dates({"2025-11-20"}));
    // The mentions carry the ids the facets do, and where they stand.
    index::SentenceMentions mentions;
    REQUIRE(
        index::decode_sentence_mentions(doc.get_value(schema::kSlotSentenceMentions), mentions));
    REQUIRE(mentions.mentions.size() == 2);
    REQUIRE(mentions.sentence_starts.size() == 1);
    const index::PlacedMention putin = mentions.mentions[0], moscow = mentions.mentions[1];
    CHECK(putin.facet == kPerson);
    CHECK(record.ids[kPerson] == std::vector<std::uint32_t>{putin.id});
    CHECK(putin.words == 2);
    CHECK(putin.position == mentions.sentence_starts[0]);
    CHECK(moscow.position == putin.position + 4);  // Vladimir Putin spoke in Moscow
    CHECK(record.ids[kPlace] == std::vector<std::uint32_t>{moscow.id});
    CHECK(mentions.sentence_of(moscow.position) == 0);
    CHECK(mentions.sentence_of(putin.position - 1) == -1);  // the title's
    // The sentence's words, from its first.
    index::PackedSentenceWords words;
    const std::string words_value = doc.get_value(schema::kSlotSentenceWords);
    REQUIRE(index::decode_sentence_words(words_value, words));
    REQUIRE(words.runs.size() == 1);
    CHECK(words.runs[0].position == putin.position);
    REQUIRE(words.runs[0].count == 5);
    CHECK(words.hash(words.runs[0], 4) == index::word_hash("moscow"));
}

TEST_CASE("stored hashes are the same in every build", "[facet-ids]") {
    // Format 8 stores these: a change of function is a change of index format.
    CHECK(hash::fnv1a("") == 0xcbf29ce484222325ull);
    CHECK(hash::fnv1a("moscow") == 0x0d4a39d9c1b09989ull);
    CHECK(index::word_hash("moscow") == 0xc68f9f25u);
}

TEST_CASE("sentence words: only sentences with a mention, in runs; round trip; damaged",
          "[facet-ids]") {
    // Positions 1-3 "a b c." (a mention), 4-5 "d e." (none), 6-7 "f g." (a mention).
    std::vector<Token> body;
    for (std::string word : {"a", "b", "c", "d", "e", "f", "g"})
        body.push_back({word, 0, 0, static_cast<std::uint32_t>(body.size())});
    const std::vector<std::uint32_t> starts{1, 4, 6};
    std::vector<index::KeyedMention> mentions{{0, "b", 2, 1}, {0, "g", 7, 1}};
    index::SentenceWords words = index::mention_sentence_words(body, starts, mentions);
    REQUIRE(words.runs.size() == 2);
    CHECK(words.runs[0].position == 1);
    CHECK(words.runs[0].count == 3);
    CHECK(words.runs[1].position == 6);
    CHECK(words.hashes == std::vector<std::uint32_t>{index::word_hash("a"), index::word_hash("b"),
                                                     index::word_hash("c"), index::word_hash("f"),
                                                     index::word_hash("g")});
    // Sentences side by side that both name an entity make one run; so does a mention across
    // a sentence end.
    CHECK(index::mention_sentence_words(body, starts,
                                        {{0, "b", 2, 1}, {0, "d", 4, 1}, {0, "g", 7, 1}})
              .runs.size() == 1);
    CHECK(index::mention_sentence_words(body, starts, {{0, "c d", 3, 2}}).runs ==
          std::vector<index::WordRun>{{1, 0, 5}});

    // A word too long to be indexed is never a match: left out, it breaks the run.
    std::vector<Token> with_blob = body;
    with_blob[1].term = std::string(schema::kMaxTermBytes + 1, 'x');
    CHECK(index::mention_sentence_words(with_blob, starts, mentions).runs.size() == 3);

    const std::string packed = index::encode_sentence_words(words);
    index::PackedSentenceWords back{"", {{9, 9, 9}}};
    REQUIRE(index::decode_sentence_words(packed, back));
    REQUIRE(back.runs.size() == 2);
    std::vector<std::uint32_t> hashes;
    for (const index::WordRun& run : back.runs) {
        for (std::uint32_t i = 0; i < run.count; ++i)
            hashes.push_back(back.hash(run, i));
    }
    CHECK(hashes == words.hashes);
    CHECK(back.runs[1].position == 6);
    CHECK(index::encode_sentence_words({}).empty());
    REQUIRE(index::decode_sentence_words("", back));
    CHECK(back.runs.empty());
    for (std::size_t cut = 1; cut < packed.size(); ++cut)
        CHECK_FALSE(index::decode_sentence_words(packed.substr(0, cut), back));
    CHECK_FALSE(index::decode_sentence_words(packed + "x", back));
}

TEST_CASE("sentence mentions: round trip, empty, damaged", "[facet-ids]") {
    index::SentenceMentions value{{5, 9, 30}, {{6, 7, 31, 2}, {4, 70000, 5, 1}, {5, 2, 12, 3}}};
    const std::string packed = index::encode_sentence_mentions(value);
    index::SentenceMentions back{{1}, {{1, 1, 1, 1}}};
    REQUIRE(index::decode_sentence_mentions(packed, back));
    CHECK(back.sentence_starts == value.sentence_starts);
    CHECK(back.mentions == std::vector<index::PlacedMention>{
                               {4, 70000, 5, 1}, {5, 2, 12, 3}, {6, 7, 31, 2}});  // by position
    CHECK(back.sentence_of(12) == 1);
    CHECK(back.sentence_of(31) == 2);
    CHECK(index::encode_sentence_mentions({{1, 2}, {}}).empty());  // no mention, no value
    REQUIRE(index::decode_sentence_mentions("", back));
    CHECK((back.sentence_starts.empty() && back.mentions.empty()));
    for (std::size_t cut = 1; cut < packed.size(); ++cut) {
        index::SentenceMentions part;
        // Cut anywhere but at a mention's end, the value is damaged.
        const bool ok = index::decode_sentence_mentions(packed.substr(0, cut), part);
        if (ok) CHECK(part.mentions.size() < 3);
    }
    CHECK_FALSE(index::decode_sentence_mentions(std::string("\x7f\x01", 2), back));
}

TEST_CASE("facet counts: a damaged facet value fails the search with a fix", "[facet-ids]") {
    test::TempDir dir;
    const std::string path = dir / "idx";
    {
        Indexer indexer({.index_path = path});
        indexer.add(article("a1", "Alpha News", "Jane Doe", "Talks in Moscow."));
        indexer.add(article("a2", "Beta Post", "John Roe", "Talks in Geneva."));
    }
    {
        Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
        Xapian::Document doc = db.get_document(2);
        doc.add_value(schema::kSlotFacetIds, std::string(3, '\x7f'));  // sections past the end
        db.replace_document(2, doc);
        db.commit();
    }
    CHECK(facet(path, "moscow", "source") == "Alpha News:1");
    CHECK_THROWS_WITH(facet(path, "talks", "source"), Catch::Contains("damaged facet data"));
}

TEST_CASE("facet dictionary: an index of the previous format is refused with a fix",
          "[facet-ids]") {
    test::TempDir dir;
    const std::string path = dir / "old";
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
        db.set_metadata(std::string(schema::kMetaFormat), "2");
        db.commit();
    }
    CHECK_THROWS_WITH(Searcher(path), Catch::Contains("re-index"));
    CHECK_THROWS_WITH(Indexer({.index_path = path}), Catch::Contains("re-index"));
}

TEST_CASE("facet counts: top values break ties by text, reading only the contenders",
          "[facet-ids]") {
    index::IdCounts counts;
    // id: count -> 0:3 1:1 2:3 3:2 4:2 5:1
    for (std::uint32_t id : {0u, 0u, 0u, 1u, 2u, 2u, 2u, 3u, 3u, 4u, 4u, 5u})
        counts.add(id);
    const std::vector<std::string> names = {"zulu", "alpha", "echo", "delta", "bravo", "kilo"};
    std::set<std::uint32_t> asked;
    auto value = [&](std::uint32_t id) -> const std::string& {
        asked.insert(id);
        return names[id];
    };
    auto render = [](const std::vector<FacetValue>& values) {
        std::string out;
        for (const FacetValue& v : values)
            out += (out.empty() ? "" : " ") + v.value + ":" + std::to_string(v.count);
        return out;
    };
    CHECK(render(index::top_values(counts, 3, value)) == "echo:3 zulu:3 bravo:2");
    CHECK(asked == std::set<std::uint32_t>{0, 2, 3, 4});  // never the ones counted once
    CHECK(render(index::top_values(counts, 100, value)) ==
          "echo:3 zulu:3 bravo:2 delta:2 alpha:1 kilo:1");
    CHECK(index::top_values(counts, 0, value).empty());
    CHECK(index::top_values(index::IdCounts{}, 5, value).empty());
}

TEST_CASE("date histograms: dates fill buckets; coarser dates only coarser buckets",
          "[facet-ids]") {
    auto render = [](const DateHistogram& h) {
        std::string out = h.granularity + ":";
        for (const FacetValue& b : h.buckets)
            out += " " + b.value + "=" + std::to_string(b.count);
        return out + " undated=" + std::to_string(h.undated);
    };
    // A document as the counter sees it: the list its granularity reads, as stored.
    auto add = [](index::DateHistogramCounter& counter, index::DateLists lists) {
        index::FacetRecord record;
        record.mentioned = std::move(lists);
        REQUIRE(index::decode(index::encode(record), record));  // as stored
        using Source = index::DateHistogramCounter::Source;
        const Source source = counter.source();
        counter.add(source == Source::days     ? record.mentioned.days
                    : source == Source::months ? record.mentioned.months
                                               : record.mentioned.years);
    };
    index::DateHistogramCounter week("week");
    add(week, dates({"20251130", "20251124"}));  // Sunday and Monday of one week: once
    add(week, dates({"20251110", "202511"}));    // the month mention has no week
    add(week, dates({"2025"}));
    CHECK(render(week.histogram("mentioned")) ==
          "week: 2025-11-10=1 2025-11-17=0 2025-11-24=1 undated=1");

    index::DateHistogramCounter month("month");
    add(month, dates({"20251124", "202511"}));
    add(month, dates({"20250105"}));
    add(month, dates({"20241231"}));  // met after later months: the counter grows at the front
    CHECK(render(month.histogram("published")) ==
          "month: 2024-12=1 2025-01=1 2025-02=0 2025-03=0 2025-04=0 2025-05=0 2025-06=0 "
          "2025-07=0 2025-08=0 2025-09=0 2025-10=0 2025-11=1 undated=0");

    index::DateHistogramCounter leap("month");  // month and year edges of the calendar
    add(leap, dates({"20240229", "20240301"}));
    add(leap, dates({"20231231", "2024"}));
    add(leap, dates({"2024"}));
    CHECK(render(leap.histogram("mentioned")) ==
          "month: 2023-12=1 2024-01=0 2024-02=1 2024-03=1 undated=1");

    index::DateHistogramCounter days("day");
    add(days, dates({"19691231", "19700101"}));
    add(days, dates({"19700102"}));
    CHECK(render(days.histogram("mentioned")) ==
          "day: 1969-12-31=1 1970-01-01=1 1970-01-02=1 undated=0");

    index::DateHistogramCounter years("year");
    add(years, dates({"19000228", "19000301", "20000229", "2001"}));
    add(years, dates({"20001231", "200101"}));
    const std::string rendered = render(years.histogram("mentioned"));
    CHECK(rendered.substr(0, 23) == "year: 1900=1 1901=0 190");
    CHECK(rendered.substr(rendered.size() - 23) == "2000=2 2001=2 undated=0");

    index::DateHistogramCounter wide("day");
    add(wide, dates({"18500101"}));
    add(wide, dates({"20250101"}));  // 175 years of days: made coarser, down to years
    const DateHistogram coarse = wide.histogram("mentioned");
    CHECK(coarse.granularity == "year");
    CHECK(coarse.buckets.front().value == "1850");
    CHECK(coarse.buckets.back().value == "2025");
    CHECK(coarse.buckets.size() == 176);

    CHECK_THROWS_AS(index::DateHistogramCounter("fortnight"), UsageError);
}

TEST_CASE("facet counts: kept id -> value names are dropped for another index", "[facet-ids]") {
    test::TempDir dir;
    auto make = [&](const std::string& name, const std::string& first_source) {
        Xapian::WritableDatabase db(dir / name, Xapian::DB_CREATE_OR_OPEN);
        index::FacetDictionary dict;
        dict.id(db, kSource, first_source);
        db.commit();
        return Xapian::Database(dir / name);
    };
    const Xapian::Database a = make("a", "Alpha News"), b = make("b", "Beta Post");
    index::FacetValueNames names;
    names.use(a);
    CHECK(names.value(a, kSource, 0) == "Alpha News");
    names.use(a);  // the same index: kept
    CHECK(names.value(a, kSource, 0) == "Alpha News");
    names.use(b);  // a re-built index in the same folder has new ids
    CHECK(names.value(b, kSource, 0) == "Beta Post");
    CHECK_THROWS_AS(names.value(b, kSource, 7), IndexError);
}
