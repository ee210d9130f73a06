#include "index/value_columns.h"

#include <byline/error.h>

#include <algorithm>
#include <cstdint>

namespace byline::index {

ValueColumns::ValueColumns(const Xapian::Database& db, const std::vector<Xapian::valueno>& slots,
                           std::size_t max_bytes)
    : data_(slots.size()), starts_(slots.size()) {
    std::size_t held = 0;
    const std::size_t docids = static_cast<std::size_t>(db.get_lastdocid()) + 2;
    for (std::size_t c = 0; c < slots.size(); ++c) {
        std::vector<std::uint32_t>& starts = starts_[c];
        std::string& data = data_[c];
        starts.reserve(docids);
        for (auto it = db.valuestream_begin(slots[c]); it != db.valuestream_end(slots[c]); ++it) {
            const Xapian::docid did = it.get_docid();
            starts.resize(std::max<std::size_t>(starts.size(), did + 1),
                          static_cast<std::uint32_t>(data.size()));
            const std::string value = *it;
            data += value;
            held += value.size();
            if (data.size() > UINT32_MAX || held > max_bytes)
                throw IndexError("values too large to hold in memory");
        }
        starts.resize(docids, static_cast<std::uint32_t>(data.size()));
    }
}

std::size_t ValueColumns::bytes() const {
    std::size_t total = 0;
    for (std::size_t c = 0; c < data_.size(); ++c)
        total += data_[c].capacity() + starts_[c].capacity() * sizeof(std::uint32_t);
    return total;
}

}  // namespace byline::index
