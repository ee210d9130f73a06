#include "index/shard_writers.h"

#include <byline/error.h>

#include <utility>

namespace byline::index {

ShardWriters::ShardWriters(std::vector<Xapian::WritableDatabase*> shards) {
    for (Xapian::WritableDatabase* db : shards) {
        lanes_.push_back(std::make_unique<Lane>());
        lanes_.back()->db = db;
    }
    for (auto& lane : lanes_)
        lane->thread = std::thread([this, &lane = *lane] { run(lane); });
}

ShardWriters::~ShardWriters() {
    stop(true);
}

void ShardWriters::put(std::size_t shard, ShardWrite write) {
    rethrow_failure();
    Lane& lane = *lanes_.at(shard);
    std::unique_lock lock(lane.mutex);
    lane.changed.wait(lock, [&] { return lane.queue.size() < kQueuedWrites; });
    lane.queue.push_back(std::move(write));
    lane.changed.notify_all();
}

void ShardWriters::finish() {
    stop(false);
    rethrow_failure();
}

void ShardWriters::stop(bool drop_queued) {
    for (auto& lane : lanes_) {
        std::lock_guard lock(lane->mutex);
        if (drop_queued) lane->queue.clear();
        lane->stopping = true;
        lane->changed.notify_all();
    }
    for (auto& lane : lanes_)
        if (lane->thread.joinable()) lane->thread.join();
}

void ShardWriters::run(Lane& lane) {
    for (;;) {
        ShardWrite write;
        {
            std::unique_lock lock(lane.mutex);
            lane.changed.wait(lock, [&] { return lane.stopping || !lane.queue.empty(); });
            if (lane.queue.empty()) return;  // stopping, and all done
            write = std::move(lane.queue.front());
            lane.queue.pop_front();
            lane.changed.notify_all();  // room for the caller
        }
        try {
            for (Xapian::docid did : write.replaced)
                if (did != write.local) lane.db->delete_document(did);
            lane.db->replace_document(write.local, write.doc);
        } catch (const Xapian::Error& e) {
            fail("cannot write " + write.where + ": " + e.get_msg());
        } catch (const std::exception& e) {
            fail("cannot write " + write.where + ": " + e.what());
        }
        // The document is freed here, on this thread, with its buffers.
    }
}

void ShardWriters::fail(const std::string& message) {
    std::lock_guard lock(failure_mutex_);
    if (failure_.empty()) failure_ = message;
}

void ShardWriters::rethrow_failure() {
    std::lock_guard lock(failure_mutex_);
    if (!failure_.empty()) throw IndexError(failure_);
}

}  // namespace byline::index
