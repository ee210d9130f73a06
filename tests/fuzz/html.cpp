// HTML reader (gumbo): bytes as a file's content would reach it (binary check, UTF-8 repair).
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
    corpus::read_html(
        content, "fuzz.html", "fuzz/fuzz.html", [](Document&& doc) { fuzz::check_document(doc); },
        [](const Diagnostic&) {});
    return 0;
}
