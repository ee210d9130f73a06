#pragma once
// Bounds how deep HTML elements nest before gumbo sees the page: gumbo's tree building slows down
// with depth (a scan of the open elements per tag) and its tree is freed recursively, so 100,000
// nested <div>s took 14 s and then overflowed the stack.

#include <cstddef>
#include <string>
#include <string_view>

namespace byline::corpus {

struct DepthLimited {
    std::string html;         // the page without the tags nested beyond the limit
    std::size_t dropped = 0;  // start tags dropped (their end tags go too; text is kept)
};

/// A light tokenizer (tags, comments, raw text elements, void elements, the usual implied end
/// tags) that keeps track of the open elements and removes start tags that would open an element
/// deeper than `max_depth`, with their end tags; the text between them stays. Script and style
/// elements beyond the limit go with their content. `dropped` is 0 when nothing changed.
DepthLimited limit_html_depth(std::string_view html, std::size_t max_depth);

}  // namespace byline::corpus
