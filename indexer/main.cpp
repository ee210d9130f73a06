// byline-index: reads a corpus and builds or updates a Byline index.
// Exit status: 0 all input indexed (warnings allowed), 1 some files or lines could not be read,
// 2 usage error, 3 the index could not be opened or written.
#include <byline/byline.h>

#include "archive_commands.h"
#include "index_cli.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <optional>

namespace {

const char* kind_name(byline::Diagnostic::Kind kind) {
    switch (kind) {
        case byline::Diagnostic::Kind::warning:
            return "warning";
        case byline::Diagnostic::Kind::skipped:
            return "skipped";
        case byline::Diagnostic::Kind::error:
            return "error";
    }
    return "";
}

void print_progress(const byline::IndexStats& s) {
    double mb = static_cast<double>(s.bytes) / 1e6;
    std::fprintf(stderr, "\r%zu documents, %.1f MB, %.0f docs/s   ", s.indexed, mb,
                 s.seconds > 0 ? static_cast<double>(s.indexed) / s.seconds : 0.0);
}

void print_summary(const byline::IndexStats& s, const std::string& index) {
    double mb = static_cast<double>(s.bytes) / 1e6;
    std::printf(
        "indexed %zu documents (%zu new, %zu replaced) into %s; %zu skipped, %zu errors, "
        "%zu warnings; %.1f MB in %.2f s (%.1f MB/s)\n",
        s.indexed, s.added, s.replaced, index.c_str(), s.skipped, s.errors, s.warnings, mb,
        s.seconds, s.seconds > 0 ? mb / s.seconds : 0.0);
}

void print_deferred(const byline::CompactionReport& c, double share) {
    std::printf(
        "compaction deferred: %llu of %llu articles written since the last one (it runs at "
        "%.0f%%; --compact forces it)\n",
        static_cast<unsigned long long>(c.uncompacted),
        static_cast<unsigned long long>(c.documents), share * 100);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Index news articles for byline-search"};
    byline::cli::IndexCommand cmd;
    byline::cli::register_index_options(app, cmd);
    try {
        app.parse(argc, argv);
        byline::cli::apply_field_mappings(cmd);
        byline::cli::check_index_command(cmd);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "byline-index: " << e.what() << " (see byline-index --help)\n";
        return 2;
    } catch (const byline::UsageError& e) {
        std::cerr << "byline-index: " << e.what() << "\n";
        return 2;
    }
    cmd.options.on_diagnostic = [&](const byline::Diagnostic& d) {
        if (cmd.quiet && d.kind != byline::Diagnostic::Kind::error) return;
        if (isatty(STDERR_FILENO)) std::fputs("\r\x1b[K", stderr);
        std::fprintf(stderr, "byline-index: %s: %s: %s\n", kind_name(d.kind), d.where.c_str(),
                     d.message.c_str());
    };
    if (!cmd.quiet && isatty(STDERR_FILENO) && !cmd.extract && !cmd.streaming() &&
        !cmd.deleting() && !cmd.info)
        cmd.options.on_progress = print_progress;
    try {
        if (cmd.info) return byline::cli::run_info(cmd);
        if (cmd.deleting()) return byline::cli::run_delete(cmd);
        if (cmd.streaming()) return byline::cli::run_stream(cmd);
        if (cmd.extract) {
            auto stats = byline::extract_paths(cmd.paths, cmd.options, [](const auto& e) {
                std::cout << byline::to_json(e) << "\n";
            });
            return stats.errors > 0 ? 1 : 0;
        }
        byline::Indexer indexer(cmd.options);
        indexer.add_paths(cmd.paths);
        std::optional<byline::CompactionReport> compaction;
        if (cmd.compact_never || indexer.stats().indexed == 0) {
            indexer.commit();
        } else if (cmd.compact_always) {
            indexer.compact();
        } else {
            compaction = indexer.compact_if_due();
        }
        if (cmd.options.on_progress) std::fputs("\r\x1b[K", stderr);
        if (!cmd.quiet) print_summary(indexer.stats(), cmd.options.index_path);
        if (!cmd.quiet && compaction && !compaction->compacted)
            print_deferred(*compaction, cmd.options.compact_share);
        return indexer.stats().errors > 0 ? 1 : 0;
    } catch (const byline::UsageError& e) {
        std::cerr << "byline-index: " << e.what() << "\n";
        return 2;
    } catch (const byline::QueryError& e) {
        std::cerr << "byline-index: query error: " << e.what() << "\n" << e.caret_diagram() << "\n";
        return 2;
    } catch (const byline::Error& e) {
        std::cerr << "byline-index: " << e.what() << "\n";
        return 3;
    }
}
