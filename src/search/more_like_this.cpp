#include "search/more_like_this.h"

#include <byline/error.h>

#include <cctype>

#include "index/schema.h"
#include "index/stored_doc.h"

namespace byline::search {

namespace {

// The terms relevance feedback draws on; ranked by Xapian's expansion weight (Bo1 would do as
// well on news; TradEWeight, the default, needs no tuning).
constexpr Xapian::termcount kTerms = 40;
// Entity terms carry no within-document frequency (they filter), so BM25 would give them
// nothing: each adds this share of its expansion weight instead.
constexpr double kEntityWeight = 0.2;

bool is_entity_term(const std::string& term) {
    for (const schema::FacetField& field : schema::kFacetFields) {
        if (field.entity && term.size() > field.prefix.size() &&
            term.compare(0, field.prefix.size(), field.prefix) == 0 &&
            !std::isupper(static_cast<unsigned char>(term[field.prefix.size()])))
            return true;
    }
    return false;
}

// Words and entity terms; not ids, dates, titles-only or stem terms (their words stand for
// them); and only those some other article holds too: a term of the given articles alone finds
// nothing (in a small index, the most telling terms are often such).
class LikeTerms : public Xapian::ExpandDecider {
  public:
    LikeTerms(const Xapian::Database& db, Xapian::doccount given) : db_(db), given_(given) {}
    bool operator()(const std::string& term) const override {
        if (term.size() < 3) return false;
        const auto first = static_cast<unsigned char>(term[0]);
        const bool word = first >= 0x80 || (first >= 'a' && first <= 'z');
        return (word || is_entity_term(term)) && db_.get_termfreq(term) > given_;
    }

  private:
    const Xapian::Database& db_;
    Xapian::doccount given_;
};

Xapian::docid docid_of(const Xapian::Database& db, const std::string& id) {
    const std::string term = schema::id_term(id);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        if (index::unserialise(db.get_document(*it).get_data(), false).doc.id == id) return *it;
    }
    throw UsageError("like: no article with id '" + id + "' in the index");
}

}  // namespace

Xapian::Query like_query(const Xapian::Database& db, const std::vector<std::string>& ids) {
    Xapian::RSet given;
    std::vector<Xapian::Query> exclude;
    for (const std::string& id : ids) {
        given.add_document(docid_of(db, id));
        exclude.emplace_back(schema::id_term(id));
    }
    Xapian::Enquire enquire(db);
    LikeTerms decider(db, given.size());
    const Xapian::ESet terms = enquire.get_eset(kTerms, given, &decider);
    std::vector<Xapian::Query> parts;
    for (auto it = terms.begin(); it != terms.end(); ++it) {
        const std::string term = *it;
        if (!is_entity_term(term)) {
            parts.emplace_back(term);
            continue;
        }
        auto* fixed = new Xapian::FixedWeightPostingSource(kEntityWeight * it.get_weight());
        parts.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(fixed->release()),
                           Xapian::Query(term));
    }
    if (parts.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_AND_NOT,
                         Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
                         Xapian::Query(Xapian::Query::OP_OR, exclude.begin(), exclude.end()));
}

}  // namespace byline::search
