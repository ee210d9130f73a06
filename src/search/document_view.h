#pragma once
// An indexed article as a whole: stored fields, the full body, its entities and mentioned days.

#include <byline/searcher.h>

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>

namespace byline::search {

/// Display name of entity `key` of facet `facet`.
using EntityNamer = std::function<std::string(const std::string& facet, const std::string& key)>;

/// The article whose id is `id`, or nothing.
std::optional<DocumentView> read_document_view(const Xapian::Database& db, const std::string& id,
                                               const EntityNamer& name_of);

}  // namespace byline::search
