#pragma once
// byline-index's runs besides indexing files: deleting, streaming and inspecting. Each returns
// the program's exit status (see main.cpp).

#include "index_cli.h"

namespace byline::cli {

/// --delete ID... or --delete-query QUERY (with --yes or --dry-run).
int run_delete(IndexCommand& cmd);

/// '-' (standard input) or --follow FILE, until the input ends or SIGINT/SIGTERM.
int run_stream(IndexCommand& cmd);

/// --info [--check] [--json].
int run_info(const IndexCommand& cmd);

}  // namespace byline::cli
