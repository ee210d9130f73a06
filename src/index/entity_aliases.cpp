#include "index/entity_aliases.h"

#include <byline/error.h>

#include "extract/entity_key.h"
#include "extract/entity_rules.h"
#include "index/entity_works.h"
#include "index/facet_dictionary.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <numeric>
#include <optional>
#include <sstream>
#include <unordered_set>

namespace byline::index {

namespace {

// A candidate wins among several only with this share of their articles.
constexpr double kDominantShare = 0.75;
// A lone given name starting this many full names (and ending none) is hidden.
constexpr std::size_t kGivenNameStarts = 3;
// A full name written as another type in this share of its articles is that type.
constexpr double kOtherTypeShare = 0.2;
// ... and so is one that starts with a given name, in this many times its articles.
constexpr double kOtherTypeTimes = 3.0;

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;)
        out.push_back(std::move(w));
    return out;
}

std::string join(const std::vector<std::string>& words, std::size_t first, std::size_t end) {
    std::string out;
    for (std::size_t i = first; i < end; ++i) {
        if (i > first) out += ' ';
        out += words[i];
    }
    return out;
}

// Words after a name that say what kind of organisation it is, as keys fold them.
const std::unordered_set<std::string>& kind_words() {
    static const std::unordered_set<std::string> words = [] {
        std::unordered_set<std::string> out;
        for (const char* w : {"board", "group", "holding", "holdings", "company", "companies",
                              "corporation", "international", "industries", "investors", "investor",
                              "service", "services", "incorporated", "limited", "party"})
            out.insert(extract::entity_key(w));
        return out;
    }();
    return words;
}

// Words an acronym leaves out ("Organization of the Petroleum Exporting Countries" -> OPEC).
bool is_function_word(const std::string& w) {
    static const std::unordered_set<std::string> words = {
        "of", "and", "the", "for", "on", "in", "to", "de", "du", "des", "la", "le", "der", "und"};
    return words.count(w) > 0;
}

// The capitals of an acronym written in capitals, lower-cased ("SEC" -> "sec"); "" otherwise.
std::string acronym_letters(const std::string& name) {
    if (name.size() < 2 || name.size() > 8) return "";
    std::string out;
    for (unsigned char c : name) {
        if (!std::isupper(c)) return "";
        out += static_cast<char>(std::tolower(c));
    }
    return out;
}

// "U.S. Department of Agriculture" -> "U S Department of Agriculture": the letters of a
// dotted abbreviation are initials of their own (USDA).
std::string spell_out_dotted(const std::string& name) {
    std::string out;
    for (const std::string& w : words_of(name)) {
        bool dotted = w.size() >= 4;
        for (std::size_t k = 0; dotted && k < w.size(); ++k)
            dotted = k % 2 ? w[k] == '.' : std::isalpha(static_cast<unsigned char>(w[k])) != 0;
        if (!out.empty()) out += ' ';
        if (!dotted) {
            out += w;
            continue;
        }
        for (std::size_t k = 0; k < w.size(); k += 2) {
            if (k > 0) out += ' ';
            out += w[k];
        }
    }
    return out;
}

// Heads of "Department of Agriculture", which is the "Agriculture Department".
const std::unordered_set<std::string>& reorderable_heads() {
    static const std::unordered_set<std::string> words = [] {
        std::unordered_set<std::string> out;
        for (const char* w : {"department", "ministry", "office", "bureau", "agency"})
            out.insert(extract::entity_key(w));
        return out;
    }();
    return words;
}

// "us department of agriculture" -> "us agriculture department"; other keys stay.
std::string head_last(const std::vector<std::string>& w, const std::string& key) {
    for (std::size_t h = 0; h + 2 < w.size(); ++h) {
        if (!reorderable_heads().count(w[h]) || w[h + 1] != "of") continue;
        std::string out = join(w, 0, h);
        if (!out.empty()) out += ' ';
        out += join(w, h + 2, w.size());
        out += ' ';
        out += w[h];
        return out;
    }
    return key;
}

// Legal forms written out ("Commodity Credit Corporation": CCC) may be in an acronym;
// abbreviated ones ("Compaq Computer Corp") are not.
bool is_spelled_out_legal_form(const std::string& w) {
    return w == "corporation" || w == "company" || w == "incorporated" || w == "limited";
}

// The initials of a name of two words or more, function words and abbreviated legal forms
// left out, with and without spelled-out ones ("Commodity Credit Corporation": "ccc", "cc").
std::vector<std::string> initials(const std::string& name) {
    std::vector<std::string> words = words_of(extract::ascii_fold(spell_out_dotted(name)));
    std::erase_if(words, is_function_word);
    while (!words.empty() && extract::is_legal_form(words.back()) &&
           !is_spelled_out_legal_form(words.back()))
        words.pop_back();
    std::vector<std::string> out;
    while (words.size() >= 2) {
        std::string letters;
        for (const std::string& w : words)
            letters += w[0];
        out.push_back(std::move(letters));
        if (!extract::is_legal_form(words.back())) break;
        words.pop_back();
    }
    return out;
}

class Sets {
  public:
    explicit Sets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
    std::size_t root(std::size_t i) {
        while (parent_[i] != i)
            i = parent_[i] = parent_[parent_[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b) { parent_[root(a)] = root(b); }

  private:
    std::vector<std::size_t> parent_;
};

class Chooser {
  public:
    Chooser(AliasKind kind, const std::vector<AliasInput>& entities, const OtherTypes& other_type,
            const IsGivenName& given_name)
        : kind_(kind),
          in_(entities),
          other_type_(other_type),
          given_name_(given_name),
          sets_(entities.size()),
          hidden_(entities.size()) {
        for (std::size_t i = 0; i < in_.size(); ++i) {
            words_.push_back(words_of(in_[i].key));
            by_key_.emplace(in_[i].key, i);
        }
    }

    std::vector<AliasChoice> choose() {
        if (kind_ == AliasKind::person) {
            count_name_ends();
            join_middle_initials();
            join_initialled_names();
            join_surnames();
            hide_given_names();
            hide_other_types();
        } else {
            join_plurals();
            join_reordered();
            join_kind_words();
            join_acronyms();
            join_qualified_names();
        }
        return result();
    }

  private:
    // Joins `one` to the candidate set holding kDominantShare of the candidates' articles;
    // whether it did.
    bool join_dominant(std::size_t one, const std::vector<std::size_t>& candidates) {
        std::unordered_map<std::size_t, std::uint64_t> by_set;
        std::uint64_t total = 0;
        for (std::size_t c : candidates) {
            by_set[sets_.root(c)] += in_[c].articles;
            total += in_[c].articles;
        }
        if (total == 0) return false;
        const auto best = std::max_element(by_set.begin(), by_set.end(), [](auto& a, auto& b) {
            return a.second != b.second ? a.second < b.second : a.first > b.first;
        });
        if (best->second < 2 || best->second < kDominantShare * static_cast<double>(total))
            return false;
        sets_.join(one, best->first);
        return true;
    }

    // "george w bush" and "george bush".
    void join_middle_initials() {
        std::unordered_map<std::string, std::vector<std::size_t>> by_ends;
        for (std::size_t i = 0; i < in_.size(); ++i) {
            const auto& w = words_[i];
            if (w.size() < 2) continue;
            bool initials_between = std::all_of(w.begin() + 1, w.end() - 1,
                                                [](const std::string& m) { return m.size() == 1; });
            if (initials_between) by_ends[w.front() + " " + w.back()].push_back(i);
        }
        for (auto& [ends, group] : by_ends) {
            for (std::size_t i = 1; i < group.size(); ++i)
                sets_.join(group[i], group[0]);
        }
    }

    // How many full names start and end with each word (those of one article may be junk:
    // "Both Chelsea").
    void count_name_ends() {
        for (std::size_t i = 0; i < in_.size(); ++i) {
            const auto& w = words_[i];
            if (w.size() < 2 || in_[i].articles < 2) continue;
            ++starts_[w.front()];
            ++ends_[w.back()];
        }
    }
    // A word that starts three full names or more, and three times as many as it ends, is a
    // given name ("David"); "Reagan" starts a few junk ones ("Reagan Administration").
    bool is_given_name(const std::string& word) {
        return starts_[word] >= kGivenNameStarts && starts_[word] >= 3 * ends_[word];
    }

    // "g thorpe" (a scorecard's "G. Thorpe") and the full name it shortens, "graham thorpe",
    // when that one holds three quarters of the full names with that initial and surname.
    void join_initialled_names() {
        std::unordered_map<std::string, std::vector<std::size_t>> by_initial_surname;
        for (std::size_t i = 0; i < in_.size(); ++i) {
            const auto& w = words_[i];
            if (w.size() == 2 && w[0].size() > 1)
                by_initial_surname[w[0].substr(0, 1) + " " + w[1]].push_back(i);
        }
        for (std::size_t i = 0; i < in_.size(); ++i) {
            const auto& w = words_[i];
            if (w.size() != 2 || w[0].size() != 1) continue;
            auto it = by_initial_surname.find(in_[i].key);
            if (it != by_initial_surname.end()) join_dominant(i, it->second);
        }
    }

    void join_surnames() {
        std::unordered_map<std::string, std::vector<std::size_t>> by_last;
        for (std::size_t i = 0; i < in_.size(); ++i) {
            if (words_[i].size() >= 2) by_last[words_[i].back()].push_back(i);
        }
        for (std::size_t i = 0; i < in_.size(); ++i) {
            if (words_[i].size() != 1 || is_given_name(words_[i][0])) continue;
            auto it = by_last.find(words_[i][0]);
            if (it != by_last.end()) join_dominant(i, it->second);
        }
    }

    void hide_given_names() {
        std::unordered_map<std::size_t, std::size_t> set_size;
        for (std::size_t i = 0; i < in_.size(); ++i)
            ++set_size[sets_.root(i)];
        for (std::size_t i = 0; i < in_.size(); ++i) {
            if (words_[i].size() != 1 || set_size[sets_.root(i)] > 1) continue;
            const std::string& w = words_[i][0];
            if (is_given_name(w) || (given_name_ && given_name_(in_[i].name))) hidden_[i] = true;
            // "Chelsea", "Oscar": a club, an award; no full name ends with the word. "Philips":
            // a firm in at least as many articles as a person named so (none of them dominant).
            auto other = other_type_.find(in_[i].key);
            if (other != other_type_.end() && (ends_[w] == 0 || other->second >= in_[i].articles))
                hidden_[i] = true;
        }
    }

    // "Royal Dutch" (of Royal Dutch/Shell), "Hong Kong": a full name that the corpus also
    // writes as an organisation or place, in a fifth as many articles or more, is not a person;
    // one that starts with a given name only where the other type has three times its articles
    // ("Merrill Lynch", the firm; not "the George W Bush website").
    void hide_other_types() {
        for (std::size_t i = 0; i < in_.size(); ++i) {
            if (words_[i].size() < 2) continue;
            auto it = other_type_.find(in_[i].key);
            if (it == other_type_.end() || it->second < 2) continue;
            const double times = is_given_name(words_[i][0]) ? kOtherTypeTimes : kOtherTypeShare;
            if (it->second >= times * in_[i].articles) hidden_[i] = true;
        }
    }

    void join_plurals() {
        for (std::size_t i = 0; i < in_.size(); ++i) {
            const std::string& key = in_[i].key;
            if (key.size() < 4) continue;
            auto it = by_key_.find(key + "s");
            if (it != by_key_.end()) sets_.join(it->second, i);
        }
    }

    // "department of agriculture" and "agriculture department".
    void join_reordered() {
        std::unordered_map<std::string, std::size_t> first_of;
        for (std::size_t i = 0; i < in_.size(); ++i) {
            auto [it, fresh] = first_of.emplace(head_last(words_[i], in_[i].key), i);
            if (!fresh) sets_.join(i, it->second);
        }
    }

    // "moody's" and "moody's investors service".
    void join_kind_words() {
        std::unordered_map<std::size_t, std::vector<std::size_t>> candidates;
        for (std::size_t i = 0; i < in_.size(); ++i) {
            const auto& w = words_[i];
            for (std::size_t cut = w.size() - 1; cut >= 1; --cut) {
                if (!kind_words().count(w[cut])) break;
                auto it = by_key_.find(join(w, 0, cut));
                if (it != by_key_.end()) candidates[it->second].push_back(i);
            }
        }
        for (auto& [shorter, longer] : candidates)
            join_dominant(shorter, longer);
    }

    // "Treasury" and "U.S. Treasury" (over "U.K. Treasury"); "United" between Manchester,
    // Newcastle and Leeds United names no one organisation and is hidden.
    void join_qualified_names() {
        std::unordered_map<std::string, std::vector<std::size_t>> by_tail;
        for (std::size_t i = 0; i < in_.size(); ++i) {
            const auto& w = words_[i];
            if (in_[i].articles < 2) continue;
            for (std::size_t cut = 1; cut < w.size(); ++cut)
                by_tail[join(w, cut, w.size())].push_back(i);
        }
        for (std::size_t i = 0; i < in_.size(); ++i) {
            auto it = by_tail.find(in_[i].key);
            if (it == by_tail.end()) continue;
            if (join_dominant(i, it->second) || words_[i].size() != 1 ||
                it->second.size() < kGivenNameStarts)
                continue;
            // Hidden only when the qualified names are the usual ones ("Congress" alone is).
            std::uint64_t qualified = 0;
            for (std::size_t j : it->second)
                qualified += in_[j].articles;
            if (qualified > in_[i].articles) hidden_[i] = true;
        }
    }

    void join_acronyms() {
        std::unordered_map<std::string, std::vector<std::size_t>> by_initials;
        for (std::size_t i = 0; i < in_.size(); ++i) {
            if (words_[i].size() < 2) continue;
            for (const std::string& letters : initials(in_[i].name))
                by_initials[letters].push_back(i);
        }
        for (std::size_t i = 0; i < in_.size(); ++i) {
            if (words_[i].size() != 1) continue;
            auto it = by_initials.find(acronym_letters(in_[i].name));
            if (it != by_initials.end()) join_dominant(i, it->second);
        }
    }

    // The key a set is shown under: the most articles (persons: among full names).
    bool better(std::size_t a, std::size_t b) const {
        if (kind_ == AliasKind::person) {
            // A full name over a lone one, a given name over an initial ("G. Thorpe").
            auto fullness = [&](std::size_t i) {
                return (words_[i].size() > 1 ? 2 : 0) + (words_[i][0].size() > 1 ? 1 : 0);
            };
            if (fullness(a) != fullness(b)) return fullness(a) > fullness(b);
        }
        if (in_[a].articles != in_[b].articles) return in_[a].articles > in_[b].articles;
        return in_[a].key < in_[b].key;
    }

    std::vector<AliasChoice> result() {
        std::unordered_map<std::size_t, std::size_t> shown;  // set root -> member shown
        for (std::size_t i = 0; i < in_.size(); ++i) {
            auto [it, fresh] = shown.emplace(sets_.root(i), i);
            if (!fresh && better(i, it->second)) it->second = i;
        }
        std::vector<AliasChoice> out;
        for (std::size_t i = 0; i < in_.size(); ++i) {
            if (hidden_[i] || hidden_[shown[sets_.root(i)]]) {
                out.push_back({in_[i].key, "", true});
                continue;
            }
            const std::size_t canonical = shown[sets_.root(i)];
            if (canonical != i) out.push_back({in_[i].key, in_[canonical].key, false});
        }
        return out;
    }

    AliasKind kind_;
    const std::vector<AliasInput>& in_;
    const OtherTypes& other_type_;
    const IsGivenName& given_name_;
    Sets sets_;
    std::vector<bool> hidden_;
    std::vector<std::vector<std::string>> words_;
    std::unordered_map<std::string, std::size_t> by_key_;
    std::unordered_map<std::string, std::size_t> starts_, ends_;
};

// The entity keys of facet `facet` in `db`, each with its article count.
template <typename F>
void for_each_key(const Xapian::Database& db, std::size_t facet, F&& f) {
    const std::string prefix(schema::kFacetFields[facet].prefix);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        std::string key = (*it).substr(prefix.size());
        // Another prefix that starts like this one ("XLANG" after "XL") is in capitals.
        if (key.empty() || std::isupper(static_cast<unsigned char>(key[0]))) continue;
        f(std::move(key), it.get_termfreq());
    }
}

std::vector<AliasInput> entities_of(const Xapian::Database& db, std::size_t facet) {
    std::vector<AliasInput> out;
    for_each_key(db, facet, [&](std::string key, Xapian::doccount articles) {
        AliasInput e;
        e.name = most_written_name(db, schema::kFacetFields[facet].name, key);
        e.articles = articles;
        e.key = std::move(key);
        out.push_back(std::move(e));
    });
    return out;
}

// The keys of the entity facets other than `facet`, with their most articles in one.
OtherTypes keys_of_other_facets(const Xapian::Database& db, std::size_t facet) {
    OtherTypes out;
    for (std::size_t other = 0; other < schema::kFacetCount; ++other) {
        if (other == facet || !schema::kFacetFields[other].entity) continue;
        for_each_key(db, other, [&](std::string key, Xapian::doccount articles) {
            std::uint32_t& n = out[std::move(key)];
            n = std::max<std::uint32_t>(n, articles);
        });
    }
    return out;
}

// Works and awards are no entity of the facet: hidden, with every key counted as them.
void hide_works(const std::unordered_set<std::string>& works, std::vector<AliasChoice>& choices) {
    if (works.empty()) return;
    std::unordered_set<std::string> chosen;
    for (AliasChoice& c : choices) {
        chosen.insert(c.key);
        if (works.count(c.key) || works.count(c.canonical)) {
            c.hidden = true;
            c.canonical.clear();
        }
    }
    for (const std::string& work : works) {
        if (!chosen.count(work)) choices.push_back({work, "", true});
    }
}

}  // namespace

std::vector<AliasChoice> choose_aliases(AliasKind kind, const std::vector<AliasInput>& entities,
                                        const OtherTypes& other_type,
                                        const IsGivenName& given_name) {
    return Chooser(kind, entities, other_type, given_name).choose();
}

void store_entity_aliases(Xapian::WritableDatabase& db, const IsGivenName& given_name) {
    for (std::size_t facet = 0; facet < schema::kFacetCount; ++facet) {
        const std::string_view name = schema::kFacetFields[facet].name;
        if (name != "person" && name != "org") continue;
        const AliasKind kind = name == "person" ? AliasKind::person : AliasKind::org;
        std::string lines;
        const OtherTypes other_type =
            kind == AliasKind::person ? keys_of_other_facets(db, facet) : OtherTypes{};
        const std::vector<AliasInput> entities = entities_of(db, facet);
        std::vector<AliasChoice> choices = choose_aliases(kind, entities, other_type, given_name);
        hide_works(work_titles(db, facet, entities), choices);
        for (const AliasChoice& c : choices) {
            auto id = parse_facet_id(db.get_metadata(schema::facet_id_key(name, c.key)));
            std::optional<std::uint32_t> to;
            if (!c.hidden)
                to = parse_facet_id(db.get_metadata(schema::facet_id_key(name, c.canonical)));
            if (!id || (!c.hidden && !to)) continue;  // a key no document numbered
            lines += std::to_string(*id) + '\t' + (c.hidden ? "-" : std::to_string(*to)) + '\t' +
                     c.key + '\t' + c.canonical + '\n';
        }
        db.set_metadata(schema::alias_key(name), lines);
    }
}

std::shared_ptr<const EntityAliases> EntityAliases::load(const Xapian::Database& db) {
    return parse(stored_lists(db));
}

EntityAliases::Lists EntityAliases::stored_lists(const Xapian::Database& db) {
    Lists lists;
    for (std::size_t facet = 0; facet < schema::kFacetCount; ++facet) {
        if (schema::kFacetFields[facet].entity)
            lists[facet] = db.get_metadata(schema::alias_key(schema::kFacetFields[facet].name));
    }
    return lists;
}

std::shared_ptr<const EntityAliases> EntityAliases::parse(const Lists& lists) {
    auto out = std::make_shared<EntityAliases>();
    for (std::size_t facet = 0; facet < schema::kFacetCount; ++facet) {
        const std::string_view name = schema::kFacetFields[facet].name;
        if (!schema::kFacetFields[facet].entity) continue;
        std::istringstream lines(lists[facet]);
        auto& by_id = out->by_id_[facet];
        for (std::string line; std::getline(lines, line);) {
            std::vector<std::string> cols;
            std::istringstream in(line);
            for (std::string col; std::getline(in, col, '\t');)
                cols.push_back(std::move(col));
            if (cols.size() == 3) cols.emplace_back();  // hidden: no canonical key
            auto id = parse_facet_id(cols.size() == 4 ? cols[0] : "");
            auto to = cols.size() == 4 && cols[1] == "-"
                          ? std::optional(kHidden)
                          : parse_facet_id(cols.size() == 4 ? cols[1] : "");
            if (!id || !to)
                throw IndexError("damaged entity aliases of facet " + std::string(name));
            if (*id >= by_id.size()) {
                const std::size_t old = by_id.size();
                by_id.resize(*id + 1);
                std::iota(by_id.begin() + static_cast<std::ptrdiff_t>(old), by_id.end(),
                          static_cast<std::uint32_t>(old));
            }
            by_id[*id] = *to;
            out->key_to_canonical_[facet][cols[2]] = cols[3];
            if (*to == kHidden) continue;
            auto& group = out->groups_[facet][cols[3]];
            if (group.empty()) group.push_back(cols[3]);
            group.push_back(cols[2]);
            auto& members = out->member_ids_[facet][*to];
            if (members.empty()) members.push_back(*to);
            members.push_back(*id);
        }
        // Every key of a group finds the group.
        for (auto& [canonical, group] : std::unordered_map(out->groups_[facet])) {
            for (std::size_t i = 1; i < group.size(); ++i)
                out->groups_[facet][group[i]] = group;
        }
    }
    return out;
}

const std::string& EntityAliases::canonical_key(std::size_t facet, const std::string& key) const {
    const auto& map = key_to_canonical_[facet];
    auto it = map.find(key);
    return it == map.end() ? key : it->second;
}

const std::vector<std::string>& EntityAliases::group(std::size_t facet,
                                                     const std::string& key) const {
    static const std::vector<std::string> none;
    auto it = groups_[facet].find(key);
    return it == groups_[facet].end() ? none : it->second;
}

const std::vector<std::uint32_t>& EntityAliases::members(std::size_t facet,
                                                         std::uint32_t id) const {
    static const std::vector<std::uint32_t> none;
    auto it = member_ids_[facet].find(id);
    return it == member_ids_[facet].end() ? none : it->second;
}

}  // namespace byline::index
