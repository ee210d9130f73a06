#include "extract/entity_country.h"

#include "extract/entity_gazetteer.h"
#include "extract/entity_tokens.h"
#include "util/text.h"

#include <algorithm>
#include <set>

namespace byline::extract {

namespace {

void add_once(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// Countries named by capitalised adjectives and demonyms ("Japanese", "West German"), longest
// form first at each word.
std::vector<std::string> adjective_countries(const Gazetteer& gazetteer, std::string_view body) {
    std::vector<std::string> found;
    const TokenizedText tt = tokenize_for_entities(body);
    const std::vector<Token>& tokens = tt.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::word || !tokens[i].cap) continue;
        std::string key;
        const std::string* best = nullptr;
        std::size_t best_end = i;
        for (std::size_t j = i; j < tokens.size() && j - i < gazetteer.max_form_words(); ++j) {
            if (tokens[j].kind != TokenKind::word || !tokens[j].cap) break;
            if (j > i) key += ' ';
            key += text::ascii_lower(body.substr(tokens[j].start, tokens[j].end - tokens[j].start));
            if (const std::string* country = gazetteer.country_of_form(key)) {
                best = country;
                best_end = j;
            }
        }
        if (best) {
            add_once(found, *best);
            i = best_end;
        }
    }
    return found;
}

}  // namespace

std::vector<std::string> assign_countries(const Gazetteer& gazetteer, std::string_view body,
                                          std::vector<EntityMention>& mentions) {
    // What the article points to without doubt: places of one country, and adjectives.
    std::vector<std::string> adjectives = adjective_countries(gazetteer, body);
    std::set<std::string> evidence(adjectives.begin(), adjectives.end());
    for (const EntityMention& m : mentions) {
        if (m.type != EntityType::place) continue;
        const std::vector<std::string>& countries = gazetteer.countries_of(m.key);
        if (countries.size() == 1) evidence.insert(countries.front());
    }
    std::vector<std::string> out;
    for (EntityMention& m : mentions) {
        if (m.type != EntityType::place) continue;
        const std::vector<std::string>& countries = gazetteer.countries_of(m.key);
        if (countries.empty()) continue;
        auto pointed = std::find_if(countries.begin(), countries.end(),
                                    [&](const std::string& c) { return evidence.count(c) > 0; });
        m.country = pointed != countries.end() ? *pointed : countries.front();
        add_once(out, m.country);
    }
    for (const std::string& country : adjectives)
        add_once(out, country);
    return out;
}

}  // namespace byline::extract
