#include "index/facet_dictionary.h"

#include <byline/error.h>

#include <cstdlib>
#include <sstream>

namespace byline::index {

std::optional<std::uint32_t> parse_facet_id(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    unsigned long id = std::strtoul(text.c_str(), &end, 10);
    if (*end != '\0' || id > 0xffffffffUL) return std::nullopt;
    return static_cast<std::uint32_t>(id);
}

std::string most_written_name(const Xapian::Database& db, std::string_view facet,
                              const std::string& key) {
    std::istringstream forms(db.get_metadata(schema::entity_name_key(facet, key)));
    std::string best = key;
    unsigned long best_count = 0;
    for (std::string line; std::getline(forms, line);) {
        std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        unsigned long count = std::strtoul(line.c_str(), nullptr, 10);
        if (count > best_count) {
            best_count = count;
            best = line.substr(tab + 1);
        }
    }
    return best;
}

std::uint32_t FacetDictionary::id(Xapian::WritableDatabase& db, std::size_t facet,
                                  const std::string& value) {
    auto& ids = ids_[facet];
    if (auto it = ids.find(value); it != ids.end()) return it->second;
    const std::string_view name = schema::kFacetFields[facet].name;
    if (!next_[facet]) {
        const std::string next = db.get_metadata(schema::facet_next_id_key(name));
        next_[facet] = next.empty() ? 0 : parse_facet_id(next);
        if (!next_[facet])
            throw IndexError("damaged facet dictionary (next id '" + next + "' of facet " +
                             std::string(name) + "); re-index into a new folder");
        complete_[facet] = *next_[facet] == 0;
    }
    const std::string id_key = schema::facet_id_key(name, value);
    // While the cache holds every value the index has, a value not in it is new.
    std::optional<std::uint32_t> id;
    if (!complete_[facet]) id = parse_facet_id(db.get_metadata(id_key));
    if (!id) {
        id = (*next_[facet])++;
        db.set_metadata(id_key, std::to_string(*id));
        db.set_metadata(schema::facet_value_key(name, *id), value);
        db.set_metadata(schema::facet_next_id_key(name), std::to_string(*next_[facet]));
    }
    if (cached_ >= cache_entries_) {  // bounded memory on endless streams of new names
        for (auto& facet_ids : ids_)
            facet_ids.clear();
        complete_.fill(false);
        cached_ = 0;
    }
    ids.emplace(value, *id);
    ++cached_;
    return *id;
}

FacetRecord FacetDictionary::number(Xapian::WritableDatabase& db, const FacetValues& values) {
    FacetRecord record;
    for (std::size_t facet = 0; facet < schema::kFacetCount; ++facet) {
        for (const std::string& value : values.values[facet])
            record.ids[facet].push_back(id(db, facet, value));
    }
    record.published = values.published;
    record.mentioned = values.mentioned;
    return record;
}

SentenceMentions FacetDictionary::number_mentions(Xapian::WritableDatabase& db,
                                                  const FacetValues& values) {
    SentenceMentions out;
    out.sentence_starts = values.sentence_starts;
    out.mentions.reserve(values.mentions.size());
    for (const KeyedMention& m : values.mentions)
        out.mentions.push_back({m.facet, id(db, m.facet, m.key), m.position, m.words});
    return out;
}

}  // namespace byline::index
