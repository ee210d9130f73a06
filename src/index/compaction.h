#pragma once
// Rewriting an index with full blocks once a run is done: Xapian's compactor about halves an
// index built in batches, and makes it faster to search.

#include <string>

namespace byline::index {

/// Compacts the (closed) index at `path` into PATH.compacting, then swaps it in; PATH.old keeps
/// the previous copy until the new one is in place, so an interrupted run loses nothing.
void compact_index(const std::string& path);

/// Undoes a compaction cut off between its renames (PATH missing, PATH.old present) and drops
/// a half-written PATH.compacting.
void recover_interrupted_compaction(const std::string& path);

}  // namespace byline::index
