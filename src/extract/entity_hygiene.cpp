#include "extract/entity_hygiene.h"

#include "extract/entity_key.h"
#include "extract/entity_rules.h"
#include "util/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>

namespace byline::extract {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

std::string_view text_of(const ChunkContext& c, const Candidate& cand) {
    return c.text.substr(cand.start, cand.end - cand.start);
}

// Letters of `s`: how many, and whether any is lower case.
std::pair<std::size_t, bool> letters(std::string_view s) {
    std::size_t n = 0;
    bool lower = false;
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    auto len = static_cast<std::int32_t>(s.size());
    for (std::int32_t i = 0; i < len;) {
        UChar32 ch;
        U8_NEXT(p, i, len, ch);
        if (!u_isalpha(ch)) continue;
        ++n;
        lower = lower || u_islower(ch);
    }
    return {n, lower};
}

bool all_caps(std::string_view s) {
    auto [n, lower] = letters(s);
    return n >= 2 && !lower;
}

// "E.B.I. Foods\nLtd" → "E.B.I. Foods Ltd": a name cut by a line break reads with one space.
std::string one_line(std::string_view s) {
    std::string out;
    bool space = false;
    for (char ch : s) {
        bool blank = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
        if (blank) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += ch;
    }
    return out;
}

// Word tokens of a candidate, lower case, without periods.
std::vector<std::string> words_of(const ChunkContext& c, const Candidate& cand) {
    std::vector<std::string> words;
    for (std::size_t k = cand.first; k < cand.last; ++k) {
        if (c.tt.tokens[k].kind == TokenKind::punct) continue;
        std::string w = c.lower(k);
        std::erase(w, '.');
        if (!w.empty()) words.push_back(std::move(w));
    }
    return words;
}

// Abbreviations of wire earnings tables ("Shr 25 cts vs 30 cts", "Qtly div", "Nine mths",
// "Revs 12.3 mln dlrs"): no name contains one. Lower case, without the period.
bool is_table_word(std::string_view w) {
    static const std::set<std::string_view> kWords = {
        "shr",  "shrs", "qtly", "oper", "mth", "mths", "qtr", "qtrs", "dlr", "dlrs",
        "revs", "avg",  "cts",  "pct",  "mln", "bln",  "div", "vs",   "ytd"};
    return kWords.count(w) > 0;
}

// Currencies ("U.S. Dollar", "Japanese Yen") are no organisations.
bool is_currency(std::string_view w) {
    static const std::set<std::string_view> kWords = {
        "dollar", "dollars", "yen",    "franc",   "francs", "peso",   "pesos", "lira",
        "rupee",  "rupees",  "rouble", "roubles", "ruble",  "rubles", "euro",  "euros"};
    return kWords.count(w) > 0;
}

// "I've", "We're", "Don't": an apostrophe and a contraction ending, lower case.
bool is_contraction(std::string_view w) {
    std::size_t a = w.find('\'');
    if (a == std::string_view::npos || a == 0) return false;
    std::string_view end = w.substr(a + 1);
    return end == "m" || end == "ve" || end == "ll" || end == "re" || end == "d" || end == "t";
}

// "D-Conn", "R-Texas": a legislator's party and state, no name.
bool is_party_affiliation(std::string_view w) {
    return w.size() > 2 && (w[0] == 'd' || w[0] == 'r' || w[0] == 'i') && w[1] == '-';
}

// A candidate on the last line with words, alone there: the wire's sign-off ("REUTER").
bool is_sign_off(const ChunkContext& c, const Candidate& cand) {
    std::size_t line = c.tt.tokens[cand.first].line;
    for (std::size_t k = c.tt.tokens.size(); k-- > 0;) {
        const Token& t = c.tt.tokens[k];
        if (t.kind != TokenKind::word) continue;
        if (t.line != line) return false;  // a later line has words
        if (k < cand.first || k >= cand.last) return false;
    }
    return cand.last - cand.first <= 2;
}

// "-- Sydney Newsroom 61-2 9373-1800": the wire's contact line under a story, no entity.
bool is_newsroom(std::string_view w) {
    return w == "newsroom" || w == "newsdesk";
}

bool only_legal_forms(const std::vector<std::string>& words) {
    if (words.empty()) return false;
    return std::all_of(words.begin(), words.end(), [](const std::string& w) {
        return is_legal_form(w) || w == "&" || w == "and";
    });
}

// What lies between two candidates is blank, "and", "&" or a comma: a legal form after it
// belongs to the name before ("Woolcott and Co Inc", "Foods\nLtd").
bool joins_previous(const ChunkContext& c, const Candidate& prev, const Candidate& cand) {
    if (prev.end > cand.start) return false;
    std::string gap = one_line(c.text.substr(prev.end, cand.start - prev.end));
    return gap.empty() || gap == "and" || gap == "&" || gap == ",";
}

bool is_dash(std::string_view w) {
    return w == "-" || w == "--" || w == "\u2013" || w == "\u2014";
}

bool overlaps(const Candidate& cand, std::size_t first, std::size_t last) {
    return first < last && cand.first < last && first < cand.last;
}

// The place a dateline opens the text with, and what else it holds.
struct Dateline {
    std::size_t first = 0, last = 0;  ///< ALL CAPS words of the place
    std::size_t state = npos;         ///< a state abbreviation after it ("MINNETONKA, MINN.,")
    std::size_t credit = npos;        ///< first token inside "(Reuters)"
    std::size_t credit_end = npos;
};

// A date "1996-08-23" starting at token `i` (one token or a year, dash, month...).
bool starts_iso_date(const ChunkContext& c, std::size_t i) {
    std::string_view w = c.word(i);
    auto digits = [](std::string_view s) {
        return !s.empty() &&
               std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    };
    if (w.size() == 10 && digits(w.substr(0, 4)) && w[4] == '-' && digits(w.substr(5, 2)) &&
        w[7] == '-' && digits(w.substr(8, 2)))
        return true;
    return w.size() == 4 && digits(w) && i + 2 < c.tt.tokens.size() && c.word(i + 1) == "-" &&
           digits(c.word(i + 2));
}

// "HOUSTON, Feb 26 - ", "MINNETONKA, MINN., March 3 - ", "LONDON (Reuters) - ",
// "LONDON 1996-08-23": ALL CAPS
// words at the start of the text, then a date, a state and a date, or a credit and a dash
// (not a dash alone: "SOCCER - JAPAN WIN" is a headline).
bool find_dateline(const ChunkContext& c, Dateline& d) {
    const std::vector<Token>& t = c.tt.tokens;
    std::size_t n = t.size(), i = 0;
    while (i < n && t[i].kind == TokenKind::word && t[i].all_caps && t[i].line == t[0].line)
        ++i;
    if (i == 0 || i >= n) return false;
    d.last = i;
    if (t[i].line == t[0].line && starts_iso_date(c, i)) return true;  // "LONDON 1996-08-23"
    if (c.word(i) == "(") {
        std::size_t k = i + 1;
        while (k < n && k < i + 5 && c.word(k) != ")")
            ++k;
        if (k + 1 >= n || c.word(k) != ")") return false;
        d.credit = i + 1;
        d.credit_end = k;
        return is_dash(c.word(k + 1));
    }
    if (c.word(i) != "," || ++i >= n) return false;
    if (!state_of_abbreviation(c.word(i)).empty()) {
        d.state = i++;
        if (i < n && c.word(i) == ".") ++i;
        if (i >= n || c.word(i) != "," || ++i >= n) return false;
    }
    return is_calendar_word(c.lower(i));
}

Candidate place_at(const ChunkContext& c, std::size_t first, std::size_t last, std::string name) {
    return Candidate{first,
                     last,
                     c.tt.tokens[first].start,
                     c.tt.tokens[last - 1].end,
                     CandidateKind::place,
                     false,
                     std::move(name)};
}

// The dateline's place under its gazetteer name, else in Title Case ("FRANKFURT").
std::string dateline_name(const ChunkContext& c, std::size_t first, std::size_t last) {
    std::size_t s = c.tt.tokens[first].start;
    std::string_view written = c.text.substr(s, c.tt.tokens[last - 1].end - s);
    const GazEntry* g = c.gaz.find(entity_key(written));
    if (g && g->kind == GazKind::place && ascii_fold(written) == ascii_fold(g->name))
        return g->name;
    return title_case(written);
}

// A dateline names a place (taggers read "LONDON" as an organisation, "MINN." as a person);
// its credit "(Reuters)" is no mention.
void apply_dateline(const ChunkContext& c, std::vector<Candidate>& cands) {
    Dateline d;
    if (!find_dateline(c, d)) return;
    std::erase_if(cands, [&](const Candidate& x) {
        return overlaps(x, d.first, d.last) ||
               (d.state != npos && overlaps(x, d.state, d.state + 1)) ||
               (d.credit != npos && overlaps(x, d.credit, d.credit_end));
    });
    std::vector<Candidate> found{place_at(c, d.first, d.last, dateline_name(c, d.first, d.last))};
    if (d.state != npos)
        found.push_back(
            place_at(c, d.state, d.state + 1, std::string(state_of_abbreviation(c.word(d.state)))));
    cands.insert(cands.begin(), found.begin(), found.end());
}

// A candidate that is only a state abbreviation becomes that state after a comma ("Hartford,
// Conn.") or when the abbreviation is no English word or given name ("N.J.", "Fla."); an
// ambiguous one ("Del.", "Ind.") written with its period is dropped. False: no abbreviation.
bool resolve_state(const ChunkContext& c, Candidate& cand, bool& keep) {
    std::size_t word = npos, words = 0;
    for (std::size_t k = cand.first; k < cand.last; ++k) {
        if (c.tt.tokens[k].kind == TokenKind::punct) continue;
        word = k;
        ++words;
    }
    if (words != 1) return false;
    std::string_view state = state_of_abbreviation(c.word(word));
    if (state.empty()) return false;
    std::string lower = c.lower(word);
    bool comma = word >= 2 && c.word(word - 1) == "," && c.is_cap_word(word - 2);
    bool dotted = lower.find('.') != std::string::npos;
    bool plain = !c.gaz.is_common_word(lower) && !c.gaz.is_first_name(entity_key(lower));
    keep = comma || dotted || plain;
    bool period = word + 1 < c.tt.tokens.size() && c.word(word + 1) == ".";
    if (!keep && !period) return false;  // "Del" alone may be a given name
    cand.kind = CandidateKind::place;
    cand.name = std::string(state);
    cand.weak = false;
    return true;
}

// "Philippine", "West German", "Lib Dem": a nationality or party adjective at the end, after
// adjectives or common words only.
bool is_nationality(const ChunkContext& c, const std::vector<std::string>& words) {
    if (!c.gaz.is_demonym(entity_key(words.back()))) return false;
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
        std::string key = entity_key(words[k]);
        bool adjective = c.gaz.is_demonym(key) || c.gaz.is_common_word(words[k]);
        if (!adjective || c.gaz.is_first_name(key)) return false;
    }
    return true;
}

// "West Germany" typed as a person: a country or curated place under its name is that place
// (a lone given name that is a country too, "Georgia", stays).
void retype_country(const ChunkContext& c, Candidate& cand, std::size_t words) {
    if (cand.kind == CandidateKind::place) return;
    std::string key = entity_key(cand.name);
    const GazEntry* g = c.gaz.find(key);
    if (!g || g->kind != GazKind::place) return;
    if (g->source != GazSource::country && g->source != GazSource::curated) return;
    if (words == 1 && c.gaz.is_first_name(key)) return;
    cand.kind = CandidateKind::place;
    cand.name = g->name;
}

// "Citicorp", "Societe Generale", "Banque Paribas": a legal form fused into the word, or a
// bank or company word of another language first, makes a company, not a person.
void retype_company(Candidate& cand, const std::vector<std::string>& words) {
    static const std::set<std::string_view> kForeignHeads = {
        "banque",   "banco",  "banca",  "societe", "compagnie", "compania",
        "sociedad", "groupe", "gruppo", "credito", "caisse"};
    if (cand.kind != CandidateKind::person) return;
    const std::string& w = words.front();
    bool fused = words.size() == 1 && w.size() > 5 && w.ends_with("corp");
    if (fused || (words.size() >= 2 && kForeignHeads.count(w))) cand.kind = CandidateKind::org;
}

// "Labour MPs", "Tory backbenchers": people of an organisation, named by the organisation. The
// organisation is the name without them.
bool is_member_noun(std::string_view w) {
    // Not "voters", "members", "officials": "League of Women Voters" is a name.
    static const std::set<std::string_view> nouns = {
        "mp",     "mps",          "mep",         "meps",      "peers",
        "rebels", "backbenchers", "councillors", "lawmakers", "senators"};
    return nouns.count(w) > 0;
}

void drop_member_nouns(const ChunkContext& c, std::vector<Candidate>& cands) {
    for (Candidate& cand : cands) {
        if (cand.kind != CandidateKind::org || cand.last - cand.first < 2) continue;
        const std::size_t last = cand.last - 1;
        if (!is_member_noun(c.lower(last))) continue;
        cand.last = last;
        while (cand.last > cand.first && c.tt.tokens[cand.last - 1].kind == TokenKind::punct)
            --cand.last;
        cand.end = c.tt.tokens[cand.last - 1].end;
        cand.name = one_line(text_of(c, cand));
    }
}

// "the Bank's decision": a common noun in the possessive after "the" stands for a name the
// article wrote before; the name is the noun ("Bank"), which the corpus-level aliases join to
// the organisation it usually is, or hide (index/entity_aliases.h).
void strip_possessive_common_noun(const ChunkContext& c, Candidate& cand) {
    if (cand.first == 0 || c.lower(cand.first - 1) != "the") return;
    std::string w = text::ascii_lower(text_of(c, cand));
    for (std::string_view ending : {"'s", "\u2019s"}) {
        if (!w.ends_with(ending)) continue;
        w.resize(w.size() - ending.size());
        if (w.size() < 2 || w.find(' ') != std::string::npos || !c.gaz.is_common_word(w)) return;
        cand.end -= ending.size();
        cand.name = std::string(text_of(c, cand));
        return;
    }
}

// One candidate on its own: false drops it.
bool keep_candidate(const ChunkContext& c, Candidate& cand) {
    std::vector<std::string> words = words_of(c, cand);
    if (words.empty()) return false;
    if (std::any_of(words.begin(), words.end(), [](const std::string& w) {
            return is_table_word(w) || is_contraction(w) || is_party_affiliation(w);
        }))
        return false;
    if (is_sign_off(c, cand) || is_currency(words.back()) || is_newsroom(words.back()))
        return false;
    strip_possessive_common_noun(c, cand);
    if (bool keep = true; resolve_state(c, cand, keep)) return keep;
    if (is_nationality(c, words)) return false;
    retype_country(c, cand, words.size());
    retype_company(cand, words);
    return true;
}

// Legal forms alone ("Ltd", "Co Inc") finish the name before them, or are dropped.
void join_legal_forms(const ChunkContext& c, std::vector<Candidate>& cands) {
    std::size_t kept = 0;
    for (std::size_t k = 0; k < cands.size(); ++k) {
        Candidate& cand = cands[k];
        if (only_legal_forms(words_of(c, cand))) {
            if (kept == 0 || !joins_previous(c, cands[kept - 1], cand)) continue;
            Candidate& prev = cands[kept - 1];
            prev.last = cand.last;
            prev.end = cand.end;
            prev.kind = CandidateKind::org;
            prev.weak = false;
            prev.name = one_line(text_of(c, prev));
            continue;
        }
        if (kept != k) cands[kept] = std::move(cand);
        ++kept;
    }
    cands.resize(kept);
}

// "ICO" (International Coffee Organization) is no town Icó: a short ALL CAPS word in prose
// outside an ALL CAPS line that matches only a city or region is an acronym, an organisation.
void acronyms_are_not_towns(const ChunkContext& c, std::vector<Candidate>& cands) {
    for (Candidate& cand : cands) {
        if (cand.kind != CandidateKind::place || cand.last - cand.first != 1) continue;
        const Token& t = c.tt.tokens[cand.first];
        std::string_view w = text_of(c, cand);
        if (!t.all_caps || w.size() > 4 || c.tt.lines[t.line].style == LineStyle::all_caps)
            continue;
        const GazEntry* g = c.gaz.find(entity_key(w));
        if (!g || (g->source != GazSource::city && g->source != GazSource::subdivision)) continue;
        cand.kind = CandidateKind::org;
        cand.name = std::string(w);
    }
}

// "General Agreement on Tariffs and Trade": an organisation after "on" and a capitalised
// agreement or treaty word is the end of that name, not a name of its own.
void extend_over_on(const ChunkContext& c, std::vector<Candidate>& cands) {
    std::size_t covered = 0;
    for (Candidate& cand : cands) {
        std::size_t p = cand.first;
        bool after_on = cand.kind == CandidateKind::org && p >= 2 && c.lower(p - 1) == "on" &&
                        c.is_cap_word(p - 2) && is_non_entity_suffix(c.lower(p - 2));
        if (after_on) {
            std::size_t q = p - 2;
            while (q > covered && c.is_cap_word(q - 1))
                --q;
            while (q < p - 2 && c.lower(q) == "the")
                ++q;
            if (q >= covered) {
                cand.first = q;
                cand.start = c.tt.tokens[q].start;
                cand.name = one_line(text_of(c, cand));
            }
        }
        covered = cand.last;
    }
}

// Acronyms the text also writes with a plural "s" ("PCs", "MPs", "DVDs") are common nouns.
void drop_plural_acronyms(const ChunkContext& c, std::vector<Candidate>& cands) {
    std::set<std::string, std::less<>> nouns;
    for (std::size_t k = 0; k < c.tt.tokens.size(); ++k) {
        std::string_view w = c.word(k);
        if (w.size() < 3 || w.back() != 's' || !c.tt.tokens[k].cap) continue;
        std::string_view stem = w.substr(0, w.size() - 1);
        if (all_caps(stem) && letters(stem).first == stem.size()) nouns.emplace(stem);
    }
    if (nouns.empty()) return;
    std::erase_if(cands, [&](const Candidate& cand) {
        std::string_view t = text_of(c, cand);
        if (cand.kind == CandidateKind::place || t.empty()) return false;
        return nouns.count(t) > 0 || (t.back() == 's' && nouns.count(t.substr(0, t.size() - 1)));
    });
}

// "Chrysler" beside "Chrysler Corp": a lone word typed as a person that starts a company
// name of the text is that company.
void join_companies(const ChunkContext& c, std::vector<Candidate>& cands) {
    std::map<std::string, std::string> companies;
    for (const Candidate& cand : cands) {
        std::vector<std::string> words = words_of(c, cand);
        if (cand.kind != CandidateKind::org || words.size() < 2 || !is_legal_form(words.back()))
            continue;
        companies.emplace(entity_key(words.front()), cand.name);
    }
    if (companies.empty()) return;
    for (Candidate& cand : cands) {
        if (cand.kind != CandidateKind::person || cand.name != text_of(c, cand)) continue;
        if (words_of(c, cand).size() != 1) continue;
        auto it = companies.find(entity_key(cand.name));
        if (it == companies.end()) continue;
        cand.kind = CandidateKind::org;
        cand.name = it->second;
    }
}

// An ALL CAPS name in the form the text writes it elsewhere, else in Title Case; organisations
// keep words of up to four letters ("OPEC", "IBM").
void recase_all_caps(std::vector<Candidate>& cands) {
    std::map<std::pair<CandidateKind, std::string>, std::string> written;
    for (const Candidate& cand : cands) {
        if (!all_caps(cand.name))
            written.emplace(std::pair(cand.kind, entity_key(cand.name)), cand.name);
    }
    for (Candidate& cand : cands) {
        if (!all_caps(cand.name)) continue;
        if (auto it = written.find({cand.kind, entity_key(cand.name)}); it != written.end()) {
            cand.name = it->second;
            continue;
        }
        std::vector<std::string_view> parts = text::split(cand.name, ' ');
        bool long_word = std::any_of(parts.begin(), parts.end(),
                                     [](std::string_view p) { return letters(p).first >= 4; });
        if (cand.kind != CandidateKind::org) {
            if (long_word) cand.name = title_case(cand.name);
            continue;
        }
        std::string name;
        for (std::string_view p : parts) {
            if (!name.empty()) name += ' ';
            bool recase = letters(p).first >= 5 || is_legal_form(text::ascii_lower(p));
            name += recase ? title_case(p) : std::string(p);
        }
        cand.name = std::move(name);
    }
}

// "West Texas Intermediate", "North Sea Brent" taken for people: a country, region or city of
// 100,000 people or more (a compass word before it allowed), then one common word, is a grade
// or product of the place, not a person.
bool is_place_grade(const ChunkContext& c, const Candidate& cand) {
    constexpr std::uint32_t kBigCity = 100'000;
    if (cand.kind != CandidateKind::person) return false;
    // Three words at least: a one-word place before a common word is often a given name
    // ("Victoria Wood", "Florence Green").
    std::vector<std::string> words = words_of(c, cand);
    if (words.size() < 3 || !c.gaz.is_common_word(words.back())) return false;
    words.pop_back();
    static const std::set<std::string> kCompass = {"north", "south", "east", "west"};
    if (words.size() > 1 && kCompass.count(words.front())) words.erase(words.begin());
    std::string place;
    for (const std::string& w : words)
        place += (place.empty() ? "" : " ") + w;
    const GazEntry* g = c.gaz.find(entity_key(place));
    if (!g || g->kind != GazKind::place) return false;
    return g->source == GazSource::country || g->source == GazSource::subdivision ||
           (g->source == GazSource::city && g->population >= kBigCity);
}

// "an analyst with Shearson Lehman", "a subsidiary of E.F. Hutton", "E.F. Hutton analyst
// Michael Lewis": the words around a name say it is a firm, whatever its words look like.
bool has_firm_context(const ChunkContext& c, const Candidate& cand) {
    static const std::set<std::string> kStaff = {"analyst",    "analysts",   "economist",
                                                 "economists", "strategist", "strategists"};
    static const std::set<std::string> kStaffLinks = {"with", "at", "for"};
    static const std::set<std::string> kParts = {"subsidiary", "unit", "division", "affiliate"};
    auto word = [&](std::size_t k) {
        return c.tt.tokens[k].kind == TokenKind::word ? c.lower(k) : std::string();
    };
    if (cand.first >= 2) {
        const std::string before = word(cand.first - 2), link = word(cand.first - 1);
        if (kStaffLinks.count(link) && kStaff.count(before)) return true;
        if (link == "of" && kParts.count(before)) return true;
    }
    // "E.F. Hutton analyst Michael Lewis": staff word, then a capitalised name.
    return cand.last + 1 < c.tt.tokens.size() && kStaff.count(word(cand.last)) &&
           c.is_cap_word(cand.last + 1);
}

}  // namespace

void clean_candidates(const ChunkContext& c, std::vector<Candidate>& cands) {
    std::erase_if(cands, [&](const Candidate& cand) { return is_place_grade(c, cand); });
    for (Candidate& cand : cands) {  // "Nomura International Ltd": a firm, whoever found it
        const std::vector<std::string> words = words_of(c, cand);
        if (cand.kind == CandidateKind::person &&
            ((words.size() >= 2 && (is_legal_form(words.back()) || words.back() == "brothers")) ||
             has_firm_context(c, cand)))
            cand.kind = CandidateKind::org;
    }
    acronyms_are_not_towns(c, cands);
    drop_member_nouns(c, cands);
    apply_dateline(c, cands);
    std::erase_if(cands, [&](Candidate& cand) { return !keep_candidate(c, cand); });
    join_legal_forms(c, cands);
    extend_over_on(c, cands);
    drop_plural_acronyms(c, cands);
    join_companies(c, cands);
    recase_all_caps(cands);
}

}  // namespace byline::extract
