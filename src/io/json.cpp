// The only file that includes nlohmann/json: Byline's JSON output.
#include <byline/extract.h>
#include <byline/output.h>
#include <byline/version.h>

#include <nlohmann/json.hpp>

#include "util/text.h"

#include <algorithm>

namespace byline {

namespace {

// ordered_json keeps the documented key order (query, total, ... hits, facets).
using json = nlohmann::ordered_json;

std::size_t code_points(const std::string& s, std::size_t bytes) {
    return text::count_code_points(std::string_view(s).substr(0, bytes));
}

json highlights_json(const std::string& text, const std::vector<Highlight>& highlights) {
    json out = json::array();
    for (const Highlight& h : highlights) {
        out.push_back({{"start", h.start},
                       {"end", h.end},
                       {"char_start", code_points(text, h.start)},
                       {"char_end", code_points(text, h.end)}});
    }
    return out;
}

json passage_json(const Passage& p) {
    return {{"text", p.text},
            {"start", p.start},
            {"end", p.end},
            {"score", p.score},
            {"cut_before", p.cut_before},
            {"cut_after", p.cut_after},
            {"highlights", highlights_json(p.text, p.highlights)}};
}

json or_null(const std::string& s) {
    return s.empty() ? json(nullptr) : json(s);
}

json hit_json(const Hit& hit, bool collapse) {
    json passages = json::array();
    for (const Passage& p : hit.passages)
        passages.push_back(passage_json(p));
    json out = {{"id", hit.id},
                {"rank", hit.rank},
                {"score", hit.score},
                {"title", hit.title},
                {"title_highlights", highlights_json(hit.title, hit.title_highlights)},
                {"date", or_null(hit.date)},
                {"url", or_null(hit.url)},
                {"source", or_null(hit.source)},
                {"author", or_null(hit.author)},
                {"lang", or_null(hit.lang)},
                {"passages", std::move(passages)}};
    if (collapse) out["duplicates"] = hit.duplicates;
    return out;
}

json passage_hit_json(const PassageHit& hit) {
    json out = {{"rank", hit.rank},
                {"id", hit.id},
                {"article_rank", hit.article_rank},
                {"article_score", hit.article_score},
                {"title", hit.title},
                {"date", or_null(hit.date)},
                {"url", or_null(hit.url)},
                {"source", or_null(hit.source)}};
    json passage = passage_json(hit.passage);
    for (auto it = passage.begin(); it != passage.end(); ++it)
        out[it.key()] = it.value();
    return out;
}

// {"person": [{"value", "count", "undated", "granularity", "buckets": [...]}, ...], ...}
json trends_json(const std::vector<Trend>& trends) {
    json out = json::object();
    for (const Trend& trend : trends) {
        json series = json::array();
        for (const TrendSeries& s : trend.series) {
            json buckets = json::array();
            for (const FacetValue& b : s.buckets)
                buckets.push_back({{"value", b.value}, {"count", b.count}});
            series.push_back({{"value", s.value},
                              {"count", s.count},
                              {"undated", s.undated},
                              {"granularity", trend.granularity},
                              {"buckets", std::move(buckets)}});
        }
        out[trend.name] = std::move(series);
    }
    return out;
}

}  // namespace

std::string to_json(const SearchResult& result, bool pretty) {
    json hits = json::array();
    for (const Hit& hit : result.hits)
        hits.push_back(hit_json(hit, result.collapse));
    json passages = json::array();
    for (const PassageHit& hit : result.passage_hits)
        passages.push_back(passage_hit_json(hit));
    json facets = json::object();
    for (const Facet& facet : result.facets) {
        json values = json::array();
        for (const FacetValue& v : facet.values)
            values.push_back({{"value", v.value}, {"count", v.count}});
        facets[facet.name] = std::move(values);
    }
    json out = {{"query", result.query},
                {"total", result.total},
                {"total_exact", result.total_exact},
                {"took_ms", result.took_ms}};
    if (result.collapse) out["total_articles"] = result.total_articles;
    if (!result.match.empty()) {
        out["match"] = result.match;
        out["all_words"] = result.all_words;
    }
    if (!result.suggestion.empty()) out["suggestion"] = result.suggestion;
    if (result.shards_total)
        out["shards"] = {{"total", result.shards_total}, {"failed", result.shards_failed}};
    // Article search lists hits; passage search lists passages instead.
    if (!result.passage_search)
        out["hits"] = std::move(hits);
    else
        out["passages"] = std::move(passages);
    out["facets"] = std::move(facets);
    json histograms = json::object();
    for (const DateHistogram& h : result.date_histograms) {
        json buckets = json::array();
        for (const FacetValue& b : h.buckets)
            buckets.push_back({{"value", b.value}, {"count", b.count}});
        histograms[h.name] = {{"granularity", h.granularity},
                              {"buckets", std::move(buckets)},
                              {"undated", h.undated}};
    }
    out["date_histograms"] = std::move(histograms);
    if (!result.trends.empty()) out["trends"] = trends_json(result.trends);
    // The replace handler keeps output valid UTF-8 even if stored text were not.
    return out.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

std::string to_json(const DocumentView& d, bool pretty) {
    json entities = json::array();
    for (const EntityMention& e : d.entities) {
        entities.push_back(
            {{"type", e.facet}, {"name", e.name}, {"key", e.key}, {"mentions", e.mentions}});
    }
    json out = {{"id", d.id},
                {"title", d.title},
                {"date", or_null(d.date)},
                {"url", or_null(d.url)},
                {"source", or_null(d.source)},
                {"author", or_null(d.author)},
                {"lang", or_null(d.lang)},
                {"body", d.body},
                {"entities", std::move(entities)},
                {"mentioned_dates", d.mentioned_dates}};
    return out.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

std::string to_json(const IndexInfo& info) {
    json out = {{"status", "ok"},
                {"version", version()},
                {"documents", info.documents},
                {"revision", info.revision}};
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string to_json(const IndexReport& r) {
    nlohmann::ordered_json languages = nlohmann::ordered_json::object();
    for (const auto& [lang, count] : r.languages)
        languages[lang] = count;
    nlohmann::ordered_json facets = nlohmann::ordered_json::object();
    for (const auto& [facet, count] : r.facet_values)
        facets[facet] = count;
    auto or_null = [](const std::string& s) {
        return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
    };
    nlohmann::ordered_json out = {{"path", r.path},
                                  {"format", r.format},
                                  {"version", version()},
                                  {"documents", r.documents},
                                  {"disk_bytes", r.disk_bytes},
                                  {"revision", r.revision},
                                  {"last_commit", or_null(r.last_commit)},
                                  {"languages", languages},
                                  {"first_date", or_null(r.first_date)},
                                  {"last_date", or_null(r.last_date)},
                                  {"undated", r.undated},
                                  {"facet_values", facets},
                                  {"uncompacted", r.uncompacted},
                                  {"uncompacted_share", r.uncompacted_share}};
    if (r.checked) {
        out["check"] = {{"errors", r.check_errors}, {"output", r.check_output}};
    }
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string to_json_line(const Document& d) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();  // id first, as people write it
    for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"id", &d.id},
                                     {"title", &d.title},
                                     {"date", &d.date},
                                     {"source", &d.source},
                                     {"url", &d.url},
                                     {"author", &d.author},
                                     {"lang", &d.lang},
                                     {"body", &d.body}}) {
        if (!value->empty() || key == std::string_view("id")) out[key] = *value;
    }
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string error_json(const std::string& code, const std::string& message, std::size_t position) {
    json error = {{"code", code},
                  {"message", message},
                  {"position", position == std::string::npos ? json(nullptr) : json(position)}};
    return json{{"error", std::move(error)}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string to_json(const Extraction& e) {
    json entities = json::array();
    for (const EntityInfo& m : e.entities) {
        json entity = {{"type", m.type},
                       {"name", m.name},
                       {"text", m.text},
                       {"start", m.start},
                       {"end", m.end}};
        if (m.type == "place") entity["country"] = or_null(m.country);
        entities.push_back(std::move(entity));
    }
    json dates = json::array();
    for (const DateInfo& d : e.dates) {
        json date = {{"value", or_null(d.value)}, {"precision", d.precision}};
        if (!d.end_value.empty()) date["end_value"] = d.end_value;
        date["text"] = d.text;
        date["start"] = d.start;
        date["end"] = d.end;
        dates.push_back(std::move(date));
    }
    json out = {{"id", e.id},
                {"title", e.title},
                {"date", or_null(e.date)},
                {"date_source", or_null(e.date_source)},
                {"lang", or_null(e.lang)},
                {"entities", std::move(entities)},
                {"countries", e.countries},
                {"dates", std::move(dates)}};
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace byline
