// What an index stores per article and the searcher decodes: the packed facet values, the entity
// mentions and words by sentence and the document data. A damaged index must give an error (false
// or IndexError), never a crash; what decodes must re-encode to an equal value.
#include "index/facet_record.h"
#include "index/sentence_mentions.h"
#include "index/sentence_words.h"
#include "index/stored_doc.h"

#include <byline/error.h>

#include "fuzz_util.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace byline;
    using fuzz::require;
    if (size == 0) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 4) {
        case 0: {
            index::SentenceMentions value;
            if (!index::decode_sentence_mentions(bytes, value)) break;
            for (const index::PlacedMention& m : value.mentions)
                (void)value.sentence_of(m.position);
            // Re-encoded (mentions sorted by position, facet and id), it decodes to the same.
            const std::string packed = index::encode_sentence_mentions(value);
            index::SentenceMentions again;
            require(index::decode_sentence_mentions(packed, again),
                    "re-encoded sentence mentions do not decode");
            require(again.mentions.size() == value.mentions.size(),
                    "sentence mentions lost on a round trip");
            require(index::encode_sentence_mentions(again) == packed,
                    "sentence mentions change on a round trip");
            break;
        }
        case 1: {
            // The three slots' values, cut where the input says.
            const std::size_t a =
                bytes.empty() ? 0 : static_cast<unsigned char>(bytes[0]) % (bytes.size() + 1);
            const std::size_t b = a + (bytes.size() - a) / 2;
            index::FacetRecord record;
            (void)index::decode({std::string(bytes.substr(0, a)),
                                 std::string(bytes.substr(a, b - a)), std::string(bytes.substr(b))},
                                record);
            break;
        }
        case 2: {
            index::PackedSentenceWords words;
            if (!index::decode_sentence_words(bytes, words)) break;
            index::SentenceWords copy;
            for (const index::WordRun& run : words.runs) {
                require(run.offset + 4 * std::size_t{run.count} <= bytes.size(),
                        "a run past the words");
                copy.runs.push_back(
                    {run.position, static_cast<std::uint32_t>(copy.hashes.size()), run.count});
                for (std::uint32_t i = 0; i < run.count; ++i)
                    copy.hashes.push_back(words.hash(run, i));
            }
            const std::string packed = index::encode_sentence_words(copy);
            index::PackedSentenceWords again;
            bool same = index::decode_sentence_words(packed, again) &&
                        again.runs.size() == words.runs.size();
            for (std::size_t r = 0; same && r < words.runs.size(); ++r) {
                const index::WordRun &a = words.runs[r], &b = again.runs[r];
                same = a.position == b.position && a.count == b.count;
                for (std::uint32_t i = 0; same && i < a.count; ++i)
                    same = words.hash(a, i) == again.hash(b, i);
            }
            require(same, "sentence words change on a round trip");
            break;
        }
        default:
            try {
                const index::StoredDoc stored = index::unserialise(std::string(bytes));
                for (const index::StoredMention& m : stored.mentions)
                    require(m.key < stored.entity_keys.size(), "a mention names a missing key");
            } catch (const IndexError&) {
            }
    }
    return 0;
}
