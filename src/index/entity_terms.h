#pragma once
// Entity facets of an article: a positional term at each mention (so passages can find the
// sentences that mention a filtered entity), the keys in the facet slot, the mentions stored.

#include <byline/analyzer.h>
#include <byline/extract.h>

#include "index/stored_doc.h"

#include <xapian.h>

#include <vector>

namespace byline::index {

/// `body`: the body's tokens with their index positions (Xapian's are one more).
void add_entities(Xapian::Document& xdoc, const std::vector<EntityInfo>& entities,
                  const std::vector<Token>& body, StoredDoc& stored);

}  // namespace byline::index
