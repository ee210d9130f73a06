#pragma once
/// \file
/// The unit Byline indexes: one news article with its metadata.

#include <string>
#include <vector>

namespace byline {

/// One article as read from a corpus. All strings are valid UTF-8 (readers repair bad bytes).
struct Document {
    std::string id;      ///< stable unique id: id field, URL, path, or path#line
    std::string title;   ///< headline
    std::string body;    ///< article text, paragraphs separated by newlines
    std::string date;    ///< publication date as ISO 8601 (YYYY-MM-DD[Thh:mm...]) or empty
    std::string source;  ///< publisher or site name
    std::string url;     ///< canonical URL
    std::string author;  ///< by-line; several authors separated by ", " or " and "
    std::string lang;    ///< ISO 639-1 language code; empty means the index default
    std::string origin;  ///< where it came from: file path, plus ":line" for JSON Lines
};

}  // namespace byline
