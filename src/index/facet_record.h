#pragma once
// A document's facet values packed into three value slots (schema.h), so that counting facets
// over a match set reads a few short values per document, not a slot per facet or a term list.
//
// Encoding: thirteen sections: one per facet of schema::kFacetFields in order (dictionary ids),
// then the publication date and the mentioned dates as DateLists (days, months, years each).
// A section is a varint byte length, then its numbers ascending and distinct, each a varint of
// its difference from the one before (the first: itself). Varints: 7 bits a byte, low bits
// first, high bit = more follow. The sections are stored in three groups, each group's sections
// one after the other in its own slot (see kGroups); a group with nothing in it is not stored.
// Dates bucketed at index time leave a histogram no calendar arithmetic per document.

#include "index/schema.h"

#include <xapian.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace byline::index {

/// A document's dates (publication or mentioned), as the buckets they fall in: `days` since
/// 0000-03-01 (1970-01-01 is day 719468) of the dates known to the day; `months` (year * 12 +
/// month - 1) of those known to the month at least; `years` of all.
struct DateLists {
    std::vector<std::uint32_t> days;
    std::vector<std::uint32_t> months;
    std::vector<std::uint32_t> years;
    bool operator==(const DateLists&) const = default;
};

inline constexpr std::uint32_t kEpochDay = 719468;  // 1970-01-01 in DateLists::days

/// Adds a date "YYYYMMDD", "YYYYMM" or "YYYY" (dashes allowed) to `lists`; false, adding nothing,
/// for anything else or an impossible date.
bool add_date(std::string_view date, DateLists& lists);

/// A document's facet values before they are numbered: display values (entity keys for the
/// entity facets) per facet of schema::kFacetFields, and dates.
/// How often an article wrote an entity under one name; `key` is schema::entity_name_key().
struct EntityNameCount {
    std::string key;
    std::string name;
    std::uint32_t count = 0;
};

/// An entity mention before its key is numbered (index/sentence_mentions.h).
struct KeyedMention {
    std::uint32_t facet = 0;
    std::string key;
    std::uint32_t position = 0;  ///< of its first word
    std::uint32_t words = 1;
};

/// A written form whose key is not the entity's ("imf" for "international monetary fund"),
/// kept by the writer under schema::entity_form_key.
struct EntityForm {
    std::uint32_t facet = 0;
    std::string form_key;
    std::string key;
    auto operator<=>(const EntityForm&) const = default;
};

struct FacetValues {
    std::array<std::vector<std::string>, schema::kFacetCount> values;
    std::vector<EntityNameCount> names;  ///< merged into the index's name counts by the writer
    /// Per sentence, its first word's position, and the entity mentions: numbered by the writer
    /// into kSlotSentenceMentions.
    std::vector<std::uint32_t> sentence_starts;
    std::vector<KeyedMention> mentions;
    std::vector<EntityForm> forms;
    DateLists published;
    DateLists mentioned;
};

/// A document's facets as stored: ids per facet and dates. Reused across documents, decoding
/// into it allocates nothing once its vectors have grown.
struct FacetRecord {
    std::array<std::vector<std::uint32_t>, schema::kFacetCount> ids;
    DateLists published;
    DateLists mentioned;
};

/// Sections: schema::kFacetCount facets, then these.
inline constexpr std::size_t kPublishedSections = schema::kFacetCount;  // days, months, years
inline constexpr std::size_t kMentionedSections = schema::kFacetCount + 3;
inline constexpr std::size_t kSectionCount = schema::kFacetCount + 6;

/// A group of consecutive sections [first, end) stored in one value slot.
struct SectionGroup {
    Xapian::valueno slot;
    std::size_t first;
    std::size_t end;
};
inline constexpr std::array<SectionGroup, 3> kGroups = {{
    {schema::kSlotFacetIds, 0, 4},                // source, lang, author, month
    {schema::kSlotEntityIds, 4, 8},               // person, place, org, country
    {schema::kSlotFacetDates, 8, kSectionCount},  // published and mentioned dates
}};
static_assert(schema::kFacetFields[4].name == "person" &&
              schema::kFacetFields[7].name == "country" && schema::kFacetCount == 8);

/// The group holding section `section`.
inline std::size_t group_of(std::size_t section) {
    return section < 4 ? 0 : section < 8 ? 1 : 2;
}

/// Packs `record` (its lists are sorted and de-duplicated first): one value per group of
/// kGroups, empty where the group holds nothing.
std::array<std::string, kGroups.size()> encode(FacetRecord record);

/// Adds the packed values of `record` to `doc`'s slots.
void add_values(Xapian::Document& doc, const FacetRecord& record);

/// Unpacks the values of kGroups into `record`; false if one is damaged (then `record` is
/// unspecified). An empty value is a group with nothing in it.
bool decode(const std::array<std::string, kGroups.size()>& packed, FacetRecord& record);

/// Appends `v` as a varint (7 bits a byte, low first).
void put_varint(std::string& out, std::uint32_t v);

/// Reads a varint at `p` (before `end`) into `v`; nullptr if it is cut short or too long.
inline const char* read_varint(const char* p, const char* end, std::uint32_t& v) {
    v = 0;
    for (unsigned shift = 0; p != end && shift < 35; shift += 7) {
        const auto byte = static_cast<unsigned char>(*p++);
        v |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return p;
    }
    return nullptr;
}

/// Cuts `packed`, the value of group `group`, into that group's sections of `out`, each still
/// encoded; false if damaged. An empty value has empty sections.
bool split_sections(std::string_view packed, std::size_t group,
                    std::array<std::string_view, kSectionCount>& out);

/// Calls `f(value)` for each value of a section, ascending; false if the section is damaged.
template <typename F>
bool for_each_value(std::string_view section, F&& f) {
    const char* p = section.data();
    const char* end = p + section.size();
    std::uint32_t value = 0;
    while (p != end) {
        std::uint32_t delta = 0;
        p = read_varint(p, end, delta);
        if (!p) return false;
        value += delta;
        f(value);
    }
    return true;
}

}  // namespace byline::index
