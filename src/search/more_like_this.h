#pragma once
// More like this: the articles most similar to some given ones, by Xapian's relevance feedback
// (the terms that best tell the given articles from the rest, Enquire::get_eset), with the
// people, places and organisations they mention weighted in.

#include <xapian.h>

#include <string>
#include <vector>

namespace byline::search {

/// A query ranking articles by their likeness to the articles with ids `ids`, which it never
/// matches. Throws UsageError naming an id the index does not hold.
Xapian::Query like_query(const Xapian::Database& db, const std::vector<std::string>& ids);

}  // namespace byline::search
