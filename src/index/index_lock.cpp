#include "index/index_lock.h"

#include <byline/error.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

namespace byline::index {

namespace {

std::string holder_of(int fd) {
    char buffer[32] = {};
    ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string pid = n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : "";
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' '))
        pid.pop_back();
    return pid.empty() ? "" : " (process " + pid + ")";
}

bool same_file(int fd, const std::string& path) {
    struct stat opened {
    }, named{};
    return ::fstat(fd, &opened) == 0 && ::stat(path.c_str(), &named) == 0 &&
           opened.st_dev == named.st_dev && opened.st_ino == named.st_ino;
}

}  // namespace

IndexLock::IndexLock(const std::string& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const std::string path = (std::filesystem::path(folder) / kLockFile).string();
    for (int attempt = 0; attempt < 100; ++attempt) {
        int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) {
            throw IndexError(folder +
                             ": cannot create the index's lock file: " + std::strerror(errno));
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int err = errno;
            const std::string holder = holder_of(fd);
            ::close(fd);
            if (err == EWOULDBLOCK) {
                throw IndexError(folder + ": another byline-index is writing this index" + holder +
                                 "; wait for it to finish");
            }
            throw IndexError(folder + ": cannot lock the index: " + std::strerror(err));
        }
        if (same_file(fd, path)) {
            const std::string pid = std::to_string(::getpid()) + "\n";
            if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
                // The pid only makes the message of a second writer friendlier.
            }
            fd_ = fd;
            return;
        }
        ::close(fd);  // a compaction swapped the folder while we locked: lock the new one
    }
    throw IndexError(folder + ": cannot lock the index: it keeps being replaced");
}

IndexLock::~IndexLock() {
    if (fd_ >= 0) ::close(fd_);
}

IndexLock::IndexLock(IndexLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

IndexLock& IndexLock::operator=(IndexLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

}  // namespace byline::index
