#pragma once
// A query for every document that threads may build at the same time.

#include <xapian.h>

#include <string>

namespace byline::index {

/// Matches every document. Not Xapian::Query::MatchAll: that is one shared static whose
/// reference count is not synchronised, so copying it in several threads at once (a search per
/// thread in byline-serve) can free it under a running search (see xapian/query.h, 1.4).
inline Xapian::Query match_all() {
    return Xapian::Query(std::string());
}

}  // namespace byline::index
