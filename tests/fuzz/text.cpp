// Plain text and Markdown reader: bytes as a file's content would reach it (binary check, UTF-8
// repair), read both as .txt and as .md.
#include "corpus/corpus.h"
#include "corpus/encoding.h"
#include "fuzz_util.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace byline;
    std::string content(fuzz::as_text(data, size));
    if (corpus::looks_binary(content)) return 0;
    corpus::repair_utf8(content);
    for (bool markdown : {false, true}) {
        corpus::read_plain_text(content, "fuzz.txt", "fuzz/fuzz.txt", markdown,
                                [](Document&& doc) { fuzz::check_document(doc); });
    }
    return 0;
}
