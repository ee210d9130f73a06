#pragma once
/// \file
/// Byline's exceptions. Messages name the file, line or query position and say how to fix it.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace byline {

/// Base of every error the library throws.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Bad command-line or API usage (CLIs exit 2).
class UsageError : public Error {
  public:
    using Error::Error;
};

/// A corpus file that cannot be read or parsed; `where` is "file" or "file:line".
class InputError : public Error {
  public:
    InputError(std::string where, const std::string& reason)
        : Error(where + ": " + reason), where_(std::move(where)) {}
    const std::string& where() const { return where_; }

  private:
    std::string where_;
};

/// An index that cannot be opened, written or is of another format.
class IndexError : public Error {
  public:
    using Error::Error;
};

/// A query syntax error at byte offset `position` of the query text.
class QueryError : public Error {
  public:
    QueryError(const std::string& message, std::size_t position, std::string query)
        : Error(message), position_(position), query_(std::move(query)) {}
    std::size_t position() const { return position_; }
    const std::string& query() const { return query_; }
    /// The query on one line and a caret under the problem, for terminals.
    std::string caret_diagram() const;

  private:
    std::size_t position_;
    std::string query_;
};

}  // namespace byline
