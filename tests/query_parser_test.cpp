// Parsed queries as Xapian::Query descriptions (as Xapian's api_queryparser does), and errors.
#include <byline/error.h>

#include "search/query_parser.h"

#include <catch2/catch.hpp>

using namespace byline;

namespace {

std::string parse(const std::string& query) {
    Analyzer analyzer;
    search::QueryCompiler compiler(analyzer, {"en"});
    return compiler.compile(search::parse_query(query)).get_description();
}

std::size_t error_position(const std::string& query) {
    try {
        parse(query);
    } catch (const QueryError& e) {
        return e.position();
    }
    return std::string::npos;
}

struct Golden {
    const char* query;
    const char* description;
};

}  // namespace

// A stem equal to its word is indexed as the word only, so a stemmed word is "Z<stem> SYNONYM
// <stem>" (index/schema.h, stem_terms).
TEST_CASE("query: golden table of parsed query descriptions", "[query]") {
    const Golden table[] = {
        {"", "Query(<alldocuments>)"},
        {"peace", "Query((Zpeac SYNONYM peac))"},
        {"Peace talks", "Query(((Zpeac SYNONYM peac) AND (Ztalk SYNONYM talk)))"},
        {"\"security guarantees\"", "Query((security@1 PHRASE 2 guarantees@2))"},
        {"\"Talks\"", "Query(talks@1)"},
        {"28-point", "Query((28@1 PHRASE 2 point@2))"},
        {"28\u2011point", "Query((28@1 PHRASE 2 point@2))"},
        {"Ukraine\u2019s", "Query((Zukrain SYNONYM ukrain))"},
        {"putin OR lavrov", "Query(((Zputin SYNONYM putin) OR (Zlavrov SYNONYM lavrov)))"},
        {"witkoff putin OR lavrov",
         "Query(((Zwitkoff SYNONYM witkoff) AND ((Zputin SYNONYM putin) OR (Zlavrov SYNONYM "
         "lavrov))))"},
        {"peace -russia", "Query(((Zpeac SYNONYM peac) AND_NOT (Zrussia SYNONYM russia)))"},
        {"peace NOT russia", "Query(((Zpeac SYNONYM peac) AND_NOT (Zrussia SYNONYM russia)))"},
        // Regression: -"phrase" and -(group) were read as a word "-" and a required phrase.
        {"talks -\"peace plan\"",
         "Query(((Ztalk SYNONYM talk) AND_NOT (peace@1 PHRASE 2 plan@2)))"},
        {"talks -(kyiv OR kiev)",
         "Query(((Ztalk SYNONYM talk) AND_NOT ((Zkyiv SYNONYM kyiv) OR (Zkiev SYNONYM kiev))))"},
        {"a-b", "Query((a@1 PHRASE 2 b@2))"},
        {"(a OR b) c", "Query((((Za SYNONYM a) OR (Zb SYNONYM b)) AND (Zc SYNONYM c)))"},
        {"title:envoy", "Query((ZSenvoy SYNONYM Senvoy))"},
        {"title:\"peace plan\"", "Query((Speace@1 PHRASE 2 Splan@2))"},
        {"presid*", "Query(WILDCARD SYNONYM presid)"},
        {"putin NEAR/3 witkoff", "Query((putin@1 NEAR 5 witkoff@1))"},
        // Regression: a phrase beside NEAR gave Xapian's "OP_NEAR ... only leaf subqueries".
        {"son-in-law NEAR oil",
         "Query(((son@1 NEAR 14 in@2 NEAR 14 law@3 NEAR 14 oil@1) AND (son@1 PHRASE 3 in@2 "
         "PHRASE 3 law@3)))"},
        {"oil NEAR/2 \"price war\"",
         "Query(((oil@1 NEAR 5 price@1 NEAR 5 war@2) AND (price@1 PHRASE 2 war@2)))"},
        {"source:Reuters", "Query(XSRCreuters)"},
        {"source:\"The Guardian\" source:bbc", "Query(0 * (XSRCthe guardian OR XSRCbbc))"},
        {"source:a AND source:b", "Query(0 * (XSRCa AND XSRCb))"},
        {"peace source:bbc lang:en", "Query(((Zpeac SYNONYM peac) FILTER (XLANGen AND XSRCbbc)))"},
        {"date:2025-11", "Query(VALUE_RANGE 0 202511 202511\\xff)"},
        {"date:2025-11-20..2025-11-30", "Query(VALUE_RANGE 0 20251120 20251130\\xff)"},
        {"date:..2025-11-20", "Query(VALUE_LE 0 20251120\\xff)"},
        {"date:2025..", "Query(VALUE_GE 0 2025)"},
        {"-russia", "Query((<alldocuments> AND_NOT (Zrussia SYNONYM russia)))"},
        {"unknown:field", "Query((unknown@1 PHRASE 2 field@2))"},
    };
    for (const auto& row : table) {
        INFO("query: " << row.query);
        CHECK(parse(row.query) == row.description);
    }
}

TEST_CASE("query: syntax errors name the byte position of the problem", "[query]") {
    CHECK(error_position("\"security guarantees") == 0);
    CHECK(error_position("peace (talks") == 12);
    CHECK(error_position("peace talks)") == 11);
    CHECK(error_position("OR peace") == 0);
    CHECK(error_position("peace OR") == 8);
    CHECK(error_position("peace NEAR/x talks") == 10);
    CHECK(error_position("date:2025-13") == 5);
    CHECK(error_position("date:2025-11-30..2025-11-01") == 5);
    CHECK(error_position("title: peace") == 6);
    CHECK(error_position("()") == 1);
    CHECK(error_position("peace -") == std::string::npos);  // a lone '-' is just punctuation
}

// Regression: '(' 4,000 deep, '-(' 3,750 deep and NOT 20,000 times overflowed the stack.
TEST_CASE("query: nesting and length are bounded with a syntax error, not a crash", "[query]") {
    auto repeat = [](const std::string& s, std::size_t n) {
        std::string out;
        for (std::size_t i = 0; i < n; ++i)
            out += s;
        return out;
    };
    CHECK(parse(repeat("(", 64) + "oil" + repeat(")", 64)) == "Query((Zoil SYNONYM oil))");
    CHECK(error_position(repeat("(", 65) + "oil" + repeat(")", 65)) == 65);
    CHECK(error_position(repeat("(", 4000) + "oil") == 65);
    CHECK(error_position(repeat("-(", 3750) + "oil") != std::string::npos);
    CHECK(error_position(repeat("NOT ", 20000) + "oil") != std::string::npos);
    CHECK(error_position(repeat("oil ", search::kMaxQueryBytes / 4 + 1)) == search::kMaxQueryBytes);
    CHECK(error_position(repeat("oil ", search::kMaxQueryBytes / 4 - 1)) == std::string::npos);
}

TEST_CASE("query: caret diagram points at the problem in code points", "[query]") {
    try {
        parse("Zelenskyy’s (talks");
        FAIL("expected a QueryError");
    } catch (const QueryError& e) {
        CHECK(e.caret_diagram() == "  Zelenskyy’s (talks\n                    ^");
    }
}

TEST_CASE("query: negated words never become highlight patterns", "[query]") {
    Analyzer analyzer;
    search::QueryCompiler compiler(analyzer, {"en"});
    compiler.compile(search::parse_query("\"peace plan\" envoy -russia NOT kremlin"));
    std::vector<std::string> got;
    for (const auto& p : compiler.patterns()) {
        std::string joined;
        for (const auto& t : p.terms)
            joined += (joined.empty() ? "" : " ") + t;
        got.push_back(joined);
    }
    CHECK(got == std::vector<std::string>{"peace plan", "envoy"});
}
