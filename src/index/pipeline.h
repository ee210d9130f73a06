#pragma once
// Analysing articles on several threads while the calling thread writes: a batch of articles is
// prepared (extraction, analysis, Xapian document) by worker threads while the previous batch is
// written, and prepared articles come back in input order, so runs are reproducible.

#include <byline/extract.h>
#include <byline/indexer.h>

#include "index/document_builder.h"

#include <xapian.h>

#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>
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
    std::vector<EntityInfo> entities;
    std::vector<Diagnostic> diagnostics;
    bool skipped = false;  ///< nothing to index (a diagnostic says why)
};

/// Normalises a metadata date to ISO; an unrecognised one is cleared (the article goes undated)
/// and the warning to report is returned.
std::optional<Diagnostic> normalise_metadata_date(Document& doc, const std::string& where);

/// Prepares articles on one thread: its own Analyzer and DocumentBuilder, a shared Extractor.
class Preparer {
  public:
    Preparer(const IndexOptions& options, const Extractor& extractor);
    PreparedDoc prepare(Document doc);
    const std::set<std::string>& languages() const { return builder_.languages(); }

  private:
    Analyzer analyzer_;
    DocumentBuilder builder_;
    const Extractor& extractor_;
};

class Pipeline {
  public:
    /// `threads`: analysis threads; 0 prepares each article at once on the calling thread.
    Pipeline(const IndexOptions& options, const Extractor& extractor, unsigned threads);
    ~Pipeline();

    /// Queues an article; returns the prepared articles of an earlier batch when one is done.
    std::vector<PreparedDoc> add(Document doc);

    /// Every article still queued or being prepared, prepared, in input order.
    std::vector<PreparedDoc> drain();

    /// Stemming languages used so far, over all threads.
    std::set<std::string> languages() const;

  private:
    std::vector<PreparedDoc> prepare_batch(std::vector<Document> docs);

    std::vector<std::unique_ptr<Preparer>> preparers_;
    std::vector<Document> pending_;
    std::future<std::vector<PreparedDoc>> in_flight_;
    bool synchronous_ = false;
};

}  // namespace byline::index
