#include "corpus/line_stream.h"

#include <byline/error.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace byline::corpus {

namespace {

constexpr std::size_t kReadBytes = 64 * 1024;
// A followed file is looked at this often for growth, truncation or rotation.
constexpr std::chrono::milliseconds kFollowPoll{200};

int open_file(const std::string& path) {
    return ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
}

}  // namespace

LineStream LineStream::standard_input(std::size_t max_line_bytes) {
    return LineStream(STDIN_FILENO, "", false, max_line_bytes);
}

LineStream LineStream::file(const std::string& path, bool follow, std::size_t max_line_bytes) {
    int fd = open_file(path);
    if (fd < 0) throw UsageError(path + ": cannot open: " + std::strerror(errno));
    return LineStream(fd, path, follow, max_line_bytes);
}

LineStream::LineStream(int fd, std::string path, bool follow, std::size_t max_line_bytes)
    : fd_(fd),
      path_(std::move(path)),
      name_(path_.empty() ? "<stdin>" : path_),
      follow_(follow),
      max_line_bytes_(max_line_bytes) {}

LineStream::LineStream(LineStream&& other) noexcept
    : fd_(other.fd_),
      path_(std::move(other.path_)),
      name_(std::move(other.name_)),
      follow_(other.follow_),
      max_line_bytes_(other.max_line_bytes_),
      buffer_(std::move(other.buffer_)),
      discarding_(other.discarding_),
      closed_(other.closed_),
      offset_(other.offset_) {
    other.fd_ = -1;
}

LineStream::~LineStream() {
    if (fd_ > STDIN_FILENO) ::close(fd_);
}

// A whole line from the buffer, or a too-long line finished.
bool LineStream::take_line(std::string& out, Status& status) {
    std::size_t end = buffer_.find('\n');
    if (end == std::string::npos) {
        if (buffer_.size() > max_line_bytes_) {  // the rest of it is dropped as it comes
            discarding_ = true;
            buffer_.clear();
        }
        return false;
    }
    const bool dropped = discarding_ || end > max_line_bytes_;
    discarding_ = false;
    if (dropped) {
        status = Status::too_long;
    } else {
        out.assign(buffer_, 0, end);
        if (!out.empty() && out.back() == '\r') out.pop_back();
        status = Status::line;
    }
    buffer_.erase(0, end + 1);
    return true;
}

// Reads what has arrived; false if nothing came within `wait`.
bool LineStream::fill(std::chrono::milliseconds wait) {
    if (!follow_) {
        pollfd p{fd_, POLLIN, 0};
        int ready = ::poll(&p, 1, static_cast<int>(wait.count()));
        if (ready <= 0) return false;  // timeout, or a signal: the caller looks again
    }
    char chunk[kReadBytes];
    ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n > 0) {
        buffer_.append(chunk, static_cast<std::size_t>(n));
        offset_ += n;
        return true;
    }
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return false;
    if (!follow_) {
        closed_ = true;
        return true;
    }
    if (reopen_if_replaced()) return true;
    ::poll(nullptr, 0, static_cast<int>(std::min(wait, kFollowPoll).count()));
    return false;
}

// At the end of a followed file: a shorter file is read again from its top, and a new file at
// the path (the old one rotated away, now read to its end) is opened from its top.
bool LineStream::reopen_if_replaced() {
    struct stat now {};
    struct stat open {};
    if (::fstat(fd_, &open) != 0) return false;
    if (::stat(path_.c_str(), &now) != 0) return false;  // between rotation and creation
    if (now.st_ino != open.st_ino || now.st_dev != open.st_dev) {
        int fd = open_file(path_);
        if (fd < 0) return false;
        ::close(fd_);
        fd_ = fd;
    } else if (open.st_size < offset_) {
        if (::lseek(fd_, 0, SEEK_SET) != 0) return false;
    } else {
        return false;
    }
    offset_ = 0;
    if (discarding_ || !buffer_.empty()) buffer_ += '\n';  // the old file's unended last line
    return true;
}

LineStream::Status LineStream::next(std::string& out, std::chrono::milliseconds wait) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        Status status = Status::waiting;
        if (take_line(out, status)) return status;
        if (closed_) {
            if (buffer_.empty() && !discarding_) return Status::ended;
            buffer_ += '\n';  // the last line, without a line break
            continue;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() < 0) return Status::waiting;
        if (!fill(left) && std::chrono::steady_clock::now() >= deadline) return Status::waiting;
    }
}

}  // namespace byline::corpus
