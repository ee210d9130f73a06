#pragma once
// Xapian's own remote server, xapian-tcpsrv, run as a child process: it answers the ranking and
// document requests of Xapian's remote protocol for the shard (global BM25 statistics included).

#include <sys/types.h>

#include <string>

namespace byline::shard {

class XapianServer {
  public:
    /// Starts `xapian-tcpsrv` (or $BYLINE_XAPIAN_TCPSRV) on a free port of `host` for the
    /// index at `path`; returns once it accepts connections. Throws std::runtime_error naming
    /// what failed (not installed: apt-get install xapian-tools).
    XapianServer(const std::string& path, const std::string& host, double timeout_seconds);
    ~XapianServer();  ///< stops it
    XapianServer(const XapianServer&) = delete;
    XapianServer& operator=(const XapianServer&) = delete;

    int port() const { return port_; }
    /// Whether it still runs (false once it has exited).
    bool running();

  private:
    pid_t pid_ = -1;
    int port_ = 0;
};

}  // namespace byline::shard
