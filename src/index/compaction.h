#pragma once
// Rewriting an index with full blocks once a run is done: Xapian's compactor about halves an
// index built in batches, and makes it faster to search.

#include "index/index_lock.h"

#include <string>
#include <vector>

namespace byline::index {

/// Compacts the (closed) index at `path` into PATH.compacting, locks the new copy and swaps it in
/// with one atomic exchange of the two folders (renameat2 RENAME_EXCHANGE), so a reader opening
/// PATH at any moment finds the old index or the new one, never nothing; the old copy is then
/// removed. Returns the lock of the folder now at PATH. Where the file system cannot exchange,
/// PATH goes to PATH.old before the new copy takes its place (readers fall back to PATH.old).
IndexLock compact_index(const std::string& path);

/// Compacts each shard folder of a sharded index (closed) as compact_index() does, one thread
/// a shard; the index folder's own lock, held by the caller, keeps writers out meanwhile.
void compact_shards(const std::vector<std::string>& folders);

/// A compaction cut off between the renames of the fallback (PATH missing, PATH.old present):
/// puts PATH.old back. Call before locking PATH.
void recover_interrupted_swap(const std::string& path);

/// Drops what an interrupted compaction left beside PATH (PATH.compacting, a stale PATH.old).
/// Call with the index locked.
void remove_compaction_leftovers(const std::string& path);

/// The folder a reader should open for `path`: PATH, or PATH.old while a fallback swap is cut
/// off between its renames.
std::string readable_index_folder(const std::string& path);

}  // namespace byline::index
