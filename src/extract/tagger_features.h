#pragma once
// Features of the learned entity tagger. A document is prepared once (tagger_input.cpp:
// lower-cased words, shapes, gazetteer matches, word lists, document-level casing); then each
// token of a line yields "template=value" features (tagger_features.cpp), hashed into rows of
// the weight table.

#include "extract/entity_gazetteer.h"
#include "extract/entity_tokens.h"
#include "extract/tagger_lexicon.h"
#include "extract/tagger_model.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace byline::extract {

/// Per-token facts the features read, computed once per document.
struct TaggerInput {
    std::string_view text;
    const TokenizedText* tt = nullptr;
    std::vector<std::string> lower;         ///< lower-case ASCII form of each token
    std::vector<std::string> shape;         ///< "Xx", "XX", "x", "d", "X.X.", "Xx-x" ...
    std::vector<std::uint8_t> gaz;          ///< longest gazetteer match: GazTag codes
    std::vector<std::uint8_t> lex;          ///< word-list bits: LexBits
    std::vector<std::uint8_t> dict;         ///< DictBits; empty without a lexicon
    std::vector<std::string> head;          ///< a capitalised noun's head noun; with a lexicon
    std::vector<std::uint8_t> names;        ///< known name (lexicon): 1 + 2 * NameKind (+1 inside)
    std::vector<std::uint8_t> doc;          ///< casing of the same word elsewhere: DocBits
    std::vector<std::uint8_t> sent_pos;     ///< position in the sentence, capped at 3
    std::vector<std::uint8_t> line_caps;    ///< 1 when the token's line is ALL CAPS or Title Case
    std::vector<std::uint64_t> word_hash;   ///< tagger_string_hash(lower[i])
    std::vector<std::uint64_t> shape_hash;  ///< tagger_string_hash(shape[i])
};

/// Word-list bits of a token.
enum LexBits : std::uint8_t {
    lex_first_name = 1,  ///< (this and the next two: capitalised tokens only)
    lex_demonym = 2,
    lex_common = 4,  ///< capitalised, yet a common English word
    lex_title = 8,   ///< person title or cue word ("president", "envoy")
    lex_org_suffix = 16,
    lex_org_head = 32,
    lex_calendar = 64,
    lex_non_entity = 128,
};

/// What the language's dictionary (TaggerLexicon) says of a word.
enum DictBits : std::uint8_t {
    dict_noun = 1,       ///< capitalised, and a capitalised form of the dictionary
    dict_head = 2,       ///< capitalised, not one, but ends with one (a compound noun)
    dict_lower = 4,      ///< its lower-case form is a word of the dictionary
    dict_given = 8,      ///< capitalised, and a known given name
    dict_surname = 16,   ///< capitalised, and a known surname
    dict_genitive = 32,  ///< capitalised, and a known given name or surname with an -s
};

/// Casing of the same lower-case word in prose elsewhere in the document.
enum DocBits : std::uint8_t { doc_cap_mid = 1, doc_lower = 2, doc_all_caps = 4 };

/// Prepares `tt` (a tokenisation of `text`) for feature extraction. `gaz` may be null (no
/// gazetteer features); so may `lexicon` (no dictionary features: models without
/// TaggerModel::lexicon). `lang`: the text's language, whose own names of places
/// (Gazetteer::find_local) the gazetteer features know too.
TaggerInput prepare_tagger_input(std::string_view text, const TokenizedText& tt,
                                 const Gazetteer* gaz, const TaggerLexicon* lexicon = nullptr,
                                 std::string_view lang = {});

/// Features of token `i` of `line` as "template=value" strings, for tests and debugging.
std::vector<std::string> feature_strings(const TaggerInput& in, const Line& line, std::size_t i);

/// Hashes of the features of token `i` of `line` (the same features as feature_strings),
/// appended to `out`.
void feature_hashes(const TaggerInput& in, const Line& line, std::size_t i,
                    std::vector<std::uint32_t>& out);

/// What the tagger made of each capitalised word earlier in the same document ("Duran" after
/// "Roberto Duran" was read as a person): counts of the labels its tokens were given, O
/// included. A feature of a model trained with it (TaggerModel::history).
class TagHistory {
  public:
    /// 0: the word was not seen; 1: mostly outside any name; 2 + l: mostly label l.
    std::uint8_t verdict(std::uint64_t word_hash) const;
    /// Records that a token of `word_hash` was given `verdict` (1 or 2 + label).
    void record(std::uint64_t word_hash, std::uint8_t verdict);
    /// Records that a token of `word_hash` was decoded as `tag` of `tags` (0: outside).
    void record_tag(std::uint64_t word_hash, const TagSet& tags, std::size_t tag) {
        record(word_hash, static_cast<std::uint8_t>(tag == 0 ? 1 : 2 + tags.label_of(tag)));
    }

  private:
    static constexpr std::size_t kVerdicts = 16;
    std::unordered_map<std::uint64_t, std::array<std::uint16_t, kVerdicts>> counts_;
};

/// How token `i` may read the history: 0 not at all (not a capitalised word), else its
/// setting (1 a headline or title line, 2 a sentence's first word, 3 mid-sentence).
std::uint8_t history_context(const TaggerInput& in, std::size_t i);

/// Hash of the history feature of a token of `context` (history_context, not 0) whose word
/// got `verdict` (TagHistory::verdict, not 0) earlier in the document.
std::uint32_t history_feature(std::uint8_t context, std::uint8_t verdict);

/// The hash feature_hashes gives the feature "name=a|b|c" (empty parts omitted).
std::uint32_t feature_hash(std::string_view name, std::string_view a, std::string_view b = {},
                           std::string_view c = {});

/// 64-bit FNV-1a of `s`: the hash of one feature value part.
std::uint64_t tagger_string_hash(std::string_view s);

}  // namespace byline::extract
