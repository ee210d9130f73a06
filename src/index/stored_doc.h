#pragma once
// What a Xapian document's data holds: everything search shows, so a hit needs no source file.

#include <byline/analyzer.h>
#include <byline/document.h>

#include <cstdint>
#include <string>
#include <vector>

namespace byline::index {

struct StoredDoc {
    /// Date already normalised to YYYY-MM-DD (or empty). In an index, `body` holds only the first
    /// schema::kInlineBodyBytes of the text; the rest is in body chunks (search/body_text.h).
    Document doc;
    std::vector<Span> sentences;  ///< sentence spans of doc.body, from index time
    /// Per sentence, the index position (as in Xapian's positional data) of its first word, or of
    /// the next word after it if it has none; ascending. Maps a matched position to its sentence.
    std::vector<std::uint32_t> sentence_positions;
    std::uint64_t body_size = 0;  ///< bytes of the whole body
};

/// Compact binary form: a format byte, then length-prefixed fields and delta-coded spans.
std::string serialise(const StoredDoc& stored);

/// Inverse of serialise(); throws IndexError on data of another format.
StoredDoc unserialise(const std::string& data);

}  // namespace byline::index
