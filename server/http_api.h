#pragma once
// byline-serve's endpoints, independent of the HTTP library: query parameters in, status and
// JSON out, so they are tested without a socket.

#include <byline/searcher.h>

#include "searcher_pool.h"

#include <map>
#include <string>

namespace byline::server {

/// Query-string parameters, decoded; a name may repeat (facet=person&facet=place).
using Params = std::multimap<std::string, std::string>;

struct Response {
    int status = 200;
    std::string body;  ///< JSON
};

/// Largest values the API accepts, so one request cannot ask for unbounded work.
struct Limits {
    std::size_t max_limit = 100;          ///< hits per page
    std::size_t max_offset = 100000;      ///< deepest page start
    std::size_t max_passages = 10;        ///< passages per hit
    std::size_t max_facet_limit = 1000;   ///< values per facet
    std::size_t max_like = 10;            ///< articles `like` may name
    std::size_t max_trend_limit = 20;     ///< values per trend
    std::size_t max_passage_pool = 2000;  ///< articles whose passages compete
    std::size_t max_query_bytes = 4096;
};

/// The SearchRequest that /search (or, with `facets_only`, /facets) parameters describe; throws
/// UsageError naming a bad or unknown parameter.
SearchRequest search_request(const Params& params, const Limits& limits, bool facets_only);

class Api {
  public:
    Api(SearcherPool& pool, Limits limits = {}) : pool_(pool), limits_(limits) {}

    Response search(const Params& params);     ///< GET /search
    Response facets(const Params& params);     ///< GET /facets: counts only, over q (default: all)
    Response document(const std::string& id);  ///< GET /doc/{id}
    Response health();                         ///< GET /health

  private:
    Response run(const Params& params, bool facets_only);

    SearcherPool& pool_;
    Limits limits_;
};

/// An error response: {"error": {code, message, position}} with the matching HTTP status.
Response error_response(int status, const std::string& code, const std::string& message,
                        std::size_t position = std::string::npos);

}  // namespace byline::server
