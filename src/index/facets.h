#pragma once
// Exact facet counts and date histograms over the whole match set, in one pass that reads the
// packed facet values of each matching document (index/facet_record.h; only the slots holding
// what is counted) into flat per-id counters.

#include <byline/searcher.h>

#include "index/date_histogram.h"
#include "index/entity_aliases.h"
#include "index/facet_record.h"
#include "index/schema.h"
#include "index/shards.h"
#include "index/value_columns.h"

#include <xapian.h>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace byline::index {

/// Documents per value id of one facet: a flat array, plus the ids seen, so picking the top
/// values costs the number of distinct values met, not the size of the dictionary.
class IdCounts {
  public:
    void add(std::uint32_t id, std::uint32_t n = 1) {
        if (id >= counts_.size()) counts_.resize(std::max<std::size_t>(id + 1, counts_.size() * 2));
        if (counts_[id] == 0) seen_.push_back(id);
        counts_[id] += n;
    }
    std::uint32_t count(std::uint32_t id) const { return id < counts_.size() ? counts_[id] : 0; }
    const std::vector<std::uint32_t>& seen() const { return seen_; }
    /// Takes away `part`'s counts, which were counted over a subset of these documents.
    void subtract(const IdCounts& part);
    /// Adds `other`'s counts, counted over other documents.
    void merge(const IdCounts& other);
    /// Appends the counts to `out`; unserialise() reads them into an empty IdCounts (false if
    /// the bytes are damaged or name an id from `id_limit` on).
    void serialise(std::string& out) const;
    bool unserialise(const char*& p, const char* end, std::uint32_t id_limit);

  private:
    std::vector<std::uint32_t> counts_;
    std::vector<std::uint32_t> seen_;
};

/// The ids of top_values(), in its order.
std::vector<std::uint32_t> top_ids(const IdCounts& counts, std::size_t limit,
                                   const std::function<const std::string&(std::uint32_t)>& value);

/// The `limit` values of `counts` counted most, ties broken by value; `value(id)` gives a
/// value's text and is called only for the top values and those tied with the last of them.
std::vector<FacetValue> top_values(const IdCounts& counts, std::size_t limit,
                                   const std::function<const std::string&(std::uint32_t)>& value);

/// What to count: facets by index into schema::kFacetFields, and the date histograms.
struct FacetCounterOptions {
    std::array<bool, schema::kFacetCount> facets{};
    std::string date_granularity;  ///< "day", "week", "month", "year", or "" for no histograms
    bool mentioned_dates = true;   ///< with a granularity: the mentioned dates' histogram too
    /// Entity keys counted as another (index/entity_aliases.h), from the same revision; none
    /// when null. An article naming a key and its alias counts once.
    std::shared_ptr<const index::EntityAliases> aliases;
};

/// The packed facet values (index/facet_record.h) of every document of one revision, held in
/// memory: the slots of index::kGroups, a column per group.
class FacetColumns : public ValueColumns {
  public:
    explicit FacetColumns(const Xapian::Database& db);
};

/// What a FacetCounter counted: per facet, documents per value id; the date histograms.
struct FacetCounts {
    std::array<IdCounts, schema::kFacetCount> facets;
    std::optional<DateHistogramCounter> published, mentioned;  ///< with a date granularity

    /// Takes away `part`'s counts, counted with the same options over a subset of these
    /// documents: what is left counts the rest.
    void subtract(const FacetCounts& part);
    /// Adds `other`'s counts, counted with the same options over other documents (a shard's).
    void merge(const FacetCounts& other);

    /// Appends the counts to `out`, for another process; unserialise() reads them back, the
    /// histograms of `granularity` (false if the bytes are damaged or name an id of a facet
    /// from its `id_limits` on).
    void serialise(std::string& out) const;
    bool unserialise(std::string_view bytes, const std::string& granularity,
                     const std::array<std::uint32_t, schema::kFacetCount>& id_limits);
};

/// Counts the requested facets and date histograms of every document the matcher visits; a
/// value repeated within a document counts once.
class FacetCounter : public Xapian::MatchSpy {
  public:
    /// `db`: the database searched, whose value stream the counter reads in docid order, or,
    /// given `columns` loaded from the same revision, reads those.
    FacetCounter(const Xapian::Database& db, FacetCounterOptions options,
                 std::shared_ptr<const FacetColumns> columns = nullptr);

    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override { return new FacetCounter(db_, options_, columns_); }
    std::string name() const override { return "byline::FacetCounter"; }

    const FacetCounts& counted() const { return counted_; }
    FacetCounts take_counted() { return std::move(counted_); }

  private:
    // The matcher visits documents in ascending docid order: a value stream read forward finds
    // each document's value in the chunk already at hand.
    struct Group {
        bool wanted = false;
        std::optional<Xapian::ValueIterator> stream;
        std::string packed;  // scratch: the current document's value
    };
    void read(Group& group, std::size_t index, const Xapian::Document& doc, Xapian::docid did,
              bool in_order);
    bool add_dates(std::string_view section, DateHistogramCounter& histogram);

    Xapian::Database db_;
    SpyDocids docid_of_{db_};
    FacetCounterOptions options_;
    std::shared_ptr<const FacetColumns> columns_;
    std::array<Group, index::kGroups.size()> groups_;
    Xapian::docid last_did_ = 0;
    std::array<std::string_view, index::kSectionCount> sections_;  // scratch: sections read
    std::vector<std::uint32_t> aliased_;                           // scratch: one facet's ids
    FacetCounts counted_;
};

/// Facet values by id, read from the index's dictionary and kept: ids never change meaning in an
/// index (a new index in the same folder has another UUID, and the kept values are dropped).
class FacetValueNames {
  public:
    /// Drops the kept values if `db` is not the index they came from.
    void use(const Xapian::Database& db);
    /// The value numbered `id` in facet `facet`; throws IndexError if the dictionary lacks it.
    const std::string& value(const Xapian::Database& db, std::size_t facet, std::uint32_t id);

  private:
    std::string uuid_;
    std::array<std::unordered_map<std::uint32_t, std::string>, schema::kFacetCount> cache_;
};

}  // namespace byline::index
