#pragma once
// Collapsing near-duplicates (--collapse): which matching articles share a hit's cluster key,
// and how many stories a match set holds. Keys are index::ClusterMap's, in schema::kSlotCluster.

#include <xapian.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace byline::search {

/// The cluster key of every matching article that has one, gathered as a match spy during a
/// full match or, for a match set known by its complement, from the slot's value stream.
class ClusterSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override { return new ClusterSpy; }
    std::string name() const override { return "byline::ClusterSpy"; }

    /// Reads the keys of every article but `unmatched` (ascending docids) from `db`'s value
    /// stream: the match set of a query counted by its complement.
    void read_all_but(const Xapian::Database& db, const std::vector<Xapian::docid>& unmatched);

    /// Articles the spy saw (all matches: the matcher calls spies before collapsing).
    std::size_t seen() const { return seen_; }

    /// Stories among `articles` matches: distinct keys, and each article without a key alone.
    /// Call once, after the match and before others().
    std::size_t stories(std::size_t articles);

    /// The matching articles with cluster key `key` (the slot's value) but `did`, ascending.
    std::vector<Xapian::docid> others(const std::string& key, Xapian::docid did) const;

  private:
    std::vector<std::pair<std::uint64_t, Xapian::docid>> keyed_;  // (key, article), as met
    std::size_t seen_ = 0;
};

/// The articles a query does not match, ascending.
std::vector<Xapian::docid> unmatched_articles(const Xapian::Database& db,
                                              const Xapian::Query& matched);

}  // namespace byline::search
