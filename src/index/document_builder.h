#pragma once
// Turns an article into a Xapian document: terms, values and stored data, per schema.h.

#include <byline/analyzer.h>
#include <byline/document.h>
#include <byline/extract.h>

#include "index/facet_record.h"

#include <xapian.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

namespace byline::index {

/// The key of a facet value: its words through the analyzer, joined by single spaces, so
/// "The  Guardian" and "the guardian" filter alike.
std::string facet_key(Analyzer& analyzer, std::string_view value);

/// `sentences` with any longer than `max_bytes` cut into pieces at word boundaries (`body`: the
/// words of the same text, in order).
std::vector<Span> split_long_sentences(const std::vector<Span>& sentences,
                                       const std::vector<Token>& body, std::size_t max_bytes);

/// Per sentence, the Xapian position of its first word (tokens of the body numbered from
/// `body_start`); a sentence without words gets the position of the next word.
std::vector<std::uint32_t> sentence_positions(const std::vector<Span>& sentences,
                                              const std::vector<Token>& body,
                                              std::uint32_t body_start);

/// The body beyond schema::kInlineBodyBytes in schema::kBodyChunkBytes pieces, to be stored as
/// metadata under schema::body_chunk_key (the document data keeps only the inline part).
std::vector<std::string> body_chunks(const std::string& body);

class DocumentBuilder {
  public:
    DocumentBuilder(Analyzer& analyzer, std::string default_language)
        : analyzer_(analyzer), default_language_(std::move(default_language)) {}

    /// Builds the Xapian document. `doc.date` must already be normalised (or empty). The body's
    /// text beyond the inline part is not in it: store body_chunks(doc.body) alongside.
    /// `extraction` supplies the entity facets (its date is not used: set doc.date). The facet
    /// values go to `facets`, to be numbered and packed into value slots by the writer.
    Xapian::Document build(const Document& doc, const Extraction& extraction, FacetValues& facets);

    /// Stemming languages used so far (recorded in the index for the query side).
    const std::set<std::string>& languages() const { return languages_; }

  private:
    void index_tokens(Xapian::Document& xdoc, const std::vector<Token>& tokens, bool is_title,
                      const std::string& language);
    void add_facets(Xapian::Document& xdoc, const Document& doc, const std::string& language,
                    FacetValues& facets);
    void add_countries(Xapian::Document& xdoc, const std::vector<std::string>& countries,
                       FacetValues& facets);

    Analyzer& analyzer_;
    std::string default_language_;
    std::set<std::string> languages_;
};

}  // namespace byline::index
