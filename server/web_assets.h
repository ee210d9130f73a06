#pragma once
// The web page's files (web/), compiled into byline-serve by cmake/embed_assets.cmake.

#include <string_view>

namespace byline::server {

struct Asset {
    std::string_view path;          ///< URL path: "/", "/app.js", ...
    std::string_view content_type;  ///< with charset for text
    std::string_view body;
};

/// The asset served at `path`, or nullptr.
const Asset* find_asset(std::string_view path);

}  // namespace byline::server
