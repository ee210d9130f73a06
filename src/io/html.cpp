// HTML rendering of search results: escaped text, matches in <mark>, one self-contained page.
#include <byline/output.h>

#include <cstdio>

namespace byline {

namespace {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// Escapes each piece separately so a highlight never splits an entity.
std::string marked(const std::string& text, const std::vector<Highlight>& highlights) {
    std::string out;
    std::size_t at = 0;
    for (const Highlight& h : highlights) {
        if (h.start < at || h.end > text.size()) continue;
        out += escape(std::string_view(text).substr(at, h.start - at));
        out +=
            "<mark>" + escape(std::string_view(text).substr(h.start, h.end - h.start)) + "</mark>";
        at = h.end;
    }
    return out + escape(std::string_view(text).substr(at));
}

std::string passage_html(const Passage& p) {
    return "<p class=\"passage\">" + std::string(p.cut_before ? "…" : "") +
           marked(p.text, p.highlights) + (p.cut_after ? "…" : "") + "</p>\n";
}

std::string meta_html(const std::string& date, const std::string& source, const std::string& id) {
    std::string meta = date.empty() ? "undated" : date;
    if (!source.empty()) meta += " · " + source;
    return "<p class=\"meta\">" + escape(meta) + " · <code>" + escape(id) + "</code></p>\n";
}

std::string title_html(const std::string& title, const std::vector<Highlight>& highlights,
                       const std::string& url) {
    std::string inner = marked(title, highlights);
    if (!url.empty()) inner = "<a href=\"" + escape(url) + "\">" + inner + "</a>";
    return "<h2>" + inner + "</h2>\n";
}

std::string facets_html(const std::vector<Facet>& facets) {
    std::string out;
    for (const Facet& facet : facets) {
        if (facet.values.empty()) continue;
        out += "<section class=\"facet\"><h3>" + escape(facet.name) + "</h3><ul>\n";
        for (const FacetValue& v : facet.values)
            out +=
                "<li>" + escape(v.value) + " <span>(" + std::to_string(v.count) + ")</span></li>\n";
        out += "</ul></section>\n";
    }
    return out;
}

}  // namespace

std::string to_html(const SearchResult& result) {
    std::string out =
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>" +
        escape(result.query) +
        " — Byline</title>\n"
        "<style>body{font-family:sans-serif;max-width:50em;margin:auto;padding:1em}"
        "mark{background:#ffe066}.meta{color:#666;font-size:90%}</style>\n</head><body>\n";
    char took[64];
    std::snprintf(took, sizeof took, " (%.1f ms)", result.took_ms);
    out += "<p class=\"summary\">" + std::to_string(result.total) +
           (result.total_exact ? "" : "+") + (result.total == 1 ? " article" : " articles") + took +
           "</p>\n<ol class=\"results\">\n";
    for (const Hit& hit : result.hits) {
        out += "<li class=\"hit\">" + title_html(hit.title, hit.title_highlights, hit.url) +
               meta_html(hit.date, hit.source, hit.id);
        for (const Passage& p : hit.passages)
            out += passage_html(p);
        out += "</li>\n";
    }
    for (const PassageHit& hit : result.passage_hits) {
        out += "<li class=\"passage-hit\">" + passage_html(hit.passage) +
               title_html(hit.title, {}, hit.url) + meta_html(hit.date, hit.source, hit.id) +
               "</li>\n";
    }
    out += "</ol>\n" + facets_html(result.facets);
    for (const DateHistogram& h : result.date_histograms) {
        out += "<section class=\"dates\"><h3>" + escape(h.name) + " (by " + escape(h.granularity) +
               ")</h3><ul>\n";
        for (const FacetValue& b : h.buckets)
            out +=
                "<li>" + escape(b.value) + " <span>(" + std::to_string(b.count) + ")</span></li>\n";
        out += "</ul></section>\n";
    }
    return out + "</body></html>\n";
}

}  // namespace byline
