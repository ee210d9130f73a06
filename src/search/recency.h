#pragma once
// An optional recency boost blended with relevance: newer articles get extra weight that halves
// every `half_life_days`, counted back from the newest publication date in the index (never
// the clock, so results do not drift as time passes).

#include <xapian.h>

#include <string>

namespace byline::search {

/// The boost of weight 1 as a query, to scale (Xapian::Query::OP_SCALE_WEIGHT) by the boost
/// wanted and OR-maybe with the search: weight 2^(−age / half_life) by publication date, the age
/// in days back from the newest date of the whole `db`. Undated articles get none, nor do those
/// older than 64 half-lives (or kMaxBoostedDays), whose boost would be lost in rounding anyway.
/// It is Xapian's ValueMapPostingSource (every date the index's range can hold, mapped to its
/// weight): Xapian's remote servers know it, and each shard of a sharded index weighs by the
/// whole index's newest date, not its own. Building it costs a few ms for a long range and
/// half-life (tens of thousands of dates): keep it for the index's revision.
Xapian::Query recency_query(const Xapian::Database& db, double half_life_days);

inline constexpr long kMaxBoostedDays = 200'000;  // bounds the map: about 550 years

/// Days since 1970-01-01 of a stored date ("YYYYMMDD", "YYYYMM" or "YYYY"); -1 if malformed.
long days_since_epoch(const std::string& compact_date);

}  // namespace byline::search
