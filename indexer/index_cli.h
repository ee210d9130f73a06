#pragma once
// byline-index's options: registered on a CLI::App and filled into a struct, so tests can parse
// argument lists in-process.

#include <byline/error.h>
#include <byline/indexer.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace byline::cli {

struct IndexCommand {
    IndexOptions options;
    std::vector<std::string> paths;
    std::vector<std::string> field_mappings;  // NAME=KEY
    bool quiet = false;
    bool compact_always = false;          ///< --compact: compact after the run whatever was written
    bool compact_never = false;           ///< --no-compact: leave the index as written
    bool extract = false;                 ///< print what would be stored, index nothing
    bool json = false;                    ///< with --extract or --info: JSON
    std::vector<std::string> delete_ids;  ///< --delete: ids ("-": one a line from stdin)
    std::string delete_query;             ///< --delete-query
    bool yes = false;                     ///< --yes: delete what the query matches
    bool dry_run = false;                 ///< --dry-run: list what would be deleted
    bool info = false;                    ///< --info: what the index holds
    bool check = false;                   ///< --check: with --info, check the index
    std::string follow;                   ///< --follow FILE: index JSON Lines as it grows
    double commit_interval = 5;           ///< stream: seconds between commits at most

    bool streaming() const { return !follow.empty() || (paths.size() == 1 && paths[0] == "-"); }
    bool deleting() const { return !delete_ids.empty() || !delete_query.empty(); }
};

inline void register_index_options(CLI::App& app, IndexCommand& cmd) {
    app.add_option("-i,--index", cmd.options.index_path, "Index folder (created if missing)")
        ->default_val(".byline-index");
    app.add_option("paths", cmd.paths,
                   "Files or folders to index: .txt .md .jsonl .ndjson .html .htm, also .gz; "
                   "'-' reads JSON Lines from standard input as they come");
    app.add_option("--field", cmd.field_mappings,
                   "Map a JSON Lines key to a document field, e.g. --field body=story "
                   "(fields: id title body date source url author lang)")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_option("--lang", cmd.options.default_language,
                   "Language of documents that do not say (ISO 639-1 code; 'none' for no stemming)")
        ->default_val("en");
    app.add_flag("!--no-detect-language", cmd.options.detect_language,
                 "Do not identify the language of documents that do not say: use --lang");
    app.add_option("--threads", cmd.options.threads, "Threads to use (default: all cores)")
        ->default_val(0);
    app.add_option("--shards", cmd.options.shards,
                   "Make a new index of N article shards, committed and compacted in parallel "
                   "(an existing index keeps its number; searched like one index)")
        ->check(CLI::Range(2u, 64u));
    app.add_option("--memory", cmd.options.memory_mb,
                   "Peak memory to stay under, in MiB: bounds articles in flight, uncommitted "
                   "changes and caches; a larger article is skipped with an error")
        ->default_val(1024)
        ->check(CLI::Range(std::size_t{128}, std::size_t{1} << 30));
    app.add_option(
           "--batch", cmd.options.batch_size,
           "Documents per commit (default: 4% of the index, 256 to 2000, at most 1 MB past 256)")
        ->check(CLI::PositiveNumber);
    app.add_flag("!--no-accent-folding", cmd.options.fold_accents,
                 "Index accented letters as written only");
    app.add_flag("-q,--quiet", cmd.quiet, "Print only errors");
    auto* always = app.add_flag(
        "--compact", cmd.compact_always,
        "Compact the index after the run even if little was written (by default only when the "
        "articles written since the last compaction are a fifth of the index or more)");
    app.add_flag("--no-compact", cmd.compact_never, "Leave the index as written")->excludes(always);
    app.add_option("--entities", cmd.options.extract.entities_file,
                   "File of extra or corrected entities and aliases (format in README)")
        ->check(CLI::ExistingFile);
    app.add_flag("!--no-entities", cmd.options.extract.entities,
                 "Do not look for people, places and organisations");
    app.add_flag("!--no-tagger", cmd.options.extract.tagger,
                 "Find entities with the rules only, without the learned tagger (faster)");
    app.add_flag("!--no-cross-script", cmd.options.extract.cross_script,
                 "Keep entity names in other scripts apart from their Latin spelling");
    app.add_flag("--extract", cmd.extract,
                 "Print each article's entities and dates as JSON Lines; index nothing");
    app.add_flag("--json", cmd.json, "With --extract: JSON Lines (the default); with --info: JSON");
    app.add_option("--delete", cmd.delete_ids,
                   "Delete the articles with these ids ('-': read ids from standard input, one "
                   "a line)")
        ->expected(1, -1);
    app.add_option("--delete-query", cmd.delete_query,
                   "Delete every article this query matches (byline-search's query language; "
                   "a plain sentence means all its words); needs --yes or --dry-run");
    app.add_flag("--yes", cmd.yes, "With --delete-query: do delete");
    app.add_flag("--dry-run", cmd.dry_run,
                 "With --delete or --delete-query: list the ids that would go, delete nothing");
    app.add_flag("--info", cmd.info,
                 "Print what the index holds: articles, size, format, languages, dates, facet "
                 "values, uncompacted share, last commit");
    app.add_flag("--check", cmd.check, "With --info: also check the index's structure and data");
    app.add_option("--follow", cmd.follow,
                   "Index a JSON Lines file and keep indexing lines added to it (like tail -F: "
                   "truncation and rotation are followed) until SIGINT or SIGTERM");
    app.add_option("--commit-interval", cmd.commit_interval,
                   "Reading '-' or --follow: commit at least every SECONDS, so searchers see new "
                   "articles")
        ->default_val(5)
        ->check(CLI::Range(0.05, 86400.0));
}

/// Checks that the options ask for one thing; throws UsageError if not.
inline void check_index_command(const IndexCommand& cmd) {
    const bool has_paths = !cmd.paths.empty();
    const int tasks = (cmd.info ? 1 : 0) + (cmd.deleting() ? 1 : 0) + (cmd.follow.empty() ? 0 : 1) +
                      (has_paths ? 1 : 0);
    if (tasks == 0)
        throw UsageError(
            "nothing to do: give files or folders to index ('-' for standard input), "
            "--follow FILE, --delete ID, --delete-query QUERY or --info");
    if (tasks > 1)
        throw UsageError("paths, --follow, --delete/--delete-query and --info go in separate runs");
    if (std::count(cmd.paths.begin(), cmd.paths.end(), "-") > 0 && cmd.paths.size() > 1)
        throw UsageError("'-' (standard input) is read alone; give files in another run");
    if (cmd.check && !cmd.info) throw UsageError("--check goes with --info");
    if ((cmd.yes || cmd.dry_run) && !cmd.deleting())
        throw UsageError("--yes and --dry-run go with --delete or --delete-query");
    if (!cmd.delete_ids.empty() && !cmd.delete_query.empty())
        throw UsageError("--delete and --delete-query go in separate runs");
    if (cmd.deleting() && cmd.delete_query.find_first_not_of(" \t") == std::string::npos &&
        cmd.delete_ids.empty())
        throw UsageError("--delete-query needs a query (to empty an index, remove its folder)");
    if (cmd.extract && (cmd.info || cmd.deleting() || cmd.streaming()))
        throw UsageError("--extract reads files only");
}

/// Fills options.field_map from NAME=KEY strings; throws UsageError for a bad one.
inline void apply_field_mappings(IndexCommand& cmd) {
    static const std::vector<std::string> kFields = {"id",     "title", "body",   "date",
                                                     "source", "url",   "author", "lang"};
    for (const std::string& mapping : cmd.field_mappings) {
        std::size_t eq = mapping.find('=');
        std::string name = mapping.substr(0, eq);
        if (eq == std::string::npos || eq + 1 == mapping.size() ||
            std::find(kFields.begin(), kFields.end(), name) == kFields.end()) {
            throw UsageError("--field " + mapping +
                             ": want NAME=KEY with NAME one of id, title, "
                             "body, date, source, url, author, lang");
        }
        cmd.options.field_map[name] = mapping.substr(eq + 1);
    }
}

}  // namespace byline::cli
