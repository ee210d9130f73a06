#pragma once
/// \file
/// Rendering search results: the stable JSON form, the terminal form and HTML.

#include <byline/inspect.h>
#include <byline/searcher.h>

#include <string>

namespace byline {

/// One JSON document (schema in README.md): query, total, total_exact, took_ms, hits with
/// passages and highlight offsets, facets. Strings are valid UTF-8 whatever the index holds.
std::string to_json(const SearchResult& result, bool pretty = false);

/// A stored article as JSON (docs/schema/document.schema.json).
std::string to_json(const DocumentView& document, bool pretty = false);

/// What an index holds, as JSON (docs/schema/health.schema.json): status "ok", Byline's version,
/// documents, revision.
std::string to_json(const IndexInfo& info);

/// An article as one line of JSON Lines in the input format (id, title, date, source, url,
/// author, lang, body; empty fields left out), which byline-index reads back to the same article.
std::string to_json_line(const Document& document);

/// What an index holds (byline-index --info --json): one JSON object, keys as in IndexReport.
std::string to_json(const IndexReport& report);

/// The same for people: one "name: value" line per item.
std::string to_text(const IndexReport& report);

struct TerminalOptions {
    bool color = false;      ///< ANSI bold/colour; without it matches are marked [like this]
    std::size_t width = 80;  ///< columns of the terminal: date sparklines fit in them
};

/// Human-readable results: ranked hits with highlighted passages (runs of white space shown as
/// one space, so wire copy's indentation and line wraps do not show), then facet counts and
/// date sparklines of at most `options.width` columns.
std::string to_terminal(const SearchResult& result, const TerminalOptions& options);

/// A self-contained HTML page: hits (or ranked passages) with matches in <mark>, all text
/// escaped, then facet counts.
std::string to_html(const SearchResult& result);

/// An error as one JSON object: {"error": {"code", "message", "position"}}; `position` (a byte
/// offset into the query) is null when npos.
std::string error_json(const std::string& code, const std::string& message,
                       std::size_t position = std::string::npos);

/// The bytes of `text` with each highlight wrapped in `open` and `close`.
std::string mark(const std::string& text, const std::vector<Highlight>& highlights,
                 const std::string& open, const std::string& close);

}  // namespace byline
