#include "search/trends.h"

#include <byline/error.h>

#include "index/facet_record.h"
#include "index/facet_totals.h"
#include "index/match_all.h"
#include "index/schema.h"
#include "index/shards.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

namespace byline::search {

namespace {

// Per followed value, a histogram of the publication dates of the articles holding it.
class TrendCounter : public Xapian::MatchSpy {
  public:
    TrendCounter(const Xapian::Database& db, const std::vector<TrendFacet>& facets,
                 const std::string& granularity, std::shared_ptr<const index::FacetColumns> columns)
        : db_(db), facets_(facets), granularity_(granularity), columns_(std::move(columns)) {
        groups_.push_back(index::group_of(index::kPublishedSections));
        for (const TrendFacet& f : facets) {
            if (std::find(groups_.begin(), groups_.end(), index::group_of(f.facet)) ==
                groups_.end())
                groups_.push_back(index::group_of(f.facet));
        }
        series_of_.resize(facets.size());
        for (std::size_t f = 0; f < facets.size(); ++f) {
            auto& series = series_of_[f];  // by value id: a flat table, read per id met
            for (std::size_t v = 0; v < facets[f].values.size(); ++v) {
                for (std::uint32_t id : facets[f].values[v].ids) {
                    if (id >= series.size()) series.resize(id + 1, kNone);
                    series[id] = counters_.size();
                }
                counters_.emplace_back(granularity);
                last_did_of_.push_back(0);
            }
        }
    }

    void operator()(const Xapian::Document& doc, double) override {
        const Xapian::docid did = docid_of_(doc);
        bool ok = true;
        for (std::size_t group : groups_)
            ok = ok && read(doc, did, group);
        const auto list = static_cast<std::size_t>(counters_.front().source());
        const std::string_view dates = sections_[index::kPublishedSections + list];
        for (std::size_t f = 0; ok && f < facets_.size(); ++f) {
            const auto& series = series_of_[f];
            ok = index::for_each_value(sections_[facets_[f].facet], [&](std::uint32_t id) {
                if (id >= series.size() || series[id] == kNone) return;
                // A key and its alias in one article count it once.
                if (std::exchange(last_did_of_[series[id]], did) == did) return;
                counters_[series[id]].add_from(
                    [&](auto&& count) { index::for_each_value(dates, count); });
            });
        }
        if (!ok) {
            throw IndexError("document " + std::to_string(did) +
                             ": damaged facet data; re-index the corpus");
        }
    }
    Xapian::MatchSpy* clone() const override {
        return new TrendCounter(db_, facets_, granularity_, columns_);
    }
    std::string name() const override { return "byline::TrendCounter"; }

    const index::DateHistogramCounter& counter(std::size_t f, std::size_t v) const {
        return counters_[series_of_[f][facets_[f].values[v].ids.front()]];
    }

  private:
    // The document's packed values of group `group` into sections_: from memory, or from the
    // group's value stream read forward (the matcher visits documents in docid order).
    bool read(const Xapian::Document& doc, Xapian::docid did, std::size_t group) {
        if (columns_) return index::split_sections(columns_->value(group, did), group, sections_);
        const Xapian::valueno slot = index::kGroups[group].slot;
        if (did <= last_did_[group]) {
            scratch_[group] = doc.get_value(slot);
        } else {
            last_did_[group] = did;
            auto& it = streams_[group];
            if (!it) it = db_.valuestream_begin(slot);
            const Xapian::ValueIterator end = db_.valuestream_end(slot);
            if (*it != end && it->get_docid() < did) it->skip_to(did);
            if (*it != end && it->get_docid() == did)
                scratch_[group] = **it;
            else
                scratch_[group].clear();
        }
        return index::split_sections(scratch_[group], group, sections_);
    }

    Xapian::Database db_;
    index::SpyDocids docid_of_{db_};
    const std::vector<TrendFacet>& facets_;
    std::string granularity_;
    std::vector<std::size_t> groups_;  // the value groups holding what is counted
    std::shared_ptr<const index::FacetColumns> columns_;
    static constexpr std::size_t kNone = SIZE_MAX;
    std::vector<std::vector<std::size_t>> series_of_;  // per facet: value id -> counter
    std::vector<index::DateHistogramCounter> counters_;
    std::vector<Xapian::docid> last_did_of_;  // per counter: the last article counted
    std::array<std::string, index::kGroups.size()> scratch_;
    std::array<std::optional<Xapian::ValueIterator>, index::kGroups.size()> streams_;
    std::array<Xapian::docid, index::kGroups.size()> last_did_{};
    std::array<std::string_view, index::kSectionCount> sections_;
};

using Counters = std::vector<std::vector<index::DateHistogramCounter>>;  // per facet, per value

// Per value, its publication dates among the matches: a filtered count each, by `count`.
Counters count_per_value(const Xapian::Query& matched, const std::vector<TrendFacet>& facets,
                         const std::string& granularity, const QueryCounter& count) {
    index::FacetCounterOptions options;
    options.date_granularity = granularity;
    options.mentioned_dates = false;
    Counters out;
    for (const TrendFacet& f : facets) {
        out.emplace_back();
        for (const TrendValue& value : f.values) {
            const Xapian::Query terms(Xapian::Query::OP_OR, value.terms.begin(), value.terms.end());
            const Xapian::Query one(Xapian::Query::OP_FILTER, matched, terms);
            out.back().push_back(*count(one, options).published);
        }
    }
    return out;
}

QueryCounter local_counter(const Xapian::Database& db,
                           const std::shared_ptr<const index::FacetColumns>& columns) {
    return [&db, &columns](const Xapian::Query& query, const index::FacetCounterOptions& options) {
        Xapian::doccount n = 0;
        return index::count_matches(db, query, options, n, columns);
    };
}

// The same in one pass over the matches.
Counters count_in_one_pass(const Xapian::Database& db, const Xapian::Query& matched,
                           const std::vector<TrendFacet>& facets, const std::string& granularity,
                           const std::shared_ptr<const index::FacetColumns>& columns) {
    TrendCounter counter(db, facets, granularity, columns);
    Xapian::Enquire enquire(db);
    enquire.set_query(matched);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.add_matchspy(&counter);
    enquire.get_mset(0, 0, db.get_doccount());
    Counters out;
    for (std::size_t f = 0; f < facets.size(); ++f) {
        out.emplace_back();
        for (std::size_t v = 0; v < facets[f].values.size(); ++v)
            out.back().push_back(counter.counter(f, v));
    }
    return out;
}

// Whichever of the two reads fewer articles, `matches` matching `query`.
Counters count_series(const Xapian::Database& db, const Xapian::Query& query, std::size_t matches,
                      const std::vector<TrendFacet>& facets, const std::string& granularity,
                      const std::shared_ptr<const index::FacetColumns>& columns) {
    std::size_t followed = 0;  // articles the filtered counts would read
    for (const TrendFacet& f : facets) {
        for (const TrendValue& value : f.values)
            followed += value.count;
    }
    return followed < matches
               ? count_per_value(query, facets, granularity, local_counter(db, columns))
               : count_in_one_pass(db, query, facets, granularity, columns);
}

// What a value's series over the whole index is kept under.
std::string series_key(std::size_t facet, const TrendValue& value, const std::string& granularity) {
    std::string key = granularity;
    key += '/';
    key += std::to_string(facet);
    for (std::uint32_t id : value.ids) {
        key += '/';
        key += std::to_string(id);
    }
    return key;
}

// The series of the matches as those of the whole index less those of the articles not matched.
Counters count_by_complement(const Xapian::Database& db, const std::vector<TrendFacet>& facets,
                             const std::string& granularity,
                             const std::shared_ptr<const index::FacetColumns>& columns,
                             const TrendComplement& complement) {
    std::vector<TrendFacet> missing;  // values whose whole series is not kept yet
    for (const TrendFacet& f : facets) {
        missing.push_back({f.facet, {}});
        for (const TrendValue& value : f.values) {
            if (!complement.whole.series(series_key(f.facet, value, granularity)))
                missing.back().values.push_back(value);
        }
    }
    const Counters counted =
        count_series(db, index::match_all(), db.get_doccount(), missing, granularity, columns);
    for (std::size_t f = 0; f < missing.size(); ++f) {
        for (std::size_t v = 0; v < missing[f].values.size(); ++v)
            complement.whole.keep_series(
                series_key(missing[f].facet, missing[f].values[v], granularity), counted[f][v]);
    }
    Counters out;
    std::vector<TrendFacet> rest = facets;  // each value's articles among those not matched
    for (std::size_t f = 0; f < facets.size(); ++f) {
        out.emplace_back();
        for (std::size_t v = 0; v < facets[f].values.size(); ++v) {
            out.back().push_back(*complement.whole.series(
                series_key(facets[f].facet, facets[f].values[v], granularity)));
            const std::size_t all = out.back().back().documents();
            rest[f].values[v].count = all - std::min(all, facets[f].values[v].count);
        }
    }
    const Counters part =
        count_series(db, complement.unmatched, complement.count, rest, granularity, columns);
    for (std::size_t f = 0; f < facets.size(); ++f) {
        for (std::size_t v = 0; v < facets[f].values.size(); ++v)
            out[f][v].subtract(part[f][v]);
    }
    return out;
}

// Whether any followed value has articles among the matches.
bool any_followed(const std::vector<TrendFacet>& facets) {
    return std::any_of(facets.begin(), facets.end(), [](const TrendFacet& f) {
        return std::any_of(f.values.begin(), f.values.end(),
                           [](const TrendValue& v) { return v.count > 0; });
    });
}

std::vector<Trend> empty_trends(const std::vector<TrendFacet>& facets,
                                const std::string& granularity) {
    std::vector<Trend> out;
    for (const TrendFacet& f : facets)
        out.push_back({std::string(schema::kFacetFields[f.facet].name), granularity, {}});
    return out;
}

// The series of each facet over one span of buckets, so they line up.
std::vector<Trend> render(const std::vector<TrendFacet>& facets, const std::string& granularity,
                          const Counters& counters) {
    std::vector<Trend> out = empty_trends(facets, granularity);
    for (std::size_t f = 0; f < facets.size(); ++f) {
        // One span for every series of the facet, so their buckets line up.
        std::optional<std::pair<std::uint32_t, std::uint32_t>> span;
        for (const index::DateHistogramCounter& c : counters[f]) {
            if (auto s = c.bucket_span()) {
                span = span ? std::pair{std::min(span->first, s->first),
                                        std::max(span->second, s->second)}
                            : *s;
            }
        }
        for (std::size_t v = 0; v < facets[f].values.size(); ++v) {
            const TrendValue& value = facets[f].values[v];
            const DateHistogram h = counters[f][v].histogram(out[f].name, span);
            out[f].granularity = h.granularity;  // coarser if the span is centuries long
            out[f].series.push_back({value.display, value.count, h.undated, h.buckets});
        }
    }
    return out;
}

}  // namespace

std::vector<Trend> count_trends(const Xapian::Database& db, const Xapian::Query& matched,
                                std::size_t matches, const std::vector<TrendFacet>& facets,
                                const std::string& granularity,
                                const std::shared_ptr<const index::FacetColumns>& columns,
                                const TrendComplement* complement) {
    if (!any_followed(facets)) return empty_trends(facets, granularity);
    return render(facets, granularity,
                  complement ? count_by_complement(db, facets, granularity, columns, *complement)
                             : count_series(db, matched, matches, facets, granularity, columns));
}

std::vector<Trend> count_trends_with(const Xapian::Query& matched,
                                     const std::vector<TrendFacet>& facets,
                                     const std::string& granularity, const QueryCounter& count) {
    if (!any_followed(facets)) return empty_trends(facets, granularity);
    return render(facets, granularity, count_per_value(matched, facets, granularity, count));
}

}  // namespace byline::search
