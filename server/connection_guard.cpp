#include "connection_guard.h"

#include "http_api.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

namespace byline::server {
namespace {

using Clock = std::chrono::steady_clock;

enum class Wait { ready, expired, stopped, failed };

// Waits until `sock` is ready for `events` or `deadline` passes. Given the server's listening
// socket, the wait also ends within 100 ms of the server stopping (stop() invalidates it).
Wait wait_for(socket_t sock, short events, Clock::time_point deadline,
              const std::atomic<socket_t>* listener) {
    for (;;) {
        if (listener && *listener == INVALID_SOCKET) return Wait::stopped;
        auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return Wait::expired;
        pollfd fd{sock, events, 0};
        int ready = ::poll(&fd, 1, static_cast<int>(std::min<decltype(left)>(left, 100)));
        if (ready > 0) return Wait::ready;
        if (ready < 0 && errno != EINTR) return Wait::failed;
    }
}

void socket_address(socket_t sock, bool peer, std::string& ip, int& port) {
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    auto* any = reinterpret_cast<sockaddr*>(&address);
    if ((peer ? ::getpeername(sock, any, &length) : ::getsockname(sock, any, &length)) != 0) return;
    std::array<char, NI_MAXHOST> host{};
    std::array<char, NI_MAXSERV> service{};
    if (::getnameinfo(any, length, host.data(), host.size(), service.data(), service.size(),
                      NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
        ip = host.data();
        port = std::atoi(service.data());
    }
}

// One connection's bytes under deadlines: reading a request, then writing its answer, each have
// request_timeout. Reads go through a buffer, as httplib reads request lines a byte at a time.
class ConnectionStream : public httplib::Stream {
  public:
    ConnectionStream(socket_t sock, const ConnectionLimits& limits,
                     const std::atomic<socket_t>& listener)
        : sock_(sock), limits_(limits), listener_(listener) {}

    /// Waits up to the keep-alive timeout for the next request's first byte, then starts its
    /// deadline. False: the client went quiet or left, or the server is stopping.
    bool next_request() {
        phase_ = Phase::reading;
        request_bytes_ = 0;
        if (begin_ == end_) {
            deadline_ = Clock::now() + limits_.keep_alive_timeout;
            if (wait(POLLIN) != Wait::ready) return false;
        }
        deadline_ = Clock::now() + limits_.request_timeout;
        return true;
    }

    /// The connection can carry no further request.
    bool broken() const { return failure_ != Failure::none; }
    /// A request was not read whole by its deadline, and nothing has been answered.
    bool request_timed_out() const { return failure_ == Failure::read_timeout; }

    ssize_t read(char* ptr, size_t size) override {
        if (begin_ == end_) {
            ssize_t received = receive();
            if (received <= 0) return received;
        }
        size_t n = std::min(size, end_ - begin_);
        std::memcpy(ptr, buffer_.data() + begin_, n);
        begin_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        if (!can_answer()) return -1;
        if (phase_ == Phase::reading) {
            phase_ = Phase::writing;
            deadline_ = Clock::now() + limits_.request_timeout;
        }
        for (;;) {
            if (wait(POLLOUT) != Wait::ready) return fail(Failure::gone);
            ssize_t sent = ::send(sock_, ptr, size, MSG_DONTWAIT | MSG_NOSIGNAL);
            if (sent >= 0) return sent;
            if (errno != EAGAIN && errno != EINTR) return fail(Failure::gone);
        }
    }

    bool is_readable() const override { return begin_ != end_ || wait(POLLIN) == Wait::ready; }
    bool is_writable() const override { return can_answer() && wait(POLLOUT) == Wait::ready; }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        socket_address(sock_, true, ip, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        socket_address(sock_, false, ip, port);
    }
    socket_t socket() const override { return sock_; }

  private:
    enum class Phase { reading, writing };
    enum class Failure { none, too_long, read_timeout, gone };

    // Stopping the server cuts short a request being read, not an answer being written.
    Wait wait(short events) const {
        return wait_for(sock_, events, deadline_, phase_ == Phase::reading ? &listener_ : nullptr);
    }
    ssize_t fail(Failure failure) {
        failure_ = failure;
        return -1;
    }
    // A request too long still gets httplib's 400; after the others nothing can be answered.
    bool can_answer() const { return failure_ == Failure::none || failure_ == Failure::too_long; }

    // Refills the empty buffer: bytes received, 0 at the end of the stream, -1 on failure.
    ssize_t receive() {
        for (;;) {
            if (broken()) return -1;
            Wait waited = wait(POLLIN);
            if (waited != Wait::ready) {
                return fail(waited == Wait::expired ? Failure::read_timeout : Failure::gone);
            }
            ssize_t received = ::recv(sock_, buffer_.data(), buffer_.size(), MSG_DONTWAIT);
            if (received < 0 && (errno == EAGAIN || errno == EINTR)) continue;
            if (received < 0) return fail(Failure::gone);
            request_bytes_ += static_cast<size_t>(received);
            if (request_bytes_ > limits_.max_request_bytes) return fail(Failure::too_long);
            begin_ = 0;
            end_ = static_cast<size_t>(received);
            return received;
        }
    }

    socket_t sock_;
    const ConnectionLimits& limits_;
    const std::atomic<socket_t>& listener_;
    Phase phase_ = Phase::reading;
    Failure failure_ = Failure::none;
    Clock::time_point deadline_;
    size_t request_bytes_ = 0;
    std::array<char, 4096> buffer_;
    size_t begin_ = 0;
    size_t end_ = 0;
};

// Set while the accepting thread refuses a connection: process_and_close_socket answers 503.
thread_local bool refusing = false;

// httplib's thread pool, holding at most as many connections as it has threads: one more is
// refused on the accepting thread at once instead of waiting behind connections that may be slow.
class ConnectionQueue : public httplib::TaskQueue {
  public:
    explicit ConnectionQueue(std::size_t threads) : threads_(threads), pool_(threads) {}

    void enqueue(std::function<void()> serve) override {
        if (held_ >= threads_) {
            refusing = true;
            serve();
            refusing = false;
            return;
        }
        ++held_;  // only this (the accepting) thread adds, so the check above holds
        pool_.enqueue([this, serve = std::move(serve)] {
            serve();
            --held_;
        });
    }
    void shutdown() override { pool_.shutdown(); }

  private:
    std::size_t threads_;
    std::atomic<std::size_t> held_{0};  // connections queued or being served
    httplib::ThreadPool pool_;
};

// A whole response with the API's JSON error body, for the answers httplib does not write.
std::string raw_response(int status, const char* reason, const char* code, const char* message) {
    std::string body = error_response(status, code, message).body;
    return "HTTP/1.1 " + std::to_string(status) + " " + reason +
           "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// Best effort, never blocking: the client may not be reading.
void send_now(socket_t sock, const std::string& response) {
    char unread[4096];  // what the client sent already, so closing does not reset the connection
    while (::recv(sock, unread, sizeof(unread), MSG_DONTWAIT) > 0) {
    }
    (void)::send(sock, response.data(), response.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

}  // namespace

GuardedServer::GuardedServer(const ConnectionLimits& limits) : limits_(limits) {
    // httplib listens with a backlog of 5, so in a burst of connections (8 clients will do) the
    // kernel drops SYNs, and each dropped client waits a second or more before it is served or
    // refused. httplib makes the task queue as it starts accepting, its socket bound and listening
    // by then, so the accept queue is deepened here: listen() on a listening socket only changes
    // the backlog.
    new_task_queue = [this] {
        ::listen(svr_sock_, SOMAXCONN);
        return new ConnectionQueue(limits_.max_connections);
    };
    set_keep_alive_timeout(limits.keep_alive_timeout.count());  // httplib's Keep-Alive header
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
    bool served = false;
    if (refusing) {
        static const std::string busy = raw_response(503, "Service Unavailable", "busy",
                                                     "too many connections; try again shortly");
        send_now(sock, busy);
    } else {
        ConnectionStream stream(sock, limits_, svr_sock_);
        bool open = true;
        for (std::size_t left = keep_alive_max_count_; open && left > 0 && stream.next_request();
             --left) {
            bool closed = false;
            served = process_request(stream, left == 1, closed, nullptr);
            open = served && !closed && !stream.broken();
        }
        if (stream.request_timed_out()) {
            static const std::string timeout = raw_response(408, "Request Timeout", "timeout",
                                                            "the request did not arrive in time");
            send_now(sock, timeout);
        }
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return served;
}

}  // namespace byline::server
