#include "extract/tagger_hybrid.h"

#include "extract/entity_foreign.h"

#include "extract/tagger_lexicon.h"

#include "extract/entity_coref.h"
#include "extract/entity_cyrillic.h"
#include "extract/entity_key.h"
#include "extract/entity_rules.h"

#include <byline/error.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace byline::extract {
namespace {

bool label_kind(std::string_view label, CandidateKind& kind) {
    if (label == "PER") kind = CandidateKind::person;
    if (label == "LOC") kind = CandidateKind::place;
    if (label == "ORG") kind = CandidateKind::org;
    return label == "PER" || label == "LOC" || label == "ORG";
}

std::string_view span_text(const ChunkContext& c, const Candidate& cand) {
    return c.text.substr(cand.start, cand.end - cand.start);
}

// A city or subdivision entry reached only through the key's folds ("Putin" is not Putten).
bool near_miss(const ChunkContext& c, const Candidate& cand, const GazEntry& g) {
    bool local = g.source == GazSource::city || g.source == GazSource::subdivision;
    return local && ascii_fold(span_text(c, cand)) != ascii_fold(g.name);
}

// The gazetteer entry behind the whole span, unless it is a near miss: a place the text's
// language has its own name for ("Polen"), else the entry of its key.
const GazEntry* gaz_entry(const ChunkContext& c, const Candidate& cand) {
    if (const GazEntry* local = c.gaz.find_local(c.lang, span_text(c, cand))) return local;
    const GazEntry* g = c.gaz.find(entity_key(span_text(c, cand)));
    return g && !near_miss(c, cand, *g) ? g : nullptr;
}

// A user entry for the whole span decides its type, and so does a curated `ignore` entry (and,
// under tagger_types, any curated entry).
void apply_gazetteer(const ChunkContext& c, Candidate& cand, HybridPolicy policy) {
    const GazEntry* g = gaz_entry(c, cand);  // German genitives too ("Bremens")
    if (!g) return;
    // Curated `ignore` phrases (holidays, page furniture) are never entities.
    bool ignored = g->kind == GazKind::ignore && g->source >= GazSource::curated;
    bool decides = ignored || g->source == GazSource::user ||
                   (policy == HybridPolicy::tagger_types && g->source == GazSource::curated);
    if (decides) cand.kind = candidate_kind(g->kind);
    if (candidate_kind(g->kind) == cand.kind) cand.name = g->name;
}

// Names the rules gave to the very same span and type (they resolved it with more context).
void take_rule_names(std::vector<Candidate>& cands, const std::vector<Candidate>& rules) {
    std::map<std::pair<std::size_t, std::size_t>, const Candidate*> by_span;
    for (const Candidate& r : rules)
        by_span.emplace(std::make_pair(r.start, r.end), &r);
    for (Candidate& cand : cands) {
        auto it = by_span.find({cand.start, cand.end});
        if (it != by_span.end() && it->second->kind == cand.kind) cand.name = it->second->name;
    }
}

// Rule candidates that overlap no tagger span (of any label, MISC included).
void add_uncovered(const ChunkContext& c, const std::vector<TagSpan>& spans,
                   std::vector<Candidate>& rules, std::vector<Candidate>& out) {
    std::vector<bool> covered(c.tt.tokens.size() + 1, false);
    for (const TagSpan& s : spans)
        std::fill(covered.begin() + static_cast<std::ptrdiff_t>(s.first),
                  covered.begin() + static_cast<std::ptrdiff_t>(s.last), true);
    for (Candidate& r : rules) {
        bool free = std::none_of(covered.begin() + static_cast<std::ptrdiff_t>(r.first),
                                 covered.begin() + static_cast<std::ptrdiff_t>(r.last),
                                 [](bool b) { return b; });
        if (free) out.push_back(std::move(r));
    }
}

std::vector<TagSpan> rule_spans(const std::vector<Candidate>& rules) {
    std::vector<TagSpan> spans;
    for (const Candidate& r : rules)
        spans.push_back({r.first, r.last, 0});
    return spans;
}

// Confident rule candidates replace the tagger spans they overlap; the other rule candidates
// only fill places where the tagger found nothing.
// "Joint Base Elmendorf-Richardson": a place or organisation the rules typed by its words
// (weak) that strictly contains a tagger span ("Base Elmendorf-Richardson" as a person) keeps
// its extent and type; the tagger span inside it gives way.
void promote_containing_rules(const std::vector<Candidate>& tagged, std::vector<Candidate>& rules) {
    for (Candidate& r : rules) {
        if (!r.weak || r.kind == CandidateKind::person || r.kind == CandidateKind::unknown)
            continue;
        bool inside = std::any_of(tagged.begin(), tagged.end(), [&](const Candidate& t) {
            return r.first <= t.first && t.last <= r.last && t.last - t.first < r.last - r.first;
        });
        if (inside) r.weak = false;
    }
}

// Token k's word in lower case without periods ("Inc." -> "inc").
std::string bare_word(const ChunkContext& c, std::size_t k) {
    std::string w = c.lower(k);
    std::erase(w, '.');
    return w;
}

// Lower-case words of tokens [first, last) without periods; punctuation tokens skipped.
std::vector<std::string> span_words(const ChunkContext& c, std::size_t first, std::size_t last) {
    std::vector<std::string> words;
    for (std::size_t k = first; k < last; ++k) {
        if (c.tt.tokens[k].kind != TokenKind::punct) words.push_back(bare_word(c, k));
    }
    return words;
}

bool starts_with_title(const ChunkContext& c, const Candidate& cand) {
    auto words = span_words(c, cand.first, cand.last);
    std::vector<std::string_view> views(words.begin(), words.end());
    return title_length(views.data(), views.size()) > 0;
}

// A place and an organisation named alike: a county's or a city's team, a city for its
// exchange or its government. (A place read as a person is left to coreference: "Houston" in
// a story on Whitney Houston.)
bool is_place_or_team(CandidateKind rule, CandidateKind tagger) {
    return (rule == CandidateKind::place && tagger == CandidateKind::org) ||
           (rule == CandidateKind::org && tagger == CandidateKind::place);
}

// "in Marseille", "at Chelmsford": the words before a name that make it a place, whatever the
// tagger read (Marseille is a football club too).
bool after_locative(const ChunkContext& c, const Candidate& cand) {
    static const std::set<std::string, std::less<>> kLocatives = {
        "in", "at", "near", "outside", "across", "throughout", "around", "inside"};
    return cand.first > 0 && c.tt.tokens[cand.first - 1].kind == TokenKind::word &&
           kLocatives.count(c.lower(cand.first - 1));
}

// Whether a curated or user gazetteer entry gives `r` its type ("Kremlin" is an organisation).
bool listed_as(const ChunkContext& c, const Candidate& r) {
    const GazEntry* g = c.gaz.find(entity_key(span_text(c, r)));
    return g && g->source >= GazSource::curated && candidate_kind(g->kind) == r.kind;
}

// "American Dennis Mitchell", "Centre Walter Little": the words of `r` outside the person `t`
// are nationalities or common words (a position, a role), which no name of a firm or place is
// made of alone.
bool only_descriptors_around(const ChunkContext& c, const Candidate& r, const Candidate& t) {
    for (std::size_t k = r.first; k < r.last; ++k) {
        if (k >= t.first && k < t.last) continue;
        if (c.tt.tokens[k].kind != TokenKind::word) return false;
        const std::string w = c.lower(k);
        if (!c.gaz.is_demonym(entity_key(w)) && !c.gaz.is_common_word(w)) return false;
    }
    return true;
}

// "Fernand St. Germain", "Jill St. John": a person the rules joined across an abbreviation
// ("St."), which the tagger cut into names there: the abbreviation is inside one name.
bool cut_after_abbreviation(const ChunkContext& c, const Candidate& r,
                            const std::vector<Candidate>& tagged) {
    if (r.kind != CandidateKind::person) return false;
    std::vector<const Candidate*> pieces;
    for (const Candidate& t : tagged) {
        if (t.kind != CandidateKind::unknown && r.first <= t.first && t.last <= r.last &&
            !(t.first == r.first && t.last == r.last))
            pieces.push_back(&t);
    }
    if (pieces.size() < 2) return false;
    std::sort(pieces.begin(), pieces.end(),
              [](const Candidate* a, const Candidate* b) { return a->first < b->first; });
    for (std::size_t p = 0; p + 1 < pieces.size(); ++p) {
        std::string_view before = c.word(pieces[p]->last - 1);
        if (before.ends_with('.')) before.remove_suffix(1);
        if (!is_abbreviation(before)) return false;
        for (std::size_t k = pieces[p]->last; k < pieces[p + 1]->first; ++k) {
            if (c.word(k) != ".") return false;
        }
    }
    return true;
}

// Where the tagger, reading the context, beats a confident rule candidate `r`:
// - in English, the same words read as a team where the rules looked up a place ("Kent"
//   batting is the county's team), or as a place where they guessed an organisation ("NEW
//   YORK" in a dateline), unless a curated entry gives the type (the Russian tagger, weaker,
//   does worse than the gazetteer);
// - names the rules joined and the tagger keeps apart ("Joel Naroff of First Union");
// - a longer name of the same type ("Organisation for Security and Cooperation in Europe",
//   "Scottish Labour Party") that does not only add a title ("Mr Blair").
bool tagger_reads_better(const ChunkContext& c, const Candidate& r,
                         const std::vector<Candidate>& tagged) {
    std::size_t inside = 0;
    for (const Candidate& t : tagged) {
        if (t.kind == CandidateKind::unknown) continue;  // vetted out: no reading at all
        const bool same = t.first == r.first && t.last == r.last;
        if (!same && r.kind != CandidateKind::person && t.kind == CandidateKind::person &&
            r.first <= t.first && t.last <= r.last && only_descriptors_around(c, r, t))
            return true;
        if (same && c.english && is_place_or_team(r.kind, t.kind) && !listed_as(c, r) &&
            !(r.kind == CandidateKind::place && after_locative(c, r)))
            return true;
        if (!same && t.first <= r.first && r.last <= t.last && t.kind == CandidateKind::person &&
            r.kind != CandidateKind::person && starts_with_given_name(c, span_text(c, t)))
            return true;  // "ROBERTO DURAN" over the city Durán, "Paris Hilton" over Paris
        if (!same && r.first <= t.first && t.last <= r.last) ++inside;
        if (!same && t.first <= r.first && r.last <= t.last && t.kind == r.kind &&
            !starts_with_title(c, t))
            return true;
    }
    return inside >= 2 && !listed_as(c, r) && !cut_after_abbreviation(c, r, tagged);
}

// In English, a confident organisation the tagger reads as something else, neither person, place
// nor organisation, on the very same words: a competition ("Champions League", "Six Nations"),
// an event or a work, which the rules took for an organisation by its head word.
bool tagger_reads_other(const ChunkContext& c, const TagSet& tags,
                        const std::vector<TagSpan>& spans, const Candidate& r) {
    if (!c.english || r.kind != CandidateKind::org || listed_as(c, r)) return false;
    return std::any_of(spans.begin(), spans.end(), [&](const TagSpan& s) {
        return s.first == r.first && s.last == r.last && tags.labels[s.label] == "MISC";
    });
}

std::size_t word_count(const ChunkContext& c, std::size_t first, std::size_t last) {
    std::size_t n = 0;
    for (std::size_t k = first; k < last; ++k)
        n += c.tt.tokens[k].kind == TokenKind::word;
    return n;
}

// "Donald Trump Jr.", "Martin Luther King III": a generational suffix ends a personal name.
bool ends_generational(const ChunkContext& c, const Candidate& cand) {
    auto words = span_words(c, cand.first, cand.last);
    return words.size() >= 2 && is_generational_suffix(words.back());
}

// "Secretary of State", "Army Chief of Staff": the span is a person title, alone or after one
// or two words of the office ("Army", "Foreign"). A one-word title after a name is a surname
// ("Stephen King").
bool is_title_span(const ChunkContext& c, const Candidate& cand) {
    auto words = span_words(c, cand.first, cand.last);
    std::vector<std::string_view> views(words.begin(), words.end());
    for (std::size_t p = 0; p < views.size() && p <= 2; ++p) {
        std::size_t rest = views.size() - p;
        if (title_length(views.data() + p, rest) == rest && (p == 0 || rest >= 2)) return true;
    }
    return false;
}

bool sentence_punct(std::string_view w) {
    return w == "." || w == "?" || w == "!" || w == ":" || w == ";";
}

// "Diplomatic Push Continues Despite Setbacks", "Analysis & Commentary (12)": the span is
// every word of a line without sentence punctuation, and half its words or more are common
// words. Such a line is a section header or headline, not a name.
bool is_header_line_span(const ChunkContext& c, const Candidate& cand) {
    const Line& line = c.tt.lines[c.tt.tokens[cand.first].line];
    std::size_t common = 0, words = 0;
    for (std::size_t k = line.first; k < line.last; ++k) {
        const Token& t = c.tt.tokens[k];
        if (t.kind == TokenKind::punct && sentence_punct(c.word(k))) return false;
        if (t.kind != TokenKind::word) continue;
        if (k < cand.first || k >= cand.last) return false;
        ++words;
        common += c.gaz.is_common_word(c.lower(k));
    }
    return words >= 2 && common * 2 > words;
}

// "Enlargement of NATO — Wikipedia": a one-word name after a dash at the end of a line
// without sentence punctuation is the source of a cited title, a publisher.
bool is_source_after_dash(const ChunkContext& c, const Candidate& cand) {
    if (word_count(c, cand.first, cand.last) != 1) return false;
    const Line& line = c.tt.lines[c.tt.tokens[cand.first].line];
    if (cand.last != line.last || cand.first < line.first + 3) return false;
    std::string_view dash = c.word(cand.first - 1);
    if (dash != "\u2014" && dash != "\u2013" && dash != "-" && dash != "--") return false;
    for (std::size_t k = line.first; k < line.last; ++k) {
        if (c.tt.tokens[k].kind == TokenKind::punct && sentence_punct(c.word(k))) return false;
    }
    return !c.gaz.is_first_name(entity_key(c.word(cand.first)));
}

// "Salomon Brothers Inc", "Shearson Lehman Brothers", "E.F. Hutton Group", "Smith Barney,
// Harris Upham and Co": a name ending in, or followed by, a company legal form, "Brothers" or
// "Group" is a firm's, and so is one followed by a run of capitalised partners' names (commas,
// "and", "&") that ends in a legal form, even when its first words are a person's name.
bool is_firm_name(const ChunkContext& c, const Candidate& cand) {
    auto firm_word = [](const std::string& w) {
        return is_legal_form(w) || w == "brothers" || w == "bros" || w == "group";
    };
    const std::vector<std::string> words = span_words(c, cand.first, cand.last);
    if (words.size() >= 2 && firm_word(words.back())) return true;
    const auto& tokens = c.tt.tokens;
    if (cand.last < tokens.size() && tokens[cand.last].kind == TokenKind::word &&
        tokens[cand.last].start == cand.end + 1 && firm_word(c.lower(cand.last)))
        return true;
    constexpr std::size_t kMaxPartnerWords = 8;
    std::size_t seen = 0;
    for (std::size_t k = cand.last; k < tokens.size() && seen < kMaxPartnerWords; ++k) {
        const std::string w = c.lower(k);
        if (tokens[k].kind != TokenKind::word) {
            if (w != "," && w != "&") return false;
            continue;
        }
        ++seen;
        if (seen > 1 && is_legal_form(w)) return true;
        if (w != "and" && !c.is_cap_word(k)) return false;
    }
    return false;
}

// A country, region or city of 100,000 people or more.
bool is_major_place(const GazEntry* g) {
    constexpr std::uint32_t kBigCity = 100'000;
    if (!g || g->kind != GazKind::place) return false;
    return g->source == GazSource::country || g->source == GazSource::subdivision ||
           (g->source == GazSource::city && g->population >= kBigCity);
}

// "Denver", "Atlanta, and Denver": one word the tagger took for a person that is a country, a
// region or a city of 100,000 people or more, where the document names no person by it (no
// full name ending in it, no title before it). A lone surname that is also a big city stays a
// person only through such evidence, so a name keeps one type across the corpus.
bool is_place_not_person(const ChunkContext& c, const Candidate& cand, bool named_person) {
    if (cand.kind != CandidateKind::person || named_person ||
        word_count(c, cand.first, cand.last) != 1)
        return false;
    return is_major_place(gaz_entry(c, cand));
}

// Keys of the people the document names for sure: confident rule persons and the tagger's
// full names, with the surnames of full names ("Trump" of "Donald Trump", not of "Donald
// Trump Jr.").
std::set<std::string> person_keys(const ChunkContext& c, const std::vector<Candidate>& tagged,
                                  const std::vector<Candidate>& rules) {
    std::set<std::string> keys;
    auto add = [&](const Candidate& cand) {
        keys.insert(entity_key(span_text(c, cand)));
        if (word_count(c, cand.first, cand.last) < 2 || ends_generational(c, cand)) return;
        std::size_t k = cand.last - 1;
        keys.insert(
            entity_key(c.text.substr(c.tt.tokens[k].start, c.name_end(k) - c.tt.tokens[k].start)));
    };
    for (const Candidate& r : rules) {
        // "Tom Bellamore of the California": a name the tagger splits lends no surname.
        if (r.kind == CandidateKind::person && !r.weak && !tagger_reads_better(c, r, tagged))
            add(r);
    }
    for (const Candidate& t : tagged) {
        if (t.kind == CandidateKind::person && word_count(c, t.first, t.last) >= 2) add(t);
    }
    return keys;
}

// Names the document writes as an award's, not an organisation's: the capitalised words just
// before "award(s)", "nomination(s)", "ceremony" or "statuette" ("Golden Globe awards", "Bafta
// nominations"), or joined to "-winning" or "-nominated" ("Oscar-winning").
std::set<std::string> award_keys(const ChunkContext& c) {
    static const std::set<std::string, std::less<>> kCues = {
        "award", "awards", "nomination", "nominations", "ceremony", "statuette"};
    constexpr std::size_t kMaxWords = 4;
    const auto& tokens = c.tt.tokens;
    std::set<std::string> keys;
    auto add_name_ending_at = [&](std::size_t last, std::size_t end) {
        std::size_t first = last;
        while (first > 0 && last - first < kMaxWords && c.is_cap_word(first - 1) &&
               tokens[first - 1].line == tokens[last].line)
            --first;
        if (first == last && !c.is_cap_word(last)) return;
        for (std::size_t k = first; k <= last; ++k) {  // "The Silver Lantern": each ending
            if (k == last && c.gaz.is_common_word(c.lower(k))) break;
            keys.insert(entity_key(c.text.substr(tokens[k].start, end - tokens[k].start)));
        }
    };
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (tokens[k].kind != TokenKind::word) continue;
        if (tokens[k].cap) {
            const std::size_t end = c.name_end(k);
            const std::string_view joined = c.text.substr(end, tokens[k].end - end);
            if (joined == "-winning" || joined == "-nominated") add_name_ending_at(k, end);
        }
        if (k > 0 && !tokens[k].cap && c.is_cap_word(k - 1) && kCues.count(c.lower(k)))
            add_name_ending_at(k - 1, tokens[k - 1].end);
    }
    return keys;
}

// Names the document writes as a firm's: a firm name (is_firm_name: "Pirelli SpA"), one just
// before "shares" ("Pirelli shares", "Boatmen 's shares"), or an organisation's name less its
// legal form.
std::set<std::string> firm_keys(const ChunkContext& c, const std::vector<Candidate>& tagged,
                                const std::vector<Candidate>& rules) {
    const auto& tokens = c.tt.tokens;
    auto before_shares = [&](const Candidate& cand) {
        std::size_t k = cand.last;
        if (k < tokens.size() && (c.lower(k) == "'s" || c.lower(k) == "'")) ++k;
        return k < tokens.size() && tokens[k].kind == TokenKind::word &&
               (bare_word(c, k) == "shares" || bare_word(c, k) == "stock");
    };
    std::set<std::string> keys;
    auto consider = [&](const Candidate& cand) {
        if (is_firm_name(c, cand) || before_shares(cand))
            keys.insert(entity_key(span_text(c, cand)));
        if (cand.kind == CandidateKind::org && cand.last - cand.first >= 2 &&
            is_legal_form(bare_word(c, cand.last - 1))) {
            const std::size_t end = tokens[cand.last - 2].end;
            keys.insert(entity_key(c.text.substr(cand.start, end - cand.start)));
        }
    };
    for (const Candidate& t : tagged)
        consider(t);
    for (const Candidate& r : rules)
        consider(r);
    return keys;
}

// Evidence the rules or the gazetteer give for a tagger span: a gazetteer entry for it (not a
// near miss) or a rule candidate with the very same extent.
bool confirmed(const ChunkContext& c, const Candidate& cand,
               const std::set<std::pair<std::size_t, std::size_t>>& rule_spans) {
    const GazEntry* g = gaz_entry(c, cand);
    if (g && g->kind != GazKind::ignore) return true;
    return rule_spans.count({cand.first, cand.last}) > 0;
}

// A word shaped as a person's name: a given name of the lists or a surname by its ending, in
// any case ("Олега", "Шевченка", "Петренко").
bool cyrillic_name_shaped(const ChunkContext& c, std::size_t k) {
    for (const std::string& form : nominative_candidates(c.word(k))) {
        const std::string lower = lower_in_script(form);
        if (c.gaz.is_native_first_name(lower, CyrLang::uk) ||
            c.gaz.is_native_first_name(lower, CyrLang::ru) || is_surname_shaped(lower))
            return true;
    }
    return false;
}

// Checks each tagger span against what the rules know of the document (see
// combine_candidates). Spans found to be no entity become unknown: coreference may still make
// a weak one a person, the rest are dropped.
void vet_tagger_candidates(const ChunkContext& c, std::vector<Candidate>& tagged,
                           const std::vector<Candidate>& rules) {
    std::set<std::pair<std::size_t, std::size_t>> rule_spans;
    for (const Candidate& r : rules) {
        if (r.kind != CandidateKind::unknown) rule_spans.insert({r.first, r.last});
    }
    std::set<std::string> people = person_keys(c, tagged, rules);
    const std::set<std::string> firms = firm_keys(c, tagged, rules);
    const std::set<std::string> awards = award_keys(c);
    std::map<std::string, int> tagged_keys;
    for (const Candidate& t : tagged)
        ++tagged_keys[entity_key(span_text(c, t))];
    for (Candidate& cand : tagged) {
        bool sure = confirmed(c, cand, rule_spans);
        std::string key = entity_key(span_text(c, cand));
        if (ends_generational(c, cand)) {
            cand.kind = CandidateKind::person;
            continue;
        }
        if (is_title_span(c, cand) || (!sure && is_header_line_span(c, cand)) ||
            (awards.count(key) && !people.count(key))) {
            cand.kind = CandidateKind::unknown;
            cand.weak = false;
            continue;
        }
        if (cand.kind != CandidateKind::person && people.count(key)) {
            cand.kind = CandidateKind::person;  // coreference gives the full name
            cand.weak = true;
            continue;
        }
        // "Pirelli" in a story that writes "Pirelli SpA" or "Pirelli shares": the firm.
        if (cand.kind == CandidateKind::person &&
            (is_firm_name(c, cand) || (firms.count(key) && !people.count(key)))) {
            cand.kind = CandidateKind::org;
            continue;
        }
        if (is_place_not_person(c, cand, people.count(key) > 0)) {
            cand.kind = CandidateKind::place;
            continue;
        }
        if (sure) continue;
        const GazEntry* any = c.gaz.find(key);
        bool single = word_count(c, cand.first, cand.last) == 1;
        if ((any && near_miss(c, cand, *any) && cand.kind != CandidateKind::person) ||
            (single && c.gaz.is_common_word(c.lower(cand.first)) && !people.count(key) &&
             tagged_keys[key] < 2)) {
            cand.kind = CandidateKind::unknown;
            continue;
        }
        if (cand.kind == CandidateKind::person && is_source_after_dash(c, cand))
            cand.kind = CandidateKind::org;
        // One Cyrillic word the tagger alone calls a person, once in the story, at a sentence
        // start, shaped like no name: a common word ("Авжеж", "Люди"), not a character.
        if (cand.kind == CandidateKind::person && single && has_cyrillic(span_text(c, cand)) &&
            c.tt.tokens[cand.first].sentence_start && tagged_keys[key] < 2 && !people.count(key) &&
            !cyrillic_name_shaped(c, cand.first))
            cand.kind = CandidateKind::unknown;
    }
}

// "Duran , 45 , takes on" in a story naming Roberto Duran: one word the rules looked up as a
// place or organisation (the city Durán) that the tagger, reading its context, takes for a
// person, and that is the surname of a person the document names in full.
bool tagger_reads_surname(const ChunkContext& c, const Candidate& r,
                          const std::vector<Candidate>& tagged,
                          const std::set<std::string>& people) {
    if (r.kind == CandidateKind::person || word_count(c, r.first, r.last) != 1 ||
        after_place_word(c, r) || listed_as(c, r) || !people.count(entity_key(span_text(c, r))))
        return false;
    return std::any_of(tagged.begin(), tagged.end(), [&](const Candidate& t) {
        return t.first == r.first && t.last == r.last && t.kind == CandidateKind::person;
    });
}

std::vector<Candidate> prefer_strong_rules(const ChunkContext& c, const TagSet& tags,
                                           const std::vector<TagSpan>& spans,
                                           std::vector<Candidate>& tagged,
                                           std::vector<Candidate>& rules) {
    const std::set<std::string> people = person_keys(c, tagged, rules);
    std::vector<bool> strong(c.tt.tokens.size() + 1, false);
    std::vector<Candidate> out, weak;
    for (Candidate& r : rules) {
        if (r.weak) {
            weak.push_back(std::move(r));
            continue;
        }
        if (tagger_reads_better(c, r, tagged) || tagger_reads_other(c, tags, spans, r) ||
            tagger_reads_surname(c, r, tagged, people))
            continue;
        std::fill(strong.begin() + static_cast<std::ptrdiff_t>(r.first),
                  strong.begin() + static_cast<std::ptrdiff_t>(r.last), true);
        out.push_back(std::move(r));
    }
    for (Candidate& t : tagged) {
        bool free = std::none_of(strong.begin() + static_cast<std::ptrdiff_t>(t.first),
                                 strong.begin() + static_cast<std::ptrdiff_t>(t.last),
                                 [](bool b) { return b; });
        if (free) out.push_back(std::move(t));
    }
    std::vector<TagSpan> taken = spans;
    for (const Candidate& o : out)
        taken.push_back({o.first, o.last, 0});
    add_uncovered(c, taken, weak, out);
    resolve_coreference(c, out);
    return out;
}

// A word without a capital letter that no name starts with ("sagt", "wir"; not "von", "de",
// nor "al-Assad" or "eBay", which hold capitals).
bool is_lower_case_word(const ChunkContext& c, std::size_t k) {
    const Token& t = c.tt.tokens[k];
    if (t.kind != TokenKind::word || t.cap) return false;
    const std::string_view w = c.word(k);
    return std::none_of(w.begin(), w.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }) &&
           !is_name_particle(c.lower(k));
}

// "deutschen Fernsehen", "israelische Armee", "japanischen Konzerns": an adjective made from a
// country's name opens a noun phrase, not a name (German writes its nouns with capitals).
bool is_derived_adjective(const ChunkContext& c, std::size_t k) {
    const std::string w = c.lower(k);
    return w.find("isch") != std::string::npos || w.starts_with("deutsch");
}

// ". Standard and Poor's Corp", "Trump-chaired Peace Council", "sagt Winkler": punctuation at the
// start of a tagger span, a leading word joined to a qualifier ("-chaired", "-led") and a leading
// lower-case word are not part of the name. False when nothing is left, or when the span starts
// with an adjective made from a country's name.
bool trim_span(const ChunkContext& c, Candidate& cand) {
    auto outside = [&](std::size_t k) {
        return c.tt.tokens[k].kind == TokenKind::punct || c.name_end(k) != c.tt.tokens[k].end ||
               is_lower_case_word(c, k);
    };
    if (cand.first < cand.last && is_lower_case_word(c, cand.first) &&
        is_derived_adjective(c, cand.first))
        return false;
    while (cand.first < cand.last && outside(cand.first))
        ++cand.first;
    // A name ends with a name, not the particle that joins the next one ("Bernardo el").
    auto particle = [&](std::size_t k) {
        const Token& t = c.tt.tokens[k];
        return t.kind == TokenKind::word && !t.cap &&
               (is_name_particle(c.lower(k)) || is_name_connector(c.lower(k)));
    };
    while (cand.last - cand.first > 1 && particle(cand.last - 1))
        --cand.last;
    return cand.first < cand.last;
}

// In a language that capitalises its nouns (a tagger with a dictionary: German), a person's
// name does not start with one: "Coach Gennadij Chalepo", "Biobauer Renzo Blumenthal",
// "Bundeskanzlerin Angela Merkel" are titles before the name. A given name that is also a word
// stays ("Rosa Luxemburg").
void trim_leading_nouns(const ChunkContext& c, Candidate& cand) {
    if (!c.lexicon) return;
    while (cand.last - cand.first >= 2 && c.is_cap_word(cand.first) &&
           c.is_cap_word(cand.first + 1)) {
        const std::string_view w = c.word(cand.first);
        if (c.gaz.is_first_name(entity_key(w)) || c.lexicon->is_given_name(w) ||
            !c.lexicon->is_common_noun(w))
            break;
        ++cand.first;
    }
}

// In a language that capitalises its nouns, a name in the genitive is followed by the noun it
// qualifies: "Hitlers Vizekanzler", "Ravens Tod", "Matthew Williams Liebeskummer" name a person
// without their last word. A given name ending in "s" ("Klaus Fischer") and a known surname
// after it keep the span whole.
void trim_genitive_noun(const ChunkContext& c, Candidate& cand) {
    if (!c.lexicon || cand.last - cand.first < 2) return;
    const std::size_t owner = cand.last - 2, noun = cand.last - 1;
    if (!c.is_cap_word(owner) || !c.is_cap_word(noun)) return;
    const std::string_view o = c.word(owner), n = c.word(noun);
    if (!o.ends_with('s') || c.gaz.is_first_name(entity_key(o)) || c.lexicon->is_given_name(o))
        return;
    if (!(c.lexicon->is_noun(n) || c.lexicon->has_noun_head(n)) || c.lexicon->is_surname(n) ||
        c.lexicon->is_given_name(n))
        return;
    --cand.last;
}

// The head noun of a German organisation's designation ("Bundesverband", "Instituts",
// "Bundesamtes"): a compound that ends with one of these words, in the nominative or genitive.
bool is_german_org_designation(std::string_view lower) {
    static constexpr std::string_view kHeads[] = {
        "verband",    "verein",      "institut",     "ministerium", "amt",     "gesellschaft",
        "kammer",     "gericht",     "stiftung",     "agentur",     "behörde", "akademie",
        "hochschule", "universität", "gewerkschaft", "vereinigung", "komitee"};
    for (std::string_view ending : {"es", "s", ""}) {
        if (!lower.ends_with(ending)) continue;
        const std::string_view stem = lower.substr(0, lower.size() - ending.size());
        for (std::string_view head : kHeads)
            if (stem.ends_with(head)) return true;
    }
    return false;
}

// In a language that capitalises its nouns (a tagger with a dictionary: German), the tagger
// often starts an organisation at its second word: "Raiffeisen Bank International" (a name no
// dictionary knows before it), "Bundesverband der Deutschen Industrie" (a designation and an
// article before it).
void extend_org_left(const ChunkContext& c, Candidate& cand) {
    if (!c.lexicon || cand.first == 0) return;
    const std::size_t k = cand.first - 1;
    const Token& t = c.tt.tokens[k];
    auto unknown_name = [&](std::size_t i) {
        const std::string_view w = c.word(i);
        const Token& ti = c.tt.tokens[i];
        // Not a person's name or its genitive ("Söders CSU").
        const bool person_word =
            may_be_person_word(c, w) ||
            (w.ends_with('s') && may_be_person_word(c, w.substr(0, w.size() - 1)));
        return c.is_cap_word(i) && !ti.all_caps && !ti.sentence_start && !c.lexicon->is_noun(w) &&
               !c.lexicon->has_noun_head(w) && !c.lexicon->is_lower_word(w) && !person_word;
    };
    if (unknown_name(k)) {
        cand.first = k;
        return;
    }
    static const std::set<std::string_view> kJoins = {"der", "des", "für", "vom", "von"};
    if (k == 0 || t.kind != TokenKind::word || !kJoins.count(c.lower(k))) return;
    // Not a relation to the body ("Tochtergesellschaft der Deutschen Bahn").
    const std::string designation = utf8_lower(c.word(k - 1));
    static constexpr std::string_view kRelations[] = {"tochter", "mutter", "partner", "schwester"};
    for (std::string_view relation : kRelations)
        if (designation.starts_with(relation)) return;
    if (c.is_cap_word(k - 1) && is_german_org_designation(designation)) cand.first = k - 1;
}

}  // namespace

HybridPolicy default_policy(const EntityTagger* tagger, std::string_view lang) {
    const std::string base = base_language(lang);
    const bool cyrillic = base == "ru" || base == "uk";
    return tagger && !tagger->language().empty() && !cyrillic ? HybridPolicy::tagger
                                                              : kDefaultHybridPolicy;
}

HybridPolicy parse_hybrid_policy(std::string_view name) {
    if (name == "rules") return HybridPolicy::rules;
    if (name == "tagger") return HybridPolicy::tagger;
    if (name == "tagger-first") return HybridPolicy::tagger_first;
    if (name == "tagger-types") return HybridPolicy::tagger_types;
    if (name == "rules-first") return HybridPolicy::rules_first;
    if (name == "strong-rules") return HybridPolicy::strong_rules;
    throw UsageError("unknown hybrid policy '" + std::string(name) +
                     "' (rules, tagger, tagger-first, tagger-types, rules-first, strong-rules)");
}

// Whether a Cyrillic span the tagger reads as a person can be one: leading function words and
// punctuation are trimmed ("Вчора Київська", ". Франка"); no function word alone ("Він"), no
// abbreviation inside ("Миколаївська ОДА"), no institution word after it ("Харківської міської
// ради").
// A capitalised word that is a country's name in some case ("України", "России"), or a curated
// region's as written or less its ending ("Криму"); not one a guessed ending only reaches
// ("Винье" as "Виньа" is no Vienna).
bool names_country(const ChunkContext& c, std::size_t k) {
    if (!c.tt.tokens[k].cap) return false;
    const std::string_view word = c.word(k);
    for (const std::string& form : nominative_candidates(word)) {
        const GazEntry* g = c.gaz.find(entity_key(form, c.cyr_lang));
        if (!g || g->kind != GazKind::place) continue;
        if (g->source == GazSource::country ||
            (g->source == GazSource::curated && word.starts_with(form)))
            return true;
    }
    return false;
}

bool may_be_given_name(const ChunkContext& c, std::string_view word) {
    return !cyrillic_given_name(c, word).empty();
}

// One word governed by a preposition of place is where something happens, not a person: the
// locative after "в"/"у"/"на" ("у Тисмениці", "в Сибіру", "на Волині"), or, unless it is a given
// name's, the genitive of a thing after "з"/"до"/"від"... ("з Техасу", "до Тисмениці", "из
// Калифорнии"; a person's is "від Петра", "до Даманської").
bool in_governed_place(const ChunkContext& c, std::size_t k) {
    // Adjectives between the preposition and the word: "з далекої Тисмениці", "в старому Львові".
    std::size_t p = k;
    while (p > 0 && k - p < 2 && c.tt.tokens[p - 1].kind == TokenKind::word &&
           !c.tt.tokens[p - 1].cap &&
           ends_with_any(c.word(p - 1), {"ої", "ого", "ій", "ому", "ім", "их", "ой", "ом", "ем"}))
        --p;
    if (p == 0 || c.tt.tokens[p - 1].kind != TokenKind::word) return false;
    static const std::set<std::string_view> kLocative = {"в", "у", "ув", "во", "на"};
    static const std::set<std::string_view> kGenitive = {
        "з",    "із",    "зі",    "зо",    "до",      "від",     "біля",   "поблизу",
        "поза", "серед", "після", "без",   "навколо", "довкола", "вздовж", "уздовж",
        "из",   "от",    "около", "возле", "после",   "среди",   "вокруг", "вдоль"};
    const std::string before = lower_in_script(c.word(p - 1));
    const std::string_view w = c.word(k);
    // "у Марії є брат" (at Maria's) is a given name's genitive, no locative.
    if (kLocative.count(before))
        return ends_with_any(w, {"і", "ї", "е", "у", "ю", "ах", "ях"}) && !may_be_given_name(c, w);
    if (!kGenitive.count(before) || ends_with_any(w, {"ої", "ой", "ей", "ьої"})) return false;
    return ends_with_any(w, {"у", "ю", "і", "и", "ї", "ы"}) && !may_be_given_name(c, w);
}

// "Каталонії", "Каліфорнії", "Абхазии": a word of a land's shape ("-ія", any case) that is no
// given name ("Марія", "Юлії") names a land, not a person.
bool land_shaped(const ChunkContext& c, std::size_t k) {
    const std::string_view w = c.word(k);
    return ends_with_any(w, {"ія", "ії", "ію", "ією", "ия", "ии", "ию", "ией"}) &&
           !may_be_given_name(c, w);
}

// A full stop after a word longer than an initial ("В.", "J.": two bytes or less) ends a
// sentence, and a name with it: "Бреда Піта. За даними" is not one name. Returns the span's
// new end.
std::size_t sentence_end_inside(const ChunkContext& c, const Candidate& cand) {
    for (std::size_t k = cand.first + 1; k + 1 < cand.last; ++k) {
        const Token& t = c.tt.tokens[k];
        if (t.kind == TokenKind::punct && c.word(k) == "." && c.word(k - 1).size() > 2) return k;
    }
    return cand.last;
}

// A person the tagger found in Cyrillic text, named in the nominative as the rules name
// theirs, so that every case of a name is one facet value: a given name and the surnames of
// its gender after it ("Лесі Українки" -> "Леся Українка"); a lone other word without the
// endings no nominative has ("Абсолютом" -> "Абсолют"). Spans with anything but plain words
// keep their text.
std::string cyrillic_person_name(const ChunkContext& c, const Candidate& cand) {
    for (std::size_t k = cand.first; k < cand.last; ++k) {
        const std::string_view w = c.word(k);
        if (c.tt.tokens[k].kind != TokenKind::word || !has_cyrillic(w) ||
            w.find_first_of("-'.") != std::string_view::npos)
            return cand.name;
    }
    const std::string first = cyrillic_given_name(c, c.word(cand.first));
    if (cand.last - cand.first == 1)
        return first.empty() ? strip_certain_ending(c.word(cand.first), c.cyr_lang) : first;
    if (first.empty()) return cand.name;
    const Gender gender = first_name_gender(first);
    std::string name = first;
    for (std::size_t k = cand.first + 1; k < cand.last; ++k)
        name += ' ' + surname_nominative(c.word(k), gender, c.cyr_lang);
    return name;
}

bool cyrillic_person_span(const ChunkContext& c, Candidate& cand) {
    auto skippable = [&](std::size_t k) {
        return c.tt.tokens[k].kind != TokenKind::word ||
               is_cyrillic_function_word(lower_in_script(c.word(k)));
    };
    // A title before the name ("Пан Бень", "Юрист Квітка"); a lower-case word after it
    // ("Леся вважала").
    auto leading = [&](std::size_t k) {
        return skippable(k) || is_cyrillic_title(lower_in_script(c.word(k)));
    };
    while (cand.last - cand.first > 1 && leading(cand.first))
        ++cand.first;
    cand.last = sentence_end_inside(c, cand);
    // A lower-case particle joined to a name stays: "Халеда эль-Масри", "Сами аль-Хадж".
    auto name_word = [&](std::size_t k) {
        const std::string_view w = c.word(k);
        const std::size_t dash = w.rfind('-');
        return c.tt.tokens[k].cap || (dash != std::string_view::npos && dash + 1 < w.size() &&
                                      lower_in_script(w.substr(dash + 1)) != w.substr(dash + 1));
    };
    while (cand.last - cand.first > 1 &&
           (c.tt.tokens[cand.last - 1].kind != TokenKind::word || !name_word(cand.last - 1)))
        --cand.last;
    if (skippable(cand.first)) return false;  // "Він", "Так": a word, not a name
    cand.end = c.tt.tokens[cand.last - 1].end;
    cand.start = c.tt.tokens[cand.first].start;
    cand.name = std::string(c.text.substr(cand.start, cand.end - cand.start));
    for (std::size_t k = cand.first; k < cand.last; ++k) {
        if (is_capitals_word(c, k)) return false;  // an acronym, or a word in capitals
    }
    if (cand.last - cand.first == 1 && adjective_with_noun(c, cand.first)) return false;
    if (only_common_words(c, cand.first, cand.last)) return false;
    if (cand.last - cand.first == 1 &&
        (in_governed_place(c, cand.first) || land_shaped(c, cand.first)))
        return false;
    for (std::size_t k = cand.first; k < cand.last; ++k) {
        if (names_country(c, k)) return false;  // "Закону України", "Республіки Крим"
    }
    const std::size_t next = cand.last;
    if (next < c.tt.tokens.size() && c.tt.tokens[next].kind == TokenKind::word &&
        !c.tt.tokens[next].cap && is_institution_word(lower_in_script(c.word(next))))
        return false;
    cand.name = cyrillic_person_name(c, cand);
    cand.native = cand.name;
    return true;
}

// Outside English a comma before a capitalised word inside a tagger span separates names of a
// list ("Freiburg, Halle und Mülheim"): each part is a span of its own; a name goes on after a
// comma in lower case ("Ministère de la Santé, du Travail"). English keeps "Washington, D.C.".
// So does a slash between the places of a dateline, where a sentence starts: "St. Pölten/Graz."
// names two cities (GermEval takes "in Japan/Korea" for one place, and so does this).
std::vector<TagSpan> split_at_commas(const ChunkContext& c, const TagSet& tags,
                                     const std::vector<TagSpan>& spans) {
    if (c.english) return spans;
    std::vector<TagSpan> out;
    for (const TagSpan& s : spans) {
        const bool dateline = tags.labels[s.label] == "LOC" && c.tt.tokens[s.first].sentence_start;
        std::size_t first = s.first;
        for (std::size_t k = s.first; k < s.last; ++k) {
            const std::string_view w = c.word(k);
            if (c.tt.tokens[k].kind != TokenKind::punct || !(w == "," || (dateline && w == "/")) ||
                !(k + 1 < s.last && c.is_cap_word(k + 1)))
                continue;
            if (k > first) out.push_back({first, k, s.label});
            first = k + 1;
        }
        if (s.last > first) out.push_back({first, s.last, s.label});
    }
    return out;
}

std::vector<Candidate> tagger_candidates(const ChunkContext& c, const TagSet& tags,
                                         const std::vector<TagSpan>& spans) {
    std::vector<Candidate> out;
    for (const TagSpan& s : split_at_commas(c, tags, spans)) {
        Candidate cand;
        if (!label_kind(tags.labels[s.label], cand.kind)) continue;
        cand.first = s.first;
        cand.last = s.last;
        if (!trim_span(c, cand)) continue;
        if (cand.kind == CandidateKind::person) {
            trim_leading_nouns(c, cand);
            trim_genitive_noun(c, cand);
        }
        if (cand.kind == CandidateKind::org) extend_org_left(c, cand);
        cand.start = c.tt.tokens[cand.first].start;
        cand.end = c.tt.tokens[cand.last - 1].end;
        cand.name = std::string(c.text.substr(cand.start, cand.end - cand.start));
        // "Bank of Brazil" is no person, whatever the tagger read.
        if (cand.kind == CandidateKind::person && has_org_head(c, cand.first, cand.last))
            cand.kind = CandidateKind::org;
        if (cand.kind == CandidateKind::person && has_cyrillic(cand.name) &&
            !cyrillic_person_span(c, cand))
            continue;
        out.push_back(std::move(cand));
    }
    return out;
}

std::vector<Candidate> combine_candidates(const ChunkContext& c, const TagSet& tags,
                                          const std::vector<TagSpan>& spans,
                                          std::vector<Candidate> rules, HybridPolicy policy) {
    if (policy == HybridPolicy::rules) return rules;
    std::vector<Candidate> out = tagger_candidates(c, tags, spans);
    for (Candidate& cand : out)
        apply_gazetteer(c, cand, policy);
    std::erase_if(out, [](const Candidate& cand) { return cand.kind == CandidateKind::unknown; });
    if (policy != HybridPolicy::tagger) {
        // single words start weak: a lone word may be a known surname
        for (Candidate& cand : out)
            cand.weak = cand.last - cand.first == 1;
        vet_tagger_candidates(c, out, rules);
    }
    if (policy == HybridPolicy::rules_first) {
        // The tagger's additions are weak: a lone word may be the surname of a person the
        // rules found ("Rubio" after "Marco Rubio").
        for (Candidate& cand : out)
            cand.weak = true;
        add_uncovered(c, rule_spans(rules), out, rules);
        resolve_coreference(c, rules);
        return rules;
    }
    if (policy == HybridPolicy::tagger) {
        for (Candidate& cand : out)
            cand.weak = cand.last - cand.first == 1;  // a lone word may be a known surname
    }
    if (policy == HybridPolicy::strong_rules) {
        promote_containing_rules(out, rules);
        return prefer_strong_rules(c, tags, spans, out, rules);
    }
    resolve_coreference(c, out);
    take_rule_names(out, rules);
    if (policy == HybridPolicy::tagger_first) add_uncovered(c, spans, rules, out);
    return out;
}

}  // namespace byline::extract
