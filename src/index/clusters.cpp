#include "index/clusters.h"

#include "index/schema.h"
#include "index/simhash.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace byline::index {

namespace {

constexpr unsigned kBlocks = kMaxSignatureDistance + 1;

void erase_value(std::vector<Xapian::docid>& list, Xapian::docid did) {
    list.erase(std::remove(list.begin(), list.end(), did), list.end());
}

}  // namespace

// Block `block` of the signature, tagged with its number so blocks never share a key.
std::uint64_t ClusterMap::block_key(std::uint64_t signature, unsigned block) {
    const unsigned from = block * 64 / kBlocks;
    const unsigned to = (block + 1) * 64 / kBlocks;
    const std::uint64_t mask = to - from >= 64 ? ~0ull : (std::uint64_t{1} << (to - from)) - 1;
    return (std::uint64_t{block} << 56) | ((signature >> from) & mask);
}

void ClusterMap::load(const Xapian::Database& db) {
    if (loaded_) return;
    loaded_ = true;
    std::unordered_map<Xapian::docid, std::uint64_t> signatures;
    for (auto it = db.valuestream_begin(schema::kSlotSignature);
         it != db.valuestream_end(schema::kSlotSignature); ++it) {
        if (auto signature = decode_u64(*it)) signatures[it.get_docid()] = *signature;
    }
    std::unordered_map<Xapian::docid, int> days;
    for (auto it = db.valuestream_begin(schema::kSlotDate);
         it != db.valuestream_end(schema::kSlotDate); ++it) {
        if (signatures.count(it.get_docid())) {
            if (auto day = day_number(*it)) days[it.get_docid()] = *day;
        }
    }
    for (auto it = db.valuestream_begin(schema::kSlotCluster);
         it != db.valuestream_end(schema::kSlotCluster); ++it) {
        auto key = decode_u64(*it);
        auto signature = signatures.find(it.get_docid());
        if (!key || signature == signatures.end()) continue;
        auto day = days.find(it.get_docid());
        add(it.get_docid(), signature->second,
            day == days.end() ? std::nullopt : std::optional<int>(day->second), *key);
    }
}

bool ClusterMap::near(const Entry& e, std::uint64_t signature, int day) const {
    if (signature_distance(signature, e.signature) > kMaxSignatureDistance) return false;
    return day == kUndated || e.day == kUndated || std::abs(day - e.day) <= kMaxDaysApart;
}

std::uint64_t ClusterMap::key_for(std::uint64_t signature, std::optional<int> published) const {
    const int day = published.value_or(kUndated);
    // Nearest distance per candidate cluster.
    std::unordered_map<std::uint64_t, int> nearest;
    for (unsigned block = 0; block < kBlocks; ++block) {
        auto found = blocks_.find(block_key(signature, block));
        if (found == blocks_.end()) continue;
        for (Xapian::docid did : found->second) {
            const Entry& e = docs_[did];
            if (!near(e, signature, day)) continue;
            const int distance = signature_distance(signature, e.signature);
            auto [it, fresh] = nearest.emplace(e.key, distance);
            if (!fresh) it->second = std::min(it->second, distance);
        }
    }
    // Every pair in a cluster is within the distance (no chains of ever less alike articles).
    std::uint64_t best = 0;
    int best_distance = std::numeric_limits<int>::max();
    for (const auto& [key, distance] : nearest) {
        if (distance > best_distance || (distance == best_distance && key > best)) continue;
        const auto& members = members_.at(key);
        bool all_near = std::all_of(members.begin(), members.end(), [&](Xapian::docid did) {
            return near(docs_[did], signature, day);
        });
        if (all_near) {
            best = key;
            best_distance = distance;
        }
    }
    if (best_distance <= kMaxSignatureDistance) return best;
    std::uint64_t key = signature;
    while (members_.count(key))
        ++key;  // a cluster whose article is not near this one already uses the signature
    return key;
}

void ClusterMap::add(Xapian::docid did, std::uint64_t signature, std::optional<int> day,
                     std::uint64_t key) {
    remove(did);
    if (docs_.size() <= did) docs_.resize(std::max<std::size_t>(did + 1, docs_.size() * 3 / 2));
    docs_[did] = Entry{signature, key, day.value_or(kUndated), true};
    for (unsigned block = 0; block < kBlocks; ++block)
        blocks_[block_key(signature, block)].push_back(did);
    members_[key].push_back(did);
}

void ClusterMap::remove(Xapian::docid did) {
    if (did >= docs_.size() || !docs_[did].present) return;
    Entry& e = docs_[did];
    for (unsigned block = 0; block < kBlocks; ++block) {
        auto found = blocks_.find(block_key(e.signature, block));
        erase_value(found->second, did);
        if (found->second.empty()) blocks_.erase(found);
    }
    auto members = members_.find(e.key);
    erase_value(members->second, did);
    if (members->second.empty()) members_.erase(members);
    e.present = false;
}

}  // namespace byline::index
