#include "index/collapse.h"

#include "index/facet_record.h"
#include "index/schema.h"
#include "index/shards.h"
#include "index/simhash.h"

#include <algorithm>

namespace byline::index {

SharedClusters::SharedClusters(
    const std::unordered_map<std::uint64_t, std::vector<Xapian::docid>>& shared) {
    for (const auto& [key, dids] : shared) {
        for (Xapian::docid did : dids) {
            if (did >= member_.size())
                member_.resize(std::max<std::size_t>(did + 1, 2 * member_.size()));
            member_[did] = true;
            key_.emplace(did, key);
        }
    }
}

void ClusterSpy::operator()(const Xapian::Document& doc, double) {
    saw(docid_of_(doc));
}

std::vector<bool> ClusterSpy::folded(const Xapian::MSet& mset) const {
    std::vector<bool> out;
    std::vector<std::uint64_t> shown;  // keys of the stories met so far
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const std::optional<std::uint64_t> key = shared_.key(*it);
        const bool again = key && std::find(shown.begin(), shown.end(), *key) != shown.end();
        if (key && !again) shown.push_back(*key);
        out.push_back(again);
    }
    return out;
}

std::size_t ClusterSpy::stories(std::size_t articles) {
    std::sort(keyed_.begin(), keyed_.end());
    std::size_t distinct = 0;
    for (std::size_t i = 0; i < keyed_.size(); ++i)
        distinct += i == 0 || keyed_[i].first != keyed_[i - 1].first;
    return distinct + (articles - std::min(articles, keyed_.size()));
}

std::vector<Xapian::docid> ClusterSpy::others(const std::string& key, Xapian::docid did) const {
    std::vector<Xapian::docid> out;
    const std::optional<std::uint64_t> number = index::decode_u64(key);
    if (!number) return out;
    auto first =
        std::lower_bound(keyed_.begin(), keyed_.end(), std::pair{*number, Xapian::docid{0}});
    for (auto it = first; it != keyed_.end() && it->first == *number; ++it) {
        if (it->second != did) out.push_back(it->second);
    }
    return out;
}

ClusterTotals count_clusters(const Xapian::Database& db) {
    std::vector<std::pair<std::uint64_t, Xapian::docid>> keyed;  // sorted: a hash map is slower
    for (auto it = db.valuestream_begin(schema::kSlotCluster);
         it != db.valuestream_end(schema::kSlotCluster); ++it) {
        if (auto key = index::decode_u64(*it)) keyed.emplace_back(*key, it.get_docid());
    }
    std::sort(keyed.begin(), keyed.end());
    ClusterTotals totals;
    totals.stories = db.get_doccount() - std::min<std::size_t>(keyed.size(), db.get_doccount());
    for (std::size_t i = 0, next = 0; i < keyed.size(); i = next) {
        for (next = i + 1; next < keyed.size() && keyed[next].first == keyed[i].first;)
            ++next;
        ++totals.stories;
        if (next - i < 2) continue;
        std::vector<Xapian::docid>& docids = totals.shared[keyed[i].first];
        for (std::size_t j = i; j < next; ++j)
            docids.push_back(keyed[j].second);
    }
    return totals;
}

// Layout: stamp, stories, clusters; per cluster its key (8 bytes), size and docids (ascending,
// as differences).
std::string pack_cluster_totals(const Xapian::Database& db, Xapian::rev revision) {
    const ClusterTotals totals = count_clusters(db);
    std::string out;
    index::put_varint(out, static_cast<std::uint32_t>(revision));
    index::put_varint(out, static_cast<std::uint32_t>(totals.stories));
    index::put_varint(out, static_cast<std::uint32_t>(totals.shared.size()));
    for (const auto& [key, docids] : totals.shared) {
        out += index::encode_u64(key);
        index::put_varint(out, static_cast<std::uint32_t>(docids.size()));
        Xapian::docid last = 0;
        for (Xapian::docid did : docids) {
            index::put_varint(out, did - last);
            last = did;
        }
    }
    return out;
}

std::optional<ClusterTotals> stored_cluster_totals(const Xapian::Database& db) {
    const std::string packed = db.get_metadata(std::string(schema::kMetaClusters));
    const char* p = packed.data();
    const char* end = p + packed.size();
    std::uint32_t stamp = 0, stories = 0, clusters = 0;
    if (!(p = index::read_varint(p, end, stamp)) || stamp != index::revision(db))
        return std::nullopt;
    if (!(p = index::read_varint(p, end, stories)) || !(p = index::read_varint(p, end, clusters)))
        return std::nullopt;
    ClusterTotals totals;
    totals.stories = stories;
    const Xapian::docid last_docid = db.get_lastdocid();
    for (std::uint32_t c = 0; c < clusters; ++c) {
        if (end - p < 8) return std::nullopt;
        const std::uint64_t key = *index::decode_u64(std::string_view(p, 8));
        p += 8;
        std::uint32_t size = 0;
        if (!(p = index::read_varint(p, end, size)) || size > last_docid) return std::nullopt;
        std::vector<Xapian::docid> docids;
        Xapian::docid did = 0;
        for (std::uint32_t i = 0; i < size; ++i) {
            std::uint32_t delta = 0;
            if (!(p = index::read_varint(p, end, delta))) return std::nullopt;
            docids.push_back(did += delta);
        }
        totals.shared.emplace(key, std::move(docids));
    }
    return totals;
}

ComplementClusters::ComplementClusters(const Xapian::Database& db, const ClusterTotals& totals,
                                       std::vector<Xapian::docid> unmatched)
    : totals_(totals), unmatched_(std::move(unmatched)), stories_(totals.stories) {
    std::unordered_map<std::uint64_t, std::size_t> lost;  // unmatched articles per shared key
    Xapian::ValueIterator values = db.valuestream_begin(schema::kSlotCluster);
    const Xapian::ValueIterator end = db.valuestream_end(schema::kSlotCluster);
    for (Xapian::docid did : unmatched_) {
        // check() may move past `did` when it has no value (glass skips to the next that has):
        // only a value of `did` itself is its key.
        std::optional<std::uint64_t> key;
        if (values != end && values.check(did) && values != end && values.get_docid() == did)
            key = index::decode_u64(*values);
        if (!key || !totals.shared.count(*key))
            --stories_;  // an article alone
        else
            ++lost[*key];
    }
    for (const auto& [key, count] : lost) {
        if (count == totals.shared.at(key).size()) --stories_;
    }
}

std::vector<Xapian::docid> ComplementClusters::others(const std::string& key,
                                                      Xapian::docid did) const {
    std::vector<Xapian::docid> out;
    const std::optional<std::uint64_t> number = index::decode_u64(key);
    auto cluster = number ? totals_.shared.find(*number) : totals_.shared.end();
    if (cluster == totals_.shared.end()) return out;
    for (Xapian::docid other : cluster->second) {
        if (other != did && !std::binary_search(unmatched_.begin(), unmatched_.end(), other))
            out.push_back(other);
    }
    return out;
}

}  // namespace byline::index
