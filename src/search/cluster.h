#pragma once
// A cluster file: the shards of one sharded index (index/shards.h), each a local folder or a
// byline-shard server ("remote HOST:PORT"), one a line in shard order, '#' comments. Opened as
// one Xapian database (remote members over Xapian's remote protocol, so BM25 has the whole
// collection's statistics and docids interleave as in the local index); facets are counted by
// each member over its own articles (search/shard_counts.h) and summed.

#include "index/entity_aliases.h"
#include "index/facets.h"
#include "search/shard_counts.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace byline::search {

struct ClusterOptions {
    bool partial = false;         ///< answer from the members that can be reached
    double timeout_seconds = 10;  ///< for each connection and each wait on a remote member
};

/// Whether `path` is a cluster file (a file, not an index folder).
bool is_cluster_file(const std::string& path);

class Cluster {
  public:
    /// Reads the file and opens every member. Throws UsageError for a malformed line (naming it)
    /// and IndexError naming the first member that cannot be opened, unless `partial`: then an
    /// empty stand-in takes its place (so the other members' docids stay as they are).
    Cluster(const std::string& file, const ClusterOptions& options);

    const Xapian::Database& database() const { return db_; }
    bool remote() const { return remote_; }  ///< some member is a shard server
    std::size_t members() const { return members_.size(); }
    std::size_t failed() const;
    /// Throws IndexError naming the members that failed, unless `partial`.
    void require_all(bool partial) const;

    /// Facet counts of `query` over every member that answers, summed, the co-mentions of the
    /// counter whose signature is `co_mentions` (none if empty) and, if `docids`, the matching
    /// articles (docids of the whole). A member that fails here throws IndexError naming it, or
    /// with `partial` counts as failed from then on.
    ShardCounts count(const Xapian::Query& query, const index::FacetCounterOptions& options,
                      const std::string& co_mentions, bool docids, bool partial) const;

  private:
    struct Member {
        std::string spec;  // as the file writes it
        std::string path;  // a local member's folder
        std::string host;  // a remote member's server
        int port = 0;
        Xapian::Database db;  // a local member alone
        mutable bool failed = false;
        mutable std::uint64_t aliases_sent = 0;  // hash of the alias lists it holds
        std::string name() const { return spec; }
    };
    void open(Member& member, std::size_t k);
    struct EncodedCount {        // one count request, made before the threads start
        std::string query;       // Query::serialise()
        std::string with_lists;  // the request with the alias lists
        std::string hash_only;   // the same with their hash only
        std::uint64_t lists_hash = 0;
    };
    ShardCounts count_member(const Member& member, const EncodedCount& request,
                             const index::FacetCounterOptions& options,
                             const std::string& co_mentions, bool docids) const;

    std::string file_;
    ClusterOptions options_;
    std::vector<Member> members_;
    Xapian::Database db_;
    bool remote_ = false;
    std::array<std::uint32_t, schema::kFacetCount> id_limits_{};
    // The alias lists and their hash, at one revision.
    mutable std::optional<
        std::pair<Xapian::rev, std::pair<index::EntityAliases::Lists, std::uint64_t>>>
        aliases_;
};

}  // namespace byline::search
