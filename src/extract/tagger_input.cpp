#include "extract/tagger_features.h"

#include "extract/entity_key.h"
#include "extract/entity_rules.h"
#include "util/memo.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_map>

namespace byline::extract {
namespace {

constexpr std::size_t kMaxGazWords = 6;
std::string lower_ascii(std::string_view w) {
    std::string out;
    out.reserve(w.size());
    for (std::size_t k = 0; k < w.size(); ++k) {
        char b = w[k];
        if (w.substr(k, 3) == "\u2019") {  // typographic apostrophe
            out += '\'';
            k += 2;
            continue;
        }
        out += (b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : b;
    }
    return out;
}

// The class of an ASCII character, as ICU gives it for any other.
char ascii_class(char c) {
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    return c > 0x20 ? c : '*';
}

// Character classes with runs collapsed: "Kyiv" → "Xx", "G20" → "Xd", "U.S." → "X.X.".
std::string word_shape(std::string_view w) {
    std::string out;
    const auto* s = reinterpret_cast<const uint8_t*>(w.data());
    int32_t n = static_cast<int32_t>(w.size());
    for (int32_t i = 0; i < n && out.size() < 8;) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        char cls = c < 0x80 ? ascii_class(static_cast<char>(c))  // most letters: no ICU call
                   : u_isupper(c) || u_istitle(c) ? 'X'
                   : u_islower(c)                 ? 'x'
                   : u_isdigit(c)                 ? 'd'
                                                  : '*';
        if (out.empty() || out.back() != cls) out += cls;
    }
    return out;
}

bool can_join_name(const TaggerInput& in, std::size_t k) {
    const Token& t = in.tt->tokens[k];
    return t.kind != TokenKind::punct && (t.cap || is_name_connector(in.lower[k]));
}

// Longest gazetteer entry starting at each capitalised word, left to right.
void mark_gazetteer(TaggerInput& in, const Gazetteer& gaz, const Line& line,
                    std::string_view lang) {
    const auto& toks = in.tt->tokens;
    std::size_t max_words = std::min(gaz.max_words(), kMaxGazWords);
    for (std::size_t i = line.first; i < line.last;) {
        std::size_t len = 0;
        const GazEntry* hit = nullptr;
        if (toks[i].cap && toks[i].kind != TokenKind::punct) {
            std::size_t end = i;
            while (end < line.last && end - i < max_words && can_join_name(in, end))
                ++end;
            for (std::size_t j = end; j > i && !hit; --j) {
                if (!toks[j - 1].cap) continue;
                auto span = in.text.substr(toks[i].start, toks[j - 1].end - toks[i].start);
                hit = lang.empty() ? nullptr : gaz.find_local(lang, span);
                if (!hit) hit = gaz.find(entity_key(span));
                len = j - i;
            }
        }
        if (!hit) {
            ++i;
            continue;
        }
        auto base = static_cast<std::uint8_t>(1 + 2 * static_cast<int>(hit->kind));
        for (std::size_t k = i; k < i + len; ++k)
            in.gaz[k] = static_cast<std::uint8_t>(base + (k > i));
        i += len;
    }
}

// Bits from the rules' closed word lists: a pure function of the word, memoised per thread
// because those lists are scanned linearly.
std::uint8_t rule_list_bits(const std::string& w) {
    thread_local text::StringMemo<std::uint8_t> memo(200000);
    return memo.get(w, [](std::string_view word) {
        std::uint8_t bits = 0;
        std::string_view one[1] = {word};
        if (title_length(one, 1) == 1 || is_person_cue(word)) bits |= lex_title;
        if (is_org_suffix(word)) bits |= lex_org_suffix;
        if (is_org_head(word)) bits |= lex_org_head;
        if (is_calendar_word(word)) bits |= lex_calendar;
        if (is_non_entity_suffix(word)) bits |= lex_non_entity;
        return bits;
    });
}

// Word-list bits of a lower-case word. The gazetteer's lists (first names, demonyms, common
// words) are asked about capitalised words only: they are what the lists tell apart, and the
// large hash sets are slow to probe for every word.
std::uint8_t lex_bits(const Gazetteer* gaz, const std::string& w, bool cap) {
    std::uint8_t bits = rule_list_bits(w);
    if (gaz && cap) {
        std::string key = entity_key(w);
        if (gaz->is_first_name(key)) bits |= lex_first_name;
        if (gaz->is_demonym(key)) bits |= lex_demonym;
        if (gaz->is_common_word(w)) bits |= lex_common;
    }
    return bits;
}

struct WordInfo {
    std::uint8_t lex = 0;
    std::uint8_t doc = 0;
    bool lex_cap = false;  // lex includes the gazetteer bits
};

// Word lists once per distinct word; then how each word is written in prose elsewhere in the
// document (capitalised mid-sentence, lower case, ALL CAPS), which tells "Grain" at a sentence
// start from "Grain" the company.
void mark_words(TaggerInput& in, const Gazetteer* gaz) {
    const auto& toks = in.tt->tokens;
    std::unordered_map<std::string_view, WordInfo> words;
    words.reserve(toks.size());
    std::vector<WordInfo*> info(toks.size(), nullptr);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        if (toks[i].kind != TokenKind::word) continue;
        auto [it, added] = words.try_emplace(in.lower[i]);
        WordInfo& w = it->second;
        if (added || (toks[i].cap && !w.lex_cap)) {
            w.lex = lex_bits(gaz, in.lower[i], toks[i].cap);
            w.lex_cap = toks[i].cap;
        }
        info[i] = &w;
    }
    for (const Line& line : in.tt->lines) {
        if (line.style != LineStyle::prose) continue;
        for (std::size_t i = line.first; i < line.last; ++i) {
            const Token& t = toks[i];
            if (!info[i]) continue;
            if (!t.cap) {
                info[i]->doc |= doc_lower;
            } else if (!t.sentence_start) {
                bool caps = t.all_caps && t.end - t.start > 1;
                info[i]->doc |= caps ? doc_all_caps : doc_cap_mid;
            }
        }
    }
    constexpr auto kCapOnly = static_cast<std::uint8_t>(lex_first_name | lex_demonym | lex_common);
    for (std::size_t i = 0; i < toks.size(); ++i) {
        if (!info[i]) continue;
        in.lex[i] =
            toks[i].cap ? info[i]->lex : static_cast<std::uint8_t>(info[i]->lex & ~kCapOnly);
        in.doc[i] = info[i]->doc;
    }
}

// What the dictionary says of each word: a capitalised word may be a noun, a compound of one,
// a given name or a surname; any word's lower-case form may be a word ("Die", "Bayerischen").
void mark_dictionary(TaggerInput& in, const TaggerLexicon& lexicon) {
    const auto& toks = in.tt->tokens;
    in.dict.assign(toks.size(), 0);
    in.head.assign(toks.size(), {});
    std::unordered_map<std::string_view, std::pair<std::uint8_t, std::string>> seen;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const Token& t = toks[i];
        if (t.kind != TokenKind::word) continue;
        const std::string_view w = in.text.substr(t.start, t.end - t.start);
        auto [it, fresh] = seen.try_emplace(w);
        if (fresh) {
            std::uint8_t bits = lexicon.is_lower_word(w) ? dict_lower : 0;
            std::string head;
            if (t.cap && !t.all_caps) {
                if (lexicon.is_noun(w)) {
                    bits |= dict_noun;
                    head = lexicon_key(w);
                } else if (head = lexicon.noun_head(w); !head.empty()) {
                    bits |= dict_head;
                }
                if (lexicon.is_given_name(w)) bits |= dict_given;
                if (lexicon.is_surname(w)) bits |= dict_surname;
                // "Zabels Entscheidung", "Stanleys Geburtsdatum": a name's genitive.
                if (!(bits & (dict_given | dict_surname)) && w.size() > 4 && w.ends_with('s')) {
                    const std::string_view stem = w.substr(0, w.size() - 1);
                    if (lexicon.is_surname(stem) || lexicon.is_given_name(stem))
                        bits |= dict_genitive;
                }
            }
            it->second = {bits, std::move(head)};
        }
        in.dict[i] = it->second.first;
        in.head[i] = it->second.second;
    }
}

// Longest known name (the lexicon's) starting at each capitalised word, left to right.
void mark_names(TaggerInput& in, const TaggerLexicon& lexicon, const Line& line) {
    const auto& toks = in.tt->tokens;
    std::vector<std::string> lower(line.last - line.first);
    auto lower_of = [&](std::size_t k) -> std::string_view {
        std::string& l = lower[k - line.first];
        if (l.empty()) l = utf8_lower(in.text.substr(toks[k].start, toks[k].end - toks[k].start));
        return l;
    };
    std::vector<std::string_view> words;
    for (std::size_t i = line.first; i < line.last;) {
        std::size_t end = i;
        if (toks[i].cap && toks[i].kind != TokenKind::punct) {
            while (end < line.last && end - i < kMaxGazWords && can_join_name(in, end))
                ++end;
        }
        std::size_t len = 0;
        std::uint8_t code = 0;
        for (std::size_t j = end; j > i && !code; --j) {
            if (!toks[j - 1].cap) continue;
            words.clear();
            for (std::size_t k = i; k < j; ++k)
                words.push_back(lower_of(k));
            const std::string key = name_key(words);
            for (NameKind kind : {NameKind::person, NameKind::place, NameKind::org}) {
                if (!lexicon.is_name(kind, key)) continue;
                code = static_cast<std::uint8_t>(1 + 2 * static_cast<int>(kind));
                len = j - i;
                break;
            }
        }
        if (!code) {
            ++i;
            continue;
        }
        for (std::size_t k = i; k < i + len; ++k)
            in.names[k] = static_cast<std::uint8_t>(code + (k > i));
        i += len;
    }
}

}  // namespace

TaggerInput prepare_tagger_input(std::string_view text, const TokenizedText& tt,
                                 const Gazetteer* gaz, const TaggerLexicon* lexicon,
                                 std::string_view lang) {
    TaggerInput in;
    in.text = text;
    in.tt = &tt;
    std::size_t n = tt.tokens.size();
    in.lower.reserve(n);
    in.shape.reserve(n);
    in.gaz.assign(n, 0);
    in.lex.assign(n, 0);
    in.doc.assign(n, 0);
    in.sent_pos.assign(n, 0);
    in.line_caps.assign(n, 0);
    std::uint8_t pos = 0;
    for (const Token& t : tt.tokens) {
        std::string_view w = text.substr(t.start, t.end - t.start);
        in.lower.push_back(lower_ascii(w));
        in.shape.push_back(word_shape(w));
        pos = t.sentence_start ? 0 : static_cast<std::uint8_t>(std::min(pos + 1, 3));
        in.sent_pos[in.lower.size() - 1] = pos;
    }
    for (const Line& line : tt.lines) {
        for (std::size_t i = line.first; i < line.last; ++i)
            in.line_caps[i] = line.style != LineStyle::prose;
        if (gaz) mark_gazetteer(in, *gaz, line, lang);
    }
    mark_words(in, gaz);
    if (lexicon) {
        mark_dictionary(in, *lexicon);
        in.names.assign(n, 0);
        for (const Line& line : tt.lines)
            mark_names(in, *lexicon, line);
    }
    in.word_hash.reserve(n);
    in.shape_hash.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        in.word_hash.push_back(tagger_string_hash(in.lower[i]));
        in.shape_hash.push_back(tagger_string_hash(in.shape[i]));
    }
    return in;
}

}  // namespace byline::extract
