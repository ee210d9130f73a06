#pragma once
/// \file
/// The library side of byline-shard: what a shard server answers besides Xapian's remote
/// protocol (README: remote shards).

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace byline {

/// Answers a cluster searcher's requests for one index or one shard of a sharded index:
/// GET /hello (what the shard is, and the port of its Xapian remote server) and POST /count
/// (facet counts of the shard's articles a query matches). Safe to call from several threads.
class ShardService {
  public:
    /// Opens the index or shard folder at `path`; throws IndexError if it holds none.
    explicit ShardService(const std::string& path);
    ~ShardService();
    ShardService(const ShardService&) = delete;
    ShardService& operator=(const ShardService&) = delete;

    /// JSON: {"byline_shard": 1, "xapian_port": P, "shard": "K N ID" or "", "documents": N}.
    std::string hello(int xapian_port) const;

    /// The answer to a count request (search/shard_counts.h): the counts, serialised; nothing
    /// when the request names entity aliases by a hash this server was not sent (the searcher
    /// then sends them: HTTP 409). Throws UsageError for a request it cannot read, IndexError if
    /// the shard cannot be read.
    std::optional<std::string> count(std::string_view request) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace byline
