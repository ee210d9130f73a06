#include "search/query_lexer.h"

#include <byline/error.h>

#include <cctype>

namespace byline::search {

namespace {

constexpr unsigned kDefaultNearWindow = 10;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Quote marks that open or close a phrase: " and the curly pair “ ”.
std::size_t quote_length(std::string_view q, std::size_t i) {
    if (q[i] == '"') return 1;
    if (q.compare(i, 3, "\xE2\x80\x9C") == 0 || q.compare(i, 3, "\xE2\x80\x9D") == 0) return 3;
    return 0;
}

bool ends_word(std::string_view q, std::size_t i) {
    return is_space(q[i]) || q[i] == '(' || q[i] == ')' || quote_length(q, i) > 0;
}

class Lexer {
  public:
    Lexer(std::string_view query, bool (*is_field)(std::string_view))
        : q_(query), is_field_(is_field) {}

    std::vector<QueryToken> run() {
        while (i_ < q_.size()) {
            if (is_space(q_[i_])) {
                ++i_;
            } else if (q_[i_] == '(') {
                push(QueryToken::Type::lparen, "", i_++);
            } else if (q_[i_] == ')') {
                push(QueryToken::Type::rparen, "", i_++);
            } else if (quote_length(q_, i_)) {
                phrase();
            } else if ((q_[i_] == '-' || q_[i_] == '+') && i_ + 1 < q_.size() &&
                       !is_space(q_[i_ + 1]) && q_[i_ + 1] != ')' && at_term_start()) {
                // "-word", -"a phrase" and -(a OR b) exclude; "+word" is the default (required)
                // and only accepted.
                if (q_[i_] == '-') push(QueryToken::Type::minus, "", i_);
                ++i_;
            } else {
                word();
            }
        }
        push(QueryToken::Type::end, "", q_.size());
        return std::move(tokens_);
    }

  private:
    bool at_term_start() const { return i_ == 0 || is_space(q_[i_ - 1]) || q_[i_ - 1] == '('; }

    void push(QueryToken::Type type, std::string text, std::size_t pos, unsigned window = 0) {
        tokens_.push_back(QueryToken{type, std::move(text), pos, window});
    }

    void phrase() {
        std::size_t open = i_;
        i_ += quote_length(q_, i_);
        std::size_t start = i_;
        while (i_ < q_.size() && !quote_length(q_, i_))
            ++i_;
        if (i_ >= q_.size()) {
            throw QueryError("unclosed quote: add the closing \"", open, std::string(q_));
        }
        push(QueryToken::Type::phrase, std::string(q_.substr(start, i_ - start)), open);
        i_ += quote_length(q_, i_);
    }

    void word() {
        std::size_t start = i_;
        while (i_ < q_.size() && !ends_word(q_, i_)) {
            if (q_[i_] == ':' && field_prefix(start)) return;
            ++i_;
        }
        std::string text(q_.substr(start, i_ - start));
        if (text == "OR" || text == "|") return push(QueryToken::Type::op_or, text, start);
        if (text == "AND" || text == "&") return push(QueryToken::Type::op_and, text, start);
        if (text == "NOT") return push(QueryToken::Type::op_not, text, start);
        if (text.rfind("NEAR", 0) == 0) return near(text, start);
        push(QueryToken::Type::word, text, start);
    }

    // At a ':' inside a word: a known field name before it makes a field token.
    bool field_prefix(std::size_t start) {
        std::string name(q_.substr(start, i_ - start));
        for (char& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!is_field_(name)) return false;
        if (i_ + 1 >= q_.size() || is_space(q_[i_ + 1]) || q_[i_ + 1] == ')') {
            throw QueryError("'" + name + ":' needs a value right after the colon, e.g. " + name +
                                 ":value or " + name + ":\"two words\"",
                             i_ + 1, std::string(q_));
        }
        push(QueryToken::Type::field, name, start);
        ++i_;  // the value is lexed as the next token
        return true;
    }

    void near(const std::string& text, std::size_t start) {
        if (text == "NEAR") return push(QueryToken::Type::near, text, start, kDefaultNearWindow);
        if (text.size() > 5 && text[4] == '/' &&
            text.find_first_not_of("0123456789", 5) == std::string::npos && text.size() <= 8) {
            unsigned window = static_cast<unsigned>(std::stoul(text.substr(5)));
            if (window > 0) return push(QueryToken::Type::near, text, start, window);
        }
        if (text.size() > 4 && text[4] != '/') return push(QueryToken::Type::word, text, start);
        throw QueryError("NEAR takes a distance in words from 1 to 999, e.g. NEAR/5", start + 4,
                         std::string(q_));
    }

    std::string_view q_;
    bool (*is_field_)(std::string_view);
    std::size_t i_ = 0;
    std::vector<QueryToken> tokens_;
};

}  // namespace

std::vector<QueryToken> lex_query(std::string_view query, bool (*is_field)(std::string_view)) {
    return Lexer(query, is_field).run();
}

}  // namespace byline::search
