#pragma once
// A document's facet values packed into value slot schema::kSlotFacets, so that counting every
// facet over a match set reads one short value per document, not nine slots or a term list.
//
// Encoding: for each facet of schema::kFacetFields in order, a varint count and that many varint
// ids (dictionary ids, ascending, distinct); then the publication date (a varint count, 0 or 1,
// and its day code) and the mentioned dates (a varint count and the day codes, ascending,
// distinct). A varint holds 7 bits a byte, low bits first; the high bit says more follow.

#include "index/schema.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace byline::index {

/// How much of a date is known: a day code's low two bits.
enum class DatePrecision : std::uint32_t { day = 0, month = 1, year = 2 };

/// The day code of a date: (days since 0000-03-01) * 4 + precision, the day being the first of
/// its month or year when only those are known. Takes "YYYYMMDD", "YYYYMM" or "YYYY", dashes
/// allowed; nothing for anything else or an impossible date.
std::optional<std::uint32_t> date_code(std::string_view date);

/// The (first) day of a day code.
inline std::chrono::sys_days code_day(std::uint32_t code) {
    constexpr int kMarchFirstOfYearZero = -719468;  // 0000-03-01 as days since 1970-01-01
    return std::chrono::sys_days(
        std::chrono::days(static_cast<int>(code >> 2) + kMarchFirstOfYearZero));
}
inline DatePrecision code_precision(std::uint32_t code) {
    return static_cast<DatePrecision>(code & 3u);
}

/// A document's facet values before they are numbered: display values (entity keys for the
/// entity facets) per facet of schema::kFacetFields, and day codes.
struct FacetValues {
    std::array<std::vector<std::string>, schema::kFacetCount> values;
    std::vector<std::uint32_t> published;
    std::vector<std::uint32_t> mentioned;
};

/// A document's facets as stored: ids per facet and day codes. Reused across documents,
/// decoding into it allocates nothing once its vectors have grown.
struct FacetRecord {
    std::array<std::vector<std::uint32_t>, schema::kFacetCount> ids;
    std::vector<std::uint32_t> published;
    std::vector<std::uint32_t> mentioned;
};

/// Packs `record` (its lists are sorted and de-duplicated first).
std::string encode(FacetRecord record);

/// Unpacks `packed` into `record`; false if it is damaged (then `record` is unspecified). An
/// empty string is a document without facets.
bool decode(std::string_view packed, FacetRecord& record);

}  // namespace byline::index
