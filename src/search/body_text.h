#pragma once
// An indexed article's body, read piece by piece: the inline part from the document data, the
// rest from metadata chunks fetched only when a passage needs them.

#include "index/stored_doc.h"

#include <xapian.h>

#include <map>
#include <string>

namespace byline::search {

class BodyText {
  public:
    BodyText(const Xapian::Database& db, Xapian::docid did, const index::StoredDoc& stored)
        : db_(db), did_(did), inline_(stored.doc.body), size_(stored.body_size) {}

    /// Bytes [start, end) of the body (clamped to its size).
    std::string slice(std::size_t start, std::size_t end) const;

    std::size_t size() const { return size_; }

  private:
    const std::string& chunk(std::size_t n) const;

    const Xapian::Database& db_;
    Xapian::docid did_;
    const std::string& inline_;
    std::size_t size_;
    mutable std::map<std::size_t, std::string> chunks_;  // fetched chunks, by number
};

}  // namespace byline::search
