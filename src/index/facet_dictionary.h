#pragma once
// The indexer's side of the facet value dictionary (keys in schema.h): each facet value gets a
// compact id, the same for the life of the index, so a document's facets pack into a few bytes.

#include "index/facet_record.h"
#include "index/schema.h"
#include "index/sentence_mentions.h"

#include <xapian.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace byline::index {

/// A dictionary id written in metadata (decimal, 32 bits); nothing for anything else.
std::optional<std::uint32_t> parse_facet_id(const std::string& text);

/// The form of entity `key` of facet `facet` the corpus writes most (the writer keeps the
/// counts under schema::entity_name_key); `key` itself if none is stored.
std::string most_written_name(const Xapian::Database& db, std::string_view facet,
                              const std::string& key);

class FacetDictionary {
  public:
    /// Keeps at most `cache_entries` values in memory; the index has
    /// them all, so a value dropped from the cache is read back when met again.
    explicit FacetDictionary(std::size_t cache_entries = 1 << 20) : cache_entries_(cache_entries) {}

    /// The id of `value` of facet `facet` (index into schema::kFacetFields). A new value gets the
    /// next free id, written to `db`'s metadata now, so it is committed with the documents.
    std::uint32_t id(Xapian::WritableDatabase& db, std::size_t facet, const std::string& value);

    /// `values` with every value replaced by its id.
    FacetRecord number(Xapian::WritableDatabase& db, const FacetValues& values);

    /// The entity mentions of `values` with their keys numbered.
    SentenceMentions number_mentions(Xapian::WritableDatabase& db, const FacetValues& values);

  private:
    // Values looked up or assigned by this process; the index holds the rest.
    std::array<std::unordered_map<std::string, std::uint32_t>, schema::kFacetCount> ids_;
    std::array<std::optional<std::uint32_t>, schema::kFacetCount> next_;
    // Per facet: the index had no values when first asked and the cache has dropped none.
    std::array<bool, schema::kFacetCount> complete_{};
    std::size_t cache_entries_;
    std::size_t cached_ = 0;
};

}  // namespace byline::index
