#include "xapian_server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <vector>

extern char** environ;

namespace byline::shard {

namespace {

// A port of `host` nothing listens on now (the kernel's pick for port 0).
int free_port(const std::string& host) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.c_str(), "0", &hints, &found) != 0 || !found)
        throw std::runtime_error("cannot resolve " + host);
    int port = -1;
    int fd = ::socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && ::bind(fd, found->ai_addr, found->ai_addrlen) == 0) {
        sockaddr_storage bound{};
        socklen_t len = sizeof bound;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &len) == 0)
            port = ntohs(bound.ss_family == AF_INET6
                             ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                             : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
    }
    if (fd >= 0) ::close(fd);
    ::freeaddrinfo(found);
    if (port <= 0) throw std::runtime_error("no free port on " + host);
    return port;
}

// Whether Xapian's server answers: a whole handshake, which it closes cleanly.
bool accepts(const std::string& host, int port) {
    try {
        Xapian::Remote::open(host, static_cast<unsigned>(port), 1000, 1000).close();
        return true;
    } catch (const Xapian::Error&) {
        return false;
    }
}

}  // namespace

XapianServer::XapianServer(const std::string& path, const std::string& host,
                           double timeout_seconds) {
    const char* program = std::getenv("BYLINE_XAPIAN_TCPSRV");
    const std::string binary = program && *program ? program : "xapian-tcpsrv";
    port_ = free_port(host);
    const std::string ms = std::to_string(static_cast<long>(std::ceil(timeout_seconds * 1000)));
    // A searcher keeps its connection between queries: idle ones are not cut (a day).
    std::vector<std::string> args = {binary,
                                     "--port",
                                     std::to_string(port_),
                                     "--interface",
                                     host,
                                     "--active-timeout",
                                     ms,
                                     "--idle-timeout",
                                     "86400000",
                                     "--quiet",
                                     path};
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group (the children
    // it forks per connection), which must not take this process and its parent along.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    const int rc = ::posix_spawnp(&pid_, binary.c_str(), nullptr, &attr, argv.data(), environ);
    posix_spawnattr_destroy(&attr);
    if (rc != 0)
        throw std::runtime_error("cannot run " + binary + ": " + std::strerror(rc) +
                                 " (apt-get install xapian-tools)");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!accepts(host, port_)) {
        if (!running())
            throw std::runtime_error(binary + " stopped at once (is " + path +
                                     " an index? is port " + std::to_string(port_) + " free?)");
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error(binary + " did not listen on port " + std::to_string(port_));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

XapianServer::~XapianServer() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGTERM);  // its group: the server and the connections it forked
    int status = 0;
    ::waitpid(pid_, &status, 0);
}

bool XapianServer::running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
    }
    return true;
}

}  // namespace byline::shard
