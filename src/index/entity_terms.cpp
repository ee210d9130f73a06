#include "index/entity_terms.h"

#include "index/schema.h"

#include <algorithm>
#include <map>
#include <set>

namespace byline::index {

namespace {

std::uint32_t facet_index(const std::string& type) {
    for (std::uint32_t i = 0; i < schema::kFacetFields.size(); ++i) {
        if (schema::kFacetFields[i].entity && schema::kFacetFields[i].name == type) return i;
    }
    return static_cast<std::uint32_t>(schema::kFacetFields.size());
}

// Xapian position of the first word at or after byte `start`.
std::uint32_t position_at(const std::vector<Token>& body, std::size_t start) {
    auto it = std::lower_bound(body.begin(), body.end(), start,
                               [](const Token& t, std::size_t offset) { return t.end <= offset; });
    if (it == body.end()) return body.empty() ? 1 : body.back().position + 1;
    return it->position + 1;
}

}  // namespace

void add_entities(Xapian::Document& xdoc, const std::vector<EntityInfo>& entities,
                  const std::vector<Token>& body, StoredDoc& stored) {
    std::map<std::string, std::uint32_t> key_ids;
    std::map<std::uint32_t, std::set<std::string>> keys_by_facet;
    for (const EntityInfo& e : entities) {
        std::uint32_t facet = facet_index(e.type);
        if (facet == schema::kFacetFields.size() || e.key.empty()) continue;
        const schema::FacetField& field = schema::kFacetFields[facet];
        std::string term = std::string(field.prefix) + e.key;
        if (term.size() > schema::kMaxTermBytes) continue;
        const Xapian::termpos position = position_at(body, e.start);
        xdoc.add_posting(term, position, 0);  // wdf 0: a filter, not a word
        if (std::size_t space = e.key.rfind(' ');
            field.name == "person" && space != std::string::npos) {
            xdoc.add_posting(std::string(schema::kSurnamePrefix) + e.key.substr(space + 1),
                             position, 0);
        }
        keys_by_facet[facet].insert(e.key);
        auto [it, added] =
            key_ids.emplace(e.key, static_cast<std::uint32_t>(stored.entity_keys.size()));
        if (added) stored.entity_keys.push_back(e.key);
        stored.mentions.push_back({facet, it->second, e.start, e.end});
    }
    for (const auto& [facet, keys] : keys_by_facet) {
        std::string slot;
        for (const std::string& key : keys) {
            if (!slot.empty()) slot.push_back(schema::kFacetSeparator);
            slot += key;
        }
        xdoc.add_value(schema::kFacetFields[facet].slot, slot);
    }
}

}  // namespace byline::index
