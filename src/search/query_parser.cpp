#include "search/query_parser.h"

#include <byline/error.h>

#include "index/schema.h"
#include "search/query_lexer.h"
#include "util/dates.h"

#include <algorithm>

namespace byline::search {

namespace {

using Tok = QueryToken::Type;

bool is_field_name(std::string_view name) {
    return is_query_field(name);
}

class Parser {
  public:
    explicit Parser(std::string_view query)
        : query_(query), tokens_(lex_query(query, &is_field_name)) {}

    // Each nested '(' or negation is a level of recursion here and in the compiler: bounded so
    // that no query can overflow the stack.
    class Nesting {
      public:
        explicit Nesting(Parser& parser) : parser_(parser) {
            if (++parser_.depth_ > kMaxQueryDepth) {
                parser_.fail("nested more than " + std::to_string(kMaxQueryDepth) +
                             " levels deep ('(', '-' or NOT): remove some nesting");
            }
        }
        ~Nesting() { --parser_.depth_; }
        Nesting(const Nesting&) = delete;
        Nesting& operator=(const Nesting&) = delete;

      private:
        Parser& parser_;
    };

    QueryNode parse() {
        if (peek().type == Tok::end) return QueryNode{};
        QueryNode root = and_expr();
        if (peek().type == Tok::rparen) fail("unmatched ')': remove it or add a '(' before it");
        if (peek().type != Tok::end) fail("unexpected text here");
        return root;
    }

  private:
    const QueryToken& peek() const { return tokens_[pos_]; }
    const QueryToken& next() { return tokens_[pos_++]; }

    [[noreturn]] void fail(const std::string& message) const {
        throw QueryError(message, peek().position, std::string(query_));
    }

    static bool starts_operand(Tok t) {
        return t == Tok::word || t == Tok::phrase || t == Tok::field || t == Tok::lparen ||
               t == Tok::minus || t == Tok::op_not;
    }

    // and_expr := group ("AND" group)*
    QueryNode and_expr() {
        QueryNode first = group();
        if (peek().type != Tok::op_and) return first;
        QueryNode node{QueryNode::Type::all_of};
        node.strict = true;
        node.children.push_back(std::move(first));
        while (peek().type == Tok::op_and) {
            next();
            if (!starts_operand(peek().type)) fail("AND needs something to search on its right");
            node.children.push_back(group());
        }
        return node;
    }

    // group := or_expr+ (words side by side must all match)
    QueryNode group() {
        if (!starts_operand(peek().type)) {
            if (peek().type == Tok::op_or) fail("OR needs something to search on its left");
            if (peek().type == Tok::near) fail("NEAR needs a word on its left");
            if (peek().type == Tok::rparen) fail("unmatched ')': remove it or add a '(' before it");
            fail("expected a word, a \"phrase\" or '(' here");
        }
        QueryNode node{QueryNode::Type::all_of};
        while (starts_operand(peek().type))
            node.children.push_back(or_expr());
        if (node.children.size() == 1) return std::move(node.children[0]);
        return node;
    }

    // or_expr := unary ("OR" unary)*   (OR binds tighter than words side by side)
    QueryNode or_expr() {
        QueryNode first = unary();
        if (peek().type != Tok::op_or) return first;
        QueryNode node{QueryNode::Type::any_of};
        node.children.push_back(std::move(first));
        while (peek().type == Tok::op_or) {
            next();
            if (!starts_operand(peek().type)) fail("OR needs something to search on its right");
            node.children.push_back(unary());
        }
        return node;
    }

    // unary := ("-" | "NOT") unary | near_expr
    QueryNode unary() {
        if (peek().type == Tok::minus || peek().type == Tok::op_not) {
            Nesting nesting(*this);
            std::size_t at = next().position;
            if (!starts_operand(peek().type)) fail("nothing to exclude after '-' or NOT");
            QueryNode node{QueryNode::Type::negate};
            node.position = at;
            node.children.push_back(unary());
            return node;
        }
        return near_expr();
    }

    // near_expr := primary ("NEAR"["/"n] primary)*
    QueryNode near_expr() {
        QueryNode first = primary();
        if (peek().type != Tok::near) return first;
        QueryNode node{QueryNode::Type::near};
        node.position = first.position;
        node.window = peek().window;
        node.children.push_back(std::move(first));
        while (peek().type == Tok::near) {
            node.window = std::max(node.window, next().window);
            if (peek().type != Tok::word && peek().type != Tok::phrase) {
                fail("NEAR needs a word or \"phrase\" on its right");
            }
            node.children.push_back(primary());
        }
        for (const QueryNode& child : node.children) {
            if (child.type != QueryNode::Type::word && child.type != QueryNode::Type::phrase) {
                throw QueryError("NEAR joins plain words or \"phrases\" only", child.position,
                                 std::string(query_));
            }
        }
        return node;
    }

    QueryNode primary() {
        const QueryToken& tok = next();
        switch (tok.type) {
            case Tok::lparen: {
                Nesting nesting(*this);
                if (peek().type == Tok::rparen)
                    fail("empty parentheses: put words inside or remove them");
                QueryNode inner = and_expr();
                if (peek().type != Tok::rparen) fail("missing ')' to close the '(' opened earlier");
                next();
                return inner;
            }
            case Tok::field:
                return field_value(tok);
            case Tok::phrase:
                return phrase_node(tok, "");
            case Tok::word:
                return word_node(tok, "");
            default:
                --pos_;
                fail("expected a word, a \"phrase\" or '(' here");
        }
    }

    QueryNode word_node(const QueryToken& tok, const std::string& field) {
        QueryNode node{QueryNode::Type::word};
        node.text = tok.text;
        node.field = field;
        node.position = tok.position;
        if (tok.text.size() > 1 && tok.text.back() == '*') {
            node.type = QueryNode::Type::wildcard;
            node.text.pop_back();
        }
        return node;
    }

    QueryNode phrase_node(const QueryToken& tok, const std::string& field) {
        QueryNode node{QueryNode::Type::phrase};
        node.text = tok.text;
        node.field = field;
        node.position = tok.position;
        return node;
    }

    QueryNode field_value(const QueryToken& field) {
        const QueryToken& value = next();
        if (value.type != Tok::word && value.type != Tok::phrase) {
            --pos_;
            fail("'" + field.text + ":' needs a word or \"phrase\" after it");
        }
        if (field.text == "title") {
            QueryNode node =
                value.type == Tok::word ? word_node(value, "title") : phrase_node(value, "title");
            node.position = field.position;
            return node;
        }
        if (field.text == "date" || field.text == "mentioned") {
            QueryNode node = date_node(value);
            node.field = field.text;
            return node;
        }
        QueryNode node{QueryNode::Type::filter};
        node.field = field.text;
        node.text = value.text;
        node.position = field.position;
        return node;
    }

    QueryNode date_node(const QueryToken& value) {
        const std::string& text = value.text;
        std::size_t dots = text.find("..");
        std::string low = dots == std::string::npos ? text : text.substr(0, dots);
        std::string high = dots == std::string::npos ? text : text.substr(dots + 2);
        auto check = [&](const std::string& b) {
            if (b.empty() && dots != std::string::npos) return;
            if (!dates::is_iso_date(b)) {
                throw QueryError(
                    "date wants YYYY, YYYY-MM or YYYY-MM-DD, or a range FROM..TO "
                    "(either end may be left open)",
                    value.position, std::string(query_));
            }
        };
        check(low);
        check(high);
        if (low.empty() && high.empty()) check(text);
        auto compact = [](std::string b) {
            b.erase(std::remove(b.begin(), b.end(), '-'), b.end());
            return b;
        };
        QueryNode node{QueryNode::Type::date_range};
        node.low = compact(low);
        node.high = compact(high);
        node.position = value.position;
        if (!node.low.empty() && !node.high.empty() && node.low > node.high) {
            throw QueryError("date range ends before it starts", value.position,
                             std::string(query_));
        }
        return node;
    }

    std::string_view query_;
    std::vector<QueryToken> tokens_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
};

}  // namespace

bool is_query_field(std::string_view name) {
    return name == "title" || name == "date" || name == "mentioned" ||
           schema::find_facet(name) != nullptr;
}

QueryNode parse_query(std::string_view query) {
    if (query.size() > kMaxQueryBytes) {
        throw QueryError(
            "the query is longer than " + std::to_string(kMaxQueryBytes) + " bytes: shorten it",
            kMaxQueryBytes, std::string(query.substr(0, kMaxQueryBytes)));
    }
    return Parser(query).parse();
}

}  // namespace byline::search
