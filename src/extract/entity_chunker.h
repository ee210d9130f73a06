#pragma once
// Capitalised-sequence chunking and rule classification of prose lines, plus the gazetteer
// scan used for headlines and ALL CAPS lines.

#include "extract/entity_cyrillic.h"
#include "extract/entity_gazetteer.h"
#include "extract/entity_tokens.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace byline::extract {

enum class CandidateKind : std::uint8_t { person, place, org, unknown };

/// A gazetteer kind as a candidate kind; `ignore` gives unknown (the span is dropped).
inline CandidateKind candidate_kind(GazKind kind) {
    switch (kind) {
        case GazKind::person:
            return CandidateKind::person;
        case GazKind::place:
            return CandidateKind::place;
        case GazKind::org:
            return CandidateKind::org;
        case GazKind::ignore:
            break;
    }
    return CandidateKind::unknown;
}

/// A classified span before coreference.
struct Candidate {
    std::size_t first = 0, last = 0;  ///< token range [first, last)
    std::size_t start = 0, end = 0;   ///< byte range in the text
    CandidateKind kind = CandidateKind::unknown;
    bool weak = false;   ///< small-city or guessed type: coreference may override it
    std::string name;    ///< display name (gazetteer name or the text)
    bool local = false;  ///< a city or region (a sports team in results tables)
    std::string native;  ///< Cyrillic names: the nominative in Cyrillic ("Київ" for "Києві")
};

class LanguageWords;
class TaggerLexicon;

struct ChunkContext {
    const Gazetteer& gaz;
    std::string_view text;
    const TokenizedText& tt;
    bool english = true;
    std::string_view lang;                   ///< the text's language code as given ("de-AT")
    CyrLang cyr_lang = CyrLang::uk;          ///< how Cyrillic names of this text are transliterated
    const LanguageWords* words = nullptr;    ///< common words per language (entity_foreign.h)
    const TaggerLexicon* lexicon = nullptr;  ///< the tagger's dictionary of the language, if any
    /// Text with Cyrillic letters: the dictionary of its Cyrillic language (LanguageWords).
    const TaggerLexicon* dictionary = nullptr;

    std::string_view word(std::size_t i) const {
        return text.substr(tt.tokens[i].start, tt.tokens[i].end - tt.tokens[i].start);
    }
    /// Lower-case ASCII form with typographic hyphens and apostrophes made plain.
    std::string lower(std::size_t i) const;
    /// End of token i's name part: "Trump-chaired" ends before "-chaired".
    std::size_t name_end(std::size_t i) const;
    bool is_cap_word(std::size_t i) const {
        return tt.tokens[i].kind == TokenKind::word && tt.tokens[i].cap;
    }
};

/// Candidates of one prose line.
void chunk_prose_line(const ChunkContext& c, const Line& line, std::vector<Candidate>& out);

/// Candidates of the capitalised Cyrillic words from token i of a prose line (tokens
/// [line_first, last)); returns the token after them.
std::size_t chunk_cyrillic(const ChunkContext& c, std::size_t i, std::size_t line_first,
                           std::size_t last, std::vector<Candidate>& out);

/// An institution named by a Cyrillic noun phrase from token i (capitalised adjectives, a head
/// noun, what it is of: "Міністерства оборони України"): its candidate, and the token after it;
/// i when there is none.
std::size_t institution_phrase(const ChunkContext& c, std::size_t i, std::size_t last,
                               std::vector<Candidate>& out);

/// Token k is one Cyrillic word that names a body by its shape ("Міноборони", "Київради",
/// "Укрзалізниці", "Харківобленерго"): its candidate, in the nominative; false if it is none.
bool one_word_body(const ChunkContext& c, std::size_t k, std::vector<Candidate>& out);

/// Tokens [first, last) start with an organisation's head and "of"/"for" ("Ministry of Defense",
/// "Russian Ministry of Defense", "Bank of Brazil").
bool has_org_head(const ChunkContext& c, std::size_t first, std::size_t last);

/// Classifies tokens [first, last) (titles already stripped) and appends a candidate, if any.
void classify_span(const ChunkContext& c, std::size_t first, std::size_t last, bool person_cue,
                   std::vector<Candidate>& out);

/// Entities already known in the document, by key: kind and display name.
using KnownEntities = std::unordered_map<std::string, std::pair<CandidateKind, std::string>>;

/// Longest gazetteer or known-entity matches in a headline or ALL CAPS line.
void scan_line_for_known(const ChunkContext& c, const Line& line, const KnownEntities& known,
                         std::vector<Candidate>& out);

}  // namespace byline::extract
