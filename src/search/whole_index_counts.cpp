#include "search/whole_index_counts.h"

#include "index/shards.h"

#include <algorithm>

namespace byline::search {

void WholeIndexCounts::at(const Xapian::Database& db) {
    std::pair<std::string, Xapian::rev> state{db.get_uuid(), index::revision(db)};
    if (state == state_) return;
    state_ = std::move(state);
    co_mentions_.clear();
    series_.clear();
}

const CoMentionCounts* WholeIndexCounts::co_mentions(const std::string& signature) const {
    const auto it = co_mentions_.find(signature);
    return it == co_mentions_.end() ? nullptr : &it->second.second;
}

void WholeIndexCounts::keep_co_mentions(const std::string& signature, CoMentionCounts counts) {
    if (co_mentions_.size() >= kMaxCoMentions) {
        co_mentions_.erase(std::min_element(
            co_mentions_.begin(), co_mentions_.end(),
            [](const auto& a, const auto& b) { return a.second.first < b.second.first; }));
    }
    co_mentions_.insert_or_assign(signature, std::pair{kept_++, std::move(counts)});
}

const index::DateHistogramCounter* WholeIndexCounts::series(const std::string& key) const {
    const auto it = series_.find(key);
    return it == series_.end() ? nullptr : &it->second;
}

void WholeIndexCounts::keep_series(const std::string& key, index::DateHistogramCounter counts) {
    if (series_.size() >= kMaxSeries) series_.clear();  // rare: thousands of followed values
    series_.insert_or_assign(key, std::move(counts));
}

}  // namespace byline::search
