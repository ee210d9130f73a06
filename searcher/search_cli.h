#pragma once
// byline-search's options: registered on a CLI::App and filled into a struct, so tests can parse
// argument lists in-process.

#include <byline/searcher.h>

#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <vector>

namespace byline::cli {

struct SearchCommand {
    std::string index_path;
    std::vector<std::string> query_words;
    SearchRequest request;
    std::string format = "terminal";  ///< terminal, json or html
    bool pretty = false;
    std::string color = "auto";
    std::string queries_file;      ///< one query a line, one JSON line each (batch mode)
    bool export_articles = false;  ///< --export: every matching article as a JSON line
    SearcherOptions open;          ///< --partial, --timeout (cluster files)
};

inline void register_search_options(CLI::App& app, SearchCommand& cmd) {
    app.add_option("-i,--index", cmd.index_path,
                   "Index folder, or a cluster file (README: remote shards)")
        ->default_val(".byline-index");
    app.add_flag("--partial", cmd.open.partial,
                 "Cluster: answer from the members that can be reached (the JSON's shards.failed "
                 "says how many could not)");
    app.add_option("--timeout", cmd.open.timeout_seconds,
                   "Cluster: seconds to wait for a remote member, per connection and per answer")
        ->default_val(10)
        ->check(CLI::Range(0.01, 3600.0));
    app.add_option("query", cmd.query_words,
                   "Query (see README: words, \"phrases\", OR, -word, "
                   "field:value, date:FROM..TO, presid*, NEAR/n)");
    app.add_option("-n,--limit", cmd.request.limit, "Hits to show")->default_val(10);
    app.add_option("--offset", cmd.request.offset, "Hits to skip (paging)")->default_val(0);
    app.add_option("--sort", cmd.request.sort, "relevance, date (newest first) or date-asc")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, SortOrder>{{"relevance", SortOrder::relevance},
                                             {"date", SortOrder::date_desc},
                                             {"date-asc", SortOrder::date_asc}},
            CLI::ignore_case));
    // One value per occurrence, so the query after `--place Geneva` stays the query.
    auto one_each = [](CLI::Option* option) { option->allow_extra_args(false); };
    one_each(app.add_option("--person", cmd.request.filters.people,
                            "Only articles mentioning this person (repeatable)"));
    one_each(app.add_option("--place", cmd.request.filters.places,
                            "Only articles mentioning this place (repeatable)"));
    one_each(app.add_option("--org", cmd.request.filters.orgs,
                            "Only articles mentioning this organisation (repeatable)"));
    one_each(app.add_option("--source", cmd.request.filters.sources,
                            "Only articles from this source (repeatable)"));
    one_each(app.add_option("--like", cmd.request.like,
                            "More like this: rank articles by likeness to the article with this "
                            "id (repeatable; a query and filters restrict what is ranked)"));
    one_each(app.add_option("--country", cmd.request.filters.countries,
                            "Only articles about this country: its places or its adjective "
                            "(\"Japanese\") (repeatable; same as country:NAME)"));
    one_each(app.add_option("--facet", cmd.request.facets,
                            "Facet to count (repeatable; default: all but co-mentions); "
                            "co_person, co_place, co_org: who/where/which organisation is named "
                            "in the same sentence as a match"));
    app.add_option("--facet-limit", cmd.request.facet_limit, "Values per facet")->default_val(10);
    one_each(app.add_option("--trend", cmd.request.trends,
                            "Coverage over time of the top values of person, place, org or "
                            "country, at the --date-facet granularity (repeatable)")
                 ->check(CLI::IsMember({"person", "place", "org", "country"})));
    app.add_option("--trend-limit", cmd.request.trend_limit, "Values per --trend")
        ->default_val(5)
        ->check(CLI::Range(1, 100));
    app.add_option("--passages", cmd.request.passages, "Passages per hit")->default_val(2);
    app.add_option("--passage-length", cmd.request.passage_length, "Longest passage in characters")
        ->default_val(300)
        ->check(CLI::Range(20, 100000));
    app.add_option("--queries", cmd.queries_file,
                   "Run each line of FILE as a query in one process, printing one JSON line each")
        ->check(CLI::ExistingFile);
    app.add_option("--since", cmd.request.filters.since,
                   "Published on or after this date (YYYY[-MM[-DD]])");
    app.add_option("--until", cmd.request.filters.until,
                   "Published on or before this date (YYYY[-MM[-DD]])");
    app.add_option("--date-facet", cmd.request.date_facet,
                   "Date histograms by day, week, month or year; none to leave them out")
        ->transform([](std::string v) { return v == "none" ? std::string() : v; })
        ->default_val("month");
    app.add_option("--recency", cmd.request.recency_half_life_days,
                   "Boost newer articles: days after which the boost halves (default off)")
        ->check(CLI::PositiveNumber);
    app.add_option("--lang", cmd.request.language,
                   "Stem query words as this language only (default: the index's languages)");
    app.add_flag("--collapse", cmd.request.collapse,
                 "Same story once: fold near-duplicate articles (wire copies, re-sent and "
                 "corrected versions) under the best-ranked one");
    app.add_flag("--passages-only", cmd.request.passage_search,
                 "Rank the best passages across the results instead of articles");
    app.add_option("--passage-pool", cmd.request.passage_pool,
                   "Articles whose passages compete in --passages-only")
        ->default_val(200)
        ->check(CLI::Range(1, 100000));
    app.add_option("--format", cmd.format, "Output: terminal, json or html")
        ->check(CLI::IsMember({"terminal", "json", "html"}))
        ->default_val("terminal");
    app.add_flag_callback(
        "--json", [&cmd] { cmd.format = "json"; }, "Same as --format json (schema in README)");
    app.add_flag("--pretty", cmd.pretty, "Indent the JSON");
    app.add_flag("--export", cmd.export_articles,
                 "Write every article the query matches (all of them for no query) as JSON Lines "
                 "in byline-index's input format, in index order; the filters apply");
    app.add_option("--color", cmd.color, "Colour: auto, always or never (NO_COLOR is respected)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->default_val("auto");
}

/// The query text: the positional words joined by spaces (filters travel in request.filters).
inline std::string query_text(const SearchCommand& cmd) {
    std::string query;
    for (const std::string& word : cmd.query_words) {
        if (!query.empty()) query += ' ';
        query += word;
    }
    return query;
}

}  // namespace byline::cli
