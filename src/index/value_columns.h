#pragma once
// Value slots of every document of one revision, held in memory. Xapian reads a value stream a
// block at a time with a system call per block, which costs more than what a query does with
// the values; a searcher answering many queries loads the slots it counts from once instead.

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace byline::index {

class ValueColumns {
  public:
    /// Reads the value stream of each of `slots` of `db`; throws IndexError past `max_bytes`
    /// (and past 4 GB a slot).
    ValueColumns(const Xapian::Database& db, const std::vector<Xapian::valueno>& slots,
                 std::size_t max_bytes = SIZE_MAX);

    /// The value of the `column`th slot (index into the constructor's `slots`) of `did`; ""
    /// if none.
    std::string_view value(std::size_t column, Xapian::docid did) const {
        const auto& starts = starts_[column];
        if (std::size_t{did} + 1 >= starts.size()) return {};
        return std::string_view(data_[column]).substr(starts[did], starts[did + 1] - starts[did]);
    }

    /// Bytes held.
    std::size_t bytes() const;

  private:
    // Per column: the values one after another in docid order, and where each docid's starts
    // (an entry per docid up to the last, plus the end).
    std::vector<std::string> data_;
    std::vector<std::vector<std::uint32_t>> starts_;
};

}  // namespace byline::index
