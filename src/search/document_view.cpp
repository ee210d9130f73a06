#include "search/document_view.h"

#include "index/schema.h"
#include "index/stored_doc.h"
#include "search/body_text.h"

#include <algorithm>
#include <map>

namespace byline::search {

namespace {

// Entities by facet (schema order), most mentioned first, then by name.
std::vector<EntityMention> entities_of(const index::StoredDoc& stored, const EntityNamer& name_of) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> counts;
    for (const index::StoredMention& m : stored.mentions)
        ++counts[{m.facet, m.key}];
    std::vector<std::pair<std::uint32_t, EntityMention>> found;
    for (const auto& [which, count] : counts) {
        const auto [facet, key] = which;
        if (facet >= schema::kFacetFields.size() || key >= stored.entity_keys.size()) continue;
        EntityMention e;
        e.facet = schema::kFacetFields[facet].name;
        e.key = stored.entity_keys[key];
        e.name = name_of(e.facet, e.key);
        e.mentions = count;
        found.emplace_back(facet, std::move(e));
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        if (a.second.mentions != b.second.mentions) return a.second.mentions > b.second.mentions;
        return a.second.name < b.second.name;
    });
    std::vector<EntityMention> out;
    for (auto& [facet, e] : found)
        out.push_back(std::move(e));
    return out;
}

// Days the text mentions, from the XE<YYYYMMDD> terms.
std::vector<std::string> mentioned_days(const Xapian::Database& db, Xapian::docid did) {
    std::vector<std::string> days;
    const std::string prefix(schema::kMentionedPrefix);
    Xapian::TermIterator it = db.termlist_begin(did);
    for (it.skip_to(prefix); it != db.termlist_end(did); ++it) {
        const std::string term = *it;
        if (term.compare(0, prefix.size(), prefix) != 0) break;
        if (term.size() != prefix.size() + 8) continue;
        days.push_back(term.substr(2, 4) + "-" + term.substr(6, 2) + "-" + term.substr(8, 2));
    }
    return days;
}

}  // namespace

std::optional<DocumentView> read_document_view(const Xapian::Database& db, const std::string& id,
                                               const EntityNamer& name_of) {
    const std::string term = schema::id_term(id);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        const Xapian::docid did = *it;
        index::StoredDoc stored = index::unserialise(db.get_document(did).get_data(), true);
        if (stored.doc.id != id) continue;  // a hashed id term shared by a longer id
        const Document& d = stored.doc;
        DocumentView view{d.id, d.title, {}, d.date, d.url, d.source, d.author, d.lang, {}, {}};
        view.body = BodyText(db, did, stored).slice(0, stored.body_size);
        view.entities = entities_of(stored, name_of);
        view.mentioned_dates = mentioned_days(db, did);
        return view;
    }
    return std::nullopt;
}

}  // namespace byline::search
