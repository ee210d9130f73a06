#pragma once
// An optional recency boost blended with relevance: newer articles get extra weight that halves
// every `half_life_days`, counted back from the newest publication date in the index (never
// the clock, so results do not drift as time passes).

#include <xapian.h>

#include <string>

namespace byline::search {

class RecencySource : public Xapian::ValuePostingSource {
  public:
    RecencySource(double max_boost, double half_life_days);

    double get_weight() const override;
    Xapian::PostingSource* clone() const override;
    std::string name() const override { return "byline::RecencySource"; }
    void init(const Xapian::Database& db) override;

  private:
    double max_boost_;
    double half_life_days_;
    long newest_ = 0;  // days since the epoch of the newest publication date
};

/// Days since 1970-01-01 of a stored date ("YYYYMMDD", "YYYYMM" or "YYYY"); -1 if malformed.
long days_since_epoch(const std::string& compact_date);

}  // namespace byline::search
