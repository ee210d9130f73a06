#pragma once
// Helpers of the end-to-end tests: run a command line, quote for the shell, call the binaries.

#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

namespace byline::test {

/// What a command printed and how it ended.
struct Run {
    int status = -1;  ///< exit status, or -1 if it did not exit normally
    std::string out, err;
};

/// `s` in single quotes for /bin/sh.
inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

/// Runs `command` through the shell; its stderr goes through a file in `dir`.
inline Run run(const std::string& command, const TempDir& dir) {
    const std::string err_file = dir / "stderr.txt";
    Run r;
    FILE* pipe = popen((command + " 2>" + quote(err_file)).c_str(), "r");
    REQUIRE(pipe);
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;)
        r.out.append(buf, n);
    int raw = pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    std::ifstream in(err_file);
    r.err.assign(std::istreambuf_iterator<char>(in), {});
    return r;
}

/// byline-index on the index `idx` in `dir`, with `args` (already quoted).
inline std::string index_cmd(const TempDir& dir, const std::string& args) {
    return std::string(BYLINE_INDEX_BIN) + " -i " + quote(dir / "idx") + " " + args;
}

/// byline-search on the index `idx` in `dir`, with `args` (already quoted).
inline std::string search_cmd(const TempDir& dir, const std::string& args) {
    return std::string(BYLINE_SEARCH_BIN) + " -i " + quote(dir / "idx") + " " + args;
}

/// byline-search --json for `query` (quoted here) with `extra` options; requires exit 0.
inline nlohmann::json search_json(const TempDir& dir, const std::string& query,
                                  const std::string& extra = "") {
    Run r = run(search_cmd(dir, "--json " + extra + " " + quote(query)), dir);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return nlohmann::json::parse(r.out);
}

}  // namespace byline::test
