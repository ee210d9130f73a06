#pragma once
// The words of the sentences that name an entity, as 32-bit hashes in position order, in one
// value slot (schema.h, kSlotSentenceWords). Co-mention counting finds where a query word stands
// in those sentences from them, instead of Xapian's position lists: each costs a B-tree descent
// (about three block reads) per article and term, ten times the cost of the query's facets.
//
// Encoding: a varint count of runs; per run, its first position as a varint delta from the end
// of the run before, its word count (varint), then one 4-byte little-endian hash per word.
// Two hashes of 32 bits collide once in four billion pairs: a query word is taken for another
// word of an article's mention sentences about once in ten thousand queries of 17,000 articles.

#include <byline/analyzer.h>

#include "index/facet_record.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace byline::index {

/// Consecutive words: the Xapian position of the first, and where their hashes are.
struct WordRun {
    std::uint32_t position = 0;
    std::uint32_t offset = 0;  ///< into SentenceWords::hashes; PackedSentenceWords: a byte offset
    std::uint32_t count = 0;
    bool operator==(const WordRun&) const = default;
};

struct SentenceWords {
    std::vector<WordRun> runs;  ///< ascending, not overlapping
    std::vector<std::uint32_t> hashes;
};

/// A value of the slot as read: the runs decoded, the hashes left in place (a query looks at
/// each once).
struct PackedSentenceWords {
    std::string_view bytes;
    std::vector<WordRun> runs;

    /// The hash of word `i` of `run`.
    std::uint32_t hash(const WordRun& run, std::uint32_t i) const {
        const auto* b = reinterpret_cast<const unsigned char*>(bytes.data()) + run.offset + 4 * i;
        return static_cast<std::uint32_t>(b[0]) | static_cast<std::uint32_t>(b[1]) << 8 |
               static_cast<std::uint32_t>(b[2]) << 16 | static_cast<std::uint32_t>(b[3]) << 24;
    }
};

/// The hash stored for an indexed word (a Token's term).
std::uint32_t word_hash(std::string_view term);

/// The body words of every sentence (first positions `sentence_starts`, Xapian positions) that
/// holds a word of one of `mentions`: maximal runs of consecutive positions (a word too long to
/// be indexed breaks a run). A phrase that starts in such a sentence and ends in the next one,
/// which names no entity, is not found in them (positional matching counted it).
SentenceWords mention_sentence_words(const std::vector<Token>& body,
                                     const std::vector<std::uint32_t>& sentence_starts,
                                     const std::vector<KeyedMention>& mentions);

/// The slot's value; "" when there are no runs.
std::string encode_sentence_words(const SentenceWords& words);

/// Calls `on_run(const WordRun&)` for each run of a value of encode_sentence_words() in turn,
/// its offset a byte offset into `packed` (read hashes with PackedSentenceWords{packed}.hash);
/// false if the value is damaged, which may be found after some runs were passed on. One pass
/// over the bytes: a query reads each article's runs once, where they lie.
template <class OnRun>
bool for_each_word_run(std::string_view packed, OnRun&& on_run) {
    const char* p = packed.data();
    const char* end = p + packed.size();
    if (p == end) return true;
    std::uint32_t runs = 0;
    if (!(p = read_varint(p, end, runs)) || runs > packed.size()) return false;
    std::uint32_t at = 0;
    for (std::uint32_t r = 0; r < runs; ++r) {
        WordRun run;
        std::uint32_t delta = 0;
        if (!(p = read_varint(p, end, delta)) || !(p = read_varint(p, end, run.count)) ||
            at + delta < at || run.count > static_cast<std::size_t>(end - p) / 4 ||
            at + delta + run.count < at + delta)
            return false;
        run.position = at + delta;
        run.offset = static_cast<std::uint32_t>(p - packed.data());
        p += 4 * static_cast<std::size_t>(run.count);
        at = run.position + run.count;
        on_run(run);
    }
    return p == end;
}

/// Reads a value of encode_sentence_words() into `out` (reusing its vector; `out` then points
/// into `packed`); false if damaged.
bool decode_sentence_words(std::string_view packed, PackedSentenceWords& out);

}  // namespace byline::index
