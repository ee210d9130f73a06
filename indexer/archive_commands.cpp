#include "archive_commands.h"

#include <byline/byline.h>

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace byline::cli {

namespace {

std::atomic<bool> stop_requested{false};

extern "C" void request_stop(int) {
    stop_requested.store(true);
}

// SIGINT and SIGTERM end a stream cleanly: what was read is committed.
void stop_on_signals() {
    struct sigaction action {};
    action.sa_handler = request_stop;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocked read returns at once
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

std::vector<std::string> ids_to_delete(const IndexCommand& cmd) {
    std::vector<std::string> ids;
    for (const std::string& id : cmd.delete_ids) {
        if (id != "-") {
            ids.push_back(id);
            continue;
        }
        for (std::string line; std::getline(std::cin, line);) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (!line.empty()) ids.push_back(line);
        }
    }
    return ids;
}

// Commits, compacts when due, and says so unless quiet.
void finish(Indexer& indexer, const IndexCommand& cmd) {
    if (cmd.compact_never) {
        indexer.commit();
    } else if (cmd.compact_always) {
        indexer.compact();
    } else {
        indexer.compact_if_due();
    }
}

}  // namespace

int run_delete(IndexCommand& cmd) {
    const std::string& path = cmd.options.index_path;
    Searcher searcher(path);  // first: a missing index is an error, not a new empty one
    std::vector<std::string> ids = ids_to_delete(cmd);
    std::optional<Indexer> indexer;
    if (!cmd.dry_run) indexer.emplace(cmd.options);  // holds the writer's lock from here on
    if (!cmd.delete_query.empty()) {
        searcher.reopen();  // what is committed now that no other writer can run
        SearchRequest request;
        request.query = cmd.delete_query;
        ids = searcher.matching_ids(request);
        if (!cmd.dry_run && !cmd.yes) {
            std::fprintf(stderr,
                         "byline-index: %zu articles match '%s'; add --yes to delete them "
                         "(--dry-run lists them)\n",
                         ids.size(), cmd.delete_query.c_str());
            return 2;
        }
    }
    if (cmd.dry_run) {
        for (const std::string& id : ids)
            std::cout << id << "\n";
        std::fprintf(stderr, "byline-index: would delete %zu articles (dry run)\n", ids.size());
        return 0;
    }
    std::size_t missing = 0;
    for (const std::string& id : ids) {
        if (indexer->remove(id)) continue;
        ++missing;
        std::fprintf(stderr, "byline-index: error: %s: no article with this id\n", id.c_str());
    }
    finish(*indexer, cmd);
    if (!cmd.quiet) {
        const IndexStats& s = indexer->stats();
        searcher.reopen();
        std::printf("deleted %zu articles from %s (%zu ids not found); %zu articles left\n",
                    s.removed, path.c_str(), missing, searcher.document_count());
    }
    return missing > 0 ? 1 : 0;
}

int run_stream(IndexCommand& cmd) {
    stop_on_signals();
    StreamOptions stream;
    stream.path = cmd.follow.empty() ? "-" : cmd.follow;
    stream.follow = !cmd.follow.empty();
    stream.commit_interval = cmd.commit_interval;
    stream.stop = &stop_requested;
    if (stream.follow && ::access(stream.path.c_str(), R_OK) != 0)  // before an index is made
        throw UsageError(stream.path + ": cannot open: " + std::strerror(errno));
    Indexer indexer(cmd.options);
    indexer.add_stream(stream);
    finish(indexer, cmd);
    const IndexStats& s = indexer.stats();
    if (!cmd.quiet) {
        std::printf("indexed %zu documents (%zu new, %zu replaced) from %s into %s; %zu errors\n",
                    s.indexed, s.added, s.replaced, stream.follow ? stream.path.c_str() : "stdin",
                    cmd.options.index_path.c_str(), s.errors);
    }
    return s.errors > 0 ? 1 : 0;
}

int run_info(const IndexCommand& cmd) {
    IndexReport report = inspect_index(cmd.options.index_path, cmd.check);
    std::cout << (cmd.json ? to_json(report) + "\n" : to_text(report));
    return report.check_errors > 0 ? 1 : 0;
}

}  // namespace byline::cli
