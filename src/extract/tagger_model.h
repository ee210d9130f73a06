#pragma once
// The weights of the learned entity tagger: a hashed feature table (one row of per-tag
// weights per hash bucket, int16 with one scale), tag-transition weights, and the tag scheme
// (BIO or BILOU over the labels). Saved as a small binary file with a checksum.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace byline::extract {

enum class TagScheme : std::uint8_t { bio, bilou };

/// Tag numbering: 0 is O; label l has tags 1 + l*width .. (B, I[, L, U]).
struct TagSet {
    TagScheme scheme = TagScheme::bilou;
    std::vector<std::string> labels;  ///< "PER", "LOC", "ORG", "MISC"

    std::size_t width() const { return scheme == TagScheme::bio ? 2 : 4; }
    std::size_t size() const { return 1 + labels.size() * width(); }
    /// Tag of part `part` (0 B, 1 I, 2 L, 3 U) of label `label`; BIO maps L to I and U to B.
    std::size_t tag(std::size_t label, std::size_t part) const;
    /// Label index of `tag` (tag > 0) and its part.
    std::size_t label_of(std::size_t tag) const { return (tag - 1) / width(); }
    std::size_t part_of(std::size_t tag) const { return (tag - 1) % width(); }
    /// May `next` follow `prev`? `prev` == size() stands for the sequence start.
    bool allowed(std::size_t prev, std::size_t next) const;
    /// "O", "B-PER", "U-LOC" ...
    std::string name(std::size_t tag) const;
};

/// A labelled token range [first, last) (indices into the decoded sequence).
struct TagSpan {
    std::size_t first = 0, last = 0;
    std::size_t label = 0;
};

/// Spans of a tag sequence (a malformed sequence is read leniently: I without B opens a span).
std::vector<TagSpan> spans_of(const TagSet& tags, const std::vector<std::uint8_t>& seq);

/// Tags for `spans` over `n` tokens.
std::vector<std::uint8_t> tags_of(const TagSet& tags, const std::vector<TagSpan>& spans,
                                  std::size_t n);

struct TaggerModel {
    TagSet tags;
    std::uint32_t row_bits = 20;     ///< 2^row_bits hash buckets
    bool history = false;            ///< reads the document's earlier tags (TagHistory)
    bool lexicon = false;            ///< reads its language's dictionary (TaggerLexicon)
    float scale = 1.0f;              ///< weight = int16 * scale
    std::vector<float> transitions;  ///< (tags.size() + 1) × tags.size(); last row: start
    // Only non-zero rows are kept: bit r of `present` marks row r, whose weights sit at its
    // rank among the marked rows. The bitmap stays in cache, so an unused feature costs no
    // memory access and the table is a few MB instead of 2^row_bits rows.
    std::vector<std::uint64_t> present;
    std::vector<std::uint32_t> rank;    ///< marked rows before each bitmap word
    std::vector<std::int16_t> weights;  ///< marked rows × tags.size()
    /// Allowed previous tags of each tag (index tags.size(): the start), from the tag scheme.
    std::vector<std::vector<std::uint8_t>> predecessors;

    std::size_t rows() const { return std::size_t{1} << row_bits; }
    /// Sets the weights from a dense rows × tags table.
    void set_table(const std::vector<std::int16_t>& dense);
    /// Recomputes `rank` and `predecessors` (after set_table or loading).
    void finish();
    /// Adds the weights of feature `hash` to `scores` (tags.size() entries), in table units.
    void add_feature(std::uint32_t hash, std::int32_t* scores) const {
        std::uint32_t r = hash & static_cast<std::uint32_t>(rows() - 1);
        std::uint64_t word = present[r >> 6], bit = std::uint64_t{1} << (r & 63);
        if (!(word & bit)) return;
        const std::size_t T = tags.size();
        const std::int16_t* row =
            &weights[(rank[r >> 6] +
                      static_cast<std::size_t>(__builtin_popcountll(word & (bit - 1)))) *
                     T];
        for (std::size_t t = 0; t < T; ++t)
            scores[t] += row[t];
    }
};

/// Writes `model` to `path` (zero rows are skipped). Throws byline::InputError.
void save_model(const TaggerModel& model, const std::string& path);

/// Reads a model written by save_model. Throws byline::InputError naming the file when it is
/// missing, truncated, damaged (checksum) or of another version.
TaggerModel load_model(const std::string& path);

/// Best tag sequence for `n` tokens given emission scores (n × T, row-major) and the
/// transitions of `model` (disallowed transitions are never taken).
std::vector<std::uint8_t> viterbi(const TaggerModel& model, const std::vector<float>& emissions,
                                  std::size_t n);

}  // namespace byline::extract
