#pragma once
// A fixed set of Searchers shared by the server's worker threads: a request borrows one, and the
// borrowed searcher first moves to the index's latest commit (at most every refresh interval).
// One more searcher, kept apart, answers info() so /health never waits behind searches.

#include <byline/searcher.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

namespace byline::server {

class SearcherPool {
  public:
    /// Opens `size` searchers on `index_path`; throws IndexError if it cannot be opened.
    SearcherPool(const std::string& index_path, std::size_t size,
                 std::chrono::milliseconds refresh = std::chrono::milliseconds(200));

    /// A borrowed searcher, returned to the pool when it goes out of scope.
    class Lease {
      public:
        Lease(SearcherPool& pool, std::size_t slot) : pool_(&pool), slot_(slot) {}
        Lease(Lease&& other) noexcept : pool_(other.pool_), slot_(other.slot_) {
            other.pool_ = nullptr;
        }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Searcher& operator*() const;
        Searcher* operator->() const { return &**this; }

      private:
        SearcherPool* pool_;
        std::size_t slot_;
    };

    /// Waits for a free searcher, brought up to date with the index.
    Lease acquire();

    std::size_t size() const { return slots_.size(); }

    /// Path, size and revision of the index's latest commit, from a searcher outside the pool:
    /// quick even while every pooled searcher is lent.
    IndexInfo info();

  private:
    struct Slot {
        Searcher searcher;
        std::chrono::steady_clock::time_point checked;
    };
    void release(std::size_t slot);
    static void refresh(Slot& slot, std::chrono::milliseconds interval);

    std::chrono::milliseconds refresh_;
    std::vector<Slot> slots_;
    std::vector<std::size_t> free_;
    std::mutex mutex_;
    std::condition_variable available_;
    Slot status_;  // info()'s own searcher
    std::mutex status_mutex_;
};

}  // namespace byline::server
