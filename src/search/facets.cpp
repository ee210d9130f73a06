#include "search/facets.h"

#include "index/schema.h"

#include <xapian.h>

#include <algorithm>

namespace byline::search {

void FacetSpy::count(std::string_view value) {
    auto it = counts_.find(value);
    if (it != counts_.end())
        ++it->second;
    else
        counts_.emplace(std::string(value), 1);
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    ++seen_;
    const std::string slot = doc.get_value(slot_);
    if (slot.empty()) return;
    if (slot.find(schema::kFacetSeparator) == std::string::npos) {
        count(slot);
        return;
    }
    values_.clear();
    std::string_view rest(slot);
    while (!rest.empty()) {
        std::size_t cut = std::min(rest.find(schema::kFacetSeparator), rest.size());
        values_.push_back(rest.substr(0, cut));
        rest.remove_prefix(std::min(cut + 1, rest.size()));
    }
    std::sort(values_.begin(), values_.end());
    values_.erase(std::unique(values_.begin(), values_.end()), values_.end());
    for (std::string_view value : values_)
        count(value);
}

std::vector<FacetValue> FacetSpy::top(std::size_t limit) const {
    std::vector<FacetValue> values;
    values.reserve(counts_.size());
    for (const auto& [value, count] : counts_)
        values.push_back({value, count});
    auto better = [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    if (values.size() > limit) {
        std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(limit),
                          values.end(), better);
        values.resize(limit);
    } else {
        std::sort(values.begin(), values.end(), better);
    }
    return values;
}

}  // namespace byline::search
