#include "search/trends.h"

#include "search/facet_totals.h"

#include <algorithm>

namespace byline::search {

Trend count_trend(const Xapian::Database& db, const Xapian::Query& matched,
                  const std::string& facet_name, const std::vector<TrendValue>& values,
                  const std::string& granularity,
                  const std::shared_ptr<const FacetColumns>& columns) {
    FacetCounterOptions options;
    options.date_granularity = granularity;
    options.mentioned_dates = false;
    std::vector<DateHistogramCounter> counters;
    std::optional<std::pair<std::uint32_t, std::uint32_t>> span;
    for (const TrendValue& value : values) {
        Xapian::doccount matches = 0;
        const Xapian::Query filtered(Xapian::Query::OP_FILTER, matched, Xapian::Query(value.term));
        counters.push_back(*count_matches(db, filtered, options, matches, columns).published);
        if (auto s = counters.back().bucket_span()) {
            span =
                span ? std::pair{std::min(span->first, s->first), std::max(span->second, s->second)}
                     : *s;
        }
    }
    Trend trend{facet_name, granularity, {}};
    for (std::size_t i = 0; i < values.size(); ++i) {
        const DateHistogram histogram = counters[i].histogram(facet_name, span);
        trend.granularity = histogram.granularity;  // coarser if the span is centuries long
        trend.series.push_back(
            {values[i].display, values[i].count, histogram.undated, histogram.buckets});
    }
    return trend;
}

}  // namespace byline::search
