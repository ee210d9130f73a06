#include "index/entity_works.h"

#include "index/schema.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace byline::index {

namespace {

constexpr double kWorkShare = 0.15;
// A name in fewer articles is not looked at: one article proves nothing either way. Nor are
// names beyond the most frequent kMostFrequent, so a run's end costs the same on any corpus.
constexpr Xapian::doccount kMinArticles = 3;
constexpr std::size_t kMostFrequent = 1000;

// Nouns written before a title: "the film Vera Drake", "Mike Leigh's drama Vera Drake".
constexpr std::array<std::string_view, 22> kWorkNouns = {
    "film",   "films",   "movie",  "movies", "drama", "comedy", "thriller", "documentary",
    "biopic", "musical", "album",  "single", "song",  "novel",  "book",     "game",
    "games",  "console", "series", "sitcom", "opera", "show"};
// Bands are not people: "the band Franz Ferdinand".
constexpr std::array<std::string_view, 3> kBandNouns = {"band", "bands", "group"};
// Nouns after a title: "the Harry Potter series", "the PlayStation 2 console".
constexpr std::array<std::string_view, 6> kAfterWorkNouns = {"series",  "sequel",  "franchise",
                                                             "trilogy", "console", "consoles"};
// And after a title or a band taken for a person: "the Harry Potter author", "the Franz
// Ferdinand frontman". Not "film": the index drops the possessive, and "Mike Leigh's film"
// reads as "Mike Leigh film".
constexpr std::array<std::string_view, 2> kAfterPersonWorkNouns = {"author", "frontman"};
// Words after an award: "Oscar nominations", "Oscar-winning", "the Bafta ceremony".
constexpr std::array<std::string_view, 8> kAwardNouns = {
    "nomination", "nominations", "nominated", "nominee", "winning", "winner", "ceremony", "awards"};

// Articles where a cue stands just before (or just after) the entity term.
Xapian::doccount cued_articles(const Xapian::Database& db, const std::string& term,
                               std::size_t name_words, bool person) {
    std::vector<Xapian::Query> phrases;
    auto before = [&](std::string_view cue) {
        const std::array<Xapian::Query, 2> pair = {Xapian::Query(std::string(cue)),
                                                   Xapian::Query(term)};
        phrases.emplace_back(Xapian::Query::OP_PHRASE, pair.begin(), pair.end(), 2);
    };
    // The entity term stands at the name's first word; a cue follows its last, perhaps after
    // a number ("PlayStation 2 console").
    auto after = [&](std::string_view cue, std::size_t gap) {
        const std::array<Xapian::Query, 2> pair = {Xapian::Query(term),
                                                   Xapian::Query(std::string(cue))};
        phrases.emplace_back(Xapian::Query::OP_PHRASE, pair.begin(), pair.end(),
                             static_cast<Xapian::termcount>(name_words + gap));
    };
    for (std::string_view cue : kWorkNouns)
        before(cue);
    for (std::string_view cue : kAfterWorkNouns)
        after(cue, 2);
    if (person) {
        for (std::string_view cue : kBandNouns)
            before(cue);
        for (std::string_view cue : kAfterPersonWorkNouns)
            after(cue, 1);
    } else {
        for (std::string_view cue : kAwardNouns)
            after(cue, 1);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
    return mset.get_matches_estimated();
}

std::size_t words_in(const std::string& key) {
    std::size_t n = 1;
    for (char c : key)
        n += c == ' ';
    return n;
}

}  // namespace

std::unordered_set<std::string> work_titles(const Xapian::Database& db, std::size_t facet,
                                            const std::vector<AliasInput>& entities) {
    const schema::FacetField& field = schema::kFacetFields[facet];
    const bool person = field.name == "person";
    std::vector<const AliasInput*> frequent;
    for (const AliasInput& e : entities) {
        if (e.articles >= kMinArticles) frequent.push_back(&e);
    }
    const auto more = [](const AliasInput* a, const AliasInput* b) {
        return a->articles != b->articles ? a->articles > b->articles : a->key < b->key;
    };
    if (frequent.size() > kMostFrequent) {
        std::nth_element(frequent.begin(), frequent.begin() + kMostFrequent, frequent.end(), more);
        frequent.resize(kMostFrequent);
    }
    std::unordered_set<std::string> out;
    for (const AliasInput* entity : frequent) {
        const AliasInput& e = *entity;
        const Xapian::doccount cued =
            cued_articles(db, std::string(field.prefix) + e.key, words_in(e.key), person);
        if (cued >= 2 && cued >= kWorkShare * e.articles) out.insert(e.key);
    }
    return out;
}

}  // namespace byline::index
