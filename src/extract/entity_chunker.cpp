#include "extract/entity_chunker.h"

#include "extract/entity_key.h"
#include "extract/entity_rules.h"

#include <algorithm>
#include <set>

namespace byline::extract {

std::string ChunkContext::lower(std::size_t i) const {
    std::string_view w = word(i);
    std::string out;
    out.reserve(w.size());
    for (std::size_t k = 0; k < w.size(); ++k) {
        unsigned char b = static_cast<unsigned char>(w[k]);
        // U+2010/U+2011 (hyphens) and U+2019 (apostrophe) are E2 80 90/91/99.
        if (b == 0xE2 && k + 2 < w.size() && static_cast<unsigned char>(w[k + 1]) == 0x80) {
            unsigned char b3 = static_cast<unsigned char>(w[k + 2]);
            if (b3 == 0x90 || b3 == 0x91 || b3 == 0x99) {
                out += b3 == 0x99 ? '\'' : '-';
                k += 2;
                continue;
            }
        }
        out += (b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b);
    }
    return out;
}

namespace {

bool is_lower_ascii(std::string_view w) {
    return std::all_of(w.begin(), w.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

// Whether the lower-case word after a hyphen qualifies the name before it ("Trump-chaired",
// "U.S.-led", "Bush-era") rather than ending a given name written with a hyphen ("Kim Jong-un",
// "Ban Ki-moon", "Li Song-ho").
bool is_qualifier_after_hyphen(const Gazetteer& gaz, std::string_view before,
                               std::string_view after) {
    if (after.ends_with("ed") || after.ends_with("ing")) return true;
    std::size_t end = 0;
    while (end < after.size() && after[end] >= 'a' && after[end] <= 'z')
        ++end;
    after = after.substr(0, end);
    bool syllables = before.size() >= 2 && before.size() <= 3 && before[0] >= 'A' &&
                     before[0] <= 'Z' && is_lower_ascii(before.substr(1)) && after.size() <= 4;
    return !syllables && after.size() >= 3 && gaz.is_common_word(after);
}

}  // namespace

std::size_t ChunkContext::name_end(std::size_t i) const {
    const Token& t = tt.tokens[i];
    std::string_view w = word(i);
    std::size_t part = 0;  // where the part before the hyphen starts
    for (std::size_t k = 1; k < w.size(); ++k) {
        std::size_t len = w[k] == '-'                                                  ? 1
                          : (w.substr(k, 3) == "\u2011" || w.substr(k, 3) == "\u2010") ? 3
                                                                                       : 0;
        if (len == 0 || k + len >= w.size()) continue;
        char next = w[k + len];
        if (next >= 'a' && next <= 'z' &&
            is_qualifier_after_hyphen(gaz, w.substr(part, k - part), w.substr(k + len)))
            return t.start + k;
        part = k + len;
    }
    return t.end;
}

namespace {

bool is_truncated(const ChunkContext& c, std::size_t i) {
    return c.name_end(i) != c.tt.tokens[i].end;
}

// "al-Assad", "el-Sisi", "bin-Salman": a lower-case article joined to a capitalised name.
bool is_arabic_article_name(std::string_view w) {
    for (std::string_view article : {"al-", "el-", "ad-", "as-", "ash-", "bin-"}) {
        if (w.size() > article.size() + 1 && w.substr(0, article.size()) == article) {
            char next = w[article.size()];
            return next >= 'A' && next <= 'Z';
        }
    }
    return false;
}

// "Poor" "'" "s" "Corp": a possessive at token k followed by a capitalised word.
bool possessive_at(const ChunkContext& c, std::size_t k, std::size_t last) {
    std::string_view w = c.word(k);
    return (w == "'" || w == "\u2019") && k + 2 < last && c.lower(k + 1) == "s" &&
           c.is_cap_word(k + 2);
}

// A country, an organisation or a large city the gazetteer knows: a name of its own, not the
// first part of a company's ("Britain and Texaco Inc"; but "Hartley and Co Inc").
bool known_entity(const ChunkContext& c, std::string_view name) {
    const GazEntry* g = c.gaz.find(entity_key(name));
    if (!g || g->kind == GazKind::ignore) return false;
    return g->source != GazSource::city || g->population >= 100000;
}

// End of the capitalised words from k, possessives included ("Poor's Corp").
std::size_t company_run_end(const ChunkContext& c, std::size_t k, std::size_t last) {
    while (k < last) {
        if (c.is_cap_word(k)) {
            ++k;
        } else if (possessive_at(c, k, last)) {
            k += 2;
        } else {
            break;
        }
    }
    return k;
}

// "and" after one word of a name: before a name and a legal form ("Procter and Gamble Co",
// "Standard and Poor's Corp", "Woolcott and Co Inc"), or, after a common word, before two or
// more words ending in an organisation word ("Securities and Exchange Commission"). Not after
// a known name or a longer one ("Daewoo Group and General Motors Corp"), nor "Shultz and World
// Bank".
bool and_joins(const ChunkContext& c, std::size_t first, std::size_t j, std::size_t last) {
    std::size_t k = j + 1, e = company_run_end(c, k, last);
    if (e == k || j - first != 1 || known_entity(c, c.word(first))) return false;
    std::size_t words = 0;
    for (std::size_t n = k; n < e; ++n)
        words += c.is_cap_word(n);
    std::string tail = c.lower(e - 1);
    if (is_legal_form(tail)) return words <= 3;
    return c.gaz.is_common_word(c.lower(first)) && words >= 2 && is_org_suffix(tail);
}

// "Moody's Investors Service Inc": a possessive inside a company name, unless the owner is a
// known name or a nationality ("Britain's Imperial Chemical Industries Plc").
bool possessive_joins(const ChunkContext& c, std::size_t first, std::size_t j, std::size_t last) {
    if (!possessive_at(c, j, last)) return false;
    std::size_t e = company_run_end(c, j + 2, last);
    if (!is_legal_form(c.lower(e - 1))) return false;
    std::size_t s = c.tt.tokens[first].start;
    if (known_entity(c, c.text.substr(s, c.tt.tokens[j - 1].end - s))) return false;
    return !c.gaz.is_demonym(entity_key(c.word(first)));
}

// Does token j (a lower-case word or "." or "&") continue the name started at `first`?
std::size_t connector_skip(const ChunkContext& c, std::size_t first, std::size_t j,
                           std::size_t last) {
    const Token& t = c.tt.tokens[j];
    std::string w = c.lower(j);
    std::size_t k = j + 1;
    if (t.kind == TokenKind::punct) {
        bool abbrev_dot = w == "." && is_abbreviation(c.word(j - 1)) && j - 1 >= first;
        bool amp = w == "&";
        if (possessive_joins(c, first, j, last)) return j + 2;
        return (abbrev_dot || amp) && k < last && c.is_cap_word(k) ? k : 0;
    }
    if (w == "and") return and_joins(c, first, j, last) ? k : 0;
    if (is_arabic_article_name(c.word(j))) return k;  // "Bashar al-Assad"
    if (is_name_particle(w)) {                        // "Ursula von der Leyen", "Luiz da Silva"
        while (k < last && is_name_particle(c.lower(k)))
            ++k;
        return k < last && c.is_cap_word(k) ? k : 0;
    }
    bool ok = is_name_connector(w) && w != "the" && w != "for";
    if (w == "for") ok = is_org_head(c.lower(first));
    if (!ok) return 0;
    if (k < last && (w == "of" || w == "for") && c.lower(k) == "the") ++k;
    return k < last && c.is_cap_word(k) ? k : 0;
}

std::size_t extend_chunk(const ChunkContext& c, std::size_t i, std::size_t last) {
    std::size_t j = i + 1;
    if (is_truncated(c, i)) return j;
    while (j < last) {
        if (c.is_cap_word(j)) {
            ++j;
            if (is_truncated(c, j - 1)) break;
            continue;
        }
        std::size_t k = connector_skip(c, i, j, last);
        if (k == 0) break;
        j = k;
    }
    return j;
}

std::size_t title_at(const ChunkContext& c, std::size_t i, std::size_t last);

bool droppable_lead(const ChunkContext& c, std::size_t i, std::size_t last) {
    std::string w = c.lower(i);
    if (w == "the" || is_calendar_word(w)) return true;
    if (c.tt.tokens[i].kind != TokenKind::word) return true;
    if (!c.tt.tokens[i].sentence_start || !c.gaz.is_common_word(w)) return false;
    // "Standard and Poor's Corp", "Moody's Investors Service Inc": the chunk went on through
    // "and" or a possessive only because the word starts a company name.
    if (i + 1 < last && (c.lower(i + 1) == "and" || possessive_at(c, i + 1, last))) return false;
    if (c.english && title_at(c, i, last) > 0) return false;  // "Secretary of State X"
    // A sentence-initial common word stays if it starts a known name ("New York").
    std::string key = entity_key(
        c.text.substr(c.tt.tokens[i].start, c.tt.tokens[last - 1].end - c.tt.tokens[i].start));
    return c.gaz.find(key) == nullptr && !(last - i > 1 && c.gaz.is_first_name(entity_key(w)));
}

std::size_t title_at(const ChunkContext& c, std::size_t i, std::size_t last) {
    std::string_view words[6];
    std::string storage[6];
    std::size_t n = 0;
    for (std::size_t k = i; k < last && n < 6; ++k) {
        if (c.tt.tokens[k].kind == TokenKind::punct) continue;
        storage[n] = c.lower(k);
        words[n] = storage[n];
        ++n;
    }
    std::size_t len = title_length(words, n);
    std::size_t k = i;
    for (std::size_t seen = 0; k < last && seen < len; ++k) {
        if (c.tt.tokens[k].kind != TokenKind::punct) ++seen;
    }
    while (k < last && c.tt.tokens[k].kind == TokenKind::punct)
        ++k;  // "Gen." "."
    return len == 0 ? 0 : k - i;
}

}  // namespace

namespace {

// A place or organisation of length m at i, if a title follows ("UK Prime Minister X",
// "European Commission President X", "Army Chief of Staff X").
std::size_t entity_before_title(const ChunkContext& c, std::size_t i, std::size_t last) {
    for (std::size_t m = std::min<std::size_t>(3, last - i - 1); m >= 1; --m) {
        std::string key = entity_key(
            c.text.substr(c.tt.tokens[i].start, c.tt.tokens[i + m - 1].end - c.tt.tokens[i].start));
        const GazEntry* g = c.gaz.find(key);
        bool known = g && (g->kind == GazKind::place || g->kind == GazKind::org);
        if ((known || is_org_suffix(c.lower(i + m - 1))) && title_at(c, i + m, last) > 0) return m;
    }
    return 0;
}

// A title and words ending in an organisation word ("General Staff", "General Motors Corp",
// "General Electric Co"): an organisation, the title its first word.
bool org_word_after(const ChunkContext& c, std::size_t i, std::size_t j) {
    for (std::size_t k = i; k < j; ++k) {
        if (!c.is_cap_word(k)) return false;  // "Chairman John Reed of Citicorp Bank"
    }
    return j > i && (is_org_suffix(c.lower(j - 1)) || is_legal_form(c.lower(j - 1)));
}

// Tokens [i, j) are connectors and common words only.
bool common_words_only(const ChunkContext& c, std::size_t i, std::size_t j) {
    for (std::size_t k = i; k < j; ++k) {
        std::string w = c.lower(k);
        if (!is_name_connector(w) && !c.gaz.is_common_word(w)) return false;
    }
    return true;
}

bool is_compass_word(std::string_view lower) {
    return lower == "west" || lower == "east" || lower == "north" || lower == "south";
}

// Strips titles and the nationality, country or organisation before them; emits that country
// or organisation. Returns false when nothing is left but a title.
bool strip_titles(const ChunkContext& c, std::size_t& i, std::size_t j, bool& person_cue,
                  std::vector<Candidate>& out) {
    while (i < j) {
        std::size_t n = c.english ? title_at(c, i, j) : 0;
        if (n > 0) {
            if (i + n >= j) return false;
            if (org_word_after(c, i + n, j)) break;
            // "General Agreement on Tariffs": a title word before an event or a treaty.
            if (is_non_entity_suffix(c.lower(j - 1))) return false;
            // "Lord of the Rings", "Queen of the Night": a title, "of" and common words.
            if (c.lower(i + n) == "of" && common_words_only(c, i + n, j)) return false;
            person_cue = true;
            i += n;
            continue;
        }
        if (j - i < 2 || !c.english) break;
        if (c.gaz.is_demonym(entity_key(c.word(i))) && title_at(c, i + 1, j) > 0) {
            ++i;
            continue;
        }
        // "West German Finance Minister X": a compass word before the nationality.
        if (j - i >= 3 && is_compass_word(c.lower(i)) &&
            c.gaz.is_demonym(entity_key(c.word(i + 1))) && title_at(c, i + 2, j) > 0) {
            i += 2;
            continue;
        }
        std::size_t m = entity_before_title(c, i, j);
        if (m == 0) break;
        classify_span(c, i, i + m, false, out);
        i += m;
    }
    return i < j;
}

bool lowercase_cue_before(const ChunkContext& c, std::size_t i, std::size_t line_first) {
    if (i == line_first) return false;
    const Token& prev = c.tt.tokens[i - 1];
    return prev.kind == TokenKind::word && !prev.cap && is_person_cue(c.lower(i - 1));
}

// "Marc Rosset of Switzerland": a name, "of", a known place, and no organisation word.
std::size_t place_after_of(const ChunkContext& c, std::size_t i, std::size_t j) {
    for (std::size_t k = i + 1; k + 1 < j; ++k) {
        if (c.lower(k) != "of") continue;
        if (is_org_head(c.lower(i)) || is_org_suffix(c.lower(k - 1))) return 0;
        std::size_t s = c.tt.tokens[k + 1].start;
        const GazEntry* g = c.gaz.find(entity_key(c.text.substr(s, c.name_end(j - 1) - s)));
        return g && g->kind == GazKind::place ? k : 0;
    }
    return 0;
}

void analyse_chunk(const ChunkContext& c, std::size_t i, std::size_t j, bool cue,
                   std::vector<Candidate>& out);

void analyse_chunk(const ChunkContext& c, std::size_t i, std::size_t j, bool cue,
                   std::vector<Candidate>& out) {
    if (std::size_t k = place_after_of(c, i, j); k > 0) {
        analyse_chunk(c, i, k, cue, out);
        classify_span(c, k + 1, j, false, out);
        return;
    }
    while (i < j && droppable_lead(c, i, j))
        ++i;
    while (j > i &&
           (is_calendar_word(c.lower(j - 1)) || c.tt.tokens[j - 1].kind == TokenKind::punct))
        --j;
    if (i >= j || !strip_titles(c, i, j, cue, out)) return;
    while (i < j && !c.tt.tokens[i].cap)
        ++i;  // "of" left by a stripped title
    if (i < j) classify_span(c, i, j, cue, out);
}

}  // namespace

namespace {

// Byte offsets (relative to the token) of the parts of "Putin-Trump" or "Russia-Ukraine":
// hyphen-joined parts that each start with an upper-case letter. Empty for other tokens.
std::vector<std::pair<std::size_t, std::size_t>> compound_parts(std::string_view w) {
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    std::size_t from = 0;
    for (std::size_t k = 0; k <= w.size(); ++k) {
        std::size_t len = k == w.size()                                                ? 0
                          : w[k] == '-'                                                ? 1
                          : (w.substr(k, 3) == "\u2011" || w.substr(k, 3) == "\u2010") ? 3
                                                                                       : 99;
        if (len == 99) continue;
        if (from >= w.size() || w[from] < 'A' || w[from] > 'Z') return {};
        parts.emplace_back(from, k);
        from = k + len;
        if (len > 0) k += len - 1;
    }
    return parts.size() >= 2 ? parts : decltype(parts){};
}

// "Putin-Trump summit", "Russia-Ukraine war": two names joined by a hyphen are two mentions,
// unless the whole is a known name ("Guinea-Bissau") or starts with a given name
// ("Jean-Pierre Raffarin"). Unknown parts stay for coreference to resolve or drop.
bool split_compound(const ChunkContext& c, std::size_t i, std::vector<Candidate>& out) {
    auto parts = compound_parts(c.word(i));
    if (parts.empty()) return false;
    std::string_view w = c.word(i);
    if (c.gaz.find(entity_key(w)) != nullptr) return false;
    if (c.gaz.is_first_name(entity_key(w.substr(0, parts[0].second)))) return false;
    std::size_t known = 0;
    std::vector<Candidate> found;
    for (auto [from, to] : parts) {
        std::string_view part = w.substr(from, to - from);
        Candidate cand{i,
                       i + 1,
                       c.tt.tokens[i].start + from,
                       c.tt.tokens[i].start + to,
                       CandidateKind::unknown,
                       true,
                       std::string(part)};
        const GazEntry* g = c.gaz.find(entity_key(part));
        bool local = g && (g->source == GazSource::city || g->source == GazSource::subdivision);
        if (g && g->kind != GazKind::ignore &&
            (!local || ascii_fold(part) == ascii_fold(g->name))) {
            cand.kind = g->kind == GazKind::place ? CandidateKind::place
                        : g->kind == GazKind::org ? CandidateKind::org
                                                  : CandidateKind::person;
            cand.name = g->name;
            cand.weak = local && g->population < 100000;
            cand.local = local;
            ++known;
        }
        found.push_back(std::move(cand));
    }
    // Two unknown capitalised parts are a double-barrelled name ("Elmendorf-Richardson").
    if (known == 0 && !c.tt.tokens[i].sentence_start && i + 1 < c.tt.tokens.size() &&
        c.is_cap_word(i + 1))
        return false;
    for (Candidate& cand : found)
        out.push_back(std::move(cand));
    return true;
}

// A place (region or country) written after a comma: "Anchorage, Alaska", "Hallandale Beach,
// Florida". Returns the end of that place's chunk, or 0.
std::size_t region_after_comma(const ChunkContext& c, std::size_t j, std::size_t last) {
    if (j + 1 >= last || c.word(j) != "," || !c.is_cap_word(j + 1)) return 0;
    std::size_t k = extend_chunk(c, j + 1, last);
    std::size_t s = c.tt.tokens[j + 1].start;
    const GazEntry* g = c.gaz.find(entity_key(c.text.substr(s, c.name_end(k - 1) - s)));
    if (!g || g->kind != GazKind::place || g->source == GazSource::city) return 0;
    if (k < last) {  // not a list ("Witkoff, Kushner, Ukraine and Russia") or a possessive
        std::string next = c.lower(k);
        if (next == "and" || next == "or" || next == "'s" || next == "s") return 0;
    }
    return k;
}

// "Washington, D.C.": a known name written with a comma inside.
std::size_t known_across_comma(const ChunkContext& c, std::size_t i, std::size_t j,
                               std::size_t last) {
    if (j + 1 >= last || c.word(j) != "," || !c.is_cap_word(j + 1)) return 0;
    std::size_t k = extend_chunk(c, j + 1, last);
    std::size_t s = c.tt.tokens[i].start;
    const GazEntry* g = c.gaz.find(entity_key(c.text.substr(s, c.name_end(k - 1) - s)));
    return g && g->kind != GazKind::ignore ? k : 0;
}

// The chunk [i, j) before ", <region>" names a place unless it is already known otherwise.
void mark_place_before_region(const ChunkContext& c, std::size_t i, std::size_t j,
                              std::size_t emitted, std::vector<Candidate>& out) {
    if (emitted < out.size()) {
        Candidate& last = out.back();
        if (last.last != j || !(last.weak || last.kind == CandidateKind::unknown)) return;
        last.kind = CandidateKind::place;
        last.weak = false;
        return;
    }
    bool sentence_word = c.tt.tokens[i].sentence_start && c.gaz.is_common_word(c.lower(i));
    if (sentence_word || is_calendar_word(c.lower(j - 1)) || !c.tt.tokens[i].cap) return;
    std::size_t start = c.tt.tokens[i].start;
    out.push_back(Candidate{i, j, start, c.name_end(j - 1), CandidateKind::place, false,
                            std::string(c.text.substr(start, c.name_end(j - 1) - start))});
}

// Ukrainian and Russian news write foreign firms, media and brands in Latin letters ("Компания
// Vestas", "сайт NEWSru.com"): a Latin name there that the rules could not type is an
// organisation, or a person when a known given name starts it ("Jean-Pierre Dubois"); an
// acronym of three letters or less only where the gazetteer knows it ("IT", "CEO", "XXI").
void type_latin_name_in_cyrillic(const ChunkContext& c, std::size_t i, std::size_t j,
                                 std::size_t emitted, std::vector<Candidate>& out) {
    const std::string base = base_language(c.lang);
    if (base != "ru" && base != "uk") return;
    for (std::size_t k = emitted; k < out.size(); ++k)
        if (out[k].kind != CandidateKind::unknown) return;
    const Token& first = c.tt.tokens[i];
    if (j == i + 1 && first.all_caps && first.end - first.start <= 3) return;
    // What the rules drop on purpose stays dropped: a curated `ignore` phrase ("Grand Prix"), a
    // nationality ("Swiss"), a month or weekday, one common word ("LIVE", "Internet").
    const std::string_view span = c.text.substr(first.start, c.name_end(j - 1) - first.start);
    const GazEntry* known = c.gaz.find(entity_key(span));
    if ((known && known->kind == GazKind::ignore) || c.gaz.is_demonym(entity_key(c.word(j - 1))) ||
        is_calendar_word(c.lower(j - 1)) || (j == i + 1 && c.gaz.is_common_word(c.lower(i))))
        return;
    bool common = false;  // "Chess Tournament": English words, no person's
    for (std::size_t k = i; k < j; ++k) {
        const std::string_view w = c.word(k);
        if (w.find_first_of("0123456789") != std::string_view::npos) return;  // "STS-124"
        if (k > i && c.gaz.is_common_word(c.lower(k))) common = true;
    }
    // A site named with its domain: "NEWSru.com", "Lenta.ru".
    static const std::set<std::string_view> kDomains = {"com", "ru", "ua", "net", "org", "info"};
    const auto& toks = c.tt.tokens;
    const std::size_t words = j - i;
    if (j + 1 < toks.size() && c.word(j) == "." && toks[j].end == toks[j + 1].start &&
        toks[j - 1].end == toks[j].start && kDomains.count(c.word(j + 1)))
        j += 2;
    out.resize(emitted);
    const std::size_t start = first.start, end = toks[j - 1].end;
    const bool person = words >= 2 && !common && c.gaz.is_first_name(entity_key(c.word(i)));
    out.push_back(Candidate{i, j, start, end, person ? CandidateKind::person : CandidateKind::org,
                            false, std::string(c.text.substr(start, end - start))});
}

}  // namespace

void chunk_prose_line(const ChunkContext& c, const Line& line, std::vector<Candidate>& out) {
    for (std::size_t i = line.first; i < line.last;) {
        if (!c.is_cap_word(i)) {
            ++i;
            continue;
        }
        if (has_cyrillic(c.word(i))) {
            i = chunk_cyrillic(c, i, line.first, line.last, out);
            continue;
        }
        if (c.english && split_compound(c, i, out)) {
            ++i;
            continue;
        }
        std::size_t j = extend_chunk(c, i, line.last);
        if (std::size_t k = known_across_comma(c, i, j, line.last); k > 0) j = k;
        bool cue = c.english && lowercase_cue_before(c, i, line.first);
        std::size_t emitted = out.size();
        analyse_chunk(c, i, j, cue, out);
        if (!c.english) type_latin_name_in_cyrillic(c, i, j, emitted, out);
        if (std::size_t k = region_after_comma(c, j, line.last); k > 0 && !cue) {
            mark_place_before_region(c, i, j, emitted, out);
            classify_span(c, j + 1, k, false, out);
            j = k;
        }
        i = j;
    }
}

}  // namespace byline::extract
