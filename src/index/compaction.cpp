#include "index/compaction.h"

#include <byline/error.h>

#include <xapian.h>

#include <fcntl.h>
#include <stdio.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <exception>
#include <filesystem>
#include <system_error>
#include <thread>

namespace byline::index {

namespace fs = std::filesystem;

namespace {

bool holds_index(const fs::path& folder) {
    std::error_code ec;
    return fs::exists(folder / "iamglass", ec);
}

// Both folders exist; afterwards each has the other's name. False where the file system cannot.
bool exchange(const std::string& a, const std::string& b, std::error_code& ec) {
    if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return true;
    ec = std::error_code(errno, std::generic_category());
    return false;
}

// Two renames: PATH is missing for a moment, and readers use PATH.old meanwhile.
void swap_by_renames(const std::string& path, const std::string& temp) {
    const std::string old = path + ".old";
    std::error_code ec;
    fs::remove_all(old, ec);
    fs::rename(path, old, ec);
    if (ec) {
        fs::remove_all(temp, ec);
        throw IndexError(path +
                         ": cannot swap in the compacted index (it is intact): " + ec.message());
    }
    fs::rename(temp, path, ec);
    if (ec) {
        fs::rename(old, path, ec);  // put the old copy back
        throw IndexError(path + ": cannot swap in the compacted index: " + ec.message());
    }
    fs::remove_all(old, ec);
}

}  // namespace

void recover_interrupted_swap(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec) && holds_index(path + ".old")) fs::rename(path + ".old", path, ec);
}

void remove_compaction_leftovers(const std::string& path) {
    std::error_code ec;
    fs::remove_all(path + ".compacting", ec);
    if (holds_index(path)) fs::remove_all(path + ".old", ec);
}

std::string readable_index_folder(const std::string& path) {
    if (!holds_index(path) && holds_index(path + ".old")) return path + ".old";
    return path;
}

IndexLock compact_index(const std::string& path) {
    const std::string temp = path + ".compacting";
    std::error_code ec;
    fs::remove_all(temp, ec);
    try {
        Xapian::Database(path).compact(temp, Xapian::DBCOMPACT_NO_RENUMBER);
    } catch (const Xapian::Error& e) {
        fs::remove_all(temp, ec);
        throw IndexError(path + ": cannot compact the index (it is intact): " + e.get_msg());
    }
    IndexLock lock(temp);  // held before the new folder takes the index's name
    if (exchange(temp, path, ec)) {
        fs::remove_all(temp, ec);  // the old copy, now under the temporary name
        return lock;
    }
    if (ec != std::errc::invalid_argument && ec != std::errc::function_not_supported) {
        fs::remove_all(temp, ec);
        throw IndexError(path +
                         ": cannot swap in the compacted index (it is intact): " + ec.message());
    }
    swap_by_renames(path, temp);
    return lock;
}

void compact_shards(const std::vector<std::string>& folders) {
    std::vector<std::exception_ptr> failed(folders.size());
    std::atomic<std::size_t> next{0};
    auto work = [&folders, &failed, &next] {
        for (std::size_t k; (k = next++) < folders.size();) {
            try {
                compact_index(folders[k]);  // its lock is let go at once: the caller holds one
            } catch (...) {
                failed[k] = std::current_exception();
            }
        }
    };
    const std::size_t workers =
        std::min<std::size_t>(folders.size(), std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> threads;
    for (std::size_t n = 0; n < workers; ++n)
        threads.emplace_back(work);
    for (std::thread& t : threads)
        t.join();
    for (const std::exception_ptr& e : failed)
        if (e) std::rethrow_exception(e);
}

}  // namespace byline::index
