#include "index/facets.h"

#include <byline/error.h>

#include <algorithm>
#include <cstdint>

namespace byline::index {

std::vector<std::uint32_t> top_ids(const IdCounts& counts, std::size_t limit,
                                   const std::function<const std::string&(std::uint32_t)>& value) {
    if (limit == 0) return {};
    std::vector<std::uint32_t> ids = counts.seen();
    if (ids.size() > limit) {
        // Keep the `limit` best counts and every id tied with the last of them: the tie is
        // broken by the values' text, which only the dictionary knows.
        auto more = [&](std::uint32_t a, std::uint32_t b) {
            return counts.count(a) > counts.count(b);
        };
        auto nth = ids.begin() + static_cast<std::ptrdiff_t>(limit - 1);
        std::nth_element(ids.begin(), nth, ids.end(), more);
        const std::uint32_t cut = counts.count(*nth);
        ids.erase(std::remove_if(ids.begin(), ids.end(),
                                 [&](std::uint32_t id) { return counts.count(id) < cut; }),
                  ids.end());
    }
    std::sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
        return counts.count(a) != counts.count(b) ? counts.count(a) > counts.count(b)
                                                  : value(a) < value(b);
    });
    if (ids.size() > limit) ids.resize(limit);
    return ids;
}

std::vector<FacetValue> top_values(const IdCounts& counts, std::size_t limit,
                                   const std::function<const std::string&(std::uint32_t)>& value) {
    std::vector<FacetValue> values;
    for (std::uint32_t id : top_ids(counts, limit, value))
        values.push_back({value(id), counts.count(id)});
    return values;
}

void IdCounts::subtract(const IdCounts& part) {
    for (std::uint32_t id : part.seen()) {
        if (id < counts_.size()) counts_[id] -= part.count(id);
    }
    seen_.erase(std::remove_if(seen_.begin(), seen_.end(),
                               [&](std::uint32_t id) { return counts_[id] == 0; }),
                seen_.end());
}

void IdCounts::merge(const IdCounts& other) {
    for (std::uint32_t id : other.seen())
        add(id, other.count(id));
}

void IdCounts::serialise(std::string& out) const {
    std::vector<std::uint32_t> ids = seen_;
    std::sort(ids.begin(), ids.end());
    index::put_varint(out, static_cast<std::uint32_t>(ids.size()));
    std::uint32_t previous = 0;
    for (std::uint32_t id : ids) {
        index::put_varint(out, id - previous);
        index::put_varint(out, counts_[id]);
        previous = id;
    }
}

bool IdCounts::unserialise(const char*& p, const char* end, std::uint32_t id_limit) {
    std::uint32_t size = 0, id = 0;
    if (!(p = index::read_varint(p, end, size)) || size > static_cast<std::size_t>(end - p))
        return false;
    for (std::uint32_t i = 0; i < size; ++i) {
        std::uint32_t delta = 0, count = 0;
        if (!(p = index::read_varint(p, end, delta)) || !(p = index::read_varint(p, end, count)))
            return false;
        id += delta;
        if (id >= id_limit || count == 0) return false;  // serialise() writes no zero count
        if (id >= counts_.size()) counts_.resize(std::max<std::size_t>(id + 1, counts_.size() * 2));
        if (counts_[id] > UINT32_MAX - count) return false;  // would wrap: damaged
        if (counts_[id] == 0) seen_.push_back(id);
        counts_[id] += count;
    }
    return true;
}

void FacetCounts::subtract(const FacetCounts& part) {
    for (std::size_t facet = 0; facet < facets.size(); ++facet)
        facets[facet].subtract(part.facets[facet]);
    if (published && part.published) published->subtract(*part.published);
    if (mentioned && part.mentioned) mentioned->subtract(*part.mentioned);
}

void FacetCounts::merge(const FacetCounts& other) {
    for (std::size_t facet = 0; facet < facets.size(); ++facet)
        facets[facet].merge(other.facets[facet]);
    for (auto [mine, theirs] :
         {std::pair{&published, &other.published}, std::pair{&mentioned, &other.mentioned}}) {
        if (!*theirs) continue;
        if (*mine)
            (*mine)->merge(**theirs);
        else
            *mine = **theirs;
    }
}

void FacetCounts::serialise(std::string& out) const {
    for (const IdCounts& counts : facets)
        counts.serialise(out);
    out += static_cast<char>((published ? 1 : 0) | (mentioned ? 2 : 0));
    if (published) published->serialise(out);
    if (mentioned) mentioned->serialise(out);
}

bool FacetCounts::unserialise(std::string_view bytes, const std::string& granularity,
                              const std::array<std::uint32_t, schema::kFacetCount>& id_limits) {
    const char* p = bytes.data();
    const char* end = p + bytes.size();
    for (std::size_t facet = 0; facet < facets.size(); ++facet) {
        if (!facets[facet].unserialise(p, end, id_limits[facet])) return false;
    }
    if (p == end) return false;
    const auto histograms = static_cast<unsigned char>(*p++);
    for (auto [bit, histogram] : {std::pair{1, &published}, std::pair{2, &mentioned}}) {
        if (!(histograms & bit)) continue;
        if (granularity.empty()) return false;
        histogram->emplace(granularity);
        if (!(*histogram)->unserialise(p, end)) return false;
    }
    return p == end;
}

namespace {

std::vector<Xapian::valueno> group_slots() {
    std::vector<Xapian::valueno> slots;
    for (const index::SectionGroup& group : index::kGroups)
        slots.push_back(group.slot);
    return slots;
}

}  // namespace

FacetColumns::FacetColumns(const Xapian::Database& db) : ValueColumns(db, group_slots()) {}

FacetCounter::FacetCounter(const Xapian::Database& db, FacetCounterOptions options,
                           std::shared_ptr<const FacetColumns> columns)
    : db_(db), options_(std::move(options)), columns_(std::move(columns)) {
    if (!options_.date_granularity.empty()) {
        counted_.published.emplace(options_.date_granularity);
        if (options_.mentioned_dates) counted_.mentioned.emplace(options_.date_granularity);
        groups_[index::group_of(index::kPublishedSections)].wanted = true;
    }
    for (std::size_t facet = 0; facet < schema::kFacetCount; ++facet) {
        if (options_.facets[facet]) groups_[index::group_of(facet)].wanted = true;
    }
}

// Reads the document's value of group `index` into group.packed: from the group's value stream
// when documents come in docid order, else from the document.
void FacetCounter::read(Group& group, std::size_t index, const Xapian::Document& doc,
                        Xapian::docid did, bool in_order) {
    const Xapian::valueno slot = index::kGroups[index].slot;
    if (!in_order) {
        group.packed = doc.get_value(slot);
        return;
    }
    if (!group.stream) group.stream = db_.valuestream_begin(slot);
    Xapian::ValueIterator& it = *group.stream;
    const Xapian::ValueIterator end = db_.valuestream_end(slot);
    if (it != end && it.get_docid() < did) it.skip_to(did);
    if (it != end && it.get_docid() == did)
        group.packed = *it;
    else
        group.packed.clear();
}

bool FacetCounter::add_dates(std::string_view section, DateHistogramCounter& histogram) {
    bool ok = true;
    histogram.add_from([&](auto&& count) { ok = index::for_each_value(section, count); });
    return ok;
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
    const Xapian::docid did = docid_of_(doc);
    const bool in_order = did > last_did_;
    if (in_order) last_did_ = did;
    bool ok = true;
    for (std::size_t g = 0; ok && g < groups_.size(); ++g) {
        if (!groups_[g].wanted) continue;
        if (columns_) {
            ok = index::split_sections(columns_->value(g, did), g, sections_);
            continue;
        }
        read(groups_[g], g, doc, did, in_order);
        ok = index::split_sections(groups_[g].packed, g, sections_);
    }
    for (std::size_t facet = 0; ok && facet < schema::kFacetCount; ++facet) {
        if (!options_.facets[facet]) continue;
        IdCounts& counts = counted_.facets[facet];
        const index::EntityAliases* aliases = options_.aliases.get();
        if (!aliases || !aliases->any(facet)) {
            ok = index::for_each_value(sections_[facet], [&](std::uint32_t id) { counts.add(id); });
            continue;
        }
        aliased_.clear();
        ok = index::for_each_value(sections_[facet], [&](std::uint32_t id) {
            id = aliases->canonical(facet, id);
            if (id != index::EntityAliases::kHidden) aliased_.push_back(id);
        });
        std::sort(aliased_.begin(), aliased_.end());
        aliased_.erase(std::unique(aliased_.begin(), aliased_.end()), aliased_.end());
        for (std::uint32_t id : aliased_)
            counts.add(id);
    }
    if (ok && counted_.published) {
        // The list the histograms' granularity reads: days, months or years.
        const auto list = static_cast<std::size_t>(counted_.published->source());
        ok = add_dates(sections_[index::kPublishedSections + list], *counted_.published) &&
             (!counted_.mentioned ||
              add_dates(sections_[index::kMentionedSections + list], *counted_.mentioned));
    }
    if (!ok) {
        throw IndexError("document " + std::to_string(did) +
                         ": damaged facet data; re-index the corpus");
    }
}

void FacetValueNames::use(const Xapian::Database& db) {
    std::string uuid = db.get_uuid();
    if (uuid == uuid_) return;
    uuid_ = std::move(uuid);
    for (auto& cache : cache_)
        cache.clear();
}

const std::string& FacetValueNames::value(const Xapian::Database& db, std::size_t facet,
                                          std::uint32_t id) {
    auto& cache = cache_[facet];
    if (auto it = cache.find(id); it != cache.end()) return it->second;
    const std::string_view name = schema::kFacetFields[facet].name;
    std::string value = db.get_metadata(schema::facet_value_key(name, id));
    if (value.empty()) {
        throw IndexError("facet " + std::string(name) + ": value " + std::to_string(id) +
                         " is missing from the index's dictionary; re-index the corpus");
    }
    return cache.emplace(id, std::move(value)).first->second;
}

}  // namespace byline::index
