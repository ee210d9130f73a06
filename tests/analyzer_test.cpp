// Analyzer golden tables: "term[start,end]@position" for every token, as Xapian's api_termgen does.
#include <byline/analyzer.h>

#include <catch2/catch.hpp>

#include <string>

using byline::Analyzer;

namespace {

std::string describe(Analyzer& analyzer, const std::string& text) {
    std::string out;
    for (const auto& t : analyzer.tokenize(text)) {
        if (!out.empty()) out += ' ';
        out += t.term + "[" + std::to_string(t.start) + "," + std::to_string(t.end) + "]@" +
               std::to_string(t.position);
    }
    return out;
}

std::string terms(Analyzer& analyzer, const std::string& text) {
    std::string out;
    for (const auto& t : analyzer.tokenize(text))
        out += (out.empty() ? "" : " ") + t.term;
    return out;
}

struct Golden {
    const char* text;
    const char* expected;
};

}  // namespace

TEST_CASE("analyzer: golden table of terms, offsets and positions", "[analyzer]") {
    Analyzer analyzer;
    const Golden table[] = {
        {"", ""},
        {"  ,;— !", ""},
        {"Hello World", "hello[0,5]@0 world[6,11]@1"},
        // U+2011 non-breaking hyphen splits like '-' does.
        {"28\u2011point", "28[0,2]@0 point[5,10]@1"},
        {"son\u2011in\u2011law", "son[0,3]@0 in[6,8]@1 law[11,14]@2"},
        // Possessive with a curly apostrophe is stripped; offsets keep the written form.
        {"Ukraine\u2019s war", "ukraine[0,11]@0 war[12,15]@1"},
        {"Ukraine's", "ukraine[0,9]@0"},
        {"O\u2019Brien", "o'brien[0,9]@0"},
        // Accent and case folding, NFKC (ﬁ ligature, full-width letters).
        {"Café ZÜRICH", "cafe[0,5]@0 zurich[6,13]@1"},
        {"\uFB01nance", "finance[0,8]@0"},
        {"\uFF21\uFF22\uFF23", "abc[0,9]@0"},
        // Combining mark (e + U+0301) folds like the precomposed letter.
        {"cafe\u0301", "cafe[0,6]@0"},
        {"U.S. talks", "u.s[0,3]@0 talks[5,10]@1"},
        {"4:30 p.m. 19-20", "4[0,1]@0 30[2,4]@1 p.m[5,8]@2 19[10,12]@3 20[13,15]@4"},
    };
    for (const auto& row : table) {
        INFO("text: " << row.text);
        CHECK(describe(analyzer, row.text) == row.expected);
    }
}

TEST_CASE("analyzer: CJK and Thai split into words by ICU dictionaries, not n-grams",
          "[analyzer]") {
    Analyzer analyzer;
    CHECK(terms(analyzer, "北京大学生前来应聘") == "北京 大学生 前 来 应聘");
    CHECK(terms(analyzer, "東京都に住んでいます") == "東京 都 に 住 んで い ます");
    CHECK(terms(analyzer, "ภาษาไทยง่ายนิดเดียว") == "ภาษา ไทย ง่าย นิด เดียว");
}

TEST_CASE("analyzer: Thai vowels and other non-Latin marks are never stripped", "[analyzer]") {
    Analyzer analyzer;
    CHECK(analyzer.normalize("ไทย") == "ไทย");
    CHECK(analyzer.normalize("हिंदी") == "हिंदी");
    CHECK(analyzer.normalize("Ελλάδα") == "ελλαδα");
}

TEST_CASE("analyzer: RTL text keeps logical order and byte offsets", "[analyzer]") {
    Analyzer analyzer;
    CHECK(describe(analyzer, "שלום עולם") == "שלום[0,8]@0 עולם[9,17]@1");
    CHECK(terms(analyzer, "مرحبا بالعالم") == "مرحبا بالعالم");
}

TEST_CASE("analyzer: emoji are not words and do not shift positions of words", "[analyzer]") {
    Analyzer analyzer;
    CHECK(describe(analyzer, "📌 Key Facts 👍🏽") == "key[5,8]@0 facts[9,14]@1");
}

TEST_CASE("analyzer: invariant - token spans plus gaps rebuild the input", "[analyzer]") {
    Analyzer analyzer;
    const std::string text =
        "President Zelenskyy’s 20\u2011point plan — 北京 talks; Ελλάδα, שלום! 📌 done.";
    std::size_t at = 0;
    for (const auto& t : analyzer.tokenize(text)) {
        REQUIRE(t.start >= at);
        REQUIRE(t.end > t.start);
        REQUIRE(t.end <= text.size());
        // Offsets are on code point boundaries.
        CHECK((static_cast<unsigned char>(text[t.start]) & 0xC0) != 0x80);
        CHECK((t.end == text.size() || (static_cast<unsigned char>(text[t.end]) & 0xC0) != 0x80));
        at = t.end;
    }
}

TEST_CASE("analyzer: a huge document and a huge token are handled", "[analyzer]") {
    Analyzer analyzer;
    std::string big;
    for (int i = 0; i < 20000; ++i)
        big += "word" + std::to_string(i % 97) + " ";
    auto tokens = analyzer.tokenize(big);
    CHECK(tokens.size() == 20000);
    CHECK(tokens.back().position == 19999);
    std::string huge(100000, 'x');
    auto one = analyzer.tokenize(huge);
    REQUIRE(one.size() == 1);
    CHECK(one[0].end == huge.size());
}

TEST_CASE("analyzer: stems by language, leaves numbers and unknown languages alone", "[analyzer]") {
    Analyzer analyzer;
    CHECK(analyzer.stem("guarantees", "en") == "guarante");
    CHECK(analyzer.stem("negotiations", "english") == "negoti");
    CHECK(analyzer.stem("2025", "en").empty());
    CHECK(analyzer.stem("words", "xx").empty());
    CHECK(analyzer.stem("continuaient", "fr") == "continu");
    CHECK(Analyzer::has_stemmer("de"));
    CHECK_FALSE(Analyzer::has_stemmer("xx"));
}

TEST_CASE("analyzer: accent folding can be switched off", "[analyzer]") {
    Analyzer exact(byline::AnalyzerOptions{false});
    CHECK(exact.normalize("Café") == "café");
}

TEST_CASE("analyzer: sentences respect abbreviations and line breaks", "[analyzer]") {
    Analyzer analyzer;
    const std::string text =
        "The U.S. envoy met Gen. Smith on Dec. 5 in Geneva. Talks went on.\n"
        "Key Facts\n- First bullet\n\n  Last one.  ";
    std::vector<std::string> got;
    for (auto span : analyzer.sentences(text))
        got.push_back(text.substr(span.start, span.end - span.start));
    CHECK(got == std::vector<std::string>{"The U.S. envoy met Gen. Smith on Dec. 5 in Geneva.",
                                          "Talks went on.", "Key Facts", "- First bullet",
                                          "Last one."});
    CHECK(analyzer.sentences("").empty());
    CHECK(analyzer.sentences("  \n ").empty());
}
