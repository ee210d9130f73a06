#include "http_api.h"

#include <byline/error.h>
#include <byline/output.h>

#include <algorithm>
#include <charconv>
#include <set>

namespace byline::server {

namespace {

const std::set<std::string>& known_parameters() {
    static const std::set<std::string> names = {
        "q",           "offset",   "limit",          "sort",          "facet",
        "facet_limit", "passages", "passage_length", "passages_only", "passage_pool",
        "date_facet",  "recency",  "lang",           "person",        "place",
        "org",         "source",   "since",          "until",         "country",
        "like",        "trend",    "trend_limit",    "collapse",      "partial"};
    return names;
}

const std::string* single(const Params& params, const std::string& name) {
    auto [first, last] = params.equal_range(name);
    if (first == last) return nullptr;
    if (std::next(first) != last) throw UsageError("parameter '" + name + "' is given twice");
    return &first->second;
}

std::vector<std::string> all(const Params& params, const std::string& name) {
    std::vector<std::string> values;
    auto [first, last] = params.equal_range(name);
    for (auto it = first; it != last; ++it)
        values.push_back(it->second);
    return values;
}

std::size_t number(const Params& params, const std::string& name, std::size_t fallback,
                   std::size_t low, std::size_t high) {
    const std::string* text = single(params, name);
    if (!text) return fallback;
    std::size_t value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value < low || value > high) {
        throw UsageError("parameter '" + name + "' must be a whole number from " +
                         std::to_string(low) + " to " + std::to_string(high) + ", not '" + *text +
                         "'");
    }
    return value;
}

bool flag(const Params& params, const std::string& name) {
    const std::string* text = single(params, name);
    if (!text) return false;
    if (*text == "" || *text == "1" || *text == "true" || *text == "yes") return true;
    if (*text == "0" || *text == "false" || *text == "no") return false;
    throw UsageError("parameter '" + name + "' must be true or false, not '" + *text + "'");
}

SortOrder sort_order(const Params& params) {
    const std::string* text = single(params, "sort");
    if (!text || *text == "relevance") return SortOrder::relevance;
    if (*text == "date") return SortOrder::date_desc;
    if (*text == "date-asc") return SortOrder::date_asc;
    throw UsageError("parameter 'sort' must be relevance, date or date-asc, not '" + *text + "'");
}

double positive(const Params& params, const std::string& name) {
    const std::string* text = single(params, name);
    if (!text) return 0;
    double value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || !(value > 0) || value > 1e6)
        throw UsageError("parameter '" + name + "' must be a positive number of days");
    return value;
}

}  // namespace

SearchRequest search_request(const Params& params, const Limits& limits, bool facets_only) {
    for (const auto& [name, value] : params) {
        if (!known_parameters().count(name))
            throw UsageError("unknown parameter '" + name + "' (see README: HTTP API)");
    }
    SearchRequest request;
    if (const std::string* q = single(params, "q")) request.query = *q;
    if (request.query.size() > limits.max_query_bytes)
        throw UsageError("the query is longer than " + std::to_string(limits.max_query_bytes) +
                         " bytes");
    request.filters.people = all(params, "person");
    request.filters.places = all(params, "place");
    request.filters.orgs = all(params, "org");
    request.filters.sources = all(params, "source");
    request.filters.countries = all(params, "country");
    request.like = all(params, "like");
    if (request.like.size() > limits.max_like)
        throw UsageError("like: at most " + std::to_string(limits.max_like) + " articles");
    if (const std::string* v = single(params, "since")) request.filters.since = *v;
    if (const std::string* v = single(params, "until")) request.filters.until = *v;
    request.facets = all(params, "facet");
    request.facet_limit = number(params, "facet_limit", 10, 0, limits.max_facet_limit);
    if (const std::string* v = single(params, "date_facet"))
        request.date_facet = *v == "none" ? "" : *v;
    if (const std::string* v = single(params, "lang")) request.language = *v;
    request.trends = all(params, "trend");
    if (request.trends.size() > 4)
        throw UsageError("trend: at most 4 (person, place, org, country)");
    request.trend_limit = number(params, "trend_limit", 5, 1, limits.max_trend_limit);
    if (facets_only) {
        request.limit = 0;
        request.passages = 0;
        return request;
    }
    request.offset = number(params, "offset", 0, 0, limits.max_offset);
    request.limit = number(params, "limit", 10, 0, limits.max_limit);
    request.sort = sort_order(params);
    request.passages = number(params, "passages", 2, 0, limits.max_passages);
    request.passage_length = number(params, "passage_length", 300, 20, 100000);
    request.passage_search = flag(params, "passages_only");
    request.collapse = flag(params, "collapse");
    request.partial = flag(params, "partial");
    request.passage_pool = number(params, "passage_pool", 200, 1, limits.max_passage_pool);
    request.recency_half_life_days = positive(params, "recency");
    return request;
}

Response error_response(int status, const std::string& code, const std::string& message,
                        std::size_t position) {
    return {status, error_json(code, message, position)};
}

Response Api::run(const Params& params, bool facets_only) {
    try {
        SearchRequest request = search_request(params, limits_, facets_only);
        SearcherPool::Lease searcher = pool_.acquire();
        return {200, to_json(searcher->search(request))};
    } catch (const QueryError& e) {
        return error_response(400, "query_syntax", e.what(), e.position());
    } catch (const UsageError& e) {
        return error_response(400, "usage", e.what());
    } catch (const IndexError& e) {
        return error_response(503, "index", e.what());
    } catch (const std::exception& e) {
        return error_response(500, "internal", e.what());
    }
}

Response Api::search(const Params& params) {
    return run(params, false);
}

Response Api::facets(const Params& params) {
    return run(params, true);
}

Response Api::document(const std::string& id) {
    try {
        SearcherPool::Lease searcher = pool_.acquire();
        std::optional<DocumentView> view = searcher->document(id);
        if (!view) return error_response(404, "not_found", "no document with id '" + id + "'");
        return {200, to_json(*view)};
    } catch (const IndexError& e) {
        return error_response(503, "index", e.what());
    } catch (const std::exception& e) {
        return error_response(500, "internal", e.what());
    }
}

Response Api::health() {
    try {
        return {200, to_json(pool_.info())};
    } catch (const IndexError& e) {
        return error_response(503, "index", e.what());
    }
}

}  // namespace byline::server
