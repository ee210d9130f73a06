#pragma once
// One writer per index: byline-index holds an exclusive lock on FOLDER/byline.lock for as long as
// it writes, compaction included. Xapian's own write lock is let go while the compactor runs and
// the compacted folder is swapped in, so it cannot be the guard.

#include <string>

namespace byline::index {

/// File name of the lock inside an index folder.
inline constexpr const char* kLockFile = "byline.lock";

class IndexLock {
  public:
    IndexLock() = default;
    /// Locks FOLDER/byline.lock (creating FOLDER if needed); throws IndexError naming the process
    /// that holds it. The lock taken is the one still at that path after locking, so a folder
    /// swapped in meanwhile cannot leave two writers each holding a different file.
    explicit IndexLock(const std::string& folder);
    ~IndexLock();
    IndexLock(IndexLock&& other) noexcept;
    IndexLock& operator=(IndexLock&& other) noexcept;
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

    bool held() const { return fd_ >= 0; }

  private:
    int fd_ = -1;
};

}  // namespace byline::index
