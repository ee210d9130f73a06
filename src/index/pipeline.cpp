#include "index/pipeline.h"

#include "util/dates.h"

#include <thread>

namespace byline::index {

namespace {

// Articles per batch handed to the workers: large enough to keep them busy, small enough that
// two batches in memory stay far below the indexer's memory bound.
constexpr std::size_t kBatchArticles = 64;

}  // namespace

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

Preparer::Preparer(const IndexOptions& options, const Extractor& extractor)
    : analyzer_(AnalyzerOptions{options.fold_accents}),
      builder_(analyzer_, options.default_language),
      extractor_(extractor) {}

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
    // Entities, and the publication date from a dateline when the metadata has none.
    Extraction extraction = extractor_.extract(doc);
    doc.date = extraction.date;
    out.id_term = id_term(doc.id);
    out.xdoc = builder_.build(doc, extraction, out.facets);
    out.bytes = doc.title.size() + doc.body.size();
    out.entities = std::move(extraction.entities);
    out.body = std::move(doc.body);
    return out;
}

Pipeline::Pipeline(const IndexOptions& options, const Extractor& extractor, unsigned threads) {
    for (unsigned i = 0; i < std::max(1u, threads); ++i)
        preparers_.push_back(std::make_unique<Preparer>(options, extractor));
    if (threads == 0) preparers_.resize(1);
    synchronous_ = threads == 0;
}

Pipeline::~Pipeline() {
    if (in_flight_.valid()) in_flight_.wait();  // the workers use this object's preparers
}

std::vector<PreparedDoc> Pipeline::add(Document doc) {
    if (synchronous_) {
        std::vector<PreparedDoc> out;
        out.push_back(preparers_[0]->prepare(std::move(doc)));
        return out;
    }
    pending_.push_back(std::move(doc));
    if (pending_.size() < kBatchArticles) return {};
    std::vector<PreparedDoc> done;
    if (in_flight_.valid()) done = in_flight_.get();
    in_flight_ =
        std::async(std::launch::async, &Pipeline::prepare_batch, this, std::exchange(pending_, {}));
    return done;
}

std::vector<PreparedDoc> Pipeline::drain() {
    std::vector<PreparedDoc> done;
    if (in_flight_.valid()) done = in_flight_.get();
    std::vector<PreparedDoc> rest = prepare_batch(std::exchange(pending_, {}));
    std::move(rest.begin(), rest.end(), std::back_inserter(done));
    return done;
}

// Worker w prepares articles w, w + W, w + 2W ... so the results stay in input order.
std::vector<PreparedDoc> Pipeline::prepare_batch(std::vector<Document> docs) {
    std::vector<PreparedDoc> out(docs.size());
    auto work = [&](std::size_t w) {
        for (std::size_t i = w; i < docs.size(); i += preparers_.size())
            out[i] = preparers_[w]->prepare(std::move(docs[i]));
    };
    std::vector<std::thread> helpers;
    std::vector<std::exception_ptr> errors(preparers_.size());
    for (std::size_t w = 1; w < preparers_.size() && w < docs.size(); ++w) {
        helpers.emplace_back([&, w] {
            try {
                work(w);
            } catch (...) {
                errors[w] = std::current_exception();
            }
        });
    }
    try {
        work(0);
    } catch (...) {
        errors[0] = std::current_exception();
    }
    for (std::thread& t : helpers)
        t.join();
    for (const std::exception_ptr& e : errors) {
        if (e) std::rethrow_exception(e);
    }
    return out;
}

std::set<std::string> Pipeline::languages() const {
    std::set<std::string> all;
    for (const auto& p : preparers_)
        all.insert(p->languages().begin(), p->languages().end());
    return all;
}

}  // namespace byline::index
