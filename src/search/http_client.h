#pragma once
// The few HTTP/1.1 requests a searcher makes of a shard server (byline-shard): one request a
// connection, every wait bounded, so a shard that is down or stuck costs at most the timeout.

#include <string>

namespace byline::search {

struct HttpReply {
    int status = 0;
    std::string body;
};

/// Sends `method` `path` (with `body` for a POST) to host:port and reads the whole reply.
/// Throws IndexError naming host:port when it cannot connect, send or read within
/// `timeout_seconds` (each), or the reply is not HTTP.
HttpReply http_request(const std::string& host, int port, const std::string& method,
                       const std::string& path, const std::string& body, double timeout_seconds);

}  // namespace byline::search
