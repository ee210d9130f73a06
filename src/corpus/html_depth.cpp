#include "corpus/html_depth.h"

#include "util/text.h"

#include <algorithm>
#include <initializer_list>
#include <utility>
#include <vector>

namespace byline::corpus {

namespace {

using Names = std::initializer_list<std::string_view>;

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_one_of(std::string_view name, Names names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_void(std::string_view name) {
    return is_one_of(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                            "meta", "param", "source", "track", "wbr", "keygen", "frame"});
}

// Elements whose content is text up to their own end tag.
bool is_raw_text(std::string_view name) {
    return is_one_of(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                            "noframes", "plaintext"});
}

// A start tag that ends an open element of the same kind (HTML's implied end tags): the element
// to close and where the search for it stops. Names live in static arrays: an initializer_list
// kept in a struct would outlive its array.
using NameList = std::vector<std::string_view>;
struct ImpliedEnd {
    NameList closes;
    NameList barriers;
};

bool is_in(std::string_view name, const NameList& names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool closes_p(std::string_view name) {
    return is_one_of(
        name, {"address",    "article", "aside",  "blockquote", "details", "div", "dl", "fieldset",
               "figcaption", "figure",  "footer", "form",       "h1",      "h2",  "h3", "h4",
               "h5",         "h6",      "header", "hr",         "main",    "nav", "ol", "p",
               "pre",        "section", "table",  "ul",         "li",      "dt",  "dd"});
}

std::vector<const ImpliedEnd*> implied_ends(std::string_view name) {
    static const ImpliedEnd p{{"p"},
                              {"applet", "caption", "html", "table", "td", "th", "marquee",
                               "template", "object", "button"}};
    static const ImpliedEnd li{{"li"}, {"ul", "ol"}};
    static const ImpliedEnd definition{{"dt", "dd"}, {"dl"}};
    static const ImpliedEnd row{{"tr"}, {"table", "thead", "tbody", "tfoot"}};
    static const ImpliedEnd cell{{"td", "th"}, {"tr", "table"}};
    static const ImpliedEnd section{{"thead", "tbody", "tfoot"}, {"table"}};
    static const ImpliedEnd option{{"option"}, {"select", "datalist", "optgroup"}};
    static const ImpliedEnd optgroup{{"optgroup", "option"}, {"select"}};
    std::vector<const ImpliedEnd*> ends;
    if (closes_p(name)) ends.push_back(&p);
    if (name == "li") ends.push_back(&li);
    if (name == "dt" || name == "dd") ends.push_back(&definition);
    if (name == "tr") ends.push_back(&row);
    if (name == "td" || name == "th") ends.push_back(&cell);
    if (name == "thead" || name == "tbody" || name == "tfoot") ends.push_back(&section);
    if (name == "option") ends.push_back(&option);
    if (name == "optgroup") ends.push_back(&optgroup);
    return ends;
}

// Where a tag that starts at `from` (just after its name) ends: after its '>', quotes in
// attribute values skipped.
std::size_t end_of_tag(std::string_view html, std::size_t from) {
    for (std::size_t i = from; i < html.size(); ++i) {
        if (html[i] == '>') return i + 1;
        if (html[i] != '=') continue;
        std::size_t value = html.find_first_not_of(" \t\n\r\f", i + 1);
        if (value == std::string_view::npos) return html.size();
        if (html[value] == '"' || html[value] == '\'') {
            std::size_t close = html.find(html[value], value + 1);
            if (close == std::string_view::npos) return html.size();
            i = close;
        }
    }
    return html.size();
}

// Where the raw text of element `name` ends: at its "</name", matched without regard to case.
std::size_t end_of_raw_text(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t at = html.find("</", from); at != std::string_view::npos;
         at = html.find("</", at + 2)) {
        if (text::ascii_lower(html.substr(at + 2, name.size())) == name) return at;
    }
    return html.size();
}

class DepthLimiter {
  public:
    DepthLimiter(std::string_view html, std::size_t max_depth)
        : html_(html), max_depth_(max_depth) {}

    DepthLimited run() {
        for (std::size_t i = 0; i < html_.size();)
            i = next_markup(i);
        return {without_dropped(), dropped_count_};
    }

  private:
    // Handles the markup at or after `i`; returns where to go on.
    std::size_t next_markup(std::size_t i) {
        const std::size_t lt = html_.find('<', i);
        if (lt == std::string_view::npos) return html_.size();
        const std::string_view rest = html_.substr(lt);
        if (rest.starts_with("<!--")) {
            std::size_t end = html_.find("-->", lt + 4);
            return end == std::string_view::npos ? html_.size() : end + 3;
        }
        if (rest.starts_with("<!") || rest.starts_with("<?")) {
            std::size_t end = html_.find('>', lt + 2);
            return end == std::string_view::npos ? html_.size() : end + 1;
        }
        const bool closing = rest.starts_with("</");
        const std::size_t name_start = lt + (closing ? 2 : 1);
        if (name_start >= html_.size() || !is_ascii_alpha(html_[name_start]))
            return lt + 1;  // a '<' in text
        std::size_t name_end = html_.find_first_of(" \t\n\r\f/>", name_start);
        if (name_end == std::string_view::npos) name_end = html_.size();
        const std::string name = text::ascii_lower(html_.substr(name_start, name_end - name_start));
        const std::size_t tag_end = end_of_tag(html_, name_end);
        if (closing) {
            end_tag(name, lt, tag_end);
            return tag_end;
        }
        const bool self_closing = html_.substr(lt, tag_end - lt).ends_with("/>");
        const bool kept = start_tag(name, lt, tag_end, self_closing);
        if (!is_raw_text(name)) return tag_end;
        const std::size_t raw_end = end_of_raw_text(html_, tag_end, name);
        if (!kept) drop(tag_end, raw_end);  // script or style text beyond the limit goes too
        return raw_end;
    }

    // Returns false when the tag was dropped.
    bool start_tag(const std::string& name, std::size_t begin, std::size_t end, bool self_closing) {
        if (is_void(name) || (self_closing && foreign_depth_ > 0)) return true;
        for (const ImpliedEnd* implied : implied_ends(name))
            close_implied(*implied);
        if (open_.size() >= max_depth_) {
            dropped_open_.push_back(name);
            drop(begin, end);
            ++dropped_count_;
            return false;
        }
        open_.push_back(name);
        if (name == "svg" || name == "math") ++foreign_depth_;
        return true;
    }

    void end_tag(const std::string& name, std::size_t begin, std::size_t end) {
        if (!dropped_open_.empty() && dropped_open_.back() == name) {
            dropped_open_.pop_back();
            drop(begin, end);
            return;
        }
        auto found = std::find(open_.rbegin(), open_.rend(), name);
        if (found == open_.rend()) return;  // a stray end tag: HTML ignores it too
        pop_to(static_cast<std::size_t>(open_.rend() - found) - 1);
    }

    void close_implied(const ImpliedEnd& implied) {
        for (std::size_t k = open_.size(); k-- > 0;) {
            if (is_in(open_[k], implied.closes)) {
                pop_to(k);
                return;
            }
            if (is_in(open_[k], implied.barriers)) return;
        }
    }

    // Closes open_[k] and everything opened inside it.
    void pop_to(std::size_t k) {
        for (std::size_t i = k; i < open_.size(); ++i) {
            if (open_[i] == "svg" || open_[i] == "math") --foreign_depth_;
        }
        open_.resize(k);
        dropped_open_.clear();
    }

    void drop(std::size_t begin, std::size_t end) { dropped_ranges_.emplace_back(begin, end); }

    std::string without_dropped() const {
        if (dropped_ranges_.empty()) return {};
        std::string out;
        out.reserve(html_.size());
        std::size_t from = 0;
        for (const auto& [begin, end] : dropped_ranges_) {
            out.append(html_.substr(from, begin - from));
            from = end;
        }
        out.append(html_.substr(from));
        return out;
    }

    std::string_view html_;
    std::size_t max_depth_;
    std::vector<std::string> open_;          // open elements within the limit, outermost first
    std::vector<std::string> dropped_open_;  // open elements whose tags were dropped
    std::vector<std::pair<std::size_t, std::size_t>> dropped_ranges_;  // in order, disjoint
    std::size_t dropped_count_ = 0;
    std::size_t foreign_depth_ = 0;  // open svg/math elements, where "/>" closes a tag
};

}  // namespace

DepthLimited limit_html_depth(std::string_view html, std::size_t max_depth) {
    return DepthLimiter(html, max_depth).run();
}

}  // namespace byline::corpus
