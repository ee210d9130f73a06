#pragma once
// Collapsing near-duplicates (--collapse): which matching articles share a hit's cluster key,
// and how many stories a match set holds. Keys are index::ClusterMap's, in schema::kSlotCluster.

#include "index/shards.h"

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace byline::index {

/// The articles of the clusters of two or more of a whole index (ClusterTotals::shared), by
/// docid: a match spy looks an article up here instead of reading its key.
class SharedClusters {
  public:
    SharedClusters() = default;
    explicit SharedClusters(
        const std::unordered_map<std::uint64_t, std::vector<Xapian::docid>>& shared);
    /// The key of the cluster `did` shares with other articles; none for an article alone.
    std::optional<std::uint64_t> key(Xapian::docid did) const {
        if (did >= member_.size() || !member_[did]) return std::nullopt;
        return key_.at(did);
    }

  private:
    std::vector<bool> member_;  // by docid: most articles share no cluster
    std::unordered_map<Xapian::docid, std::uint64_t> key_;
};

/// The matching articles that share a cluster with others, with their keys, gathered as a match
/// spy during a full match (without Xapian's collapse key: its collapser keeps every key it meets
/// in a table, which doubled the cost of a query). An article alone in its cluster is a story.
class ClusterSpy : public Xapian::MatchSpy {
  public:
    ClusterSpy(const SharedClusters& shared, SpyDocids docid_of)
        : shared_(shared), docid_of_(docid_of) {}
    void operator()(const Xapian::Document& doc, double weight) override;
    /// The same for a matching article known by its docid (counted by a remote shard).
    void saw(Xapian::docid did) {
        ++seen_;
        if (auto key = shared_.key(did)) keyed_.emplace_back(*key, did);
    }
    Xapian::MatchSpy* clone() const override { return new ClusterSpy(shared_, docid_of_); }
    std::string name() const override { return "byline::ClusterSpy"; }

    /// Per article of `mset` (ranked from the first), whether an article ranked higher there
    /// shares its cluster: the story is shown once, by the best.
    std::vector<bool> folded(const Xapian::MSet& mset) const;

    /// Articles the spy saw (all matches).
    std::size_t seen() const { return seen_; }

    /// Stories among `articles` matches: distinct keys, and each article without a key alone.
    /// Call once, after the match and before others().
    std::size_t stories(std::size_t articles);

    /// The matching articles with cluster key `key` (the slot's value) but `did`, ascending.
    std::vector<Xapian::docid> others(const std::string& key, Xapian::docid did) const;

  private:
    const SharedClusters& shared_;
    SpyDocids docid_of_;
    std::vector<std::pair<std::uint64_t, Xapian::docid>> keyed_;  // (key, article), as met
    std::size_t seen_ = 0;
};

/// The clusters of a whole index: its number of stories and the articles of every cluster of
/// two or more. The indexer stores them with the facet totals at the end of a run
/// (schema::kMetaClusters, stamped with the same revision), so a query matching most articles
/// is collapsed from its complement without reading every article's key.
struct ClusterTotals {
    std::size_t stories = 0;
    std::unordered_map<std::uint64_t, std::vector<Xapian::docid>> shared;  // ascending docids
};

/// Reads the cluster slot of every article.
ClusterTotals count_clusters(const Xapian::Database& db);
/// count_clusters(db), packed and stamped as valid at `revision`.
std::string pack_cluster_totals(const Xapian::Database& db, Xapian::rev revision);
/// The totals stored in `db`, if there, undamaged and stamped with its revision.
std::optional<ClusterTotals> stored_cluster_totals(const Xapian::Database& db);

/// The stories of a match set known by its complement, from the index's cluster totals: a
/// story is lost only when all its articles are unmatched. Reads the keys of the unmatched
/// articles only.
class ComplementClusters {
  public:
    /// `unmatched`: ascending.
    ComplementClusters(const Xapian::Database& db, const ClusterTotals& totals,
                       std::vector<Xapian::docid> unmatched);
    std::size_t stories() const { return stories_; }
    /// As ClusterSpy::others().
    std::vector<Xapian::docid> others(const std::string& key, Xapian::docid did) const;

  private:
    const ClusterTotals& totals_;
    std::vector<Xapian::docid> unmatched_;
    std::size_t stories_ = 0;
};

}  // namespace byline::index
