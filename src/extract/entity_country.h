#pragma once
// The countries an article is about: each place's country (a city in context: "Salvador" in a
// story about Bahia cocoa is in Brazil) and the countries nationality adjectives name
// ("Japanese officials"), for the `country` facet.

#include "extract/entity_extractor.h"

#include <string>
#include <string_view>
#include <vector>

namespace byline::extract {

class Gazetteer;

/// Sets the `country` of each place in `mentions` and returns the countries the article is
/// about, first met first: those named (by a place or an adjective) in its lead or three times.
/// A place whose name several countries have takes the one the rest of the article points to,
/// else the country of the most populous place of that name. Countries take the name they had
/// on `date` (the publication day, ISO; "" for today's).
std::vector<std::string> assign_countries(const Gazetteer& gazetteer, std::string_view body,
                                          std::string_view date,
                                          std::vector<EntityMention>& mentions);

}  // namespace byline::extract
