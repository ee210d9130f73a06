#pragma once
// Document-level coreference: a lone surname takes the full name used elsewhere in the
// article ("Witkoff" → "Steve Witkoff"), which beats a same-named city or a guessed type.

#include "extract/entity_chunker.h"

#include <vector>

namespace byline::extract {

/// Resolves `cands` in place (unresolved unknowns are removed) and returns every name the
/// document established, by key, for the headline scan.
KnownEntities resolve_coreference(const ChunkContext& c, std::vector<Candidate>& cands);

/// Whether `name` starts with a known given name that is not also a common word ("Neil
/// Jordan", "Roberto Duran"; not "Both Labour", "Will Power").
bool starts_with_given_name(const ChunkContext& c, std::string_view name);

/// Whether the word before `cand` makes it a place ("in Jordan", "to Jordan", a country in
/// brackets after a name), not a person of that surname.
bool after_place_word(const ChunkContext& c, const Candidate& cand);

}  // namespace byline::extract
