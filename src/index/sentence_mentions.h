#pragma once
// Where an article names its entities, by sentence, in one value slot (schema.h,
// kSlotSentenceMentions): what co-mention counting reads per matching article instead of the
// stored document and Xapian's position lists, which cost a B-tree look-up each.
//
// Encoding: a varint count of sentences, their first word positions as varint deltas, then per
// mention in position order: its position as a varint delta from the mention before, its facet
// (index into schema::kFacetFields), its dictionary id and its length in words (varints).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace byline::index {

/// An entity mention: facet, dictionary id of its key, the Xapian position of its first word and
/// how many words it spans.
struct PlacedMention {
    std::uint32_t facet = 0;
    std::uint32_t id = 0;
    std::uint32_t position = 0;
    std::uint32_t words = 1;
    bool operator==(const PlacedMention&) const = default;
};

struct SentenceMentions {
    /// Per sentence, the position of its first word (StoredDoc::sentence_positions), ascending.
    std::vector<std::uint32_t> sentence_starts;
    std::vector<PlacedMention> mentions;  ///< by position

    /// The sentence holding `position`: the last starting at or before it; -1 before the first
    /// (the title's positions).
    int sentence_of(std::uint32_t position) const;
};

/// The slot's value (mentions are sorted first); "" for an article that names no entity.
std::string encode_sentence_mentions(SentenceMentions value);

/// Reads a value of encode_sentence_mentions() into `out` (reusing its vectors); false if it is
/// damaged. An empty value has no sentences and no mentions.
bool decode_sentence_mentions(std::string_view packed, SentenceMentions& out);

}  // namespace byline::index
