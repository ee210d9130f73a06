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
    bool compact_always = false;  ///< --compact: compact after the run whatever was written
    bool compact_never = false;   ///< --no-compact: leave the index as written
    bool extract = false;         ///< print what would be stored, index nothing
    bool json = false;            ///< with --extract: JSON Lines (the only form so far)
};

inline void register_index_options(CLI::App& app, IndexCommand& cmd) {
    app.add_option("-i,--index", cmd.options.index_path, "Index folder (created if missing)")
        ->default_val(".byline-index");
    app.add_option("paths", cmd.paths,
                   "Files or folders to index: .txt .md .jsonl .ndjson .html .htm, also .gz")
        ->required();
    app.add_option("--field", cmd.field_mappings,
                   "Map a JSON Lines key to a document field, e.g. --field body=story "
                   "(fields: id title body date source url author lang)")
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_option("--lang", cmd.options.default_language,
                   "Language of documents that do not say (ISO 639-1 code; 'none' for no stemming)")
        ->default_val("en");
    app.add_option("--threads", cmd.options.threads, "Threads to use (default: all cores)")
        ->default_val(0);
    app.add_option("--memory", cmd.options.memory_mb,
                   "Peak memory to stay under, in MiB: bounds articles in flight, uncommitted "
                   "changes and caches; a larger article is skipped with an error")
        ->default_val(1024)
        ->check(CLI::Range(std::size_t{128}, std::size_t{1} << 30));
    app.add_option("--batch", cmd.options.batch_size, "Documents per commit")
        ->default_val(256)
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
    app.add_flag("--json", cmd.json, "With --extract: JSON Lines output (the default)");
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
