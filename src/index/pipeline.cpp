#include "index/pipeline.h"

#include "analysis/language_id.h"
#include "analysis/sentences.h"
#include "util/dates.h"

#include <algorithm>
#include <cerrno>
#include <iterator>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace byline::index {

std::optional<Diagnostic> normalise_metadata_date(Document& doc, const std::string& where) {
    if (doc.date.empty()) return std::nullopt;
    auto date = dates::normalize(doc.date);
    if (date) {
        doc.date = *date;
        return std::nullopt;
    }
    Diagnostic warning{Diagnostic::Kind::warning, where,
                       "unrecognised date '" + doc.date + "', article left undated; use ISO 8601"};
    doc.date.clear();
    return warning;
}

void complete_title(Document& doc) {
    if (doc.title.empty()) doc.title = analysis::lead_title(doc.body);
}

void detect_language(Document& doc) {
    if (doc.lang.empty()) doc.lang = analysis::identify_language(doc.title, doc.body);
}

Preparer::Preparer(const IndexOptions& options, const Extractor& extractor)
    : analyzer_(AnalyzerOptions{options.fold_accents}),
      builder_(analyzer_, options.default_language),
      extractor_(extractor),
      detect_language_(options.detect_language) {}

PreparedDoc Preparer::prepare(Document doc) {
    PreparedDoc out;
    out.where = doc.origin.empty() ? doc.id : doc.origin;
    if (doc.title.empty() && doc.body.empty()) {
        out.skipped = true;
        out.diagnostics.push_back(
            {Diagnostic::Kind::skipped, out.where, "empty document (no title and no text)"});
        return out;
    }
    if (auto warning = normalise_metadata_date(doc, out.where))
        out.diagnostics.push_back(std::move(*warning));
    complete_title(doc);
    // Stemming, the lang facet and the entity rules follow the detected language.
    if (detect_language_) detect_language(doc);
    // Entities, and the publication date from a dateline when the metadata has none.
    Extraction extraction = extractor_.extract(doc);
    doc.date = extraction.date;
    out.id_term = schema::id_term(doc.id);
    out.xdoc = builder_.build(doc, extraction, out.facets);
    out.bytes = doc.title.size() + doc.body.size();
    out.body = std::move(doc.body);
    if (builder_.languages().size() != languages_reported_) {
        out.stem_languages = builder_.languages();
        languages_reported_ = out.stem_languages.size();
    }
    return out;
}

namespace {

// The single writing thread is what limits a run (Xapian takes about half the CPU time, all on
// that thread), so analysis threads yield the CPU to it: with as many analysis threads as cores
// they use what the writer leaves, and the writer is never queued behind them. Measured on 3,000
// generated news articles, 2 cores: 9.4 s against 10.3 s with equal priorities.
void lower_priority_of_this_thread() {
#ifdef __linux__
    constexpr int kNiceIncrement = 10;
    errno = 0;
    int nice = getpriority(PRIO_PROCESS, 0);
    if (nice == -1 && errno != 0) return;
    // On Linux the nice value is per thread: this sets the calling thread's only.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), std::min(19, nice + kNiceIncrement));
#endif
}

}  // namespace

Pipeline::Pipeline(const IndexOptions& options, const Extractor& extractor, unsigned threads,
                   std::size_t batch_bytes)
    : batch_bytes_(std::max<std::size_t>(1, batch_bytes)) {
    for (unsigned i = 0; i < std::max(1u, threads); ++i)
        preparers_.push_back(std::make_unique<Preparer>(options, extractor));
    if (threads == 0) return;  // prepared at once on the calling thread
    for (std::size_t w = 0; w < preparers_.size(); ++w)
        workers_.emplace_back([this, w] { work(w); });
}

Pipeline::~Pipeline() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_)
        t.join();
}

std::vector<PreparedDoc> Pipeline::add(Document doc) {
    if (workers_.empty()) {
        std::vector<PreparedDoc> out;
        out.push_back(preparers_[0]->prepare(std::move(doc)));
        return out;
    }
    pending_bytes_ += doc.title.size() + doc.body.size();
    pending_.push_back(std::move(doc));
    if (pending_.size() < kBatchArticles && pending_bytes_ < batch_bytes_) return {};
    hand_over();
    return take_finished(kQueuedBatches);
}

std::vector<PreparedDoc> Pipeline::drain() {
    if (workers_.empty()) return {};
    if (!pending_.empty()) hand_over();
    std::vector<PreparedDoc> done;
    // Batches are never empty: nothing taken means nothing queued.
    for (std::vector<PreparedDoc> more; !(more = take_finished(0)).empty();)
        std::move(more.begin(), more.end(), std::back_inserter(done));
    return done;
}

void Pipeline::recycle(std::vector<PreparedDoc> written) {
    if (workers_.empty() || written.empty()) return;  // freed here
    {
        std::lock_guard lock(mutex_);
        recycled_.push_back(std::move(written));
    }
    work_ready_.notify_one();
}

void Pipeline::hand_over() {
    auto batch = std::make_unique<Batch>();
    batch->out.resize(pending_.size());
    batch->docs = std::exchange(pending_, {});
    pending_bytes_ = 0;
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(batch));
    }
    work_ready_.notify_all();
}

std::vector<PreparedDoc> Pipeline::take_finished(std::size_t max_queued) {
    std::vector<std::unique_ptr<Batch>> finished;
    {
        std::unique_lock lock(mutex_);
        if (queue_.size() > max_queued)
            batch_done_.wait(lock, [this] { return queue_.empty() || queue_.front()->finished(); });
        while (!queue_.empty() && queue_.front()->finished()) {
            finished.push_back(std::move(queue_.front()));
            queue_.pop_front();
        }
    }
    std::vector<PreparedDoc> out;
    for (auto& batch : finished) {
        if (batch->error) std::rethrow_exception(batch->error);
        std::move(batch->out.begin(), batch->out.end(), std::back_inserter(out));
    }
    return out;
}

// Articles are claimed one at a time, oldest batch first, so a long one does not leave the other
// workers idle; each result goes to its input slot, so the order is the input's whoever
// prepared it.
void Pipeline::work(std::size_t worker) {
    lower_priority_of_this_thread();
    std::unique_lock lock(mutex_);
    for (;;) {
        Batch* batch = nullptr;
        work_ready_.wait(lock, [&] {
            if (stopping_ || !recycled_.empty()) return true;
            for (auto& b : queue_) {
                if (b->next < b->docs.size()) {
                    batch = b.get();
                    return true;
                }
            }
            return false;
        });
        if (stopping_) return;
        if (!recycled_.empty()) {
            std::vector<std::vector<PreparedDoc>> garbage = std::exchange(recycled_, {});
            lock.unlock();
            garbage.clear();
            lock.lock();
            continue;
        }
        std::size_t i = batch->next++;
        bool failed = batch->error != nullptr;  // the rest of a failed batch is not prepared
        lock.unlock();
        std::exception_ptr error;
        try {
            if (!failed) batch->out[i] = preparers_[worker]->prepare(std::move(batch->docs[i]));
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        if (error && !batch->error) batch->error = error;
        if (++batch->done == batch->docs.size()) batch_done_.notify_all();
    }
}

}  // namespace byline::index
