#pragma once
// Byline's query language -> a small syntax tree -> Xapian::Query, with every word analysed by the
// same Analyzer the indexer used.

#include <byline/analyzer.h>

#include "index/entity_aliases.h"
#include "search/passage_scorer.h"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace byline::schema {
struct FacetField;
}

namespace byline::search {

struct QueryNode {
    enum class Type {
        match_all,   // empty query
        word,        // text: as typed
        phrase,      // text: the words between the quotes
        wildcard,    // text: the prefix before '*'
        near,        // children: words or phrases; window: distance in words
        filter,      // field: facet name; text: value as typed
        date_range,  // field "date" or "mentioned"; low/high: YYYY[MM[DD]] bounds, "" = open
        all_of,      // children AND together (same-field filters OR'ed unless strict)
        any_of,      // children OR together
        negate,      // children[0] must not match
    };
    Type type = Type::match_all;
    std::string text;
    std::string field;         // "" (title and body), "title", or a facet name
    std::size_t position = 0;  // byte offset in the query text
    bool strict = false;       // all_of joined by an explicit AND
    unsigned window = 0;
    std::string low, high;
    std::vector<QueryNode> children;
};

/// Longest query text parse_query takes, in bytes.
inline constexpr std::size_t kMaxQueryBytes = 16 * 1024;
/// Deepest nesting of '(' and negations parse_query takes.
inline constexpr std::size_t kMaxQueryDepth = 64;

/// Parses query text; throws QueryError (with the byte position) for a syntax error, a query
/// longer than kMaxQueryBytes or nested deeper than kMaxQueryDepth.
QueryNode parse_query(std::string_view query);

/// True for the names usable as `name:value` in queries.
bool is_query_field(std::string_view name);

/// A positive thing to find and mark in text: a word (one term), a phrase (several consecutive
/// terms) or a wildcard prefix. Negated parts of the query never become patterns.
struct MatchPattern {
    std::vector<std::string> terms;  // normalised forms
    bool exact = false;              // match the form only, not its stem
    bool prefix = false;             // terms[0] is a prefix (wildcard)
    bool title_only = false;         // came from title:
    /// An entity filter (person:, place:, org:): terms[0] is its positional filter term, and
    /// the mentions stored with that facet and key are what is marked.
    bool entity = false;
    std::uint32_t facet = 0;  // index into schema::kFacetFields
    std::string entity_key;
    bool by_surname = false;  // entity_key is the last word of the mentioned keys
};

/// A plain-sentence query (words side by side, no quotes, operators, fields or wildcards; filters
/// allowed), compiled two ways without its stopwords: `all` needs every word, `any` ranks the
/// articles holding some of them by how many (coordination), then by BM25.
struct PlainQuery {
    Xapian::Query all;
    Xapian::Query any;
    std::size_t words = 0;  // the words kept
};

/// Turns the tree into a Xapian query and the patterns passages and highlighting need.
class QueryCompiler {
  public:
    /// `languages`: stemming languages whose stems the query words are searched as.
    /// `db`, when given, lets open `mentioned:` ranges list the dates the index holds.
    QueryCompiler(Analyzer& analyzer, std::set<std::string> languages,
                  const Xapian::Database* db = nullptr)
        : analyzer_(analyzer), languages_(std::move(languages)), db_(db) {}

    Xapian::Query compile(const QueryNode& node);

    /// Entity filters also match the keys `aliases` counts as the same entity (none if null).
    void set_aliases(const index::EntityAliases* aliases) { aliases_ = aliases; }

    /// compile(), with the stopwords among the words weighing nothing in the ranking (they still
    /// match as before) when the query has other words: "oil OR the" matches what it did, and
    /// "the" no longer adds to any article's score nor gets marked.
    Xapian::Query compile_ranked(const QueryNode& node,
                                 const std::function<bool(const std::string&)>& stop);

    /// `node` as a plain-sentence query, or nothing when it is not one (or is only stopwords,
    /// which then keep their usual meaning). Its stopwords become no patterns.
    std::optional<PlainQuery> compile_plain(const QueryNode& node,
                                            const std::function<bool(const std::string&)>& stop);

    /// Patterns collected by compile(), in query order, without duplicates.
    const std::vector<MatchPattern>& patterns() const { return patterns_; }
    /// NEAR groups collected by compile(), over indexes into patterns().
    const std::vector<NearGroup>& near_groups() const { return near_groups_; }

  private:
    const index::EntityAliases* aliases_ = nullptr;
    Xapian::Query word(const QueryNode& node);
    /// The positional term of entity `key` of `field`, its sentences marked in passages.
    Xapian::Query entity_term(const schema::FacetField& field, const std::string& key);
    Xapian::Query phrase(const QueryNode& node, const std::vector<Token>& tokens);
    Xapian::Query wildcard(const QueryNode& node);
    Xapian::Query near(const QueryNode& node);
    Xapian::Query filter(const QueryNode& node);
    Xapian::Query filter_key(const schema::FacetField& field, const std::string& key);
    Xapian::Query date_range(const QueryNode& node);
    Xapian::Query mentioned_range(const QueryNode& node);
    Xapian::Query all_of(const QueryNode& node);
    Xapian::Query any_of(const QueryNode& node);
    bool is_stopword(const QueryNode& word, const std::function<bool(const std::string&)>& stop);
    bool has_content_word(const QueryNode& node,
                          const std::function<bool(const std::string&)>& stop);
    /// Index of the pattern in patterns_ (added if new), or npos inside a negation.
    std::size_t add_pattern(MatchPattern pattern);

    Analyzer& analyzer_;
    std::set<std::string> languages_;
    const Xapian::Database* db_;
    std::vector<MatchPattern> patterns_;
    std::vector<NearGroup> near_groups_;
    std::size_t last_pattern_ = 0;  // set by phrase(): the pattern it added or found
    int negation_depth_ = 0;
    std::function<bool(const std::string&)> weightless_;  // words that add no weight
};

}  // namespace byline::search
