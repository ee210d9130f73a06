#pragma once
// A document's facet values packed into value slot schema::kSlotFacets, so that counting every
// facet over a match set reads one short value per document, not nine slots or a term list.
//
// Encoding: thirteen sections: one per facet of schema::kFacetFields in order (dictionary ids),
// then the publication date and the mentioned dates as DateLists (days, months, years each).
// A section is a varint byte length, then its numbers ascending and distinct, each a varint of
// its difference from the one before (the first: itself). Varints: 7 bits a byte, low bits
// first, high bit = more follow. The byte lengths let a counter skip what it was not asked for;
// dates bucketed at index time leave a histogram no calendar arithmetic per document.

#include "index/schema.h"

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
struct FacetValues {
    std::array<std::vector<std::string>, schema::kFacetCount> values;
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

/// Packs `record` (its lists are sorted and de-duplicated first).
std::string encode(FacetRecord record);

/// Unpacks `packed` into `record`; false if it is damaged (then `record` is unspecified). An
/// empty string is a document without facets.
bool decode(std::string_view packed, FacetRecord& record);

/// Sections of a packed record: schema::kFacetCount facets, then these.
inline constexpr std::size_t kPublishedSections = schema::kFacetCount;  // days, months, years
inline constexpr std::size_t kMentionedSections = schema::kFacetCount + 3;
inline constexpr std::size_t kSectionCount = schema::kFacetCount + 6;

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

/// Cuts `packed` into its sections, each still encoded; false if damaged. An empty string has
/// empty sections. With `count`, only the first `count` sections are cut out (and checked).
bool split_sections(std::string_view packed, std::array<std::string_view, kSectionCount>& out,
                    std::size_t count = kSectionCount);

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
