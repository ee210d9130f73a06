#include "search/collapse.h"

#include "index/schema.h"
#include "index/simhash.h"

#include <algorithm>

namespace byline::search {

void ClusterSpy::operator()(const Xapian::Document& doc, double) {
    ++seen_;
    // The collapser has just read this slot of the same document: the value is at hand.
    if (auto key = index::decode_u64(doc.get_value(schema::kSlotCluster)))
        keyed_.emplace_back(*key, doc.get_docid());
}

void ClusterSpy::read_all_but(const Xapian::Database& db,
                              const std::vector<Xapian::docid>& unmatched) {
    auto skip = unmatched.begin();
    for (auto it = db.valuestream_begin(schema::kSlotCluster);
         it != db.valuestream_end(schema::kSlotCluster); ++it) {
        const Xapian::docid did = it.get_docid();
        while (skip != unmatched.end() && *skip < did)
            ++skip;
        if (skip != unmatched.end() && *skip == did) continue;
        if (auto key = index::decode_u64(*it)) keyed_.emplace_back(*key, did);
    }
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

std::vector<Xapian::docid> unmatched_articles(const Xapian::Database& db,
                                              const Xapian::Query& matched) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, matched));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(1, db.get_doccount()));
    std::vector<Xapian::docid> out;
    out.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it)
        out.push_back(*it);
    return out;
}

}  // namespace byline::search
