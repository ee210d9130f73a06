#pragma once
// Analysing articles on several threads while the calling thread writes: a batch of articles is
// prepared (extraction, analysis, Xapian document) by worker threads while the previous batch is
// written, and prepared articles come back in input order, so runs are reproducible. The workers
// live as long as the pipeline, so their per-thread caches (word lists, transliterators) do too.

#include <byline/extract.h>
#include <byline/indexer.h>

#include "index/document_builder.h"

#include <xapian.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace byline::index {

/// An article ready to be written.
struct PreparedDoc {
    std::string where;  ///< origin for messages
    std::string id_term;
    Xapian::Document xdoc;
    FacetValues facets;  ///< numbered and packed into the document by the writer
    std::string body;    ///< kept for the body chunks and byte count
    std::uint64_t bytes = 0;
    std::vector<Diagnostic> diagnostics;
    /// Stemming languages its thread has used so far, when this article added one (else empty):
    /// the writer records them in the index.
    std::set<std::string> stem_languages;
    bool skipped = false;  ///< nothing to index (a diagnostic says why)
};

/// Normalises a metadata date to ISO; an unrecognised one is cleared (the article goes undated)
/// and the warning to report is returned.
std::optional<Diagnostic> normalise_metadata_date(Document& doc, const std::string& where);

/// Sets the language of a document that names none to the one its text is in, when the text
/// tells; else leaves it empty (the index's default language applies).
void detect_language(Document& doc);

/// An article without a headline is titled with its lead's first sentence (analysis::lead_title).
void complete_title(Document& doc);

/// Prepares articles on one thread: its own Analyzer and DocumentBuilder, a shared Extractor.
class Preparer {
  public:
    Preparer(const IndexOptions& options, const Extractor& extractor);
    PreparedDoc prepare(Document doc);

  private:
    Analyzer analyzer_;
    DocumentBuilder builder_;
    const Extractor& extractor_;
    bool detect_language_ = true;
    std::size_t languages_reported_ = 0;
};

/// Workers prepare a queue of batches while the caller writes the oldest finished one, so
/// neither the writer nor the workers wait for each other while there is work.
class Pipeline {
  public:
    /// `threads`: analysis threads; 0 prepares each article at once on the calling thread.
    /// `batch_bytes`: a batch is handed over once its text reaches this size (or it holds
    /// kBatchArticles articles); at most kQueuedBatches are held at once.
    Pipeline(const IndexOptions& options, const Extractor& extractor, unsigned threads,
             std::size_t batch_bytes);
    ~Pipeline();

    /// Queues an article; returns the prepared articles of earlier batches that are done (waits
    /// for the oldest when the queue is full).
    std::vector<PreparedDoc> add(Document doc);

    /// Every article still queued or being prepared, prepared, in input order.
    std::vector<PreparedDoc> drain();

    /// Takes written articles back, to be freed on an analysis thread: freeing a large Xapian
    /// document is work the writing thread, which limits the run, need not do.
    void recycle(std::vector<PreparedDoc> written);

    static constexpr std::size_t kBatchArticles = 64;
    static constexpr std::size_t kQueuedBatches = 4;

  private:
    /// Articles handed to the workers together; each takes the next unclaimed one.
    struct Batch {
        std::vector<Document> docs;
        std::vector<PreparedDoc> out;
        std::size_t next = 0;  ///< first article no worker has claimed
        std::size_t done = 0;  ///< articles prepared
        std::exception_ptr error;
        bool finished() const { return done == docs.size(); }
    };

    void work(std::size_t worker);
    void hand_over();  ///< queues pending_ as a batch
    /// Takes the finished batches at the front of the queue, first waiting for the oldest to
    /// finish while more than `max_queued` are queued.
    std::vector<PreparedDoc> take_finished(std::size_t max_queued);

    std::vector<std::unique_ptr<Preparer>> preparers_;
    std::vector<std::thread> workers_;
    std::size_t batch_bytes_;
    std::vector<Document> pending_;
    std::size_t pending_bytes_ = 0;
    std::mutex mutex_;  // guards queue_ and the batches' next, done and error
    std::condition_variable work_ready_;
    std::condition_variable batch_done_;
    std::deque<std::unique_ptr<Batch>> queue_;  // input order
    std::vector<std::vector<PreparedDoc>> recycled_;
    bool stopping_ = false;
};

}  // namespace byline::index
