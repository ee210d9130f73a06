#pragma once
// SearchRequest::filters joined to the parsed query, so forms, the CLI and the HTTP API filter
// exactly as `person:"..."` in the query text does.

#include <byline/searcher.h>

#include "search/query_parser.h"

#include <string>
#include <string_view>

namespace byline::search {

/// Parses `query` and ANDs the filters to it; same-facet values are alternatives, as when they
/// are written side by side in the query. Throws QueryError for the query, UsageError for a bad
/// filter value.
QueryNode parse_with_filters(std::string_view query, const SearchFilters& filters);

/// The query and filters as one query text ("Witkoff place:\"Geneva\""): what a response
/// reports as its query.
std::string query_with_filters(std::string_view query, const SearchFilters& filters);

}  // namespace byline::search
