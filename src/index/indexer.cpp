#include <byline/error.h>
#include <byline/indexer.h>

#include "corpus/corpus.h"
#include "index/compaction.h"
#include "index/document_builder.h"
#include "index/facet_dictionary.h"
#include "index/memory_budget.h"
#include "index/pipeline.h"
#include "index/schema.h"
#include "search/facet_totals.h"

#include <xapian.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <thread>

namespace byline {

namespace {

using Clock = std::chrono::steady_clock;

// Refuse to scatter database files into a folder that holds something else (a corpus, say).
void check_index_path(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec)) return;
    if (!fs::is_directory(path, ec)) {
        throw IndexError(path + ": exists and is not a folder; give a folder for the index");
    }
    bool empty = true;  // but for the lock file of a run stopped before Xapian made its files
    for (fs::directory_iterator it(path, ec); !ec && it != fs::directory_iterator();
         it.increment(ec))
        empty = empty && it->path().filename() == index::kLockFile;
    if (!empty && !fs::exists(fs::path(path) / "iamglass", ec)) {
        throw IndexError(path +
                         ": folder is not empty and holds no Byline index; "
                         "give a new or empty folder");
    }
}

// The writer's lock, taken before anything in the folder is touched.
index::IndexLock lock_index(const std::string& path) {
    index::recover_interrupted_swap(path);
    check_index_path(path);
    index::IndexLock lock(path);
    index::remove_compaction_leftovers(path);
    return lock;
}

Xapian::WritableDatabase open_writable(const std::string& path) {
    try {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
        std::string format = db.get_metadata(std::string(schema::kMetaFormat));
        if (!format.empty() && format != schema::kFormatVersion) {
            throw IndexError(path + ": index format " + format +
                             " is not supported by this "
                             "version of Byline; re-index into a new folder");
        }
        if (format.empty() && db.get_doccount() == 0) {
            // A new index says what it is at once: a run stopped before its first batch leaves
            // an empty index of this format, not a folder readers cannot place.
            db.set_metadata(std::string(schema::kMetaFormat), std::string(schema::kFormatVersion));
            db.commit();
        }
        return db;
    } catch (const Xapian::Error& e) {
        throw IndexError(path + ": cannot open index for writing: " + e.get_msg() +
                         " (is another byline-index running on it?)");
    }
}

std::set<std::string> split_languages(const std::string& list) {
    std::set<std::string> out;
    std::istringstream in(list);
    for (std::string lang; in >> lang;)
        out.insert(lang);
    return out;
}

// Threads preparing articles besides the writing one: as many as asked (0: all cores), since the
// writer waits on Xapian's I/O part of the time; none (all on the calling thread) for one.
unsigned analysis_threads(unsigned requested) {
    unsigned threads = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
    return threads > 1 ? threads : 0;
}

}  // namespace

struct Indexer::Impl {
    IndexOptions options;
    index::MemoryBudget budget;
    index::IndexLock lock;  // held for the Indexer's life, across compactions
    Xapian::WritableDatabase db;
    Extractor extractor;
    index::Pipeline pipeline;
    index::FacetDictionary facet_ids;
    std::set<std::string> stem_languages;  // used by this run's articles
    // Forms seen per entity since the last commit: entity_name_key -> form -> mentions.
    std::map<std::string, std::map<std::string, std::size_t>> name_counts;
    IndexStats stats;
    std::size_t uncommitted = 0;
    std::uint64_t uncommitted_bytes = 0;
    std::uint64_t uncompacted = 0;  // articles written since the last compaction
    Clock::time_point started = Clock::now();
    Clock::time_point last_progress = started;

    explicit Impl(IndexOptions opts)
        : options(std::move(opts)),
          budget(index::memory_budget(options.memory_mb, index::Pipeline::kQueuedBatches)),
          lock(lock_index(options.index_path)),
          db(open_writable(options.index_path)),
          extractor(options.extract),
          pipeline(options, extractor, analysis_threads(options.threads), budget.batch_text_bytes),
          facet_ids(budget.facet_cache_entries),
          uncompacted(articles_since_compaction(db)) {}

    static std::uint64_t articles_since_compaction(const Xapian::Database& db) {
        const std::string stored = db.get_metadata(std::string(schema::kMetaUncompacted));
        if (stored.empty()) return db.get_doccount();  // never compacted: all of them
        return std::strtoull(stored.c_str(), nullptr, 10);
    }

    // Writes a prepared article: replaces any with its id, stores its long text and entity
    // names, reports its diagnostics, commits every batch_size articles.
    void write(index::PreparedDoc& doc) {
        for (const Diagnostic& d : doc.diagnostics)
            report(d.kind, d.where, d.message);
        stem_languages.insert(doc.stem_languages.begin(), doc.stem_languages.end());
        if (doc.skipped) return;
        try {
            // Ids are given here, on the writing thread, so they follow the input order.
            index::add_values(doc.xdoc, facet_ids.number(db, doc.facets));
            bool replacing = db.term_exists(doc.id_term);
            Xapian::docid did = db.replace_document(doc.id_term, doc.xdoc);
            count_names(doc.entities);
            store_body_chunks(did, doc.body, replacing);
            ++(replacing ? stats.replaced : stats.added);
            ++uncompacted;
            ++stats.indexed;
            stats.bytes += doc.bytes;
            uncommitted_bytes += doc.bytes;
            if (++uncommitted >= std::max<std::size_t>(1, options.batch_size) ||
                uncommitted_bytes >= budget.commit_text_bytes)
                commit_written();
        } catch (const Xapian::Error& e) {
            throw IndexError(options.index_path + ": cannot write " + doc.where + ": " +
                             e.get_msg());
        }
        tick();
    }

    void write_all(std::vector<index::PreparedDoc> docs) {
        for (index::PreparedDoc& doc : docs)
            write(doc);
        pipeline.recycle(std::move(docs));
    }

    void count_names(const std::vector<EntityInfo>& entities) {
        for (const EntityInfo& e : entities)
            ++name_counts[schema::entity_name_key(e.type, e.key)][e.name];
    }

    // Merges this batch's name counts into the index, so a facet shows each entity under the
    // form the corpus uses most ("Volodymyr Zelenskyy", not a rarer transliteration).
    void store_names() {
        for (auto& [key, forms] : name_counts) {
            std::istringstream old(db.get_metadata(key));
            std::string line;
            while (std::getline(old, line)) {
                std::size_t tab = line.find('\t');
                if (tab == std::string::npos) continue;
                forms[line.substr(tab + 1)] += std::strtoul(line.c_str(), nullptr, 10);
            }
            std::string value;
            for (const auto& [form, count] : forms)
                value += std::to_string(count) + "\t" + form + "\n";
            db.set_metadata(key, value.substr(0, 4000));  // a bound against pathological input
        }
        name_counts.clear();
    }

    void report(Diagnostic::Kind kind, const std::string& where, const std::string& message) {
        switch (kind) {
            case Diagnostic::Kind::warning:
                ++stats.warnings;
                break;
            case Diagnostic::Kind::skipped:
                ++stats.skipped;
                break;
            case Diagnostic::Kind::error:
                ++stats.errors;
                break;
        }
        if (options.on_diagnostic) options.on_diagnostic(Diagnostic{kind, where, message});
    }

    void tick() {
        auto now = Clock::now();
        stats.seconds = std::chrono::duration<double>(now - started).count();
        if (options.on_progress && now - last_progress > std::chrono::milliseconds(500)) {
            last_progress = now;
            options.on_progress(stats);
        }
    }

    // Writes the text beyond the inline part; a replaced, once longer article loses its old tail.
    void store_body_chunks(Xapian::docid did, const std::string& body, bool replacing) {
        std::vector<std::string> chunks = index::body_chunks(body);
        if (replacing) {
            std::vector<std::string> stale;
            const std::string prefix = schema::body_chunk_prefix(did);
            for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
                stale.push_back(*it);
            for (const std::string& key : stale)
                db.set_metadata(key, "");  // an empty value deletes the key
        }
        for (std::size_t n = 0; n < chunks.size(); ++n)
            db.set_metadata(schema::body_chunk_key(did, n), chunks[n]);
    }

    // After a run, so that queries matching most articles need not count them all.
    void store_totals() {
        try {
            search::store_index_totals(db);
        } catch (const Xapian::Error& e) {
            throw IndexError(options.index_path + ": cannot store facet totals: " + e.get_msg());
        }
    }

    // Writes what the workers still hold, then commits.
    void commit() {
        write_all(pipeline.drain());
        commit_written();
    }

    void commit_written() {
        // Nothing new: no commit, so the revision (and facet totals stamped with it) stays.
        if (uncommitted == 0 && !db.get_metadata(std::string(schema::kMetaFormat)).empty()) return;
        store_names();
        std::set<std::string> languages =
            split_languages(db.get_metadata(std::string(schema::kMetaLanguages)));
        languages.insert(stem_languages.begin(), stem_languages.end());
        std::string list;
        for (const auto& lang : languages)
            list += (list.empty() ? "" : " ") + lang;
        db.set_metadata(std::string(schema::kMetaLanguages), list);
        db.set_metadata(std::string(schema::kMetaFormat), std::string(schema::kFormatVersion));
        db.set_metadata(std::string(schema::kMetaFoldAccents), options.fold_accents ? "1" : "0");
        db.set_metadata(std::string(schema::kMetaCrossScript),
                        options.extract.cross_script ? "1" : "0");
        db.set_metadata(std::string(schema::kMetaUncompacted), std::to_string(uncompacted));
        db.commit();
        uncommitted = 0;
        uncommitted_bytes = 0;
    }
};

Indexer::Indexer(IndexOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Indexer::~Indexer() {
    try {
        impl_->commit();
    } catch (...) {
        // Destructors must not throw (Xapian's errors are not std::exceptions); callers who
        // care call commit() themselves.
    }
}

void Indexer::add(Document doc) {
    Impl& m = *impl_;
    if (doc.id.empty()) {
        const std::string where = doc.origin;
        throw UsageError("document without an id" + (where.empty() ? "" : " from " + where));
    }
    m.write_all(m.pipeline.add(std::move(doc)));
}

void Indexer::add_paths(const std::vector<std::string>& paths) {
    corpus::CorpusOptions corpus_options{impl_->options.field_map, impl_->budget.max_article_bytes};
    corpus::read_corpus(
        paths, corpus_options, [this](Document&& doc) { add(std::move(doc)); },
        [this](const corpus::Diagnostic& d) { impl_->report(d.kind, d.where, d.message); });
}

void Indexer::compact() {
    Impl& m = *impl_;
    try {
        m.commit();
        m.db.close();  // Xapian's lock goes; ours stays, so no other writer starts meanwhile
        m.lock = index::compact_index(m.options.index_path);
    } catch (const Xapian::Error& e) {
        m.db = open_writable(m.options.index_path);
        throw IndexError(m.options.index_path + ": cannot compact: " + e.get_msg());
    } catch (const IndexError&) {
        m.db = open_writable(m.options.index_path);
        throw;
    }
    m.db = open_writable(m.options.index_path);
    m.uncompacted = 0;
    m.db.set_metadata(std::string(schema::kMetaUncompacted), "0");
    m.store_totals();
}

CompactionReport Indexer::compact_if_due() {
    Impl& m = *impl_;
    commit();
    CompactionReport report{false, m.uncompacted, m.db.get_doccount()};
    if (report.uncompacted > 0 &&
        static_cast<double>(report.uncompacted) >=
            m.options.compact_share * static_cast<double>(report.documents)) {
        compact();
        report.compacted = true;
    } else {
        m.store_totals();
    }
    return report;
}

void Indexer::commit() {
    try {
        impl_->commit();
    } catch (const Xapian::Error& e) {
        throw IndexError(impl_->options.index_path + ": cannot commit: " + e.get_msg());
    }
}

const IndexStats& Indexer::stats() const {
    impl_->write_all(impl_->pipeline.drain());  // count what other threads still hold
    return impl_->stats;
}

IndexStats extract_paths(const std::vector<std::string>& paths, const IndexOptions& options,
                         const std::function<void(const Extraction&)>& sink) {
    Extractor extractor(options.extract);
    IndexStats stats;
    auto started = Clock::now();
    auto report = [&](Diagnostic::Kind kind, const std::string& where, const std::string& msg) {
        ++(kind == Diagnostic::Kind::warning   ? stats.warnings
           : kind == Diagnostic::Kind::skipped ? stats.skipped
                                               : stats.errors);
        if (options.on_diagnostic) options.on_diagnostic(Diagnostic{kind, where, msg});
    };
    corpus::read_corpus(
        paths,
        corpus::CorpusOptions{options.field_map,
                              index::memory_budget(options.memory_mb, 0).max_article_bytes},
        [&](Document&& doc) {
            if (auto warning = index::normalise_metadata_date(doc, doc.origin))
                report(warning->kind, warning->where, warning->message);
            sink(extractor.extract(doc));
            ++stats.indexed;
            stats.bytes += doc.title.size() + doc.body.size();
        },
        [&](const corpus::Diagnostic& d) { report(d.kind, d.where, d.message); });
    stats.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return stats;
}

}  // namespace byline
