#include "index/extraction_terms.h"

#include <byline/extract.h>

#include "index/schema.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

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

// A mention that writes the entity's name (its text has the entity's key: "World Health
// Organisation" for the gazetteer's "World Health Organization") votes for the form it writes,
// with this weight; every mention ("OPEC", a lone surname, "U.S." too) votes 1 for the
// canonical name. So a facet shows the form the corpus writes most, the canonical name among
// forms written as often ("Kyiv", "Kiev"), and only for an entity the corpus never writes out.
constexpr std::uint32_t kWrittenWeight = 1000;

bool all_caps(std::string_view s) {
    std::size_t letters = 0;
    for (char ch : s) {
        if (ch >= 'a' && ch <= 'z') return false;
        letters += ch >= 'A' && ch <= 'Z';
    }
    return letters >= 2;
}

// `text` with its runs of whitespace made single spaces, trimmed.
std::string single_spaced(std::string_view text) {
    std::string form;
    for (char ch : text) {
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            if (!form.empty() && form.back() != ' ') form += ' ';
            continue;
        }
        form += ch;
    }
    while (!form.empty() && form.back() == ' ')
        form.pop_back();
    return form;
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The form `e` writes its name in (`form`, whose key is `form_key`; an ALL CAPS headline or
// dateline form as the canonical name), or "" when the text names it otherwise.
std::string written_form(const EntityInfo& e, const std::string& form,
                         const std::string& form_key) {
    if (!is_ascii(form)) return e.name;  // other scripts: the canonical name
    if (form.empty() || form_key != e.key) return "";
    return all_caps(form) && !all_caps(e.name) ? e.name : form;
}

}  // namespace

void add_entities(Xapian::Document& xdoc, const std::vector<EntityInfo>& entities,
                  const std::vector<Token>& body, StoredDoc& stored, FacetValues& facets) {
    std::map<std::string, std::uint32_t> key_ids;
    std::map<std::uint32_t, std::set<std::string>> keys_by_facet;
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::string>, std::uint32_t> names;
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
        const std::uint32_t after = position_at(body, e.end);
        facets.mentions.push_back(
            {facet, e.key, position, std::max(after, position + 1) - position});
        const std::string form = single_spaced(e.text);
        // The key of what the article wrote: for its written form (ASCII) and the forms a filter
        // may use (not a person's); a Cyrillic person's would cost a transliteration for nothing.
        const bool keyed = !form.empty() && (is_ascii(form) || field.name != "person");
        const std::string form_key = keyed ? Extractor::entity_key(form) : "";
        if (std::string written = written_form(e, form, form_key); !written.empty())
            names[{facet, it->second, std::move(written)}] += kWrittenWeight;
        // "IMF" for the International Monetary Fund: a filter written so finds it. A lone
        // surname needs none: one-word person filters match surnames. A key in its own script
        // (--no-cross-script) is matched as written only.
        if (!form_key.empty() && form_key != e.key && field.name != "person" &&
            form_key.size() <= schema::kMaxTermBytes && is_ascii(e.key))
            facets.forms.push_back({facet, form_key, e.key});
        ++names[{facet, it->second, e.name}];
    }
    for (auto& [which, count] : names) {
        auto& [facet, key, name] = which;
        stored.names.push_back({facet, key, name, count});
    }
    facets.names = entity_name_counts(stored);
    for (auto& [facet, keys] : keys_by_facet)
        facets.values[facet].assign(keys.begin(), keys.end());
}

std::vector<EntityNameCount> entity_name_counts(const StoredDoc& stored) {
    std::vector<EntityNameCount> out;
    for (const StoredName& n : stored.names) {
        if (n.facet >= schema::kFacetFields.size() || n.key >= stored.entity_keys.size()) continue;
        out.push_back(
            {schema::entity_name_key(schema::kFacetFields[n.facet].name, stored.entity_keys[n.key]),
             n.name, n.count});
    }
    return out;
}

namespace {

constexpr int kMaxRangeDays = 31;

std::string compact(std::string iso) {
    std::erase(iso, '-');
    return iso;
}

// Days of [first, last] as "YYYYMMDD", at most kMaxRangeDays; just `first` if the range is odd.
std::vector<std::string> days_of(const std::string& first, const std::string& last) {
    using namespace std::chrono;
    auto parse = [](const std::string& d) {
        return year_month_day{year{std::stoi(d.substr(0, 4))},
                              month{static_cast<unsigned>(std::stoi(d.substr(5, 2)))},
                              day{static_cast<unsigned>(std::stoi(d.substr(8, 2)))}};
    };
    std::vector<std::string> out{compact(first)};
    if (last.size() != 10 || first.size() != 10) return out;
    sys_days from = sys_days(parse(first)), to = sys_days(parse(last));
    if (to <= from || (to - from).count() > kMaxRangeDays) return out;
    for (sys_days d = from + days(1); d <= to; d += days(1)) {
        year_month_day ymd(d);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        out.push_back(buf);
    }
    return out;
}

}  // namespace

void add_mentioned_dates(Xapian::Document& xdoc, const std::vector<DateInfo>& dates,
                         const std::vector<Token>& body, FacetValues& facets) {
    const std::string prefix(schema::kMentionedPrefix);
    std::set<std::string> values;
    for (const DateInfo& d : dates) {
        if (d.value.empty()) continue;  // unresolved: no publication date to anchor it
        const Xapian::termpos position = position_at(body, d.start);
        std::set<std::string> terms;
        for (const std::string& day : days_of(d.value, d.end_value)) {
            values.insert(day);
            for (std::size_t len : {4, 6, 8}) {
                if (len <= day.size()) terms.insert(day.substr(0, len));
            }
        }
        for (const std::string& term : terms)
            xdoc.add_posting(prefix + term, position, 0);
    }
    for (const std::string& value : values)
        add_date(value, facets.mentioned);
}

}  // namespace byline::index
