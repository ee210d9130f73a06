// Embedding Byline: index two articles from memory and search them, using only the public API.
// Usage: byline-embed-example INDEX_FOLDER
#include <byline/byline.h>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: byline-embed-example INDEX_FOLDER\n";
        return 2;
    }
    try {
        {
            byline::Indexer indexer({.index_path = argv[1]});
            indexer.add({.id = "a1",
                         .title = "Talks in Geneva",
                         .body = "Envoys met in Geneva on Sunday. The talks on security guarantees "
                                 "went on late into the night.",
                         .date = "2025-11-23",
                         .source = "Example Wire"});
            indexer.add({.id = "a2",
                         .title = "Markets calm",
                         .body = "Shares rose slightly as investors waited.",
                         .date = "2025-11-24",
                         .source = "Example Wire"});
        }  // the destructor commits
        byline::Searcher searcher(argv[1]);
        byline::SearchRequest request;
        request.query = "\"security guarantees\"";
        byline::SearchResult result = searcher.search(request);
        std::cout << byline::to_terminal(result, {});
        return result.total == 1 && result.hits[0].id == "a1" ? 0 : 1;
    } catch (const byline::Error& e) {
        std::cerr << "byline-embed-example: " << e.what() << "\n";
        return 1;
    }
}
