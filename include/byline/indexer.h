#pragma once
/// \file
/// Building a Byline index from a corpus or from documents an application hands over.

#include <byline/document.h>
#include <byline/extract.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace byline {

/// Something the indexer has to say about the input besides indexing it.
struct Diagnostic {
    enum class Kind {
        warning,  ///< the document was still indexed (e.g. repaired UTF-8, unrecognised date)
        skipped,  ///< a file or line was left out on purpose (binary file, empty document)
        error,    ///< a file or line could not be read (unreadable path, malformed JSON line)
    };
    Kind kind;
    std::string where;    ///< "path" or "path:line"
    std::string message;  ///< one line: what is wrong and, where useful, how to fix it
};

/// Running totals of an indexing run.
struct IndexStats {
    std::size_t indexed = 0;   ///< documents written (added + replaced)
    std::size_t added = 0;     ///< documents new to the index
    std::size_t replaced = 0;  ///< documents whose id was already there
    std::size_t removed = 0;   ///< documents deleted by remove()
    std::size_t skipped = 0;   ///< files or lines left out on purpose
    std::size_t errors = 0;    ///< files or lines that could not be read
    std::size_t warnings = 0;  ///< documents indexed with a warning
    std::uint64_t bytes = 0;   ///< title and body bytes indexed
    double seconds = 0;        ///< wall time so far
};

using DiagnosticCallback = std::function<void(const Diagnostic&)>;
using ProgressCallback = std::function<void(const IndexStats&)>;

struct IndexOptions {
    std::string index_path;  ///< folder of the Xapian database (created if missing)
    /// Article shards of a new index (README: sharded indexes): 2 or more make a sharded index,
    /// its shards committed and compacted in parallel; 0 or 1 open an index as it is (a new
    /// one is a single database). An existing index keeps the number it was made with.
    unsigned shards = 0;
    std::string default_language = "en";  ///< for documents without a language
    /// Identify the language of a document that does not name one (README: language
    /// detection); default_language is then the fallback for text too short to tell.
    bool detect_language = true;
    /// Documents per commit; 0: 4% of the index, from kMinBatch to kMaxBatch, and past
    /// kMinBatch at most 1 MB of text (a commit's flush costs more as the index grows, a
    /// batch's inverted terms more to hold the more it has).
    std::size_t batch_size = 0;
    static constexpr std::size_t kMinBatch = 256;
    static constexpr std::size_t kMaxBatch = 2000;
    unsigned threads = 0;  ///< threads to use; 0: all cores
    /// Peak memory to stay under, in MiB (at least 128). Bounds the articles in flight, the
    /// changes held before a commit and the caches; an article (a file, or a JSON line) too
    /// large to index within it is skipped with an error naming it.
    std::size_t memory_mb = 1024;
    /// compact_if_due() compacts when the articles written since the last compaction are at
    /// least this share of the index.
    double compact_share = 0.2;
    bool fold_accents = true;  ///< "café" also indexed as "cafe"
    /// JSON Lines field map: Document field (id, title, body, date, ...) -> JSON key.
    std::map<std::string, std::string> field_map;
    ExtractOptions extract;  ///< entity and date extraction
    /// Called for every warning, skip and error; for an article, when it is written (articles
    /// are prepared on other threads), at the latest by commit() or stats().
    DiagnosticCallback on_diagnostic;
    ProgressCallback on_progress;  ///< called about twice a second while indexing
};

/// Where Indexer::add_stream() reads JSON Lines and how often it makes them visible.
struct StreamOptions {
    std::string path = "-";  ///< a JSON Lines file, or "-" for standard input
    /// Keep reading `path` as it grows (like `tail -F`): after truncation from its top again,
    /// after rotation (renamed away, a new file at the path) the new file from its top.
    bool follow = false;
    /// Commit what was read at least this often (seconds), so searchers see new articles.
    double commit_interval = 5;
    /// Checked several times a second: once true, what was read is committed and add_stream()
    /// returns (set it from a SIGINT/SIGTERM handler).
    const std::atomic<bool>* stop = nullptr;
};

/// What Indexer::compact_if_due() found and did.
struct CompactionReport {
    bool compacted = false;
    std::uint64_t uncompacted = 0;  ///< articles written since the last compaction, before it
    std::uint64_t documents = 0;    ///< articles in the index
};

/// Writes documents into an index. Documents with an id already in the index replace it, so
/// indexing the same input twice leaves the document count unchanged. Commits every
/// `batch_size` documents and on destruction; what was committed survives any later failure.
class Indexer {
  public:
    /// Opens or creates the index; throws IndexError if it cannot.
    explicit Indexer(IndexOptions options);
    ~Indexer();
    Indexer(const Indexer&) = delete;
    Indexer& operator=(const Indexer&) = delete;

    /// Adds or replaces one document (its id must not be empty).
    void add(Document document);

    /// Deletes the article with this id and everything derived from it (terms, stored text,
    /// facet values, its share of the entity display-name counts); false if there is none.
    /// Deletions are committed like additions, every `batch_size` and by commit().
    bool remove(const std::string& id);

    /// Reads files and folders (recursively) in every supported format and indexes them.
    void add_paths(const std::vector<std::string>& paths);

    /// Reads JSON Lines as they arrive and adds each article, committing every `batch_size`
    /// articles and at least every `commit_interval` seconds; returns at the end of the input
    /// (never, when following a file, until `stop`), everything read committed. Throws
    /// UsageError if the file cannot be opened.
    void add_stream(const StreamOptions& stream);

    /// Makes everything added so far durable and visible to searchers.
    void commit();

    /// Commits, then rewrites the index with full blocks (about half the size after a large
    /// run, and faster to search) and swaps it in; a crash meanwhile loses nothing. Then stores
    /// the facet counts of the whole index, which queries matching most articles start from
    /// until the next commit.
    void compact();

    /// compact() when the articles written since the last compaction (replacements included;
    /// all of them for an index never compacted) are at least `compact_share` of the index;
    /// else commits and stores the facet totals only. A compaction rewrites the whole index
    /// (14 s at 100,000 articles), so this keeps small runs on a large index cheap while the
    /// index stays within about that share of its compacted size.
    CompactionReport compact_if_due();

    /// Counts so far; first writes (without committing) the articles other threads still hold.
    const IndexStats& stats() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Reads `paths` as the indexer would and hands each article's entities and dates to `sink`
/// without indexing anything (`byline-index --extract`). Uses options.field_map, .extract and
/// .on_diagnostic; `indexed` in the result counts the articles read.
IndexStats extract_paths(const std::vector<std::string>& paths, const IndexOptions& options,
                         const std::function<void(const Extraction&)>& sink);

}  // namespace byline
