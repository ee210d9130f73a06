#pragma once
// What a Xapian document's data holds: everything search shows, so a hit needs no source file.

#include <byline/analyzer.h>
#include <byline/document.h>

#include <cstdint>
#include <string>
#include <vector>

namespace byline::index {

/// A mention of an entity in the body: which facet (index into schema::kFacetFields), which
/// entity (index into StoredDoc::entity_keys) and where (bytes of the whole body).
struct StoredMention {
    std::uint32_t facet = 0;
    std::uint32_t key = 0;
    std::uint64_t start = 0;
    std::uint64_t end = 0;
};

/// How often the article wrote entity `key` of `facet` as `name`. The writer adds these to the
/// index's display-name counts, and takes them away again when the article is replaced or
/// deleted, so the counts are always those of the articles in the index.
struct StoredName {
    std::uint32_t facet = 0;
    std::uint32_t key = 0;  ///< index into StoredDoc::entity_keys
    std::string name;
    std::uint32_t count = 0;
};

struct StoredDoc {
    /// Date already normalised to YYYY-MM-DD (or empty). In an index, `body` holds only the first
    /// schema::kInlineBodyBytes of the text; the rest is in body chunks (search/body_text.h).
    Document doc;
    std::vector<Span> sentences;  ///< sentence spans of doc.body, from index time
    /// Per sentence, the index position (as in Xapian's positional data) of its first word, or of
    /// the next word after it if it has none; ascending. Maps a matched position to its sentence.
    std::vector<std::uint32_t> sentence_positions;
    std::uint64_t body_size = 0;           ///< bytes of the whole body
    std::vector<std::string> entity_keys;  ///< distinct entity keys the mentions refer to
    std::vector<StoredMention> mentions;   ///< in body order
    std::vector<StoredName> names;         ///< display names written, with their counts
};

/// Compact binary form: a format byte, then length-prefixed fields and delta-coded spans.
std::string serialise(const StoredDoc& stored);

/// Inverse of serialise(); throws IndexError on data of another format.
/// Without `with_mentions`, entity keys, mentions and names are left empty (a long article may have
/// thousands; only entity filters need them). Without `with_text`, the document's fields but its
/// id are left empty (the body is most of the data; co-mention counting needs only the spans).
StoredDoc unserialise(const std::string& data, bool with_mentions = true, bool with_text = true);

}  // namespace byline::index
