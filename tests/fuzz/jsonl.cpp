// JSON Lines reader over raw bytes (it detects the encoding and repairs each line itself), with
// the common field names and with a field map.
#include "corpus/corpus.h"
#include "fuzz_util.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace byline;
    static const corpus::CorpusOptions common;
    static const corpus::CorpusOptions mapped{
        .field_map = {{"id", "slug"}, {"title", "hed"}, {"body", "story"}, {"date", "when"}}};
    const std::string content(fuzz::as_text(data, size));
    for (const corpus::CorpusOptions* options : {&common, &mapped}) {
        corpus::read_json_lines(
            content, "fuzz.jsonl", "fuzz/fuzz.jsonl", *options,
            [](Document&& doc) { fuzz::check_document(doc); }, [](const Diagnostic&) {});
    }
    return 0;
}
