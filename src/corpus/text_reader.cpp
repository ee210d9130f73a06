// Plain text and Markdown: an optional `Key: value` header block, then a title line and the body.
#include "corpus/corpus.h"
#include "util/text.h"

#include <algorithm>
#include <string_view>

namespace byline::corpus {

namespace {

bool is_blank(std::string_view line) {
    return text::trim(line).empty();
}

// CRLF and lone CR (old Mac files) both end a line.
std::vector<std::string_view> split_lines(std::string_view content) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < content.size(); ++i) {
        if (content[i] != '\n' && content[i] != '\r') continue;
        lines.push_back(content.substr(start, i - start));
        if (content[i] == '\r' && i + 1 < content.size() && content[i + 1] == '\n') ++i;
        start = i + 1;
    }
    if (start < content.size()) lines.push_back(content.substr(start));
    return lines;
}

std::string Document::*header_member(std::string_view key) {
    std::string name(key);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    });
    if (name == "title") return &Document::title;
    if (name == "date") return &Document::date;
    if (name == "source") return &Document::source;
    if (name == "url") return &Document::url;
    if (name == "author") return &Document::author;
    if (name == "language" || name == "lang") return &Document::lang;
    if (name == "id") return &Document::id;
    return nullptr;
}

// The header counts only if every line before the first blank line is a known `Key: value`,
// so a body that opens with "Note: ..." keeps its first line. Returns the lines it used.
std::size_t parse_header(const std::vector<std::string_view>& lines, Document& doc) {
    auto blank = std::find_if(lines.begin(), lines.end(), is_blank);
    if (blank == lines.begin() || blank == lines.end()) return 0;
    Document header;
    for (auto line = lines.begin(); line != blank; ++line) {
        std::size_t colon = line->find(':');
        if (colon == std::string_view::npos) return 0;
        auto member = header_member(text::trim(line->substr(0, colon)));
        if (!member) return 0;
        header.*member = text::trim(line->substr(colon + 1));
    }
    doc = std::move(header);
    return static_cast<std::size_t>(blank - lines.begin()) + 1;
}

std::string markdown_title(std::string_view line) {
    line = text::trim(line);
    line.remove_prefix(std::min(line.find_first_not_of('#'), line.size()));
    line = text::trim(line);
    if (line.size() >= 4 && line.starts_with("**") && line.ends_with("**")) {
        line = text::trim(line.substr(2, line.size() - 4));
    }
    return std::string(line);
}

// A Setext heading is underlined with '=' or '-' on the next line.
bool is_setext_underline(std::string_view line) {
    line = text::trim(line);
    return !line.empty() && (line.find_first_not_of('=') == std::string_view::npos ||
                             line.find_first_not_of('-') == std::string_view::npos);
}

// Lines are joined with "\n", and one blank line stands for one or more between paragraphs.
// A line keeps its indentation where it follows another line: hard-wrapped text needs its
// blank lines and indented paragraph starts to tell a paragraph's end from a wrap
// (analysis/line_wrap.h). Trailing white space goes, and so does indentation after a blank line.
std::string join_paragraphs(const std::vector<std::string_view>& lines, std::size_t from) {
    std::string body;
    bool paragraph_break = true;
    for (std::size_t i = from; i < lines.size(); ++i) {
        if (is_blank(lines[i])) {
            paragraph_break = true;
            continue;
        }
        std::string_view line = lines[i];
        line.remove_suffix(line.size() - line.find_last_not_of(" \t\f\v") - 1);
        if (paragraph_break) line = text::trim(line);
        if (!body.empty()) body += paragraph_break ? "\n\n" : "\n";
        paragraph_break = false;
        body += line;
    }
    return body;
}

// A first line this long is a lead paragraph, not a headline (some scraped articles have none).
constexpr std::size_t kMaxHeadlineChars = 200;
}  // namespace

void read_plain_text(const std::string& content, const std::string& id, const std::string& where,
                     bool markdown, const DocumentSink& on_document) {
    std::vector<std::string_view> lines = split_lines(content);
    Document doc;
    std::size_t next = parse_header(lines, doc);
    while (next < lines.size() && is_blank(lines[next]))
        ++next;
    if (doc.title.empty() && next < lines.size()) {
        // A first line this long is the lead: it stays in the body, and the indexer titles the
        // article with its first sentence (index::complete_title).
        if (text::count_code_points(text::trim(lines[next])) <= kMaxHeadlineChars) {
            doc.title =
                markdown ? markdown_title(lines[next]) : std::string(text::trim(lines[next]));
            ++next;
            if (markdown && next < lines.size() && is_setext_underline(lines[next])) ++next;
        }
    }
    doc.body = join_paragraphs(lines, next);
    if (doc.id.empty()) doc.id = id;
    doc.lang = normalize_language(doc.lang);
    doc.origin = where;
    on_document(std::move(doc));
}

}  // namespace byline::corpus
