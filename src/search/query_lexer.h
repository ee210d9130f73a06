#pragma once
// Splits Byline query text into tokens with byte positions, for the parser.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace byline::search {

struct QueryToken {
    enum class Type {
        word,
        phrase,
        field,
        lparen,
        rparen,
        minus,
        op_or,
        op_and,
        op_not,
        near,
        end
    };
    Type type;
    std::string text;          // word or phrase text, field name
    std::size_t position = 0;  // byte offset in the query
    unsigned window = 0;       // NEAR/n
};

/// Tokenises `query`; `is_field` says which `name:` prefixes are fields. Throws QueryError for an
/// unclosed quote or a malformed NEAR/n.
std::vector<QueryToken> lex_query(std::string_view query, bool (*is_field)(std::string_view));

}  // namespace byline::search
