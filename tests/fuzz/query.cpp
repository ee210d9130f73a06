// Query text -> parse_query -> QueryCompiler (the real Analyzer) -> Xapian::Query, which is then
// run on a small in-memory index so Xapian checks what the compiler built. A byline::Error
// (QueryError for bad syntax) is the expected answer to a bad query; any other exception, a
// crash or a sanitizer report is a finding.
#include <byline/analyzer.h>
#include <byline/error.h>
#include <byline/extract.h>

#include "fuzz_util.h"
#include "index/document_builder.h"
#include "search/query_parser.h"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>

namespace {

using namespace byline;

// Two articles with hyphenated words, a date, a mentioned date and a person, so that words,
// phrases, NEAR, wildcards and filters all have something to match.
Xapian::WritableDatabase small_index(Analyzer& analyzer) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    index::DocumentBuilder builder(analyzer, "en");
    const Document docs[] = {
        {.id = "a",
         .title = "Envoy to meet Putin on peace plan",
         .body = "Steve Witkoff will travel to the Kremlin next week. The 28-point plan, "
                 "negotiated in Geneva on November 24, 2025, names his son-in-law.",
         .date = "2025-11-26",
         .source = "Kyiv Post",
         .lang = "en"},
        {.id = "b",
         .title = "Café talks in Paris",
         .body = "Les négociations de paix reprennent à Paris le 3 décembre.",
         .date = "2025-12-01",
         .source = "Le Monde",
         .lang = "fr"},
    };
    for (const Document& doc : docs) {
        Extraction extraction;
        extraction.entities.push_back({.type = "person",
                                       .name = "Steve Witkoff",
                                       .key = Extractor::entity_key("Steve Witkoff"),
                                       .text = "Steve Witkoff",
                                       .start = 0,
                                       .end = 13});
        extraction.dates.push_back({.value = "2025-11-24",
                                    .precision = "day",
                                    .text = "November 24",
                                    .start = 0,
                                    .end = 11});
        index::FacetValues facets;
        db.add_document(builder.build(doc, extraction, facets));
    }
    db.commit();
    return db;
}

[[noreturn]] void finding(const std::string& what) {
    std::fprintf(stderr, "query fuzz: unexpected exception: %s\n", what.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Analyzer analyzer;
    static const Xapian::WritableDatabase db = small_index(analyzer);
    try {
        const search::QueryNode tree = search::parse_query(fuzz::as_text(data, size));
        search::QueryCompiler compiler(analyzer, {"en", "fr"}, &db);
        const Xapian::Query query = compiler.compile(tree);
        (void)query.get_description();
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        (void)enquire.get_mset(0, 10);
    } catch (const Error&) {
        return 0;  // a bad query, told to the user
    } catch (const Xapian::Error& e) {
        finding(e.get_description());
    } catch (const std::exception& e) {
        finding(e.what());
    }
    return 0;
}
