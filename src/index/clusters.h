#pragma once
// The writer's view of near-duplicate clusters: every signed article's SimHash signature and
// cluster key, so a new article finds the cluster it belongs to without a query.

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace byline::index {

/// Articles by signature, for the writing thread. Candidates within kMaxSignatureDistance are
/// found by the pigeonhole principle: split into kMaxSignatureDistance + 1 blocks, two
/// signatures that close agree on at least one whole block, so each block value indexes the
/// articles holding it. Built from the index's value streams on first use and kept up to date
/// by every write, committed or not.
class ClusterMap {
  public:
    /// Reads the signature and key slots of every article of `db` (once; later calls do nothing).
    void load(const Xapian::Database& db);

    /// The cluster key for an article with `signature` published on `day` (day_number(), or
    /// nothing): that of the cluster whose every article is within kMaxSignatureDistance of it
    /// and, where both are dated, within kMaxDaysApart (the cluster holding the nearest, if
    /// several), else a key no article holds (the signature itself unless taken).
    std::uint64_t key_for(std::uint64_t signature, std::optional<int> day) const;

    void add(Xapian::docid did, std::uint64_t signature, std::optional<int> day, std::uint64_t key);
    /// Forgets the article (replaced or deleted); nothing if it has no signature.
    void remove(Xapian::docid did);

  private:
    static constexpr int kUndated = -1'000'000'000;
    struct Entry {
        std::uint64_t signature = 0;
        std::uint64_t key = 0;
        int day = kUndated;
        bool present = false;
    };
    bool near(const Entry& e, std::uint64_t signature, int day) const;
    static std::uint64_t block_key(std::uint64_t signature, unsigned block);

    bool loaded_ = false;
    std::vector<Entry> docs_;  // by docid (Xapian's are dense)
    std::unordered_map<std::uint64_t, std::vector<Xapian::docid>> blocks_;
    std::unordered_map<std::uint64_t, std::vector<Xapian::docid>> members_;  // key -> articles
};

}  // namespace byline::index
