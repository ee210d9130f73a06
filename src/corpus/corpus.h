#pragma once
// Corpus readers: turn files (plain text, Markdown, JSON Lines, HTML, optionally gzipped) into
// Documents. Invalid bytes become U+FFFD here and nowhere else.

#include <byline/document.h>
#include <byline/indexer.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace byline::corpus {

/// What a reader says about the input besides documents (kinds: warning, skipped, error).
using Diagnostic = byline::Diagnostic;

struct CorpusOptions {
    /// JSON Lines field map: Document field name (id, title, body, date, source, url, author,
    /// lang) -> JSON key to read it from; overrides the common names.
    std::map<std::string, std::string> field_map;
    /// A file (JSON Lines: a line) larger than this is skipped with an error naming it, and a
    /// JSON Lines file is read a piece at a time, so memory stays bounded whatever the input.
    std::size_t max_article_bytes = SIZE_MAX;
};

/// Deepest nesting of '[' and '{' a JSON Lines line may have; deeper lines are an error.
inline constexpr std::size_t kMaxJsonDepth = 64;
/// Deepest HTML element nesting kept; tags nested deeper are dropped (their text is kept).
inline constexpr std::size_t kMaxHtmlDepth = 256;

using DocumentSink = std::function<void(Document&&)>;
using DiagnosticSink = std::function<void(const Diagnostic&)>;

/// Reads every supported file under `paths` (files or directories, recursively, in sorted order)
/// and hands each document to `on_document`. Ids of files found under a directory are relative to
/// that directory; a file named directly uses its file name. Never throws for bad input: problems
/// go to `on_diagnostic` and the rest is still read. Throws UsageError for an unknown field in
/// `options.field_map`; exceptions from the sinks pass through.
void read_corpus(const std::vector<std::string>& paths, const CorpusOptions& options,
                 const DocumentSink& on_document, const DiagnosticSink& on_diagnostic);

/// The format a path is read as, from its extension (".gz" looked through); "" if unsupported.
/// One of "text", "markdown", "jsonl", "html".
std::string format_of(const std::string& path);

/// An ISO 639-1 code for a language tag or English name: "en-US" -> "en", "French" -> "fr".
/// Lowercases what it does not know; "" stays "".
std::string normalize_language(const std::string& name);

/// Reads one file as `format_of(path)`; `id_base` is the id prefix (relative path).
void read_file(const std::string& path, const std::string& id_base, const CorpusOptions& options,
               const DocumentSink& on_document, const DiagnosticSink& on_diagnostic);

// Format readers over already-decoded UTF-8 content; `where` names the source for messages.
void read_plain_text(const std::string& content, const std::string& id, const std::string& where,
                     bool markdown, const DocumentSink& on_document);
void read_json_lines(const std::string& content, const std::string& id_base,
                     const std::string& where, const CorpusOptions& options,
                     const DocumentSink& on_document, const DiagnosticSink& on_diagnostic);
/// JSON Lines read from `path` a piece at a time (lines longer than options.max_article_bytes
/// are skipped); invalid UTF-8 is repaired line by line and reported once for the file.
void stream_json_lines(const std::string& path, const std::string& id_base,
                       const CorpusOptions& options, const DocumentSink& on_document,
                       const DiagnosticSink& on_diagnostic);
/// JSON Lines handed over a line at a time as they arrive (standard input, a growing file):
/// the same reading, repair and messages as a file's lines. Lines without an id get
/// "<where>#<line number>".
class JsonLineStream {
  public:
    JsonLineStream(std::string where, CorpusOptions options, DocumentSink on_document,
                   DiagnosticSink on_diagnostic);
    ~JsonLineStream();
    JsonLineStream(const JsonLineStream&) = delete;
    JsonLineStream& operator=(const JsonLineStream&) = delete;

    /// One line, without its line break.
    void line(std::string text);
    /// A line longer than options.max_article_bytes went by unread: an error naming it.
    void too_long();
    /// After the last line: one warning if lines had to be repaired.
    void finish();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// An HTML page; elements nested deeper than kMaxHtmlDepth lose their tags (a warning says so).
void read_html(const std::string& content, const std::string& id, const std::string& where,
               const DocumentSink& on_document, const DiagnosticSink& on_diagnostic);

}  // namespace byline::corpus
