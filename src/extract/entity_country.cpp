#include "extract/entity_country.h"

#include "extract/entity_gazetteer.h"
#include "extract/entity_tokens.h"
#include "util/text.h"

#include <algorithm>
#include <map>
#include <set>

namespace byline::extract {

namespace {

void add_once(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// Countries named by capitalised adjectives and demonyms ("Japanese", "West German"), longest
// form first at each word.
// Reuters-21578, editors' country tags against the facet (bench/country_eval.py): every
// country named, precision 0.748 recall 0.967; the lead and 3 mentions, 0.880 and 0.922.
constexpr std::size_t kLeadBytes = 300;
constexpr std::size_t kSalientMentions = 3;

struct Named {
    std::string country;
    std::size_t start = 0;  // byte offset of the mention
};

std::vector<Named> adjective_countries(const Gazetteer& gazetteer, std::string_view body) {
    std::vector<Named> found;
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
            found.push_back({*best, tokens[i].start});
            i = best_end;
        }
    }
    return found;
}

}  // namespace

std::vector<std::string> assign_countries(const Gazetteer& gazetteer, std::string_view body,
                                          std::string_view date,
                                          std::vector<EntityMention>& mentions) {
    // What the article points to without doubt: places of one country, and adjectives.
    std::vector<Named> named = adjective_countries(gazetteer, body);
    std::set<std::string> evidence;
    for (const Named& n : named)
        evidence.insert(n.country);
    for (const EntityMention& m : mentions) {
        if (m.type != EntityType::place) continue;
        const std::vector<std::string>& countries = gazetteer.countries_of(m.key);
        if (countries.size() == 1) evidence.insert(countries.front());
    }
    for (EntityMention& m : mentions) {
        if (m.type != EntityType::place) continue;
        const std::vector<std::string>& countries = gazetteer.countries_of(m.key);
        if (countries.empty()) continue;
        auto pointed = std::find_if(countries.begin(), countries.end(),
                                    [&](const std::string& c) { return evidence.count(c) > 0; });
        m.country = pointed != countries.end() ? *pointed : countries.front();
        named.push_back({m.country, m.start});
    }
    std::stable_sort(named.begin(), named.end(),
                     [](const Named& a, const Named& b) { return a.start < b.start; });
    // What the article is about, not every country it names in passing ("a London-based
    // bank"): one named in its lead (dateline and first sentence), or named again and again.
    std::map<std::string, std::size_t> counts;
    for (const Named& n : named)
        ++counts[n.country];
    std::vector<std::string> out;
    for (const Named& n : named) {
        if (n.start < kLeadBytes || counts[n.country] >= kSalientMentions)
            add_once(out, gazetteer.country_on(n.country, date));
    }
    for (EntityMention& m : mentions) {
        if (!m.country.empty()) m.country = gazetteer.country_on(m.country, date);
    }
    return out;
}

}  // namespace byline::extract
