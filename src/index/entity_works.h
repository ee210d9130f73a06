#pragma once
// Titles of works taken for people or organisations: "Vera Drake" (a film), "The Aviator",
// "Oscar" (an award). The tagger sees a capitalised name where a person or a company would
// stand; the corpus as a whole says otherwise, in the words written next to the name: "film
// Vera Drake", "the movie The Aviator", "Oscar nominations". Read from the index's positional
// entity terms at the end of a run (index/entity_aliases.h hides what this finds).

#include "index/entity_aliases.h"

#include <xapian.h>

#include <string>
#include <unordered_set>
#include <vector>

namespace byline::index {

/// The keys among the 1000 most frequent of `entities` (of facet `facet`, person or org; three
/// articles or more) that name works or awards: at least 15% of their articles (and two)
/// write a work noun just before a mention ("film", "album", "novel"; for persons "band"), or
/// one just after ("series", "console"; for persons "author", "frontman"; for organisations an
/// award noun: "nomination", "winning").
std::unordered_set<std::string> work_titles(const Xapian::Database& db, std::size_t facet,
                                            const std::vector<AliasInput>& entities);

}  // namespace byline::index
