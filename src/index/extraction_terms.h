#pragma once
// Facets of what the extractor found: for entities and mentioned dates, a positional term at
// each mention (so passages can find the sentences that mention a filtered value) and the
// facet values to count; entity mentions are also stored, to be marked in passages.

#include <byline/analyzer.h>
#include <byline/extract.h>

#include "index/facet_record.h"
#include "index/stored_doc.h"

#include <xapian.h>

#include <vector>

namespace byline::index {

/// `body`: the body's tokens with their index positions (Xapian's are one more). The entity keys
/// and display-name counts go to `facets` (and `stored`).
void add_entities(Xapian::Document& xdoc, const std::vector<EntityInfo>& entities,
                  const std::vector<Token>& body, StoredDoc& stored, FacetValues& facets);

/// The display-name counts an article stored by add_entities() holds, to take them away again.
std::vector<EntityNameCount> entity_name_counts(const StoredDoc& stored);

/// Mentioned dates: XE terms at each mention for its day, month and year (a range: each of its
/// days, up to a month), and the dates in `facets.mentioned`.
void add_mentioned_dates(Xapian::Document& xdoc, const std::vector<DateInfo>& dates,
                         const std::vector<Token>& body, FacetValues& facets);

}  // namespace byline::index
