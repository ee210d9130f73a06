#include "search/filters.h"

#include <byline/error.h>

namespace byline::search {

namespace {

// `field:"value"`, the value's quotes dropped so it stays one filter.
std::string clause(std::string_view field, std::string value) {
    std::erase(value, '"');
    std::string text(field);
    text += ":\"";
    text += value;
    text += '"';
    return text;
}

// Each filter as query text, in a fixed order.
std::vector<std::string> filter_clauses(const SearchFilters& filters) {
    std::vector<std::string> clauses;
    auto add = [&](std::string_view field, const std::vector<std::string>& values) {
        for (const std::string& value : values) {
            if (value.find_first_not_of(' ') != std::string::npos)
                clauses.push_back(clause(field, value));
        }
    };
    add("person", filters.people);
    add("place", filters.places);
    add("org", filters.orgs);
    add("source", filters.sources);
    add("country", filters.countries);
    if (!filters.since.empty() || !filters.until.empty())
        clauses.push_back("date:" + filters.since + ".." + filters.until);
    return clauses;
}

QueryNode parse_filter(const std::string& text) {
    try {
        return parse_query(text);
    } catch (const QueryError& e) {
        throw UsageError("filter " + text + ": " + e.what());
    }
}

}  // namespace

QueryNode parse_with_filters(std::string_view query, const SearchFilters& filters) {
    QueryNode tree = parse_query(query);
    if (filters.empty()) return tree;
    // Filters join a top-level implicit AND, where same-facet filters are OR'ed.
    QueryNode root{QueryNode::Type::all_of};
    if (tree.type == QueryNode::Type::all_of && !tree.strict)
        root = std::move(tree);
    else if (tree.type != QueryNode::Type::match_all)
        root.children.push_back(std::move(tree));
    for (const std::string& text : filter_clauses(filters))
        root.children.push_back(parse_filter(text));
    if (root.children.empty()) return QueryNode{};
    if (root.children.size() == 1) return std::move(root.children[0]);
    return root;
}

std::string query_with_filters(std::string_view query, const SearchFilters& filters) {
    std::string text(query);
    for (const std::string& part : filter_clauses(filters)) {
        if (!text.empty()) text += ' ';
        text += part;
    }
    return text;
}

}  // namespace byline::search
