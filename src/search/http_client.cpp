#include "search/http_client.h"

#include <byline/error.h>

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>

namespace byline::search {

namespace {

// Facet counts of every value of a shard: a few MB for millions of entities. A server that sends
// more is not one of ours.
constexpr std::size_t kMaxReply = std::size_t{256} << 20;

class Socket {
  public:
    explicit Socket(int fd) : fd_(fd) {}
    ~Socket() {
        if (fd_ >= 0) ::close(fd_);
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return fd_; }

  private:
    int fd_;
};

// Waits until `fd` is ready for `events`; false on timeout.
bool wait_for(int fd, short events, int timeout_ms) {
    pollfd p{fd, events, 0};
    int n;
    do {
        n = ::poll(&p, 1, timeout_ms);
    } while (n < 0 && errno == EINTR);
    return n > 0;
}

// Connects within the timeout to the first address of host:port that answers.
int connect_to(const std::string& host, int port, int timeout_ms, std::string& why) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found)) {
        why = ::gai_strerror(rc);
        return -1;
    }
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> list(found, ::freeaddrinfo);
    why = "no address";
    for (addrinfo* a = found; a; a = a->ai_next) {
        int fd =
            ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
        if (fd < 0) continue;
        if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0 ||
            (errno == EINPROGRESS && wait_for(fd, POLLOUT, timeout_ms))) {
            int error = 0;
            socklen_t len = sizeof error;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len);
            if (error == 0) return fd;
            why = std::strerror(error);
        } else {
            why = errno == EINPROGRESS ? "timed out" : std::strerror(errno);
        }
        ::close(fd);
    }
    return -1;
}

}  // namespace

HttpReply http_request(const std::string& host, int port, const std::string& method,
                       const std::string& path, const std::string& body, double timeout_seconds) {
    const std::string where = host + ":" + std::to_string(port);
    const int timeout_ms = static_cast<int>(std::ceil(timeout_seconds * 1000));
    std::string why;
    Socket socket(connect_to(host, port, timeout_ms, why));
    if (socket.fd() < 0) throw IndexError(where + ": cannot connect: " + why);
    std::string request = method + " " + path + " HTTP/1.1\r\nHost: " + where +
                          "\r\nConnection: close\r\nContent-Type: application/octet-stream\r\n"
                          "Content-Length: " +
                          std::to_string(body.size()) + "\r\n\r\n" + body;
    for (std::size_t sent = 0; sent < request.size();) {
        if (!wait_for(socket.fd(), POLLOUT, timeout_ms))
            throw IndexError(where + ": timed out sending a request");
        const ssize_t n =
            ::send(socket.fd(), request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EINTR)
            throw IndexError(where + ": cannot send: " + std::strerror(errno));
        if (n > 0) sent += static_cast<std::size_t>(n);
    }
    std::string reply;
    char buffer[65536];
    for (;;) {
        if (!wait_for(socket.fd(), POLLIN, timeout_ms))
            throw IndexError(where + ": no answer within " + std::to_string(timeout_seconds) +
                             " s");
        const ssize_t n = ::recv(socket.fd(), buffer, sizeof buffer, 0);
        if (n == 0) break;
        if (n < 0 && errno != EAGAIN && errno != EINTR)
            throw IndexError(where + ": cannot read the answer: " + std::strerror(errno));
        if (n > 0) reply.append(buffer, static_cast<std::size_t>(n));
        if (reply.size() > kMaxReply)
            throw IndexError(where + ": answer over " + std::to_string(kMaxReply >> 20) + " MB");
    }
    // "HTTP/1.1 200 OK\r\n" headers "\r\n\r\n" body (the server sends Content-Length and closes).
    const std::size_t head_end = reply.find("\r\n\r\n");
    if (reply.compare(0, 5, "HTTP/") != 0 || head_end == std::string::npos ||
        reply.find(' ') == std::string::npos)
        throw IndexError(where + ": not a Byline shard server (no HTTP answer)");
    HttpReply out;
    out.status = std::atoi(reply.c_str() + reply.find(' ') + 1);
    out.body = reply.substr(head_end + 4);
    return out;
}

}  // namespace byline::search
