#pragma once
// A sharded index: FOLDER/XAPIANDB, a Xapian stub file, lists FOLDER/shard-0 (what belongs to
// the whole index: format, facet dictionary, entity names and aliases, totals, long article
// text) and FOLDER/shard-1 … shard-N (the articles, each in shard 1 + hash(id) mod N). Xapian
// opens FOLDER as one database (global BM25 statistics, docids interleaved: global docid =
// (local - 1) * (N + 1) + shard + 1), and its metadata is shard-0's, so the rest of Byline reads
// a sharded index as it reads one index. Shard 0 holds no article, so its commit, made last,
// is what makes a commit visible as a whole (index::revision).

#include "index/shard_writers.h"

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace byline::index {

/// File name of the stub inside a sharded index folder.
inline constexpr const char* kShardStub = "XAPIANDB";

/// Whether `folder` holds one Xapian index (glass).
bool holds_single_index(const std::string& folder);
/// Whether `folder` holds a sharded index (its stub).
bool holds_sharded_index(const std::string& folder);
/// The folders of a sharded index's shards, shard 0 first (the stub's order); empty for any
/// other folder.
std::vector<std::string> shard_folders(const std::string& folder);

/// The revision of what `db` shows: Xapian's for one database, the commit count a sharded
/// index keeps in its metadata (schema::kMetaRevision) otherwise (for one index served
/// remotely, which has neither, a hash of its last commit's time and its size).
Xapian::rev revision(const Xapian::Database& db);

/// Whether `db` is several databases opened as one (a sharded index).
bool is_sharded(const Xapian::Database& db);

/// The docid in the whole index of a document a match hands to a MatchSpy. Xapian gives a
/// sharded index's documents their shard's docid there, so the shard and the number of
/// databases are stored in each document (schema::kSlotSequence).
class SpyDocids {
  public:
    explicit SpyDocids(const Xapian::Database& db) : sharded_(is_sharded(db)) {}
    explicit SpyDocids(bool sharded) : sharded_(sharded) {}
    Xapian::docid operator()(const Xapian::Document& doc) const {
        return sharded_ ? global_docid(doc) : doc.get_docid();
    }
    bool sharded() const { return sharded_; }

  private:
    static Xapian::docid global_docid(const Xapian::Document& doc);
    bool sharded_;
};

/// Commits `db`, counting the commit for a sharded index (so use this, not db.commit()).
void commit(Xapian::WritableDatabase& db);

/// The article shard (1 … shards) of an article id: a stable hash, the same in every build.
unsigned shard_of(const std::string& id, unsigned shards);

/// The documents of an index holding an article's id term, as the writer sees them (written
/// or not).
struct ExistingArticle {
    Xapian::docid did = 0;           ///< the one a new version replaces (the first); 0: none
    std::vector<Xapian::docid> all;  ///< every one, all replaced or deleted by a new version
    std::string data;                ///< the first's document data
    std::string sequence;            ///< the first's schema::kSlotSequence (sharded index)
};

/// The writable shards of an index, and all of them as one database. A sharded index writes
/// each article shard on a thread of its own (ShardWriters); docids, sequences and metadata are
/// decided on the calling thread in input order, so the index written does not depend on the
/// threads' timing. Between put() and settle() only metadata() may be used.
class WritableShards {
  public:
    /// Opens (or creates) the index at `folder`. `shards`: 0 or 1 open an existing index as it is
    /// (a new one is a single index); N >= 2 creates a new index of N article shards, or opens
    /// one of exactly N. Throws IndexError, or UsageError when `shards` does not fit the index.
    WritableShards(const std::string& folder, unsigned shards);
    WritableShards() = default;

    /// Every shard as one database: reads, replacements and deletions by docid, metadata. For
    /// a sharded index, only once settled.
    Xapian::WritableDatabase& all() { return all_; }
    /// Where the index's metadata is (shard 0), usable while articles are being written.
    Xapian::WritableDatabase& metadata() { return shards_.front(); }
    /// The number of article shards; 0 for a single index.
    unsigned article_shards() const {
        return single_ ? 0 : static_cast<unsigned>(shards_.size()) - 1;
    }
    bool sharded() const { return !single_; }

    /// The documents holding `id_term`, including those written since the last commit.
    ExistingArticle find(const std::string& id_term);
    /// Writes an article in place of `old` (find()'s answer for its id term) or as a new one
    /// (in its shard, with the next sequence); returns its docid in all(). A sharded index
    /// writes it on the shard's thread: an error shows at a later put() or at settle().
    Xapian::docid put(const std::string& id_term, const ExistingArticle& old, Xapian::Document doc,
                      const std::string& where);
    /// Waits for the shard threads to write what they hold; all() then shows everything.
    void settle();
    /// Deletes a document (settles first).
    void remove(Xapian::docid did);

    /// Commits every shard: the article shards in parallel, one thread each, then shard 0.
    void commit();
    void close();
    /// The folders of the shards (one for a single index), for compaction.
    const std::vector<std::string>& folders() const { return folders_; }

  private:
    struct Written {  // an article put since the last commit
        Xapian::docid did;
        std::string data;
        std::string sequence;
    };
    void open_shards(const std::vector<std::string>& folders);
    ExistingArticle find_committed(unsigned shard, const std::string& id_term);
    Xapian::docid global_docid(Xapian::docid local, unsigned shard) const;
    Xapian::docid local_docid(Xapian::docid global) const;

    std::vector<std::string> folders_;
    std::vector<Xapian::WritableDatabase> shards_;
    Xapian::WritableDatabase all_;
    bool single_ = true;
    std::uint32_t next_sequence_ = 1;
    // A sharded index: each article shard's committed state, read while its thread writes.
    std::vector<Xapian::Database> committed_;  // by shard (0 unused)
    std::vector<Xapian::docid> next_local_;    // by shard: the docid its next article takes
    std::unordered_map<std::string, Written> written_;  // by id term, since the last commit
    std::set<Xapian::docid> deleted_;                   // since the last commit
    std::unique_ptr<ShardWriters> writers_;             // last: stopped before the shards close
};

}  // namespace byline::index
