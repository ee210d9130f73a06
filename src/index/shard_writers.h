#pragma once
// One writing thread per article shard of a sharded index: Xapian's per-article work (inverting
// the terms into its buffers, storing values and data) is the part of writing that does not
// split by itself, so each shard's share of it runs on a thread that owns that shard's
// WritableDatabase. The caller decides everything else (docids, sequences, metadata) in input
// order, so a run writes the same index whatever the threads' timing.

#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace byline::index {

/// An article for its shard's thread: the documents `replaced` go (docids of the shard: other
/// holders of the article's id term), and `doc` goes in at `local`, replacing any there.
struct ShardWrite {
    Xapian::docid local = 0;
    Xapian::Document doc;
    std::vector<Xapian::docid> replaced;
    std::string where;  ///< origin, for the error message
};

class ShardWriters {
  public:
    /// Starts a thread per database; each is used by its thread alone until finish().
    explicit ShardWriters(std::vector<Xapian::WritableDatabase*> shards);
    /// Stops the threads; writes still queued are dropped (the caller is unwinding an error).
    ~ShardWriters();
    ShardWriters(const ShardWriters&) = delete;
    ShardWriters& operator=(const ShardWriters&) = delete;

    /// Queues a write for shard `shard` (index into the constructor's list), waiting while that
    /// shard's queue is full. Throws IndexError if an earlier write failed.
    void put(std::size_t shard, ShardWrite write);

    /// Waits until every queued write is done and stops the threads. Throws IndexError for
    /// the first write that failed.
    void finish();

    /// Writes queued per shard before the caller waits for room.
    static constexpr std::size_t kQueuedWrites = 64;

  private:
    struct Lane {
        Xapian::WritableDatabase* db = nullptr;
        std::mutex mutex;
        std::condition_variable changed;
        std::deque<ShardWrite> queue;
        bool stopping = false;
        std::thread thread;
    };
    void run(Lane& lane);
    void fail(const std::string& message);
    void rethrow_failure();
    void stop(bool drop_queued);

    std::vector<std::unique_ptr<Lane>> lanes_;
    std::mutex failure_mutex_;
    std::string failure_;  ///< the first error's message; empty while none
};

}  // namespace byline::index
