#include <byline/error.h>
#include <byline/indexer.h>

#include "corpus/corpus.h"
#include "corpus/line_stream.h"
#include "extract/entity_extractor.h"
#include "index/clusters.h"
#include "index/compaction.h"
#include "index/document_builder.h"
#include "index/entity_aliases.h"
#include "index/extraction_terms.h"
#include "index/facet_dictionary.h"
#include "index/facet_totals.h"
#include "index/memory_budget.h"
#include "index/pipeline.h"
#include "index/schema.h"
#include "index/shards.h"
#include "index/simhash.h"
#include "index/stored_doc.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
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
    if (!empty && !index::holds_single_index(path) && !index::holds_sharded_index(path)) {
        throw IndexError(path +
                         ": folder is not empty and holds no Byline index; "
                         "give a new or empty folder");
    }
}

// The writer's lock, taken before anything in the folder is touched.
index::IndexLock lock_index(const std::string& path) {
    index::recover_interrupted_swap(path);
    for (const std::string& shard : index::shard_folders(path))
        index::recover_interrupted_swap(shard);
    check_index_path(path);
    index::IndexLock lock(path);
    index::remove_compaction_leftovers(path);
    for (const std::string& shard : index::shard_folders(path))
        index::remove_compaction_leftovers(shard);
    return lock;
}

index::WritableShards open_writable(const std::string& path, unsigned shards) {
    try {
        index::WritableShards opened(path, shards);
        Xapian::WritableDatabase& db = opened.all();
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
            opened.commit();
        }
        return opened;
    } catch (const Xapian::Error& e) {
        throw IndexError(path + ": cannot open index for writing: " + e.get_msg() +
                         " (is another byline-index running on it?)");
    }
}

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// A bound against pathological input, cut at a line end so every line kept is whole.
std::string cut_name_list(const std::string& list) {
    constexpr std::size_t kMaxBytes = 4000;
    if (list.size() <= kMaxBytes) return list;
    return list.substr(0, list.rfind('\n', kMaxBytes - 1) + 1);
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
    index::WritableShards shards;
    Xapian::WritableDatabase db;  // shards.all(): every shard as one
    Extractor extractor;
    index::Pipeline pipeline;
    index::FacetDictionary facet_ids;
    index::ClusterMap clusters;            // near-duplicate signatures, loaded on the first write
    std::set<std::string> stem_languages;  // used by this run's articles
    // Change in the forms seen per entity since the last commit: entity_name_key -> form ->
    // mentions added less mentions of replaced and deleted articles.
    std::map<std::string, std::map<std::string, std::int64_t>> name_counts;
    // Written forms of entity keys met by this process (entity_form_key), and those not yet
    // stored.
    std::set<index::EntityForm> known_forms;
    std::set<index::EntityForm> new_forms;
    IndexStats stats;
    std::size_t uncommitted = 0;
    bool aliases_stale = false;  // documents changed since the entity aliases were stored
    Clock::time_point aliases_stored_at{};
    static constexpr std::chrono::seconds kAliasesEvery{60};
    std::uint64_t uncommitted_bytes = 0;
    std::uint64_t uncompacted = 0;  // articles written since the last compaction
    std::uint64_t documents = 0;    // in the index, written or not
    Clock::time_point started = Clock::now();
    Clock::time_point last_progress = started;

    explicit Impl(IndexOptions opts)
        : options(std::move(opts)),
          budget(index::memory_budget(options.memory_mb, index::Pipeline::kQueuedBatches)),
          lock(lock_index(options.index_path)),
          shards(open_writable(options.index_path, options.shards)),
          db(shards.all()),
          extractor(options.extract),
          pipeline(options, extractor, analysis_threads(options.threads), budget.batch_text_bytes),
          facet_ids(budget.facet_cache_entries),
          uncompacted(articles_since_compaction(db)),
          documents(db.get_doccount()) {}

    void reopen() {
        shards = open_writable(options.index_path, 0);
        db = shards.all();
    }

    static std::uint64_t articles_since_compaction(const Xapian::Database& db) {
        const std::string stored = db.get_metadata(std::string(schema::kMetaUncompacted));
        if (stored.empty()) return db.get_doccount();  // never compacted: all of them
        return std::strtoull(stored.c_str(), nullptr, 10);
    }

    // Writes a prepared article: replaces any with its id, stores its long text and entity
    // names, reports its diagnostics, commits every batch_size articles. Only metadata is read
    // here: a sharded index's articles are being written by other threads meanwhile.
    void write(index::PreparedDoc& doc) {
        for (const Diagnostic& d : doc.diagnostics)
            report(d.kind, d.where, d.message);
        stem_languages.insert(doc.stem_languages.begin(), doc.stem_languages.end());
        if (doc.skipped) return;
        try {
            Xapian::WritableDatabase& meta = shards.metadata();
            // Ids are given here, on the writing thread, so they follow the input order.
            index::add_values(doc.xdoc, facet_ids.number(meta, doc.facets));
            for (index::EntityForm& form : doc.facets.forms) {
                if (!known_forms.count(form)) new_forms.insert(std::move(form));
            }
            if (std::string mentions =
                    index::encode_sentence_mentions(facet_ids.number_mentions(meta, doc.facets));
                !mentions.empty())
                doc.xdoc.add_value(schema::kSlotSentenceMentions, mentions);
            const index::ExistingArticle old = shards.find(doc.id_term);
            if (old.did)
                count_names(index::entity_name_counts(index::unserialise(old.data, true)), -1);
            const std::optional<ClusterEntry> cluster = assign_cluster(doc, old.all);
            const Xapian::docid did = shards.put(doc.id_term, old, std::move(doc.xdoc), doc.where);
            if (cluster) clusters.add(did, cluster->signature, cluster->day, cluster->key);
            count_names(doc.facets.names, +1);
            store_body_chunks(did, doc.body, old.did != 0);
            ++(old.did ? stats.replaced : stats.added);
            if (!old.did) ++documents;
            ++stats.indexed;
            stats.bytes += doc.bytes;
            uncommitted_bytes += doc.bytes;
            written();
        } catch (const Xapian::Error& e) {
            throw IndexError(options.index_path + ": cannot write " + doc.where + ": " +
                             e.get_msg());
        }
        tick();
    }

    struct ClusterEntry {
        std::uint64_t signature;
        std::optional<int> day;
        std::uint64_t key;
    };

    // Gives a signed article the key of the cluster of its near-duplicates already written
    // (committed or not), or a new one. The articles it replaces are no candidates: they go.
    std::optional<ClusterEntry> assign_cluster(index::PreparedDoc& doc,
                                               const std::vector<Xapian::docid>& replaced) {
        clusters.load(db);  // at the first write, before any shard thread starts
        for (Xapian::docid did : replaced)
            clusters.remove(did);
        const std::optional<std::uint64_t> signature =
            index::decode_u64(doc.xdoc.get_value(schema::kSlotSignature));
        if (!signature) return std::nullopt;
        const std::optional<int> day = index::day_number(doc.xdoc.get_value(schema::kSlotDate));
        const std::uint64_t key = clusters.key_for(*signature, day);
        doc.xdoc.add_value(schema::kSlotCluster, index::encode_u64(key));
        return ClusterEntry{*signature, day, key};
    }

    // Deletes the article with this id and everything derived from it; false if there is none.
    bool remove_written(const std::string& id) {
        shards.settle();
        const std::string term = schema::id_term(id);
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            const Xapian::docid did = *it;
            if (index::unserialise(db.get_document(did).get_data(), false).doc.id != id)
                continue;  // a hashed id term shared by a longer id
            forget_names(did);
            remove_body_chunks(did);
            clusters.load(db);
            clusters.remove(did);
            shards.remove(did);
            ++stats.removed;
            --documents;
            written();
            return true;
        }
        return false;
    }

    // Articles per commit: as asked, or about 4% of the index within the bounds, and no more
    // than kCommitTextBytes of text once past the least. A commit's flush costs more as the
    // index grows, but a batch's inverted terms cost more to hold the more distinct terms it has
    // (measured, Reuters-21578 cycled to 100k articles of 0.9 KB: 256 a commit throughout took
    // 79 s, 1000 67 s, 2000 64 s; bench/scale_bench.sh's generated 5 KB articles, whose words
    // are drawn from a whole dictionary, 100k: 256 took 244 s, at most 2 MB 265 s, 2000 291 s).
    std::size_t commit_every() const {
        if (options.batch_size) return options.batch_size;
        if (uncommitted >= IndexOptions::kMinBatch && uncommitted_bytes >= kCommitTextBytes)
            return uncommitted;
        return std::clamp<std::size_t>(documents / 25, IndexOptions::kMinBatch,
                                       IndexOptions::kMaxBatch);
    }
    static constexpr std::uint64_t kCommitTextBytes = 1'000'000;

    // Counts a change and commits every commit_every() of them (or sooner by bytes).
    void written() {
        ++uncompacted;
        aliases_stale = true;
        ++uncommitted;
        if (uncommitted >= commit_every() || uncommitted_bytes >= budget.commit_text_bytes)
            commit_written();
    }

    // Takes the display names an article wrote out of the counts, before it is replaced or
    // deleted, so a name no article uses any more leaves the index.
    void forget_names(Xapian::docid did) {
        count_names(
            index::entity_name_counts(index::unserialise(db.get_document(did).get_data(), true)),
            -1);
    }

    void write_all(std::vector<index::PreparedDoc> docs) {
        for (index::PreparedDoc& doc : docs)
            write(doc);
        pipeline.recycle(std::move(docs));
    }

    void count_names(const std::vector<index::EntityNameCount>& names, int sign) {
        for (const index::EntityNameCount& n : names)
            name_counts[n.key][n.name] += sign * static_cast<std::int64_t>(n.count);
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
                forms[line.substr(tab + 1)] += std::strtoll(line.c_str(), nullptr, 10);
            }
            std::string value;  // empty when no article writes the entity any more: key deleted
            for (const auto& [form, count] : forms) {
                if (count > 0) value += std::to_string(count) + "\t" + form + "\n";
            }
            db.set_metadata(key, cut_name_list(value));
        }
        name_counts.clear();
    }

    // Adds the written forms met since the last commit to the index's lists (new_forms is
    // ordered by facet and form, so each list is read and written once).
    void store_forms() {
        constexpr std::size_t kMaxKeysPerForm = 16;  // a form many entities are written as
        constexpr std::size_t kMaxKnown = 1 << 20;
        if (known_forms.size() + new_forms.size() > kMaxKnown) known_forms.clear();
        auto it = new_forms.begin();
        while (it != new_forms.end()) {
            const std::string meta =
                schema::entity_form_key(schema::kFacetFields[it->facet].name, it->form_key);
            std::string lines = db.get_metadata(meta);
            std::size_t count =
                static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n'));
            bool added = false;
            const index::EntityForm& first = *it;
            for (; it != new_forms.end() && it->facet == first.facet &&
                   it->form_key == first.form_key;
                 ++it) {
                known_forms.insert(*it);
                const std::string line = it->key + "\n";
                if (count >= kMaxKeysPerForm ||
                    ("\n" + lines).find("\n" + line) != std::string::npos)
                    continue;
                lines += line;
                ++count;
                added = true;
            }
            if (added) db.set_metadata(meta, lines);
        }
        new_forms.clear();
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
        if (replacing) remove_body_chunks(did);
        for (std::size_t n = 0; n < chunks.size(); ++n)
            shards.metadata().set_metadata(schema::body_chunk_key(did, n), chunks[n]);
    }

    void remove_body_chunks(Xapian::docid did) {
        Xapian::WritableDatabase& meta = shards.metadata();
        std::vector<std::string> stale;
        const std::string prefix = schema::body_chunk_prefix(did);
        for (auto it = meta.metadata_keys_begin(prefix); it != meta.metadata_keys_end(prefix); ++it)
            stale.push_back(*it);
        for (const std::string& key : stale)
            meta.set_metadata(key, "");  // an empty value deletes the key
    }

    // After a run, so that queries matching most articles need not count them all.
    void store_totals() {
        try {
            index::store_index_totals(db);
        } catch (const Xapian::Error& e) {
            throw IndexError(options.index_path + ": cannot store facet totals: " + e.get_msg());
        }
    }

    // Writes what the workers still hold, then commits. The entity aliases look at every
    // entity of the index: not at every batch, and in a stream (`interim`) once a minute.
    void commit(bool interim = false) {
        write_all(pipeline.drain());
        shards.settle();  // the aliases and totals read the articles
        const bool due = !interim || Clock::now() - aliases_stored_at >= kAliasesEvery;
        if (!aliases_stale || !due) return commit_written();
        store_names();  // the aliases read the entities' display names
        store_aliases();
        aliases_stale = false;
        aliases_stored_at = Clock::now();
        commit_written(true);
    }

    void store_aliases() {
        try {
            // A Cyrillic given name alone is no one a reader can pick: hidden from the facet.
            const auto entities =
                options.extract.entities ? extract::shared_entities(options.extract) : nullptr;
            index::store_entity_aliases(db, [&entities](const std::string& name) {
                return entities && entities->is_cyrillic_given_name(name);
            });
        } catch (const Xapian::Error& e) {
            throw IndexError(options.index_path + ": cannot store entity aliases: " + e.get_msg());
        }
    }

    void commit_written(bool metadata_changed = false) {
        shards.settle();
        // Nothing new: no commit, so the revision (and facet totals stamped with it) stays.
        if (!metadata_changed && uncommitted == 0 &&
            !db.get_metadata(std::string(schema::kMetaFormat)).empty())
            return;
        store_names();
        store_forms();
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
        db.set_metadata(std::string(schema::kMetaCommitted), utc_now());
        shards.commit();
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

bool Indexer::remove(const std::string& id) {
    Impl& m = *impl_;
    m.write_all(m.pipeline.drain());  // an earlier add() of the same id goes first
    try {
        return m.remove_written(id);
    } catch (const Xapian::Error& e) {
        throw IndexError(m.options.index_path + ": cannot delete '" + id + "': " + e.get_msg());
    }
}

void Indexer::add_paths(const std::vector<std::string>& paths) {
    corpus::CorpusOptions corpus_options{impl_->options.field_map, impl_->budget.max_article_bytes};
    corpus::read_corpus(
        paths, corpus_options, [this](Document&& doc) { add(std::move(doc)); },
        [this](const corpus::Diagnostic& d) { impl_->report(d.kind, d.where, d.message); });
}

void Indexer::add_stream(const StreamOptions& stream) {
    Impl& m = *impl_;
    const std::size_t max_line = m.budget.max_article_bytes;
    corpus::LineStream in = stream.path == "-"
                                ? corpus::LineStream::standard_input(max_line)
                                : corpus::LineStream::file(stream.path, stream.follow, max_line);
    corpus::JsonLineStream lines(
        in.name(), corpus::CorpusOptions{m.options.field_map, max_line},
        [this](Document&& doc) { add(std::move(doc)); },
        [&m](const corpus::Diagnostic& d) { m.report(d.kind, d.where, d.message); });
    using namespace std::chrono;
    const auto interval = duration_cast<milliseconds>(duration<double>(stream.commit_interval));
    auto last_commit = Clock::now();
    bool unread = false;  // lines read since the last commit
    auto stopped = [&] { return stream.stop && stream.stop->load(); };
    for (std::string line; !stopped();) {
        // Short waits, so a stop request or a due commit is never long in coming.
        const auto wait =
            unread ? std::clamp(duration_cast<milliseconds>(last_commit + interval - Clock::now()),
                                milliseconds(1), milliseconds(200))
                   : milliseconds(200);
        const corpus::LineStream::Status status = in.next(line, wait);
        if (status == corpus::LineStream::Status::ended) break;
        if (status == corpus::LineStream::Status::line) lines.line(std::move(line));
        if (status == corpus::LineStream::Status::too_long) lines.too_long();
        unread = unread || status != corpus::LineStream::Status::waiting;
        if (unread && Clock::now() - last_commit >= interval) {
            try {
                impl_->commit(true);
            } catch (const Xapian::Error& e) {
                throw IndexError(impl_->options.index_path + ": cannot commit: " + e.get_msg());
            }
            unread = false;
            last_commit = Clock::now();
        }
    }
    lines.finish();
    commit();
}

void Indexer::compact() {
    Impl& m = *impl_;
    try {
        m.commit();
        m.shards.close();  // Xapian's lock goes; ours stays, so no other writer starts meanwhile
        if (m.shards.sharded())
            index::compact_shards(m.shards.folders());
        else
            m.lock = index::compact_index(m.options.index_path);
    } catch (const Xapian::Error& e) {
        m.reopen();
        throw IndexError(m.options.index_path + ": cannot compact: " + e.get_msg());
    } catch (const IndexError&) {
        m.reopen();
        throw;
    }
    m.reopen();
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
            index::complete_title(doc);
            // Entities follow the detected language, as when indexing.
            if (options.detect_language) index::detect_language(doc);
            Extraction extraction = extractor.extract(doc);
            if (extraction.lang.empty()) extraction.lang = options.default_language;
            sink(extraction);
            ++stats.indexed;
            stats.bytes += doc.title.size() + doc.body.size();
        },
        [&](const corpus::Diagnostic& d) { report(d.kind, d.where, d.message); });
    stats.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return stats;
}

}  // namespace byline
