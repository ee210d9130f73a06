// The tagger's dictionary of a language (TaggerLexicon): what it says of nouns, compounds, lower-
// case words and given names; its file round trip and damage; the features it gives; and the
// local place names a language has (Gazetteer::find_local).

#include "extract/tagger_lexicon.h"
#include "extract/entity_extractor.h"
#include "extract/entity_foreign.h"
#include "extract/entity_gazetteer.h"
#include "extract/entity_tokens.h"
#include "extract/tagger.h"
#include "extract/tagger_features.h"
#include "extract/tagger_hybrid.h"
#include "temp_dir.h"

#include <byline/error.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>

using namespace byline::extract;

namespace {

TaggerLexicon german_sample() {
    return TaggerLexicon::build({"Konzern", "Konzerne", "Konzerns", "Kummer", "Trainer", "Trainern",
                                 "Detlef", "Detlefs", "die", "bayerischen", "Ärger"},
                                {{NameKind::given, "Jürgen"},
                                 {NameKind::surname, "Stoiber"},
                                 {NameKind::org, "Champions League"}});
}

bool has_feature(const std::vector<std::string>& features, const std::string& f) {
    return std::find(features.begin(), features.end(), f) != features.end();
}

}  // namespace

TEST_CASE("lexicon: nouns, compounds, lower-case words and given names", "[lexicon]") {
    TaggerLexicon lex = german_sample();
    CHECK(lex.is_noun("Konzern"));
    CHECK(lex.is_noun("Ärger"));  // a capital that is no ASCII letter
    CHECK_FALSE(lex.is_noun("Siemens"));
    CHECK(lex.has_noun_head("Chemiekonzern"));
    CHECK(lex.has_noun_head("Liebeskummer"));
    CHECK_FALSE(lex.has_noun_head("Kon"));
    CHECK(lex.is_lower_word("Die"));  // a sentence's first word
    CHECK(lex.is_lower_word("Bayerischen"));
    CHECK_FALSE(lex.is_lower_word("Konzern"));
    // A noun with an inflected form is a common noun; a name the list has ("Detlefs") is not.
    CHECK(lex.is_common_noun("Konzern"));
    CHECK(lex.is_common_noun("Fußballtrainer"));
    CHECK_FALSE(lex.is_common_noun("Detlef"));
    CHECK_FALSE(lex.is_common_noun("Kummer"));  // no inflected form in the sample
    CHECK(lex.is_given_name("Jürgen"));
    CHECK_FALSE(lex.is_given_name("Konzern"));
    CHECK(lex.is_surname("Stoiber"));
    CHECK_FALSE(lex.is_surname("Jürgen"));
    CHECK(lex.is_name(NameKind::org, name_key({"champions", "league"})));
    CHECK_FALSE(lex.is_name(NameKind::person, name_key({"champions", "league"})));
}

TEST_CASE("lexicon: a dictionary's headwords are proper nouns in the nominative", "[lexicon]") {
    TaggerLexicon lex = TaggerLexicon::build({"Дора", "Дори", "Дору", "мельник", "мельника"},
                                             {{NameKind::proper, "Дора"}});
    CHECK(lex.is_headword("Дора"));
    CHECK_FALSE(lex.is_headword("Дору"));  // a form, not the headword
    CHECK(lex.is_noun("Дору"));
    CHECK(lex.is_lower_word("Мельника"));
    CHECK_FALSE(lex.is_lower_word("Дора"));
    CHECK_FALSE(lex.is_name(NameKind::person, "дора"));
}

TEST_CASE("lexicon: file round trip; damaged, truncated and missing files are errors",
          "[lexicon]") {
    byline::test::TempDir dir;
    german_sample().save(dir / "lexicon-de.bin");
    TaggerLexicon back = TaggerLexicon::load(dir / "lexicon-de.bin");
    CHECK(back.is_noun("Konzern"));
    CHECK(back.is_given_name("Jürgen"));
    CHECK_FALSE(back.is_noun("Siemens"));

    std::ifstream in(dir / "lexicon-de.bin", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string damaged = bytes;
    damaged[damaged.size() / 2] ^= 0x5a;
    CHECK_THROWS_WITH(TaggerLexicon::load(dir.write("bad.bin", damaged)),
                      Catch::Contains("damaged"));
    CHECK_THROWS_WITH(TaggerLexicon::load(dir.write("short.bin", bytes.substr(0, 20))),
                      Catch::Contains("truncated"));
    CHECK_THROWS_AS(TaggerLexicon::load(dir.write("other.bin", "not a lexicon")),
                    byline::InputError);
    CHECK_THROWS_AS(TaggerLexicon::load(dir / "missing.bin"), byline::InputError);
}

TEST_CASE("lexicon: the Cyrillic dictionaries load beside the word lists, once; missing is none",
          "[lexicon]") {
    byline::test::TempDir dir;
    TaggerLexicon::build({"мельник"}, {{NameKind::proper, "Дора"}}).save(dir / "lexicon-uk.bin");
    dir.write("lexicon-ru.bin", "not a lexicon");
    const LanguageWords words(dir / "gazetteer_words.tsv");  // the list itself may be missing
    const TaggerLexicon* uk = words.cyrillic_dictionary(CyrLang::uk);
    REQUIRE(uk != nullptr);
    CHECK(uk->is_headword("Дора"));
    CHECK(words.cyrillic_dictionary(CyrLang::uk) == uk);  // read once
    // A damaged file is an error naming it, every time it is asked for.
    for (int i = 0; i < 2; ++i)
        CHECK_THROWS_WITH(words.cyrillic_dictionary(CyrLang::ru),
                          Catch::Contains("lexicon-ru.bin") && Catch::Contains("not a Byline"));
    const LanguageWords none(dir / "elsewhere/gazetteer_words.tsv");
    CHECK(none.cyrillic_dictionary(CyrLang::uk) == nullptr);
}

TEST_CASE("lexicon: a model that reads one needs it beside it; the flag survives the file",
          "[lexicon]") {
    byline::test::TempDir dir;
    TaggerModel m;
    m.tags = TagSet{TagScheme::bio, {"LOC"}};
    m.row_bits = 8;
    m.transitions.assign((m.tags.size() + 1) * m.tags.size(), 0.0f);
    m.set_table(std::vector<std::int16_t>(m.rows() * m.tags.size(), 0));
    m.lexicon = true;
    save_model(m, dir / "ner-model-de.bin");
    CHECK(load_model(dir / "ner-model-de.bin").lexicon);
    CHECK_THROWS_WITH(load_tagger_file(dir / "ner-model-de.bin"),
                      Catch::Contains("lexicon-de.bin"));
    german_sample().save(dir / "lexicon-de.bin");
    EntityTagger tagger = load_tagger_file(dir / "ner-model-de.bin");
    REQUIRE(tagger.lexicon());
    CHECK(tagger.language() == "de");
    CHECK(tagger.lexicon()->is_noun("Konzern"));
}

TEST_CASE("lexicon: dictionary and name features of a German sentence", "[lexicon]") {
    TaggerLexicon lex = german_sample();
    const std::string text =
        "Die Chemiekonzerne und Jürgen sahen die Champions League mit Stoiber.";
    TokenizedText tt = tokenize_for_entities(text);
    TaggerInput in = prepare_tagger_input(text, tt, nullptr, &lex);
    auto features = [&](std::size_t i) { return feature_strings(in, tt.lines[0], i); };
    CHECK(has_feature(features(0), "D=lower"));     // Die
    CHECK(has_feature(features(1), "D=head"));      // Chemiekonzerne ends with "Konzerne"
    CHECK(has_feature(features(3), "D=given"));     // Jürgen
    CHECK(has_feature(features(6), "n=B-org|Xx"));  // Champions League
    CHECK(has_feature(features(7), "n=I-org|Xx"));
    CHECK(has_feature(features(9), "D=surname"));  // Stoiber
    // Without a lexicon (every model but those that read one) none of them.
    TaggerInput plain = prepare_tagger_input(text, tt, nullptr);
    CHECK(plain.dict.empty());
    for (const std::string& f : feature_strings(plain, tt.lines[0], 3))
        CHECK((f.rfind("D", 0) != 0 && f.rfind("n=", 0) != 0));
}

TEST_CASE("local place names: a language's own names of cities and countries", "[lexicon]") {
    Gazetteer gaz(resolve_data_dir(""), "", true);
    auto name_of = [&](std::string_view lang, std::string_view written) -> std::string {
        const GazEntry* g = gaz.find_local(lang, written);
        return g ? g->name : "";
    };
    CHECK(name_of("de", "München") == "Munich");
    CHECK(name_of("de-AT", "Wien") == "Vienna");
    CHECK(name_of("de", "Polen") == "Poland");
    CHECK(name_of("de", "Polens") == "Poland");  // the genitive
    CHECK(name_of("de", "Europa") == "Europe");
    CHECK(name_of("fr", "Varsovie") == "Warsaw");
    CHECK(name_of("nl", "Duitsland") == "Germany");
    CHECK(name_of("en", "Polen").empty());  // English has no such name
    CHECK(name_of("de", "Konzern").empty());
}

namespace {

// The German extraction pipeline over a hand-made tagger of one label (BIO): the words of
// `begins` start a name, those of `continues` go on with one; `lexicon` is its dictionary.
struct HandMadeTagger {
    EntityTagger tagger;
    Gazetteer gaz{resolve_data_dir(""), "", true};
    LanguageWords words{resolve_data_dir("") + "/gazetteer_words.tsv"};

    HandMadeTagger(const std::string& label, const std::vector<std::string>& begins,
                   const std::vector<std::string>& continues, TaggerLexicon lexicon)
        : tagger(model(label, begins, continues), "de", std::move(lexicon)) {}

    static TaggerModel model(const std::string& label, const std::vector<std::string>& begins,
                             const std::vector<std::string>& continues) {
        TaggerModel m;
        m.tags = TagSet{TagScheme::bio, {label}};
        m.row_bits = 16;
        m.scale = 0.5f;
        m.lexicon = true;
        const std::size_t T = m.tags.size();
        m.transitions.assign((T + 1) * T, 0.0f);
        std::vector<std::int16_t> dense(m.rows() * T, 0);
        dense[(feature_hash("b", "") & 0xffff) * T + 0] = 2;
        for (const std::string& w : begins)
            dense[(feature_hash("w", w) & 0xffff) * T + 1] = 20;
        for (const std::string& w : continues)
            dense[(feature_hash("w", w) & 0xffff) * T + 2] = 20;
        m.set_table(dense);
        return m;
    }

    std::string names(std::string_view body) const {
        std::string out;
        for (const auto& e :
             extract_entities(gaz, &tagger, body, "de", HybridPolicy::tagger, true, &words))
            out += e.name + ";";
        return out;
    }
};

}  // namespace

TEST_CASE("lexicon: a lower-case word capitalised where a sentence starts is no name",
          "[lexicon]") {
    // A tagger that reads "Man" (German "one", and the firm MAN) and "Siemens" as firms.
    HandMadeTagger t("ORG", {"man", "siemens"}, {},
                     TaggerLexicon::build({"man", "sagt", "wächst"}));
    CHECK(t.names("Man sagt, Siemens wächst.") == "Siemens;");
    CHECK(t.names("Dort wächst Man.") == "Man;");  // mid-sentence it may be the firm
}

TEST_CASE("lexicon: a common noun before a German person's name is a title", "[lexicon]") {
    // A tagger that takes the title into the name; the dictionary has "Fußballtrainer" with an
    // inflected form (a common noun), "Detlef" only with its genitive (a name it lists).
    HandMadeTagger t("PER", {"fußballtrainer", "detlef"}, {"jürgen", "klopp", "untermann"},
                     TaggerLexicon::build(
                         {"Fußballtrainer", "Fußballtrainern", "Detlef", "Detlefs", "sagte", "kam"},
                         {{NameKind::given, "Jürgen"}}));
    CHECK(t.names("Dort sagte Fußballtrainer Jürgen Klopp nichts.") == "Jürgen Klopp;");
    CHECK(t.names("Dann kam Detlef Untermann.") == "Detlef Untermann;");
}

TEST_CASE("lexicon: a place or one-word person known only as an organisation is one", "[lexicon]") {
    // A tagger that reads "Siemens" and "Honda" as places: the names of other Wikipedias know
    // both as firms; "Bremen" is a place there too, and "Paris" a city of the gazetteer.
    HandMadeTagger places(
        "LOC", {"siemens", "bremen", "paris"}, {},
        TaggerLexicon::build({"liefert", "nach", "und"}, {{NameKind::org, "Siemens"},
                                                          {NameKind::org, "Bremen"},
                                                          {NameKind::place, "Bremen"},
                                                          {NameKind::org, "Paris"}}));
    const auto& gaz = places.gaz;
    const auto& words = places.words;
    auto kinds = [&](const HandMadeTagger& t, std::string_view body) {
        std::string out;
        for (const auto& e :
             extract_entities(gaz, &t.tagger, body, "de", HybridPolicy::tagger, true, &words))
            out += std::string(to_string(e.type)) + ":" + e.name + ";";
        return out;
    };
    CHECK(kinds(places, "Siemens liefert nach Bremen und Paris.") ==
          "org:Siemens;place:Bremen;place:Paris;");
    // One word read as a person: a firm, unless a known given name.
    HandMadeTagger people("PER", {"zalando", "walter"}, {},
                          TaggerLexicon::build({"wächst", "lacht"}, {{NameKind::org, "Zalando"},
                                                                     {NameKind::org, "Walter"},
                                                                     {NameKind::given, "Walter"}}));
    CHECK(kinds(people, "Zalando wächst.") == "org:Zalando;");
    CHECK(kinds(people, "Walter lacht.") == "person:Walter;");
}

TEST_CASE("lexicon: a currency code or a Roman numeral is no organisation", "[lexicon]") {
    HandMadeTagger t("ORG", {"chf", "ii", "bmw"}, {},
                     TaggerLexicon::build({"kostet", "bei", "teil", "erschien"}));
    CHECK(t.names("Das kostet 7 CHF bei BMW.") == "BMW;");
    CHECK(t.names("Teil II erschien.") == "");
}

TEST_CASE("lexicon: a German common noun alone is no person", "[lexicon]") {
    // A tagger that reads every capitalised word here as a person. "Baustoff" is a noun with an
    // inflected form; "Fischer" too, but a known surname; "Detlef" a name the dictionary lists.
    HandMadeTagger t("PER", {"baustoff", "fischer", "detlef"}, {},
                     TaggerLexicon::build({"Baustoff", "Baustoffe", "Fischer", "Fischern", "Detlef",
                                           "Detlefs", "als", "dient", "lacht", "kam"},
                                          {{NameKind::surname, "Fischer"}}));
    CHECK(t.names("Holz dient als Baustoff.") == "");
    CHECK(t.names("Dann lacht Fischer.") == "Fischer;");
    CHECK(t.names("Dann kam Detlef.") == "Detlef;");
}

TEST_CASE("lexicon: a German name in the genitive ends before the noun it qualifies", "[lexicon]") {
    // A tagger that runs the name into the noun after it. "Tod" and "Vizekanzler" are nouns of
    // the dictionary, "Fischer" a noun and a known surname, "Klaus" a given name.
    HandMadeTagger t("PER", {"ravens", "hitlers", "klaus", "anna"},
                     {"tod", "vizekanzler", "fischer", "weiß"},
                     TaggerLexicon::build({"Tod", "Tode", "Vizekanzler", "Vizekanzlern", "Fischer",
                                           "Fischern", "seit", "war", "sprach", "sagt"},
                                          {{NameKind::surname, "Fischer"}}));
    CHECK(t.names("Seit Ravens Tod sprach niemand.") == "Ravens;");
    CHECK(t.names("Er war Hitlers Vizekanzler.") == "Hitlers;");
    CHECK(t.names("Dann sprach Klaus Fischer.") == "Klaus Fischer;");  // a given name
    CHECK(t.names("Das sagt Anna Weiß.") == "Anna Weiß;");  // no "s", no noun: kept whole
}
