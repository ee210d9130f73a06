// Terminal rendering of search results; choosing passages and highlights happens elsewhere.
#include <byline/output.h>

#include "util/text.h"

#include <algorithm>
#include <cstdio>

namespace byline {

namespace {

struct Style {
    std::string bold, dim, mark, title, reset, mark_open, mark_close;
};

Style style_for(bool color) {
    if (color)
        return {"\x1b[1m", "\x1b[2m",    "\x1b[1;33m", "\x1b[1;36m",
                "\x1b[0m", "\x1b[1;33m", "\x1b[0m"};
    return {"", "", "", "", "", "**", "**"};
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
}

// Text on one line: each run of ASCII white space (a wrapped line's break, a wire story's
// paragraph indentation) becomes one space. Only the display changes; JSON keeps the bytes.
std::string one_line(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_space(text[i])) {
            out += text[i];
            continue;
        }
        out += ' ';
        while (i + 1 < text.size() && is_space(text[i + 1]))
            ++i;
    }
    return out;
}

std::size_t columns(const std::string& text) {
    return text::count_code_points(text);
}

std::string format_score(double score) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", score);
    return buf;
}

std::string passage_line(const Passage& p, const Style& s) {
    return std::string(p.cut_before ? "…" : "") +
           one_line(mark(p.text, p.highlights, s.mark_open, s.mark_close)) +
           (p.cut_after ? "…" : "");
}

std::string hit_block(const Hit& hit, const Style& s) {
    std::string out =
        s.bold + std::to_string(hit.rank) + ". " + s.reset + s.title +
        one_line(mark(hit.title, hit.title_highlights, s.mark_open, s.mark_close + s.title)) +
        s.reset + "\n";
    std::string meta = hit.date.empty() ? "undated" : hit.date;
    if (!hit.source.empty()) meta += " · " + hit.source;
    meta += " · " + hit.id + " · score " + format_score(hit.score);
    if (!hit.duplicates.empty())
        meta += " · +" + std::to_string(hit.duplicates.size()) +
                (hit.duplicates.size() == 1 ? " copy" : " copies");
    out += "   " + s.dim + meta + s.reset + "\n";
    for (const Passage& p : hit.passages)
        out += "   " + passage_line(p, s) + "\n";
    return out;
}

std::string passage_hit_block(const PassageHit& hit, const Style& s) {
    std::string out =
        s.bold + std::to_string(hit.rank) + ". " + s.reset + passage_line(hit.passage, s) + "\n";
    std::string meta = s.title + one_line(hit.title) + s.reset + s.dim + " · " +
                       (hit.date.empty() ? "undated" : hit.date);
    if (!hit.source.empty()) meta += " · " + hit.source;
    meta += " · " + hit.id + " · passage score " + format_score(hit.passage.score);
    return out + "   " + meta + s.reset + "\n";
}

std::string summary_line(const SearchResult& result, const Style& s) {
    std::string out = s.bold + std::to_string(result.total) + (result.total_exact ? "" : "+") +
                      (result.total == 1 ? " article" : " articles") + s.reset;
    if (result.collapse) {
        out = s.bold + std::to_string(result.total) + (result.total == 1 ? " story" : " stories") +
              s.reset + " (" + std::to_string(result.total_articles) +
              (result.total_articles == 1 ? " article" : " articles") + ")";
    }
    std::size_t first = 0, last = 0;
    if (!result.hits.empty()) {
        first = result.hits.front().rank;
        last = result.hits.back().rank;
    } else if (!result.passage_hits.empty()) {
        first = result.passage_hits.front().rank;
        last = result.passage_hits.back().rank;
    }
    if (last > 0) {
        out += ", showing " + std::string(result.passage_search ? "passages " : "") +
               std::to_string(first) + "–" + std::to_string(last);
    }
    char took[32];
    std::snprintf(took, sizeof took, " (%.1f ms)", result.took_ms);
    out += s.dim + took + s.reset + "\n";
    if (!result.suggestion.empty())
        out += "Did you mean: " + s.bold + result.suggestion + s.reset + "\n";
    if (result.match == "all" && last > result.total) {
        out += s.dim + "After the " + std::to_string(result.total) +
               " holding every word, articles holding some of them." + s.reset + "\n";
    }
    if (result.match == "partial") {
        out += s.dim + "No article holds every word; ranked by how many of them each holds." +
               s.reset + "\n";
    }
    return out + "\n";
}

// A sparkline keeps at least this many bars, however narrow the terminal.
constexpr std::size_t kMinBars = 10;

// Bar counts: the sum of each run of `per_bar` buckets.
std::vector<std::size_t> bar_counts(const DateHistogram& h, std::size_t per_bar) {
    std::vector<std::size_t> bars((h.buckets.size() + per_bar - 1) / per_bar, 0);
    for (std::size_t i = 0; i < h.buckets.size(); ++i)
        bars[i / per_bar] += h.buckets[i].count;
    return bars;
}

std::string histogram_label(const DateHistogram& h, std::size_t per_bar, std::size_t peak) {
    std::string unit = per_bar > 1 ? std::to_string(per_bar) + " " + h.granularity + "s a bar"
                                   : "by " + h.granularity;
    return " (" + unit + ", peak " + std::to_string(peak) + ")";
}

// "published: 2025-11-20 ▁▁█▂▅ 2025-11-24 (by day, peak 3) · 3 without": one bar per bucket,
// height by count; a bucket with no articles is a dot so gaps stay visible. The line fits in
// `width` columns: with more buckets than room, each bar sums several ("7 days a bar").
std::string histogram_line(const DateHistogram& h, const Style& s, std::size_t width) {
    static const char* const kBars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    std::string tail = h.undated > 0 ? " · " + std::to_string(h.undated) + " without" : "";
    if (h.buckets.empty())
        return s.bold + h.name + ":" + s.reset + " none" + s.dim + tail + s.reset + "\n";
    const std::string first = h.buckets.front().value + " ";
    const std::string last = " " + h.buckets.back().value;
    const std::size_t fixed = columns(h.name + ": " + first + last + tail);
    const std::size_t n = h.buckets.size();
    std::size_t per_bar = 1;
    std::vector<std::size_t> bars;
    std::size_t peak = 0;
    for (;;) {
        bars = bar_counts(h, per_bar);
        peak = *std::max_element(bars.begin(), bars.end());
        std::size_t used = fixed + bars.size() + columns(histogram_label(h, per_bar, peak));
        if (used <= width || bars.size() <= kMinBars || per_bar >= n) break;
        // Jump close to the grouping that fits, then step while the label grows.
        std::size_t room = width > used - bars.size() ? width - (used - bars.size()) : 1;
        per_bar = std::max(per_bar + 1, (n + room - 1) / room);
        if ((n + per_bar - 1) / per_bar < kMinBars) per_bar = (n + kMinBars - 1) / kMinBars;
    }
    std::string out = s.bold + h.name + ":" + s.reset + " " + first;
    for (std::size_t count : bars)
        out += count == 0 ? std::string("·") : kBars[(count * 7 + peak - 1) / peak];
    out += last + s.dim + histogram_label(h, per_bar, peak) + s.reset;
    return out + s.dim + tail + s.reset + "\n";
}

// "person over time (by month, 1987-02 to 1987-10):" then a line per value, the sparklines
// aligned: "  Paul Volcker  ▁▃█▂· (24, peak 9)". Buckets are grouped as in histogram_line when
// there are more than fit.
std::string trend_block(const Trend& trend, const Style& s, std::size_t width) {
    static const char* const kBars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    if (trend.series.empty()) return "";
    std::size_t name_width = 0;
    for (const TrendSeries& series : trend.series)
        name_width = std::max(name_width, std::min<std::size_t>(columns(series.value), 30));
    const std::vector<FacetValue>& first = trend.series.front().buckets;
    const std::size_t n = first.size();
    const std::size_t room = width > name_width + 24 ? width - name_width - 24 : kMinBars;
    const std::size_t per_bar = n == 0 ? 1 : std::max<std::size_t>(1, (n + room - 1) / room);
    std::string out = s.bold + trend.name + " over time" + s.reset + s.dim + " (";
    out += per_bar > 1 ? std::to_string(per_bar) + " " + trend.granularity + "s a bar"
                       : "by " + trend.granularity;
    if (n > 0) out += ", " + first.front().value + " to " + first.back().value;
    out += "):" + s.reset + "\n";
    for (const TrendSeries& series : trend.series) {
        std::string name = one_line(series.value);
        std::size_t used = columns(name);
        while (used > name_width) {  // cut at a code point boundary
            do
                name.pop_back();
            while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80);
            used = columns(name);
        }
        out += "  " + name + std::string(name_width - used, ' ') + "  ";
        std::vector<std::size_t> bars((n + per_bar - 1) / per_bar, 0);
        for (std::size_t i = 0; i < n && i < series.buckets.size(); ++i)
            bars[i / per_bar] += series.buckets[i].count;
        const std::size_t peak = bars.empty() ? 0 : *std::max_element(bars.begin(), bars.end());
        for (std::size_t count : bars)
            out += count == 0 ? std::string("·") : kBars[(count * 7 + peak - 1) / peak];
        out += s.dim + " (" + std::to_string(series.count);
        if (peak > 0) out += ", peak " + std::to_string(peak);
        if (series.undated > 0) out += ", " + std::to_string(series.undated) + " undated";
        out += ")" + s.reset + "\n";
    }
    return out;
}

// A facet's label: a co-mention facet says what it counts.
std::string facet_label(const std::string& name) {
    return name.starts_with("co_") ? name.substr(3) + " named with" : name;
}

}  // namespace

std::string mark(const std::string& text, const std::vector<Highlight>& highlights,
                 const std::string& open, const std::string& close) {
    std::string out;
    std::size_t at = 0;
    for (const Highlight& h : highlights) {
        if (h.start < at || h.end > text.size()) continue;
        out.append(text, at, h.start - at);
        out += open;
        out.append(text, h.start, h.end - h.start);
        out += close;
        at = h.end;
    }
    out.append(text, at, std::string::npos);
    return out;
}

std::string to_terminal(const SearchResult& result, const TerminalOptions& options) {
    Style s = style_for(options.color);
    std::string out = summary_line(result, s);
    for (const Hit& hit : result.hits)
        out += hit_block(hit, s) + "\n";
    for (const PassageHit& hit : result.passage_hits)
        out += passage_hit_block(hit, s) + "\n";
    for (const Facet& facet : result.facets) {
        if (facet.values.empty()) continue;
        out += s.bold + facet_label(facet.name) + ":" + s.reset;
        for (std::size_t i = 0; i < facet.values.size(); ++i) {
            out += (i ? " · " : " ") + one_line(facet.values[i].value) + " " + s.dim + "(" +
                   std::to_string(facet.values[i].count) + ")" + s.reset;
        }
        out += "\n";
    }
    for (const DateHistogram& h : result.date_histograms)
        out += histogram_line(h, s, options.width);
    for (const Trend& trend : result.trends)
        out += trend_block(trend, s, options.width);
    return out;
}

}  // namespace byline

namespace byline {

std::string to_text(const IndexReport& r) {
    auto line = [](std::string& out, const char* name, const std::string& value) {
        char label[24];
        std::snprintf(label, sizeof label, "%-18s", name);
        out += label;
        out += value;
        out += '\n';
    };
    auto join = [](const std::vector<std::pair<std::string, std::size_t>>& items) {
        std::string text;
        for (const auto& [name, count] : items)
            text += (text.empty() ? "" : ", ") + name + " " + std::to_string(count);
        return text.empty() ? std::string("none") : text;
    };
    char size[32];
    std::snprintf(size, sizeof size, "%.1f MB", static_cast<double>(r.disk_bytes) / 1e6);
    char share[48];
    std::snprintf(share, sizeof share, "%llu articles (%.0f%%; compaction at 20%%)",
                  static_cast<unsigned long long>(r.uncompacted), r.uncompacted_share * 100);
    std::string out;
    line(out, "index:", r.path);
    line(out, "articles:", std::to_string(r.documents));
    line(out, "size on disk:", size);
    line(out, "format:", r.format);
    line(out, "last commit:", r.last_commit.empty() ? "unknown" : r.last_commit);
    line(out, "revision:", std::to_string(r.revision));
    line(out, "languages:", join(r.languages));
    line(out, "published:",
         r.first_date.empty() ? "no dates"
                              : r.first_date + " to " + r.last_date + " (" +
                                    std::to_string(r.undated) + " undated)");
    line(out, "facet values:", join(r.facet_values));
    line(out, "uncompacted:", share);
    if (r.checked) {
        line(out,
             "check:", r.check_errors == 0 ? "ok" : std::to_string(r.check_errors) + " problems");
        if (r.check_errors) out += r.check_output;
    }
    return out;
}

}  // namespace byline
