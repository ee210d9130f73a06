#pragma once
// One name per entity across the corpus. An article that writes only "Reagan" or "SEC" gets
// the entity key its words give; the document-level coreference cannot know that the rest of
// the corpus calls them "Ronald Reagan" and "Securities and Exchange Commission". At the end
// of every indexing run the writer looks at every person and organisation key of the index
// with its article count and decides which keys stand for one entity (choose_aliases); the
// searcher then counts, filters and shows such keys as one value (EntityAliases). Nothing in
// the documents changes, so the choice follows the corpus as it grows or shrinks.

#include "index/schema.h"

#include <xapian.h>

#include <functional>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace byline::index {

/// Which rules apply: persons and organisations are named differently.
enum class AliasKind { person, org };

/// An entity key of the index with the form the corpus writes most and its article count.
struct AliasInput {
    std::string key;
    std::string name;
    std::uint32_t articles = 0;
};

/// What a key counts as: `canonical` (another key), or nothing when `hidden`.
struct AliasChoice {
    std::string key;
    std::string canonical;
    bool hidden = false;
};

/// Keys of other entity facets with their article counts.
using OtherTypes = std::unordered_map<std::string, std::uint32_t>;

/// The keys of `entities` that stand for another key, or for no entity a reader can use.
/// Persons:
/// - a name with and without a middle initial ("George W Bush", "George Bush") are one, under
///   the more frequent; an initial and surname ("G. Thorpe") joins the dominant full name with
///   that initial and surname ("Graham Thorpe");
/// - a lone surname is the full name ending in it that has three quarters of the articles of all
///   such full names ("Reagan" -> "Ronald Reagan"; not "Baker", 60/40 between James and Howard
///   Baker), unless the word is a given name: one that starts three full names or more (of two
///   articles or more), and three times as many as it ends;
/// - a lone given name ("David") is hidden; so is a one-word name that no full name ends with
///   and that `other_type` holds (keys of the index's places and organisations: "Chelsea",
///   "Oscar"), or holds in at least as many articles though full names end in it, none
///   dominant ("Philips"), and a full name that `other_type` holds in a fifth as many articles or
///   more
///   ("Royal Dutch"), unless its first word is a given name.
/// Organisations:
/// - an acronym written in capitals and the name whose initials it is ("SEC", "Securities and
///   Exchange Commission"; "USDA", "U.S. Department of Agriculture"), a name in the singular and
///   the plural ("Liberal Democrat(s)"), a name and that name followed by words naming the kind
///   of organisation ("Moody's Investors Service", "Federal Reserve Board"), a name and the same
///   name qualified ("Treasury", "U.S. Treasury"), "Department of Agriculture" and "Agriculture
///   Department" are one, under the more frequent; an acronym or a name with several such
///   candidates takes the one with three quarters of their articles, or none;
/// - a one-word name that ends three qualified names or more, none dominant, with more articles
///   than it ("United": Manchester, Newcastle, Leeds United), is hidden.
/// Chains resolve to their end; a key never stands for a hidden one.
/// `given_name` (may be empty): whether a person's display name is a given name the extractor's
/// lists know ("Андрій"): alone, such a name is hidden however few full names it starts.
using IsGivenName = std::function<bool(const std::string& name)>;
std::vector<AliasChoice> choose_aliases(AliasKind kind, const std::vector<AliasInput>& entities,
                                        const OtherTypes& other_type = {},
                                        const IsGivenName& given_name = {});

/// Computes the aliases of the person and org facets of `db` and stores them in its metadata
/// (schema::alias_key), replacing the previous ones; committed with the next commit.
void store_entity_aliases(Xapian::WritableDatabase& db, const IsGivenName& given_name = {});

/// The aliases stored in an index, as the searcher uses them.
class EntityAliases {
  public:
    static constexpr std::uint32_t kHidden = UINT32_MAX;

    /// Reads the stored aliases of `db` (none in an index written before them).
    static std::shared_ptr<const EntityAliases> load(const Xapian::Database& db);
    /// The stored lists load() reads, one per facet (empty for facets without aliases): what
    /// a shard server is sent to count as the index does.
    using Lists = std::array<std::string, schema::kFacetCount>;
    static Lists stored_lists(const Xapian::Database& db);
    /// The aliases of stored_lists(); throws IndexError if they are damaged.
    static std::shared_ptr<const EntityAliases> parse(const Lists& lists);

    /// Does facet `facet` (index into schema::kFacetFields) have any alias?
    bool any(std::size_t facet) const { return !by_id_[facet].empty(); }
    /// The id that value `id` of `facet` counts as: itself, another, or kHidden.
    std::uint32_t canonical(std::size_t facet, std::uint32_t id) const {
        const auto& map = by_id_[facet];
        return id < map.size() ? map[id] : id;
    }
    /// The key that `key` counts as ("" when hidden).
    const std::string& canonical_key(std::size_t facet, const std::string& key) const;
    /// Every key counted as `key`'s canonical key, that one first; empty if `key` has no alias.
    const std::vector<std::string>& group(std::size_t facet, const std::string& key) const;
    /// Every id counted as `id` (a canonical id), that one first; empty if it has no alias.
    const std::vector<std::uint32_t>& members(std::size_t facet, std::uint32_t id) const;

  private:
    // Per facet: id -> canonical id (identity where no alias; sized to the largest alias id).
    std::array<std::vector<std::uint32_t>, schema::kFacetCount> by_id_;
    std::array<std::unordered_map<std::string, std::string>, schema::kFacetCount> key_to_canonical_;
    std::array<std::unordered_map<std::string, std::vector<std::string>>, schema::kFacetCount>
        groups_;
    std::array<std::unordered_map<std::uint32_t, std::vector<std::uint32_t>>, schema::kFacetCount>
        member_ids_;
};

}  // namespace byline::index
