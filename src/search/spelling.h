#pragma once
// "Did you mean": a query word the index barely knows, next to a spelling it knows well.

#include "search/query_parser.h"

#include <xapian.h>

#include <string>

namespace byline::search {

/// A spelling of word term `term` that the index holds in many more articles: one edit away
/// (two for words of 5+ letters; an edit being an insertion, deletion, substitution or swap of
/// neighbours), in at least 3 articles and 10 times as many as `term`. "" if the word is
/// common, not a word, or has no such neighbour.
std::string better_spelling(const Xapian::Database& db, const std::string& term);

/// The query text with each positive plain word that has a better spelling replaced by it, or ""
/// if no word has one.
std::string spelling_suggestion(const Xapian::Database& db, Analyzer& analyzer,
                                const QueryNode& tree, const std::string& query);

}  // namespace byline::search
