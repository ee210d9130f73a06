#pragma once
// How the indexer splits its memory bound (IndexOptions::memory_mb) between the parts that grow
// with the input. Measured on news (bench/scale_bench.sh): an article's prepared Xapian document
// and Xapian's uncommitted changes each take about ten times its text.

#include <cstddef>

namespace byline::index {

struct MemoryBudget {
    std::size_t batch_text_bytes = 0;     ///< text per batch handed to the analysis threads
    std::size_t commit_text_bytes = 0;    ///< text written before a commit is forced
    std::size_t max_article_bytes = 0;    ///< a larger file or JSON line is skipped
    std::size_t facet_cache_entries = 0;  ///< facet ids kept in memory (the rest in the index)
};

inline constexpr std::size_t kMinMemoryMb = 128;

/// The split for `memory_mb` MiB; `queued_batches`: batches the pipeline may hold at once.
MemoryBudget memory_budget(std::size_t memory_mb, std::size_t queued_batches);

}  // namespace byline::index
