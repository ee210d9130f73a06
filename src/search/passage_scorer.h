#pragma once
// Scoring passages (runs of consecutive sentences) from where the query matched, in word
// positions, without looking at the text: cheap for any article length.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace byline::search {

/// One occurrence of a query pattern: its first word's position and its length in words.
struct PatternHit {
    std::uint32_t position = 0;
    std::uint32_t length = 1;
    std::size_t pattern = 0;
};

/// Patterns that NEAR/n asked to find within `window` words of each other.
struct NearGroup {
    std::vector<std::size_t> patterns;
    unsigned window = 10;
};

/// A passage: sentences [first, last] and its score.
struct ScoredWindow {
    std::size_t first = 0;
    std::size_t last = 0;
    double score = 0;
};

struct ScorerInput {
    /// Per sentence, the position of its first word (ascending), as stored at index time.
    const std::vector<std::uint32_t>* sentence_positions = nullptr;
    /// Length of a sentence in characters; asked only for sentences near matches.
    std::function<std::size_t(std::size_t)> sentence_chars;
    std::vector<PatternHit> hits;  ///< any order; hits before the first sentence are ignored
    std::vector<double> weights;   ///< per pattern: collection rarity (BM25 idf)
    std::vector<NearGroup> near;   ///< NEAR groups over pattern indexes
    std::size_t max_chars = 300;   ///< a window of several sentences stays within this
    std::size_t count = 2;         ///< passages wanted
};

/// The best `count` non-overlapping windows, best first. Without any hit, the lead: the first
/// sentences, each window as long as `max_chars` allows, with score 0.
std::vector<ScoredWindow> best_windows(const ScorerInput& input);

/// The position around which to crop a long window: the hit that starts the tightest cluster of
/// distinct patterns within `span` words. Returns the first hit's position when all tie.
std::uint32_t densest_hit(const std::vector<PatternHit>& hits, std::uint32_t from, std::uint32_t to,
                          std::uint32_t span);

}  // namespace byline::search
