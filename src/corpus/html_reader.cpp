// HTML articles: metadata from <meta>/<link>/<title>, text from the article element, parsed by
// gumbo (the HTML5 algorithm, so tag soup and entities come out as a browser would see them).
#include "corpus/corpus.h"
#include "corpus/encoding.h"
#include "corpus/html_depth.h"
#include "util/text.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <map>
#include <memory>
#include <string_view>

namespace byline::corpus {

namespace {

struct OutputDeleter {
    void operator()(GumboOutput* output) const {
        gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
};

bool is_element(const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

const GumboVector& children_of(const GumboNode* node) {
    return node->v.element.children;
}

const GumboNode* child(const GumboVector& children, unsigned i) {
    return static_cast<const GumboNode*>(children.data[i]);
}

std::string attribute(const GumboNode* node, const char* name) {
    const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr ? attr->value : "";
}

// Page furniture and non-text content, left out of the article text.
constexpr std::array kExcluded = {
    GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,  GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_NAV,
    GUMBO_TAG_HEADER, GUMBO_TAG_FOOTER, GUMBO_TAG_ASIDE,    GUMBO_TAG_FORM,     GUMBO_TAG_SVG,
    GUMBO_TAG_MATH,   GUMBO_TAG_BUTTON, GUMBO_TAG_IFRAME};

// Elements whose boundaries end a paragraph.
constexpr std::array kBlocks = {
    GUMBO_TAG_P,       GUMBO_TAG_DIV,     GUMBO_TAG_H1,      GUMBO_TAG_H2,         GUMBO_TAG_H3,
    GUMBO_TAG_H4,      GUMBO_TAG_H5,      GUMBO_TAG_H6,      GUMBO_TAG_LI,         GUMBO_TAG_BR,
    GUMBO_TAG_TR,      GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_PRE,
    GUMBO_TAG_DD,      GUMBO_TAG_DT,      GUMBO_TAG_UL,      GUMBO_TAG_OL,         GUMBO_TAG_DL,
    GUMBO_TAG_TABLE,   GUMBO_TAG_MAIN,    GUMBO_TAG_FIGURE,  GUMBO_TAG_FIGCAPTION, GUMBO_TAG_HR,
    GUMBO_TAG_ADDRESS, GUMBO_TAG_BODY};

template <std::size_t N>
bool is_one_of(GumboTag tag, const std::array<GumboTag, N>& tags) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// HTML whitespace rules: runs of spaces collapse to one, and block boundaries end a paragraph
// (one "\n", never an empty line).
class TextBuilder {
  public:
    void text(std::string_view text) {
        for (char c : text) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                space_ = true;
                continue;
            }
            if (space_ && !at_line_start()) out_ += ' ';
            space_ = false;
            out_ += c;
        }
    }
    void space() { space_ = true; }
    void paragraph_break() {
        if (!at_line_start()) out_ += '\n';
        space_ = false;
    }
    std::string take() {
        paragraph_break();
        if (!out_.empty()) out_.pop_back();
        return std::move(out_);
    }

  private:
    bool at_line_start() const { return out_.empty() || out_.back() == '\n'; }
    std::string out_;
    bool space_ = false;
};

void append_text(const GumboNode* node, TextBuilder& out) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        out.text(node->v.text.text);
    } else if (node->type == GUMBO_NODE_WHITESPACE) {
        out.space();
    }
    if (!is_element(node) || is_one_of(node->v.element.tag, kExcluded)) return;
    GumboTag tag = node->v.element.tag;
    bool block = is_one_of(tag, kBlocks);
    bool cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
    if (block) out.paragraph_break();
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i)
        append_text(child(children, i), out);
    if (block) out.paragraph_break();
    if (cell) out.space();
}

std::string text_of(const GumboNode* node) {
    TextBuilder out;
    append_text(node, out);
    return out.take();
}

std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n') c = ' ';
    return text;
}

struct Page {
    std::map<std::string, std::string> meta;  // lowercased property/name/itemprop -> content
    std::string title;                        // <title>
    std::string h1;                           // the first <h1>
    std::string canonical;                    // <link rel=canonical href>
    std::string item_date;                    // itemprop=datePublished on any element
    std::vector<const GumboNode*> articles;
    const GumboNode* main = nullptr;
    const GumboNode* body = nullptr;
};

void collect_meta(const GumboNode* node, Page& page) {
    TextBuilder collapsed;
    collapsed.text(attribute(node, "content"));
    std::string content = collapsed.take();
    if (content.empty()) return;
    for (const char* key : {"property", "name", "itemprop"}) {
        std::string name = text::ascii_lower(attribute(node, key));
        if (!name.empty()) page.meta.emplace(name, content);  // the first one wins
    }
}

void note_element(const GumboNode* node, Page& page) {
    const GumboElement& element = node->v.element;
    bool html = element.tag_namespace == GUMBO_NAMESPACE_HTML;
    if (element.tag == GUMBO_TAG_META) collect_meta(node, page);
    if (element.tag == GUMBO_TAG_TITLE && html && page.title.empty())
        page.title = one_line(text_of(node));
    if (element.tag == GUMBO_TAG_H1 && page.h1.empty()) page.h1 = one_line(text_of(node));
    if (element.tag == GUMBO_TAG_LINK && page.canonical.empty() &&
        text::ascii_lower(attribute(node, "rel")) == "canonical")
        page.canonical = attribute(node, "href");
    if (element.tag == GUMBO_TAG_ARTICLE) page.articles.push_back(node);
    if (element.tag == GUMBO_TAG_MAIN && !page.main) page.main = node;
    if (element.tag == GUMBO_TAG_BODY && !page.body) page.body = node;
    if (page.item_date.empty() &&
        text::ascii_lower(attribute(node, "itemprop")) == "datepublished") {
        for (std::string value :
             {attribute(node, "content"), attribute(node, "datetime"), one_line(text_of(node))}) {
            if (!value.empty()) {
                page.item_date = value;
                break;
            }
        }
    }
}

void collect(const GumboNode* node, Page& page) {
    if (!is_element(node)) return;
    note_element(node, page);
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i)
        collect(child(children, i), page);
}

std::string first_meta(const Page& page, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        auto found = page.meta.find(key);
        if (found != page.meta.end()) return found->second;
    }
    return "";
}

const GumboNode* largest_article(const Page& page) {
    const GumboNode* best = nullptr;
    std::size_t best_size = 0;
    for (const GumboNode* article : page.articles) {
        std::size_t size = text_of(article).size();
        if (!best || size > best_size) best = article, best_size = size;
    }
    return best;
}

const GumboNode* find_time(const GumboNode* node) {
    if (!is_element(node)) return nullptr;
    if (node->v.element.tag == GUMBO_TAG_TIME && !attribute(node, "datetime").empty()) return node;
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i) {
        if (const GumboNode* found = find_time(child(children, i))) return found;
    }
    return nullptr;
}

std::string date_of(const Page& page, const GumboNode* article) {
    std::string date =
        first_meta(page, {"article:published_time", "og:published_time", "date", "pubdate",
                          "publishdate", "dc.date", "dcterms.date", "sailthru.date"});
    if (date.empty()) date = page.item_date;
    const GumboNode* time = article && date.empty() ? find_time(article) : nullptr;
    return time ? attribute(time, "datetime") : date;
}

// Article text without a repeat of the headline as its first paragraph.
std::string body_of(const GumboNode* root, const std::string& title) {
    std::string body = text_of(root);
    std::size_t end = body.find('\n');
    if (!title.empty() && body.compare(0, end, title) == 0) {
        body.erase(0, end == std::string::npos ? body.size() : end + 1);
    }
    return body;
}

}  // namespace

void read_html(const std::string& content, const std::string& id, const std::string& where,
               const DocumentSink& on_document, const DiagnosticSink& on_diagnostic) {
    const DepthLimited limited = limit_html_depth(content, kMaxHtmlDepth);
    if (limited.dropped > 0) {
        on_diagnostic({Diagnostic::Kind::warning, where,
                       "elements nested deeper than " + std::to_string(kMaxHtmlDepth) +
                           " levels: " + std::to_string(limited.dropped) +
                           " tags dropped, their text kept"});
    }
    const std::string& html = limited.dropped > 0 ? limited.html : content;
    std::unique_ptr<GumboOutput, OutputDeleter> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
    Page page;
    collect(output->root, page);
    const GumboNode* article = largest_article(page);
    const GumboNode* root = article ? article : page.main ? page.main : page.body;

    Document doc;
    doc.id = id;
    doc.title = first_meta(page, {"og:title"});
    if (doc.title.empty()) doc.title = page.title;
    if (doc.title.empty()) doc.title = page.h1;
    doc.body = body_of(root ? root : output->root, doc.title);
    doc.date = date_of(page, article);
    doc.source = first_meta(page, {"og:site_name", "application-name"});
    doc.author = first_meta(page, {"author"});
    std::string article_author = first_meta(page, {"article:author"});
    if (doc.author.empty() && !article_author.starts_with("http")) doc.author = article_author;
    doc.url = page.canonical.empty() ? first_meta(page, {"og:url"}) : page.canonical;
    doc.lang = normalize_language(attribute(output->root, "lang"));
    doc.origin = where;
    // gumbo 0.10 turns an overflowing character reference (&#xEEEEEEEE;) into bytes that are
    // not UTF-8 (found by fuzz_html): mend them as any other bad bytes.
    for (std::string* field :
         {&doc.title, &doc.body, &doc.date, &doc.source, &doc.author, &doc.url, &doc.lang})
        repair_utf8(*field, Encoding::utf8);
    on_document(std::move(doc));
}

}  // namespace byline::corpus
