#pragma once
// byline-serve's defence against slow and many clients. cpp-httplib 0.11 gives each connection a
// pool thread and times out each read alone, so a client sending a byte now and then holds a
// thread for ever. GuardedServer runs each connection's keep-alive loop itself, over a stream
// with a deadline for the whole request, and refuses connections beyond its limit at once
// instead of queueing them behind slow ones.

#include <httplib.h>

#include <chrono>
#include <cstddef>

namespace byline::server {

/// How many connections byline-serve holds, and for how long.
struct ConnectionLimits {
    /// Connections served at once (one thread each); more are answered 503 and closed at once.
    std::size_t max_connections = 64;
    /// From a request's first byte to its last (line, headers, body); then 408 and closed.
    /// Writing the answer has as long again, from its first byte.
    std::chrono::seconds request_timeout{10};
    /// An idle connection waits this long for its next request, then is closed.
    std::chrono::seconds keep_alive_timeout{5};
    /// Bytes of one request (line, headers, body); a longer one gets 400 and the connection is
    /// closed.
    std::size_t max_request_bytes = 128 * 1024;
};

/// An httplib::Server whose connections keep to `ConnectionLimits`. Routes, handlers and the
/// other settings are httplib's; its own read and write timeouts are not used.
class GuardedServer : public httplib::Server {
  public:
    explicit GuardedServer(const ConnectionLimits& limits);

  private:
    bool process_and_close_socket(socket_t sock) override;

    ConnectionLimits limits_;
};

}  // namespace byline::server
