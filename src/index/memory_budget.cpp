#include "index/memory_budget.h"

#include <algorithm>

namespace byline::index {

namespace {

constexpr std::size_t kMiB = 1024 * 1024;
constexpr std::size_t kFixedBytes = 48 * kMiB;  // code, entity model and gazetteer, ICU data
constexpr std::size_t kExpansion = 10;          // memory per byte of text, prepared or uncommitted
constexpr std::size_t kFacetEntryBytes = 128;   // a cached facet value and its id

}  // namespace

MemoryBudget memory_budget(std::size_t memory_mb, std::size_t queued_batches) {
    const std::size_t total = std::max(memory_mb, kMinMemoryMb) * kMiB;
    const std::size_t usable = total - kFixedBytes;
    MemoryBudget budget;
    // A quarter each to the pipeline and to Xapian's changes, an eighth to the facet cache; the
    // rest covers the article being read and the allocator's slack.
    budget.batch_text_bytes = usable / 4 / kExpansion / (queued_batches + 2);
    budget.commit_text_bytes = usable / 4 / kExpansion;
    // One article may sit in the reader, the pipeline and Xapian's changes at once.
    budget.max_article_bytes = usable / 4 / kExpansion;
    budget.facet_cache_entries = usable / 8 / kFacetEntryBytes;
    return budget;
}

}  // namespace byline::index
