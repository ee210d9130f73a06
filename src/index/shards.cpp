#include "index/shards.h"

#include "index/schema.h"
#include "util/stable_hash.h"

#include <byline/error.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

namespace byline::index {

namespace fs = std::filesystem;

namespace {

std::string shard_name(std::size_t k) {
    return "shard-" + std::to_string(k);
}

std::string encode_sequence(std::uint32_t n) {
    std::string out(4, '\0');
    for (int i = 3; i >= 0; --i, n >>= 8)
        out[static_cast<std::size_t>(i)] = static_cast<char>(n & 0xff);
    return out;
}

Xapian::WritableDatabase open_shard(const std::string& folder) {
    return Xapian::WritableDatabase(folder, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
}

// A name for a new index, so a cluster can tell its shards from another index's.
std::string index_id() {
    std::random_device random;
    char id[17];
    std::snprintf(id, sizeof id, "%08x%08x", random(), random());
    return id;
}

// A new sharded index: its shards, then the stub, written whole under its name at once.
std::vector<std::string> create_sharded(const std::string& folder, unsigned shards) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    std::string stub =
        "# Byline sharded index: shard-0 holds the index's metadata, the others "
        "its articles\n";
    const std::string id = index_id();
    for (std::size_t k = 0; k <= shards; ++k) {
        Xapian::WritableDatabase shard = open_shard((fs::path(folder) / shard_name(k)).string());
        shard.set_metadata(std::string(schema::kMetaShard),
                           std::to_string(k) + " " + std::to_string(shards) + " " + id);
        shard.commit();
        stub += "auto " + shard_name(k) + "\n";
    }
    const fs::path temp = fs::path(folder) / (std::string(kShardStub) + ".new");
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << stub;
        if (!out.flush()) throw IndexError(folder + ": cannot write " + temp.string());
    }
    fs::rename(temp, fs::path(folder) / kShardStub, ec);
    if (ec) throw IndexError(folder + ": cannot write the shard list: " + ec.message());
    return shard_folders(folder);
}

}  // namespace

bool holds_single_index(const std::string& folder) {
    std::error_code ec;
    return fs::exists(fs::path(folder) / "iamglass", ec);
}

bool holds_sharded_index(const std::string& folder) {
    std::error_code ec;
    return fs::is_regular_file(fs::path(folder) / kShardStub, ec);
}

std::vector<std::string> shard_folders(const std::string& folder) {
    std::vector<std::string> out;
    std::ifstream in(fs::path(folder) / kShardStub);
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string type, path;
        if (!(words >> type >> path) || type[0] == '#') continue;
        out.push_back((fs::path(folder) / path).string());
    }
    return out;
}

// The commits a sharded index counted (0 before its first).
Xapian::rev counted_commits(const Xapian::Database& db) {
    return std::strtoull(db.get_metadata(std::string(schema::kMetaRevision)).c_str(), nullptr, 10);
}

Xapian::rev revision(const Xapian::Database& db) {
    try {
        return db.get_revision();
    } catch (const Xapian::InvalidOperationError&) {  // several databases
        return counted_commits(db);
    } catch (const Xapian::UnimplementedError&) {  // one remote database
    }
    if (const Xapian::rev counted = counted_commits(db)) return counted;
    // One index served remotely: its last commit's time and size stand in.
    return hash::mix(hash::fnv1a(db.get_metadata(std::string(schema::kMetaCommitted))) ^
                     db.get_doccount());
}

bool is_sharded(const Xapian::Database& db) {
    try {
        (void)db.get_revision();
        return false;
    } catch (const Xapian::InvalidOperationError&) {
        return true;
    } catch (const Xapian::UnimplementedError&) {  // one remote database: a shard or an index
        return !db.get_metadata(std::string(schema::kMetaRevision)).empty();
    }
}

Xapian::docid SpyDocids::global_docid(const Xapian::Document& doc) {
    const std::string value = doc.get_value(schema::kSlotSequence);
    if (value.size() != 6) return doc.get_docid();
    const auto shard = static_cast<unsigned char>(value[4]);
    const auto databases = static_cast<unsigned char>(value[5]);
    return (doc.get_docid() - 1) * databases + shard + 1;
}

void commit(Xapian::WritableDatabase& db) {
    try {
        (void)db.get_revision();
    } catch (const Xapian::InvalidOperationError&) {
        db.set_metadata(std::string(schema::kMetaRevision),
                        std::to_string(counted_commits(db) + 1));
    }
    db.commit();
}

unsigned shard_of(const std::string& id, unsigned shards) {
    return 1 + static_cast<unsigned>(hash::mix(hash::fnv1a(id)) % shards);
}

WritableShards::WritableShards(const std::string& folder, unsigned shards) {
    try {
        if (holds_sharded_index(folder)) {
            std::vector<std::string> folders = shard_folders(folder);
            if (folders.size() < 3)
                throw IndexError(folder + ": the shard list (" + kShardStub +
                                 ") names fewer than two article shards");
            if (shards >= 2 && shards != folders.size() - 1)
                throw UsageError(folder + ": the index has " + std::to_string(folders.size() - 1) +
                                 " shards, not " + std::to_string(shards) +
                                 "; leave out --shards to add to it");
            open_shards(folders);
        } else if (shards >= 2) {
            if (holds_single_index(folder))
                throw UsageError(folder +
                                 ": the index is not sharded; --shards makes a new "
                                 "index: give a new folder");
            open_shards(create_sharded(folder, shards));
        } else {
            folders_ = {folder};
            shards_.push_back(open_shard(folder));
            all_ = shards_.front();
        }
    } catch (const Xapian::Error& e) {
        throw IndexError(folder + ": cannot open index for writing: " + e.get_msg() +
                         " (is another byline-index running on it?)");
    }
}

void WritableShards::open_shards(const std::vector<std::string>& folders) {
    folders_ = folders;
    single_ = false;
    for (const std::string& f : folders) {
        shards_.push_back(open_shard(f));
        all_.add_database(shards_.back());
        committed_.emplace_back(f);
        next_local_.push_back(shards_.back().get_lastdocid() + 1);
    }
    const std::string next = all_.get_metadata(std::string(schema::kMetaNextSequence));
    next_sequence_ =
        next.empty() ? 1 : static_cast<std::uint32_t>(std::strtoul(next.c_str(), nullptr, 10));
}

Xapian::docid WritableShards::global_docid(Xapian::docid local, unsigned shard) const {
    return (local - 1) * static_cast<Xapian::docid>(shards_.size()) + shard + 1;
}

Xapian::docid WritableShards::local_docid(Xapian::docid global) const {
    return (global - 1) / static_cast<Xapian::docid>(shards_.size()) + 1;
}

ExistingArticle WritableShards::find(const std::string& id_term) {
    if (single_) {
        ExistingArticle found;
        for (auto it = all_.postlist_begin(id_term); it != all_.postlist_end(id_term); ++it)
            found.all.push_back(*it);
        if (!found.all.empty()) {
            found.did = found.all.front();
            found.data = all_.get_document(found.did).get_data();
        }
        return found;
    }
    if (auto it = written_.find(id_term); it != written_.end())
        return ExistingArticle{
            it->second.did, {it->second.did}, it->second.data, it->second.sequence};
    return find_committed(shard_of(id_term, article_shards()), id_term);
}

// What the last commit holds, less what this run deleted since (the shard's writer may be
// changing it meanwhile: its own database object is not read here).
ExistingArticle WritableShards::find_committed(unsigned shard, const std::string& id_term) {
    ExistingArticle found;
    Xapian::Database& db = committed_[shard];
    Xapian::docid first_local = 0;
    for (auto it = db.postlist_begin(id_term); it != db.postlist_end(id_term); ++it) {
        const Xapian::docid did = global_docid(*it, shard);
        if (deleted_.count(did)) continue;
        if (!first_local) first_local = *it;
        found.all.push_back(did);
    }
    if (first_local) {
        const Xapian::Document doc = db.get_document(first_local);
        found.did = found.all.front();
        found.data = doc.get_data();
        found.sequence = doc.get_value(schema::kSlotSequence);
    }
    return found;
}

Xapian::docid WritableShards::put(const std::string& id_term, const ExistingArticle& old,
                                  Xapian::Document doc, const std::string& where) {
    if (single_) {
        return old.did ? all_.replace_document(id_term, doc) : all_.add_document(doc);
    }
    const unsigned k = shard_of(id_term, article_shards());
    std::string sequence = old.sequence;  // a replacement keeps its place in the order
    if (!old.did || sequence.size() != 6) {
        sequence = encode_sequence(next_sequence_++);  // then what SpyDocids reads
        sequence += static_cast<char>(k);
        sequence += static_cast<char>(shards_.size());
    }
    doc.add_value(schema::kSlotSequence, sequence);
    // A remote cluster's date order, which it cannot compute (schema::kSlotDateOrderAsc).
    const std::string date = doc.get_value(schema::kSlotDate);
    doc.add_value(schema::kSlotDateOrderAsc, schema::date_order_key(date, sequence, true));
    doc.add_value(schema::kSlotDateOrderDesc, schema::date_order_key(date, sequence, false));
    doc.add_value(schema::kSlotDateAscending, schema::date_order_key(date, "", true));
    const Xapian::docid local = old.did ? local_docid(old.did) : next_local_[k]++;
    const Xapian::docid did = global_docid(local, k);
    written_[id_term] = Written{did, doc.get_data(), sequence};
    ShardWrite write{local, std::move(doc), {}, where};
    for (Xapian::docid other : old.all)
        write.replaced.push_back(local_docid(other));
    if (!writers_) {
        std::vector<Xapian::WritableDatabase*> article_shards;
        for (std::size_t s = 1; s < shards_.size(); ++s)
            article_shards.push_back(&shards_[s]);
        writers_ = std::make_unique<ShardWriters>(std::move(article_shards));
    }
    writers_->put(k - 1, std::move(write));
    return did;
}

void WritableShards::settle() {
    if (!writers_) return;
    std::unique_ptr<ShardWriters> writers = std::move(writers_);
    writers->finish();
}

void WritableShards::remove(Xapian::docid did) {
    settle();
    all_.delete_document(did);
    if (single_) return;
    deleted_.insert(did);
    std::erase_if(written_, [did](const auto& entry) { return entry.second.did == did; });
}

void WritableShards::commit() {
    if (single_) return shards_.front().commit();
    settle();
    all_.set_metadata(std::string(schema::kMetaNextSequence), std::to_string(next_sequence_));
    all_.set_metadata(std::string(schema::kMetaRevision),
                      std::to_string(counted_commits(all_) + 1));
    // Each shard's changes are flushed into its own B-trees: the part of writing that grows
    // with the index, done on as many threads as there are article shards.
    std::vector<std::exception_ptr> failed(shards_.size());
    std::vector<std::thread> threads;
    for (std::size_t k = 1; k < shards_.size(); ++k) {
        threads.emplace_back([this, k, &failed] {
            try {
                shards_[k].commit();
            } catch (...) {
                failed[k] = std::current_exception();
            }
        });
    }
    for (std::thread& t : threads)
        t.join();
    for (const std::exception_ptr& e : failed)
        if (e) std::rethrow_exception(e);
    shards_.front().commit();  // last: a reader sees the new revision only once all is there
    for (std::size_t k = 1; k < committed_.size(); ++k)
        committed_[k].reopen();
    written_.clear();
    deleted_.clear();
}

void WritableShards::close() {
    writers_.reset();
    all_.close();
    for (Xapian::WritableDatabase& db : shards_)
        db.close();
}

}  // namespace byline::index
