// JSON Lines: one article object per line, fields found under their common names or a field map.
#include "corpus/corpus.h"
#include "corpus/encoding.h"
#include "util/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>

namespace byline::corpus {

namespace {

using nlohmann::json;
using Kind = Diagnostic::Kind;

struct Field {
    const char* name;  // as in CorpusOptions::field_map
    std::string Document::*member;
    std::vector<const char*> keys;  // common JSON keys, first present and non-empty wins
};

const std::vector<Field>& fields() {
    static const std::vector<Field> all = {
        {"id", &Document::id, {"id", "_id", "guid", "uuid"}},
        {"title", &Document::title, {"title", "headline", "name"}},
        {"body",
         &Document::body,
         {"body", "text", "content", "maintext", "article", "description"}},
        {"date",
         &Document::date,
         {"date", "published", "date_publish", "published_at", "pubDate", "datePublished",
          "publication_date"}},
        {"url", &Document::url, {"url", "link", "canonical_url"}},
        {"source",
         &Document::source,
         {"source", "source_domain", "site", "publisher", "source_name"}},
        {"author", &Document::author, {"author", "authors", "byline", "creator"}},
        {"lang", &Document::lang, {"lang", "language"}},
    };
    return all;
}

// Strings as they are; {"name": ...} objects (a publisher, an author) by name; arrays (several
// authors, body paragraphs) joined; numbers only for ids, where feeds often use them.
std::string text_of(const json& value, const Field& field) {
    if (value.is_string()) return std::string(text::trim(value.get_ref<const std::string&>()));
    if (value.is_object()) {
        auto name = value.find("name");
        return name != value.end() && name->is_string()
                   ? std::string(text::trim(name->get_ref<const std::string&>()))
                   : "";
    }
    if (value.is_array()) {
        const char* separator = field.member == &Document::body ? "\n" : ", ";
        std::string joined;
        for (const json& item : value) {
            std::string text = text_of(item, field);
            if (text.empty()) continue;
            if (!joined.empty()) joined += separator;
            joined += text;
        }
        return joined;
    }
    if (value.is_number() && field.member == &Document::id) return value.dump();
    return "";
}

std::string field_text(const json& object, const Field& field, const CorpusOptions& options) {
    auto mapped = options.field_map.find(field.name);
    if (mapped != options.field_map.end()) {
        auto value = object.find(mapped->second);
        return value != object.end() ? text_of(*value, field) : "";
    }
    for (const char* key : field.keys) {
        auto value = object.find(key);
        if (value == object.end()) continue;
        std::string text = text_of(*value, field);
        if (!text.empty()) return text;
    }
    return "";
}

// nlohmann says "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error
// while parsing value - ..."; on a single line only the column and the cause are news.
std::string short_reason(const json::exception& e) {
    std::string reason = e.what();
    for (std::string_view noise : {std::string_view("parse error at line 1, "),
                                   std::string_view("syntax error while parsing value - ")}) {
        if (auto at = reason.find(noise); at != std::string::npos) reason.erase(at, noise.size());
    }
    if (auto bracket = reason.find("] "); reason.starts_with('[') && bracket != std::string::npos)
        reason.erase(0, bracket + 2);
    return reason;
}

// How deep '[' and '{' nest in a JSON text (outside strings). The line is rejected beyond
// kMaxJsonDepth before parsing, so that neither the parser nor text_of() can recurse without
// bound.
std::size_t json_depth(std::string_view line) {
    std::size_t depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

// Returns a problem to report, or "" after handing the line's document over.
std::string read_line(std::string_view line, std::size_t number, const std::string& id_base,
                      const std::string& where, const CorpusOptions& options,
                      const DocumentSink& on_document) {
    if (json_depth(line) > kMaxJsonDepth) {
        return "malformed JSON: nested more than " + std::to_string(kMaxJsonDepth) +
               " levels deep ('[' or '{'); an article is an object of plain fields";
    }
    json value;
    try {
        value = json::parse(line);
    } catch (const json::exception& e) {  // parse errors, and numbers out of range (1e999)
        return "malformed JSON: " + short_reason(e);
    }
    if (!value.is_object()) {
        return std::string("malformed JSON: expected an object, found ") + value.type_name();
    }
    Document doc;
    for (const Field& field : fields())
        doc.*field.member = field_text(value, field, options);
    if (doc.title.empty() && doc.body.empty())
        return "no title or body field; map one with --field body=KEY";
    if (doc.id.empty()) doc.id = doc.url.empty() ? id_base + "#" + std::to_string(number) : doc.url;
    doc.lang = normalize_language(doc.lang);
    doc.origin = where + ":" + std::to_string(number);
    on_document(std::move(doc));
    return "";
}

// Repairs and reads lines one at a time, counting them and what the repairs did.
struct LineReader {
    const std::string& path;
    const std::string& id_base;
    const CorpusOptions& options;
    const DocumentSink& on_document;
    const DiagnosticSink& on_diagnostic;
    std::size_t number = 0;                 // of the last line read
    Encoding encoding = Encoding::unknown;  // decided by the first bytes that tell
    Repair repaired;                        // what the repairs of all lines did

    void read(std::string line) {
        ++number;
        if (text::trim(line).empty()) return;
        if (encoding == Encoding::unknown) encoding = detect_encoding(line);
        Repair repair = repair_utf8(line, encoding);
        repaired.replaced += repair.replaced;
        repaired.transcoded = repaired.transcoded || repair.transcoded;
        std::string problem = read_line(line, number, id_base, path, options, on_document);
        if (!problem.empty()) on_diagnostic({Kind::error, where(), problem});
    }
    void skip_too_long() {
        ++number;
        on_diagnostic({Kind::error, where(), too_large_message(options.max_article_bytes)});
    }
    std::string where() const { return path + ":" + std::to_string(number); }
    // One warning for the whole file, after its lines.
    void report_repairs() const {
        const std::string message = repair_message(repaired);
        if (!message.empty()) on_diagnostic({Kind::warning, path, message});
    }
};

constexpr std::size_t kPieceBytes = 1 << 20;

}  // namespace

// Whole content in memory: the same line reader as a streamed file.
void read_json_lines(const std::string& content, const std::string& id_base,
                     const std::string& where, const CorpusOptions& options,
                     const DocumentSink& on_document, const DiagnosticSink& on_diagnostic) {
    LineReader lines{where, id_base, options, on_document, on_diagnostic};
    for (std::size_t start = 0; start < content.size();) {
        std::size_t end = std::min(content.find('\n', start), content.size());
        lines.read(content.substr(start, end - start));
        start = end + 1;
    }
    lines.report_repairs();
}

void stream_json_lines(const std::string& path, const std::string& id_base,
                       const CorpusOptions& options, const DocumentSink& on_document,
                       const DiagnosticSink& on_diagnostic) {
    FileReader file(path);
    std::string buffer;
    if (file.read(buffer, kPieceBytes) > 0 && looks_binary(buffer)) {
        on_diagnostic({Kind::skipped, path, "binary file, not indexed"});
        return;
    }
    // The first piece decides the encoding of the file, as for a file read whole (up to its
    // last line break, so that a character cut at the end of the piece does not count).
    LineReader lines{path, id_base, options, on_document, on_diagnostic};
    lines.encoding = detect_encoding(std::string_view(buffer).substr(0, buffer.rfind('\n') + 1));
    bool in_long_line = false;  // discarding a line longer than the limit
    for (bool more = true; more;) {
        std::size_t start = 0;
        for (std::size_t end; (end = buffer.find('\n', start)) != std::string::npos;
             start = end + 1) {
            if (in_long_line || end - start > options.max_article_bytes) {
                lines.skip_too_long();
                in_long_line = false;
            } else {
                lines.read(buffer.substr(start, end - start));
            }
        }
        buffer.erase(0, start);
        if (buffer.size() > options.max_article_bytes) {
            in_long_line = true;
            buffer.clear();
        }
        more = file.read(buffer, kPieceBytes) > 0;
    }
    if (in_long_line) {
        lines.skip_too_long();
    } else if (!buffer.empty()) {
        lines.read(std::move(buffer));
    }
    lines.report_repairs();
}

struct JsonLineStream::Impl {
    std::string where;
    CorpusOptions options;
    DocumentSink on_document;
    DiagnosticSink on_diagnostic;
    LineReader lines{where, where, options, on_document, on_diagnostic};
};

JsonLineStream::JsonLineStream(std::string where, CorpusOptions options, DocumentSink on_document,
                               DiagnosticSink on_diagnostic)
    : impl_(new Impl{std::move(where), std::move(options), std::move(on_document),
                     std::move(on_diagnostic)}) {}

JsonLineStream::~JsonLineStream() = default;

void JsonLineStream::line(std::string text) {
    impl_->lines.read(std::move(text));
}

void JsonLineStream::too_long() {
    impl_->lines.skip_too_long();
}

void JsonLineStream::finish() {
    impl_->lines.report_repairs();
}

}  // namespace byline::corpus
