// Cost of the passage step on long articles: 10 hits over 1 MB bodies against 10 hits over
// short bodies, with and without passages. Usage: byline-bench-passages [TEXT_FOLDER]
// The bodies are built from the .txt files of TEXT_FOLDER (e.g. ../shared/data/bbc), or from
// generated sentences when none is given. Prints median and p95 search times in milliseconds.
#include <byline/byline.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::vector<std::string> load_texts(const std::string& folder) {
    std::vector<std::string> texts;
    if (folder.empty()) {
        for (int i = 0; i < 200; ++i) {
            texts.push_back("Officials said talks on security guarantees would resume in week " +
                            std::to_string(i) +
                            ". The envoy met ministers in Geneva and Kyiv. "
                            "Markets were calm as investors waited for news.");
        }
        return texts;
    }
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.path().extension() != ".txt") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::sort(texts.begin(), texts.end());
    return texts;
}

// Bodies of about `bytes` each, made of consecutive texts, starting at different texts.
std::vector<std::string> make_bodies(const std::vector<std::string>& texts, std::size_t count,
                                     std::size_t bytes) {
    std::vector<std::string> bodies;
    for (std::size_t d = 0; d < count; ++d) {
        std::string body;
        for (std::size_t i = d * 7; body.size() < bytes; ++i)
            body += texts[i % texts.size()] + "\n";
        bodies.push_back(body.substr(0, body.find('\n', bytes)));
    }
    return bodies;
}

std::vector<double> time_queries(const std::string& index, const std::vector<std::string>& queries,
                                 std::size_t passages, int rounds) {
    byline::Searcher searcher(index);
    std::vector<double> ms;
    for (int r = 0; r < rounds; ++r) {
        for (const std::string& q : queries) {
            byline::SearchRequest request;
            request.query = q;
            request.passages = passages;
            request.facets = {"lang"};
            auto start = std::chrono::steady_clock::now();
            auto result = searcher.search(request);
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
        }
    }
    std::sort(ms.begin(), ms.end());
    return ms;
}

void report(const char* label, const std::vector<double>& ms) {
    std::printf("%-34s p50 %7.2f ms   p95 %7.2f ms   (%zu searches)\n", label, ms[ms.size() / 2],
                ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.size());
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> texts = load_texts(argc > 1 ? argv[1] : "");
    if (texts.empty()) {
        std::fprintf(stderr, "no .txt files under %s\n", argv[1]);
        return 2;
    }
    fs::path work =
        fs::temp_directory_path() / ("byline-bench-passages-" + std::to_string(::getpid()));
    const std::vector<std::string> queries = {"government",    "security", "\"prime minister\"",
                                              "market growth", "presid*",  "said"};
    fs::create_directories(work);
    struct Set {
        const char* name;
        std::size_t bytes;
    };
    for (Set set : {Set{"short (3 KB)", 3000}, Set{"long (1 MB)", 1 << 20}}) {
        std::string index = (work / set.name).string();
        {
            byline::Indexer indexer({.index_path = index});
            auto bodies = make_bodies(texts, 10, set.bytes);
            for (std::size_t i = 0; i < bodies.size(); ++i)
                indexer.add({.id = std::to_string(i),
                             .title = "Article " + std::to_string(i),
                             .body = bodies[i]});
        }
        std::printf("%s bodies, 10 articles, top-10 hits:\n", set.name);
        report("  search without passages", time_queries(index, queries, 0, 20));
        report("  search with 2 passages per hit", time_queries(index, queries, 2, 20));
    }
    fs::remove_all(work);
    return 0;
}
