#include "extract/entity_chunker.h"

#include "extract/entity_key.h"
#include "extract/entity_rules.h"

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

std::size_t ChunkContext::name_end(std::size_t i) const {
    const Token& t = tt.tokens[i];
    std::string_view w = word(i);
    for (std::size_t k = 1; k < w.size(); ++k) {
        std::size_t len = w[k] == '-'                                                  ? 1
                          : (w.substr(k, 3) == "\u2011" || w.substr(k, 3) == "\u2010") ? 3
                                                                                       : 0;
        if (len == 0 || k + len >= w.size()) continue;
        char next = w[k + len];
        if (next >= 'a' && next <= 'z') return t.start + k;  // "Trump-chaired", "U.S.-led"
    }
    return t.end;
}

namespace {

bool is_truncated(const ChunkContext& c, std::size_t i) {
    return c.name_end(i) != c.tt.tokens[i].end;
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
        return (abbrev_dot || amp) && k < last && c.is_cap_word(k) ? k : 0;
    }
    bool ok = is_name_connector(w) && w != "the" && w != "for";
    if (w == "for") ok = is_org_head(c.lower(first));
    if (!ok) return 0;
    if (k < last && w == "of" && c.lower(k) == "the") ++k;
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

// Place (country or known place) of length m at i, if a title follows ("UK Prime Minister X").
std::size_t place_before_title(const ChunkContext& c, std::size_t i, std::size_t last) {
    for (std::size_t m = std::min<std::size_t>(3, last - i - 1); m >= 1; --m) {
        std::string key = entity_key(
            c.text.substr(c.tt.tokens[i].start, c.tt.tokens[i + m - 1].end - c.tt.tokens[i].start));
        const GazEntry* g = c.gaz.find(key);
        if (g && g->kind == GazKind::place && title_at(c, i + m, last) > 0) return m;
    }
    return 0;
}

// Strips titles and the nationality or country before them; emits that country as a place.
// Returns false when nothing is left but a title.
bool strip_titles(const ChunkContext& c, std::size_t& i, std::size_t j, bool& person_cue,
                  std::vector<Candidate>& out) {
    while (i < j) {
        std::size_t n = c.english ? title_at(c, i, j) : 0;
        if (n > 0) {
            if (i + n >= j) return false;
            person_cue = true;
            i += n;
            continue;
        }
        if (j - i < 2 || !c.english) break;
        if (c.gaz.is_demonym(entity_key(c.word(i))) && title_at(c, i + 1, j) > 0) {
            ++i;
            continue;
        }
        std::size_t m = place_before_title(c, i, j);
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

void chunk_prose_line(const ChunkContext& c, const Line& line, std::vector<Candidate>& out) {
    for (std::size_t i = line.first; i < line.last;) {
        if (!c.is_cap_word(i)) {
            ++i;
            continue;
        }
        std::size_t j = extend_chunk(c, i, line.last);
        analyse_chunk(c, i, j, c.english && lowercase_cue_before(c, i, line.first), out);
        i = j;
    }
}

}  // namespace byline::extract
