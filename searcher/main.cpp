// byline-search: answers a query over a Byline index, for people (terminal) or programs (--json).
// Exit status: 0 results printed (possibly none), 2 usage or query syntax error, 3 index error.
#include <byline/byline.h>

#include "search_cli.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>

namespace {

bool use_color(const std::string& setting) {
    if (setting == "always") return true;
    if (setting == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

// Columns for the terminal output: COLUMNS when set, else the terminal's own width when stdout
// is one, else 80.
std::size_t terminal_width() {
    if (const char* columns = std::getenv("COLUMNS")) {
        char* end = nullptr;
        long value = std::strtol(columns, &end, 10);
        if (end != columns && *end == '\0' && value > 0) return static_cast<std::size_t>(value);
    }
    winsize size{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
}

int fail(const std::string& message, int status) {
    std::cerr << "byline-search: " << message << "\n";
    return status;
}

}  // namespace

// --queries FILE: every line is a query with the command's options and gets exactly one JSON line,
// so output lines up with input: a bad query prints a JSON error line and the batch goes on; a
// blank line prints a "usage" error line without failing the batch. Returns 2 if a query failed,
// 3 if the index failed on one.
int run_batch(byline::Searcher& searcher, byline::cli::SearchCommand& cmd) {
    std::ifstream in(cmd.queries_file);
    if (!in) return fail("cannot read --queries file " + cmd.queries_file, 2);
    int status = 0;
    std::size_t line_number = 0;
    auto report = [&](const std::string& code, const std::string& message, std::size_t position,
                      int line_status) {
        std::cout << byline::error_json(code, message, position) << "\n";
        std::cerr << "byline-search: " << cmd.queries_file << ":" << line_number << ": " << message
                  << "\n";
        status = std::max(status, line_status);
    };
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {
            report("usage", "empty line: no query", std::string::npos, 0);
            continue;
        }
        cmd.query_words = {line};
        cmd.request.query = byline::cli::query_text(cmd);
        try {
            std::cout << byline::to_json(searcher.search(cmd.request)) << "\n";
        } catch (const byline::QueryError& e) {
            report("query_syntax", e.what(), e.position(), 2);
        } catch (const byline::UsageError& e) {
            report("usage", e.what(), std::string::npos, 2);
        } catch (const byline::Error& e) {
            report("index", e.what(), std::string::npos, 3);
        }
    }
    return status;
}

// --export: the matching articles as JSON Lines on stdout, a count on stderr.
int run_export(byline::Searcher& searcher, const byline::cli::SearchCommand& cmd) {
    std::size_t count = searcher.export_matches(cmd.request, [](const byline::Document& d) {
        std::cout << byline::to_json_line(d) << "\n";
    });
    std::cout.flush();
    if (!std::cout) return fail("cannot write the exported articles", 3);
    std::cerr << "byline-search: exported " << count << " article" << (count == 1 ? "" : "s")
              << "\n";
    return 0;
}

int main(int argc, char** argv) {
    CLI::App app{"Search a Byline index"};
    byline::cli::SearchCommand cmd;
    byline::cli::register_search_options(app, cmd);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return fail(std::string(e.what()) + " (see byline-search --help)", 2);
    }
    cmd.request.query = byline::cli::query_text(cmd);
    cmd.request.partial = cmd.open.partial;
    try {
        byline::Searcher searcher(cmd.index_path, cmd.open);
        if (!cmd.queries_file.empty()) return run_batch(searcher, cmd);
        if (cmd.export_articles) return run_export(searcher, cmd);
        byline::SearchResult result = searcher.search(cmd.request);
        if (cmd.format == "json") {
            std::cout << byline::to_json(result, cmd.pretty) << "\n";
        } else if (cmd.format == "html") {
            std::cout << byline::to_html(result);
        } else {
            std::cout << byline::to_terminal(result, {use_color(cmd.color), terminal_width()});
        }
        return 0;
    } catch (const byline::QueryError& e) {
        if (cmd.format == "json")
            std::cout << byline::error_json("query_syntax", e.what(), e.position()) << "\n";
        return fail(std::string("query error: ") + e.what() + "\n" + e.caret_diagram(), 2);
    } catch (const byline::UsageError& e) {
        if (cmd.format == "json") std::cout << byline::error_json("usage", e.what()) << "\n";
        return fail(e.what(), 2);
    } catch (const byline::Error& e) {
        if (cmd.format == "json") std::cout << byline::error_json("index", e.what()) << "\n";
        return fail(e.what(), 3);
    }
}
