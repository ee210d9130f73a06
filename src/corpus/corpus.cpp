#include "corpus/corpus.h"
#include "util/text.h"

#include "corpus/encoding.h"

#include <byline/error.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <set>
#include <system_error>

namespace byline::corpus {

namespace fs = std::filesystem;

namespace {

using Kind = Diagnostic::Kind;

constexpr const char* kSupported =
    "supported: .txt, .md, .markdown, .jsonl, .ndjson, .html, .htm, each optionally .gz";

void check_field_map(const CorpusOptions& options) {
    static const std::set<std::string> fields = {"id",  "title",  "body",   "date",
                                                 "url", "source", "author", "lang"};
    for (const auto& [field, key] : options.field_map) {
        if (!fields.contains(field)) {
            throw UsageError("unknown document field '" + field +
                             "' in the field map; use id, title, body, date, url, source, "
                             "author or lang");
        }
        if (key.empty()) throw UsageError("no JSON key given for field '" + field + "'");
    }
}

// Exceptions from the caller's sinks (an index that cannot be written, say) must not be mistaken
// for a bad input file, so they travel through the readers wrapped in a type no reader catches.
struct SinkFailure {
    std::exception_ptr error;
};

template <typename Sink>
auto guarded(const Sink& sink) {
    return [&sink](auto&& value) {
        try {
            sink(std::forward<decltype(value)>(value));
        } catch (...) {
            throw SinkFailure{std::current_exception()};
        }
    };
}

std::string reason_of(const InputError& e) {
    std::string message = e.what();
    std::string prefix = e.where() + ": ";
    return message.starts_with(prefix) ? message.substr(prefix.size()) : message;
}

void read_decoded(const std::string& path, const std::string& format, const std::string& id_base,
                  const CorpusOptions& options, const DocumentSink& on_document,
                  const DiagnosticSink& on_diagnostic) {
    if (format == "jsonl") {
        stream_json_lines(path, id_base, options, on_document, on_diagnostic);
        return;
    }
    std::string text;
    try {
        text = read_file_bytes(path, options.max_article_bytes);
    } catch (const TooLarge& e) {
        on_diagnostic({Kind::error, path, too_large_message(e.max_bytes)});
        return;
    }
    if (looks_binary(text)) {
        on_diagnostic({Kind::skipped, path, "binary file, not indexed"});
        return;
    }
    const std::string repaired = repair_message(repair_utf8(text));
    if (!repaired.empty()) on_diagnostic({Kind::warning, path, repaired});
    if (format == "html") {
        read_html(text, id_base, path, on_document, on_diagnostic);
    } else {
        read_plain_text(text, id_base, path, format == "markdown", on_document);
    }
}

struct Found {
    fs::path path;
    std::string id;  // relative to the folder named on the command line
};

// Folder symlinks are not followed (as in recursive_directory_iterator): they can loop. Each
// one is reported, as is a link that leads nowhere or around in a loop.
void walk(const fs::path& folder, const fs::path& root, std::vector<Found>& found,
          const DiagnosticSink& on_diagnostic) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path& path = it->path();
        std::string name = path.filename().string();
        if (name.starts_with('.')) continue;
        std::error_code type_ec;
        const fs::file_status target = fs::status(path, type_ec);
        if (type_ec) {
            on_diagnostic({Kind::error, path.string(), "cannot read: " + type_ec.message()});
        } else if (fs::is_directory(target) && it->is_symlink(type_ec)) {
            on_diagnostic({Kind::skipped, path.string(),
                           "link to a folder, not followed (links can loop); name the folder "
                           "itself to index it"});
        } else if (fs::is_directory(target)) {
            walk(path, root, found, on_diagnostic);
        } else if (fs::is_regular_file(target) && !format_of(name).empty()) {
            found.push_back({path, path.lexically_relative(root).generic_string()});
        }
    }
    if (ec) on_diagnostic({Kind::error, folder.string(), "cannot read folder: " + ec.message()});
}

void read_folder(const fs::path& root, const CorpusOptions& options,
                 const DocumentSink& on_document, const DiagnosticSink& on_diagnostic) {
    std::vector<Found> found;
    walk(root, root, found, on_diagnostic);
    std::sort(found.begin(), found.end(),
              [](const Found& a, const Found& b) { return a.id < b.id; });
    for (const Found& file : found)
        read_file(file.path.string(), file.id, options, on_document, on_diagnostic);
}

}  // namespace

std::string format_of(const std::string& path) {
    std::string name = text::ascii_lower(fs::path(path).filename().string());
    if (name.ends_with(".gz")) name.resize(name.size() - 3);
    std::string ext = fs::path(name).extension().string();
    if (ext == ".txt") return "text";
    if (ext == ".md" || ext == ".markdown") return "markdown";
    if (ext == ".jsonl" || ext == ".ndjson") return "jsonl";
    if (ext == ".html" || ext == ".htm") return "html";
    return "";
}

std::string normalize_language(const std::string& name) {
    static const std::map<std::string, std::string> codes = {
        {"english", "en"}, {"french", "fr"},     {"german", "de"},  {"spanish", "es"},
        {"italian", "it"}, {"portuguese", "pt"}, {"russian", "ru"}, {"ukrainian", "uk"},
        {"chinese", "zh"}, {"japanese", "ja"},   {"thai", "th"},    {"arabic", "ar"},
        {"dutch", "nl"}};
    std::string lang = text::ascii_lower(name);
    lang.erase(0, lang.find_first_not_of(" \t"));
    lang = lang.substr(0, lang.find_first_of(" \t-_"));  // primary subtag of "en-US", "pt_BR"
    auto known = codes.find(lang);
    return known != codes.end() ? known->second : lang;
}

void read_file(const std::string& path, const std::string& id_base, const CorpusOptions& options,
               const DocumentSink& on_document, const DiagnosticSink& on_diagnostic) {
    std::string format = format_of(path);
    if (format.empty()) {
        on_diagnostic({Kind::skipped, path, std::string("unsupported file type; ") + kSupported});
        return;
    }
    try {
        read_decoded(path, format, id_base, options, guarded(on_document), guarded(on_diagnostic));
    } catch (const SinkFailure& failure) {
        std::rethrow_exception(failure.error);
    } catch (const InputError& e) {
        on_diagnostic({Kind::error, e.where(), reason_of(e)});
    } catch (const std::exception& e) {
        on_diagnostic({Kind::error, path, e.what()});
    }
}

void read_corpus(const std::vector<std::string>& paths, const CorpusOptions& options,
                 const DocumentSink& on_document, const DiagnosticSink& on_diagnostic) {
    check_field_map(options);
    for (const std::string& path : paths) {
        std::error_code ec;
        fs::file_status status = fs::status(path, ec);
        if (!fs::exists(status)) {
            if (!ec) ec = std::make_error_code(std::errc::no_such_file_or_directory);
            on_diagnostic({Kind::error, path, "cannot read: " + ec.message()});
        } else if (fs::is_directory(status)) {
            read_folder(path, options, on_document, on_diagnostic);
        } else if (!fs::is_regular_file(status)) {
            on_diagnostic({Kind::error, path, "not a regular file or folder"});
        } else {
            read_file(path, fs::path(path).filename().string(), options, on_document,
                      on_diagnostic);
        }
    }
}

}  // namespace byline::corpus
