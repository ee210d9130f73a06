// Files as the indexer reads them: the bytes are written to a temporary file named .txt.gz and
// .jsonl.gz, then read through corpus::read_file (zlib inflation, size limits, binary check,
// UTF-8 repair, the text reader; JSON Lines streamed in pieces with a small line limit). Corrupt
// gzip data must end up as a Diagnostic, never as an exception or a crash.
#include "corpus/corpus.h"
#include "fuzz_util.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace {

namespace fs = std::filesystem;

// One folder per process, removed at exit.
struct Scratch {
    fs::path dir;
    Scratch() {
        std::string pattern = (fs::temp_directory_path() / "byline-fuzz-gzip-XXXXXX").string();
        if (!mkdtemp(pattern.data())) {
            std::perror("mkdtemp");
            std::abort();
        }
        dir = pattern;
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace byline;
    static const Scratch scratch;
    static const fs::path text = scratch.dir / "fuzz.txt.gz";
    static const fs::path lines = scratch.dir / "fuzz.jsonl.gz";
    // Bounds what a small input may inflate to (a gzip bomb), as the indexer's memory budget does.
    static const corpus::CorpusOptions text_options{.max_article_bytes = 4 << 20};
    static const corpus::CorpusOptions line_options{.max_article_bytes = 512};
    for (const fs::path& path : {text, lines}) {
        std::ofstream(path, std::ios::binary | std::ios::trunc)
            .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        corpus::read_file(
            path.string(), path.filename().string(), path == text ? text_options : line_options,
            [](Document&& doc) { fuzz::check_document(doc); }, [](const Diagnostic&) {});
    }
    return 0;
}
