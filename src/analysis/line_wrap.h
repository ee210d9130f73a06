#pragma once
// Hard-wrapped text (wire copy, e-mail, plain-text archives): which line breaks only wrap a
// paragraph and which end one, so sentences run on across the wraps.

#include <string>
#include <string_view>

namespace byline::analysis {

/// `text` with every line break that only wraps a paragraph ("\n", "\r\n" or "\r") replaced by
/// as many spaces: the same length, so byte offsets into the result are offsets into `text`.
/// A break stays where a paragraph ends: before a blank line, a line indented deeper than the
/// text's own margin, a list item ("- ", "• ", "1. ", "(a) "), and after a line that stops well
/// short of the text's wrap width (a heading, a table row, a paragraph's last line). Text whose
/// lines are not wrapped at one width (a paragraph a line) keeps its breaks, except where the
/// next line goes on in lower case after a line that ends mid-sentence.
std::string join_wrapped_lines(std::string_view text);

}  // namespace byline::analysis
