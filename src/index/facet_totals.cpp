#include "index/facet_totals.h"

#include "index/collapse.h"
#include "index/entity_aliases.h"
#include "index/facet_record.h"
#include "index/match_all.h"
#include "index/schema.h"
#include "index/shards.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace byline::index {

namespace {

constexpr std::array<const char*, 4> kGranularities = {"day", "week", "month", "year"};

}  // namespace

FacetCounts count_matches(const Xapian::Database& db, const Xapian::Query& query,
                          const FacetCounterOptions& options, Xapian::doccount& matches,
                          std::shared_ptr<const FacetColumns> columns,
                          std::vector<Xapian::docid>* docids) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    FacetCounter counter(db, options, std::move(columns));
    enquire.add_matchspy(&counter);
    const Xapian::doccount all = db.get_doccount();
    Xapian::MSet mset = enquire.get_mset(0, docids ? std::max<Xapian::doccount>(1, all) : 0, all);
    matches = mset.get_matches_estimated();
    if (docids) {
        docids->reserve(mset.size());
        for (auto it = mset.begin(); it != mset.end(); ++it)
            docids->push_back(*it);
    }
    return counter.take_counted();
}

std::vector<Xapian::docid> matching_docids(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(1, db.get_doccount()));
    std::vector<Xapian::docid> out;
    out.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it)
        out.push_back(*it);
    return out;
}

// Layout: the revision stamp, the facets in schema order, then per granularity of
// kGranularities the published and mentioned histograms.
std::string pack_index_totals(const Xapian::Database& db, Xapian::rev revision) {
    std::string out;
    index::put_varint(out, static_cast<std::uint32_t>(revision));
    Xapian::doccount docs = 0;
    FacetCounterOptions facets;
    facets.facets.fill(true);
    facets.aliases = index::EntityAliases::load(db);
    FacetCounts all = count_matches(db, match_all(), facets, docs);
    for (const IdCounts& counts : all.facets)
        counts.serialise(out);
    for (const char* granularity : kGranularities) {
        FacetCounterOptions dates;
        dates.date_granularity = granularity;
        FacetCounts histograms = count_matches(db, match_all(), dates, docs);
        histograms.published->serialise(out);
        histograms.mentioned->serialise(out);
    }
    return out;
}

void store_index_totals(Xapian::WritableDatabase& db) {
    index::commit(
        db);  // the totals count what is committed; the next commit is the one storing them
    const Xapian::rev stamp = index::revision(db) + 1;
    db.set_metadata(std::string(schema::kMetaTotals), pack_index_totals(db, stamp));
    db.set_metadata(std::string(schema::kMetaClusters), pack_cluster_totals(db, stamp));
    index::commit(db);
}

std::optional<FacetCounts> stored_index_totals(const Xapian::Database& db,
                                               const std::string& date_granularity) {
    const std::string packed = db.get_metadata(std::string(schema::kMetaTotals));
    const char* p = packed.data();
    const char* end = p + packed.size();
    std::uint32_t stamp = 0;
    if (!(p = index::read_varint(p, end, stamp)) || stamp != index::revision(db))
        return std::nullopt;
    FacetCounts totals;
    for (std::size_t facet = 0; facet < totals.facets.size(); ++facet) {
        // Ids are below the facet's next free id, which bounds what damaged bytes may allocate.
        const std::string next =
            db.get_metadata(schema::facet_next_id_key(schema::kFacetFields[facet].name));
        const auto limit = static_cast<std::uint32_t>(std::strtoul(next.c_str(), nullptr, 10));
        if (!totals.facets[facet].unserialise(p, end, limit)) return std::nullopt;
    }
    for (const char* granularity : kGranularities) {
        DateHistogramCounter published(granularity), mentioned(granularity);
        if (!published.unserialise(p, end) || !mentioned.unserialise(p, end)) return std::nullopt;
        if (date_granularity == granularity) {
            totals.published = std::move(published);
            totals.mentioned = std::move(mentioned);
        }
    }
    if (p != end) return std::nullopt;
    return totals;
}

}  // namespace byline::index
