#include <byline/error.h>
#include <byline/extract.h>

#include "index/document_builder.h"
#include "index/match_all.h"
#include "index/schema.h"
#include "search/query_parser.h"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <sstream>

namespace byline::search {

namespace {

constexpr Xapian::termcount kWildcardExpansion = 100;

std::string prefixed(std::string_view prefix, const std::string& term) {
    return std::string(prefix) + term;
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return {};
    if (parts.size() == 1) return parts[0];
    return Xapian::Query(op, parts.begin(), parts.end());
}

bool is_filter(const QueryNode& node) {
    return node.type == QueryNode::Type::filter || node.type == QueryNode::Type::date_range;
}

}  // namespace

Xapian::Query QueryCompiler::compile(const QueryNode& node) {
    switch (node.type) {
        case QueryNode::Type::match_all:
            return index::match_all();
        case QueryNode::Type::word:
            return word(node);
        case QueryNode::Type::phrase:
            return phrase(node, analyzer_.tokenize(node.text));
        case QueryNode::Type::wildcard:
            return wildcard(node);
        case QueryNode::Type::near:
            return near(node);
        case QueryNode::Type::filter:
            return filter(node);
        case QueryNode::Type::date_range:
            return date_range(node);
        case QueryNode::Type::all_of:
            return all_of(node);
        case QueryNode::Type::any_of:
            return any_of(node);
        case QueryNode::Type::negate: {
            ++negation_depth_;
            Xapian::Query excluded = compile(node.children.at(0));
            --negation_depth_;
            return Xapian::Query(Xapian::Query::OP_AND_NOT, index::match_all(), excluded);
        }
    }
    return {};
}

Xapian::Query QueryCompiler::word(const QueryNode& node) {
    std::vector<Token> tokens = analyzer_.tokenize(node.text);
    if (tokens.size() != 1) return phrase(node, tokens);  // "28-point", CJK runs: a phrase
    const std::string& term = tokens[0].term;
    const bool title = node.field == "title";
    const bool weightless = weightless_ && weightless_(term);
    if (!weightless) add_pattern({{term}, false, false, title});
    std::vector<Xapian::Query> stems;
    std::set<std::string> distinct;
    for (const std::string& lang : languages_) {
        std::string stem = analyzer_.stem(term, lang);
        if (stem.empty() || !distinct.insert(stem).second) continue;
        for (std::string& indexed : schema::stem_terms(stem, title))
            stems.emplace_back(std::move(indexed));
    }
    Xapian::Query query = stems.empty()
                              ? Xapian::Query(prefixed(title ? schema::kTitlePrefix : "", term))
                              : combine(Xapian::Query::OP_SYNONYM, stems);
    return weightless ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0.0) : query;
}

Xapian::Query QueryCompiler::phrase(const QueryNode& node, const std::vector<Token>& tokens) {
    if (tokens.empty()) return {};
    const std::string_view prefix = node.field == "title" ? schema::kTitlePrefix : "";
    std::vector<Xapian::Query> terms;
    MatchPattern pattern{{}, true, false, node.field == "title"};
    for (const Token& token : tokens) {
        terms.emplace_back(prefixed(prefix, token.term), 1, token.position + 1);
        pattern.terms.push_back(token.term);
    }
    last_pattern_ = add_pattern(std::move(pattern));
    if (terms.size() == 1) return terms[0];
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(terms.size()));
}

Xapian::Query QueryCompiler::wildcard(const QueryNode& node) {
    std::string stem = analyzer_.normalize(node.text);
    if (stem.size() < 2) {
        throw QueryError("a wildcard needs at least two letters before '*'", node.position,
                         node.text);
    }
    const bool title = node.field == "title";
    add_pattern({{stem}, true, true, title});
    return Xapian::Query(Xapian::Query::OP_WILDCARD,
                         prefixed(title ? schema::kTitlePrefix : "", stem), kWildcardExpansion,
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT, Xapian::Query::OP_SYNONYM);
}

// Xapian's OP_NEAR takes terms only, so a phrase inside NEAR ("son-in-law", "a b") is spread into
// its words, all within the window, and the phrase itself is required beside the NEAR.
Xapian::Query QueryCompiler::near(const QueryNode& node) {
    std::vector<Xapian::Query> words, phrases;
    NearGroup group{{}, node.window};
    for (const QueryNode& child : node.children) {
        std::vector<Token> tokens = analyzer_.tokenize(child.text);
        if (tokens.empty()) continue;
        Xapian::Query exact = phrase(child, tokens);  // exact forms: stems carry no positions
        group.patterns.push_back(last_pattern_);
        if (tokens.size() > 1) phrases.push_back(exact);
        const std::string_view prefix = child.field == "title" ? schema::kTitlePrefix : "";
        for (const Token& token : tokens)
            words.emplace_back(prefixed(prefix, token.term), 1, token.position + 1);
    }
    if (group.patterns.size() < 2) {
        return combine(Xapian::Query::OP_AND, phrases.empty() ? words : phrases);
    }
    const auto window = static_cast<Xapian::termcount>(node.window + words.size());
    if (negation_depth_ == 0) {
        group.window = window;
        near_groups_.push_back(std::move(group));
    }
    Xapian::Query near(Xapian::Query::OP_NEAR, words.begin(), words.end(), window);
    if (phrases.empty()) return near;
    phrases.insert(phrases.begin(), near);
    return combine(Xapian::Query::OP_AND, phrases);
}

Xapian::Query QueryCompiler::filter(const QueryNode& node) {
    const schema::FacetField* field = schema::find_facet(node.field);
    if (!field) return Xapian::Query::MatchNothing;
    if (!field->entity) return filter_key(*field, index::facet_key(analyzer_, node.text));
    // An index made with --no-cross-script keeps names in their own script.
    bool cross_script = !db_ || db_->get_metadata(std::string(schema::kMetaCrossScript)) != "0";
    std::vector<Xapian::Query> alternatives;
    const auto facet = static_cast<std::size_t>(field - schema::kFacetFields.data());
    std::vector<std::string> keys = Extractor::entity_keys(node.text, cross_script);
    // The entities the articles wrote this way ("IMF": the International Monetary Fund).
    for (std::size_t i = 0, n = keys.size(); db_ && i < n; ++i) {
        std::istringstream lines(db_->get_metadata(schema::entity_form_key(field->name, keys[i])));
        for (std::string line; std::getline(lines, line);) {
            if (!line.empty() && std::find(keys.begin(), keys.end(), line) == keys.end())
                keys.push_back(line);
        }
    }
    for (const std::string& key : keys) {
        alternatives.push_back(filter_key(*field, key));
        // The keys the corpus uses for the same entity ("reagan", "ronald reagan").
        if (!aliases_) continue;
        for (const std::string& member : aliases_->group(facet, key)) {
            if (member != key) alternatives.push_back(entity_term(*field, member));
        }
    }
    if (alternatives.size() == 1) return alternatives[0];
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query QueryCompiler::filter_key(const schema::FacetField& facet, const std::string& key) {
    const schema::FacetField* field = &facet;
    if (key.empty()) return Xapian::Query::MatchNothing;
    std::string term = prefixed(field->prefix, key);
    if (field->entity) entity_term(*field, key);
    if (field->name == "person" && key.find(' ') == std::string::npos) {
        // One word names a person by surname too ("zelensky" -> "Volodymyr Zelenskyy").
        std::string surname = prefixed(schema::kSurnamePrefix, key);
        MatchPattern pattern{{surname}, true, false, false, true, 0, key, true};
        pattern.facet = static_cast<std::uint32_t>(field - schema::kFacetFields.data());
        add_pattern(std::move(pattern));
        return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(term), Xapian::Query(surname));
    }
    return Xapian::Query(term);
}

Xapian::Query QueryCompiler::entity_term(const schema::FacetField& field, const std::string& key) {
    std::string term = prefixed(field.prefix, key);
    // Passages of an entity filter show the sentences that mention the entity.
    MatchPattern pattern{{term}, true, false, false, true, 0, key};
    pattern.facet = static_cast<std::uint32_t>(&field - schema::kFacetFields.data());
    add_pattern(std::move(pattern));
    return Xapian::Query(term);
}

// Mentioned dates are terms (XE + YYYY, YYYYMM or YYYYMMDD): a single value is one term; a range
// is every indexed term of the bounds' precision between them. Positive ones become patterns, so
// passages show the sentences that mention the date.
Xapian::Query QueryCompiler::mentioned_range(const QueryNode& node) {
    const std::string prefix(schema::kMentionedPrefix);
    std::vector<std::string> terms;
    if (node.low == node.high) {
        terms.push_back(prefix + node.low);
    } else if (db_) {
        const std::size_t digits = std::max(node.low.size(), node.high.size());
        for (auto it = db_->allterms_begin(prefix); it != db_->allterms_end(prefix); ++it) {
            std::string value = (*it).substr(prefix.size());
            if (value.size() == digits && (node.low.empty() || value >= node.low) &&
                (node.high.empty() || value <= node.high))
                terms.push_back(*it);
        }
    }
    std::vector<Xapian::Query> queries;
    for (const std::string& term : terms) {
        queries.emplace_back(term);
        MatchPattern pattern{{term}, true};
        pattern.entity = true;  // found through its positions; no words to match
        add_pattern(std::move(pattern));
    }
    if (queries.empty()) return Xapian::Query::MatchNothing;
    return combine(Xapian::Query::OP_OR, queries);
}

Xapian::Query QueryCompiler::date_range(const QueryNode& node) {
    if (node.field == "mentioned") return mentioned_range(node);
    // "\xff" makes a month or year upper bound take in every day inside it.
    if (node.low.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, node.high + "\xff");
    if (node.high.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, node.low);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, node.low,
                         node.high + "\xff");
}

Xapian::Query QueryCompiler::all_of(const QueryNode& node) {
    std::vector<Xapian::Query> scored, excluded;
    std::map<std::string, std::vector<Xapian::Query>> filters_by_field;
    std::vector<Xapian::Query> filters;
    for (const QueryNode& child : node.children) {
        if (child.type == QueryNode::Type::negate) {
            ++negation_depth_;
            excluded.push_back(compile(child.children.at(0)));
            --negation_depth_;
        } else if (is_filter(child) && !node.strict) {
            // Several values of one facet side by side widen the choice; facets narrow it.
            filters_by_field[child.field].push_back(compile(child));
        } else if (is_filter(child)) {
            filters.push_back(compile(child));
        } else if (Xapian::Query q = compile(child); !q.empty()) {
            scored.push_back(q);
        }
    }
    for (const auto& [field, values] : filters_by_field)
        filters.push_back(combine(Xapian::Query::OP_OR, values));
    Xapian::Query result = combine(Xapian::Query::OP_AND, scored);
    Xapian::Query filter = combine(Xapian::Query::OP_AND, filters);
    if (!filter.empty()) {
        result = result.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0.0)
                                : Xapian::Query(Xapian::Query::OP_FILTER, result, filter);
    }
    if (!excluded.empty()) {
        if (result.empty()) result = index::match_all();
        result = Xapian::Query(Xapian::Query::OP_AND_NOT, result,
                               combine(Xapian::Query::OP_OR, excluded));
    }
    return result;
}

Xapian::Query QueryCompiler::any_of(const QueryNode& node) {
    std::vector<Xapian::Query> parts;
    for (const QueryNode& child : node.children) {
        if (Xapian::Query q = compile(child); !q.empty()) parts.push_back(q);
    }
    return combine(Xapian::Query::OP_OR, parts);
}

namespace {

// Enough to put every article holding k + 1 of the words above those holding k: more than the
// BM25 weight all the words of a query can add up to.
constexpr double kCoordinationWeight = 1000.0;
// Up to this many words, an article holding more of them ranks first (coordination); a longer
// question is ranked by BM25 alone, whose word weights already tell the telling words from the
// rest: strict coordination took MAP on CISI's questions from 0.227 to 0.143, and even one
// point per word to 0.217 (bench/relevance.py, plain mode).
constexpr std::size_t kCoordinatedWords = 4;

// OR of the words, each also adding a fixed weight to the articles it matches.
Xapian::Query coordinated(const std::vector<Xapian::Query>& words) {
    std::vector<Xapian::Query> parts = words;
    for (const Xapian::Query& word : words) {
        auto* fixed = new Xapian::FixedWeightPostingSource(kCoordinationWeight);
        parts.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(fixed->release()), word);
    }
    return combine(Xapian::Query::OP_OR, parts);
}

bool is_plain_word(const QueryNode& node) {
    return node.type == QueryNode::Type::word && node.field.empty();
}

}  // namespace

std::optional<PlainQuery> QueryCompiler::compile_plain(
    const QueryNode& node, const std::function<bool(const std::string&)>& stop) {
    if (node.type != QueryNode::Type::all_of || node.strict) return std::nullopt;
    QueryNode content{QueryNode::Type::all_of}, filters{QueryNode::Type::all_of};
    std::size_t words = 0;
    for (const QueryNode& child : node.children) {
        if (is_filter(child)) {
            content.children.push_back(child);
            filters.children.push_back(child);
        } else if (!is_plain_word(child)) {
            return std::nullopt;
        } else if (++words; !is_stopword(child, stop)) {
            content.children.push_back(child);
        }
    }
    const std::size_t kept = content.children.size() - filters.children.size();
    if (words < 2 || kept == 0) return std::nullopt;
    PlainQuery plain;
    plain.words = kept;
    plain.all = compile(content);
    std::vector<Xapian::Query> scored;
    for (const QueryNode& child : content.children) {
        if (!is_filter(child)) scored.push_back(compile(child));
    }
    plain.any =
        kept <= kCoordinatedWords ? coordinated(scored) : combine(Xapian::Query::OP_OR, scored);
    if (!filters.children.empty())
        plain.any = Xapian::Query(Xapian::Query::OP_FILTER, plain.any, compile(filters));
    return plain;
}

Xapian::Query QueryCompiler::compile_ranked(const QueryNode& node,
                                            const std::function<bool(const std::string&)>& stop) {
    if (has_content_word(node, stop)) weightless_ = stop;
    Xapian::Query query = compile(node);
    weightless_ = nullptr;
    return query;
}

bool QueryCompiler::has_content_word(const QueryNode& node,
                                     const std::function<bool(const std::string&)>& stop) {
    if (node.type == QueryNode::Type::negate) return false;
    if (node.type == QueryNode::Type::word) return !is_stopword(node, stop);
    if (node.type == QueryNode::Type::phrase || node.type == QueryNode::Type::wildcard) return true;
    for (const QueryNode& child : node.children) {
        if (has_content_word(child, stop)) return true;
    }
    return false;
}

bool QueryCompiler::is_stopword(const QueryNode& word,
                                const std::function<bool(const std::string&)>& stop) {
    std::vector<Token> tokens = analyzer_.tokenize(word.text);
    return tokens.size() == 1 && stop(tokens[0].term);
}

std::size_t QueryCompiler::add_pattern(MatchPattern pattern) {
    if (negation_depth_ > 0) return std::string::npos;
    for (std::size_t i = 0; i < patterns_.size(); ++i) {
        const MatchPattern& p = patterns_[i];
        if (p.terms == pattern.terms && p.exact == pattern.exact && p.prefix == pattern.prefix &&
            p.title_only == pattern.title_only) {
            return i;
        }
    }
    patterns_.push_back(std::move(pattern));
    return patterns_.size() - 1;
}

}  // namespace byline::search
