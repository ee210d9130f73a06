#include "index/sentence_words.h"

#include "index/schema.h"
#include "util/stable_hash.h"

#include <algorithm>

namespace byline::index {

namespace {

// Sentence `s` spans positions [starts[s], starts[s + 1]); the last one, to the end. Marked:
// those holding a word of a mention.
std::vector<bool> sentences_with_mentions(const std::vector<std::uint32_t>& starts,
                                          const std::vector<KeyedMention>& mentions) {
    std::vector<bool> marked(starts.size(), false);
    for (const KeyedMention& m : mentions) {
        // Every sentence it spans ("U.S. | And Japan" split after the abbreviation): a match
        // inside the mention must be seen there, to tell that the mention is the match.
        auto first = std::upper_bound(starts.begin(), starts.end(), m.position);
        auto last = std::upper_bound(starts.begin(), starts.end(), m.position + m.words - 1);
        for (auto it = first == starts.begin() ? first : first - 1; it != last; ++it)
            marked[static_cast<std::size_t>(it - starts.begin())] = true;
    }
    return marked;
}

}  // namespace

std::uint32_t word_hash(std::string_view term) {
    return hash::word32(term);
}

SentenceWords mention_sentence_words(const std::vector<Token>& body,
                                     const std::vector<std::uint32_t>& sentence_starts,
                                     const std::vector<KeyedMention>& mentions) {
    SentenceWords out;
    const std::vector<bool> marked = sentences_with_mentions(sentence_starts, mentions);
    std::size_t sentence = 0;
    for (const Token& token : body) {
        if (token.term.size() > schema::kMaxTermBytes) continue;  // not indexed: never a match
        const std::uint32_t position = token.position + 1;        // Xapian positions count from 1
        while (sentence + 1 < sentence_starts.size() && sentence_starts[sentence + 1] <= position)
            ++sentence;
        if (sentence_starts.empty() || position < sentence_starts[sentence] || !marked[sentence])
            continue;
        WordRun* run = out.runs.empty() ? nullptr : &out.runs.back();
        if (!run || run->position + run->count != position) {
            out.runs.push_back({position, static_cast<std::uint32_t>(out.hashes.size()), 0});
            run = &out.runs.back();
        }
        out.hashes.push_back(word_hash(token.term));
        ++run->count;
    }
    return out;
}

std::string encode_sentence_words(const SentenceWords& words) {
    std::string out;
    if (words.runs.empty()) return out;
    put_varint(out, static_cast<std::uint32_t>(words.runs.size()));
    std::uint32_t end = 0;
    for (const WordRun& run : words.runs) {
        put_varint(out, run.position - end);
        put_varint(out, run.count);
        for (std::uint32_t i = 0; i < run.count; ++i) {
            const std::uint32_t h = words.hashes[run.offset + i];
            for (int byte = 0; byte < 4; ++byte)
                out.push_back(static_cast<char>((h >> (8 * byte)) & 0xFF));
        }
        end = run.position + run.count;
    }
    return out;
}

bool decode_sentence_words(std::string_view packed, PackedSentenceWords& out) {
    out.bytes = packed;
    out.runs.clear();
    return for_each_word_run(packed, [&](const WordRun& run) { out.runs.push_back(run); });
}

}  // namespace byline::index
