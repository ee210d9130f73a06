#include "searcher_pool.h"

namespace byline::server {

SearcherPool::SearcherPool(const std::string& index_path, std::size_t size,
                           std::chrono::milliseconds refresh)
    : refresh_(refresh),
      status_{Searcher(index_path, SearcherOptions{true, 10}), std::chrono::steady_clock::now()} {
    slots_.reserve(size);
    for (std::size_t i = 0; i < std::max<std::size_t>(size, 1); ++i) {
        slots_.push_back(
            {Searcher(index_path, SearcherOptions{true, 10}), std::chrono::steady_clock::now()});
        free_.push_back(i);
    }
}

SearcherPool::Lease SearcherPool::acquire() {
    std::size_t slot;
    {
        std::unique_lock lock(mutex_);
        available_.wait(lock, [this] { return !free_.empty(); });
        slot = free_.back();
        free_.pop_back();
    }
    Lease lease(*this, slot);
    // Outside the lock: reopening reads the index's version file.
    refresh(slots_[slot], refresh_);
    return lease;
}

IndexInfo SearcherPool::info() {
    std::lock_guard lock(status_mutex_);
    refresh(status_, refresh_);
    return status_.searcher.info();
}

void SearcherPool::refresh(Slot& slot, std::chrono::milliseconds interval) {
    auto now = std::chrono::steady_clock::now();
    if (now - slot.checked >= interval) {
        slot.searcher.reopen();
        slot.checked = now;
    }
}

void SearcherPool::release(std::size_t slot) {
    {
        std::lock_guard lock(mutex_);
        free_.push_back(slot);
    }
    available_.notify_one();
}

SearcherPool::Lease::~Lease() {
    if (pool_) pool_->release(slot_);
}

Searcher& SearcherPool::Lease::operator*() const {
    return pool_->slots_[slot_].searcher;
}

}  // namespace byline::server
