#include "extract/tagger_features.h"

#include "util/stable_hash.h"

#include <algorithm>
#include <array>

namespace byline::extract {
namespace {

constexpr std::array<std::string_view, 9> kGazNames = {"",      "B-per", "I-per", "B-loc", "I-loc",
                                                       "B-org", "I-org", "B-ign", "I-ign"};
constexpr std::array<std::string_view, 8> kLexNames = {"first",  "dem",     "common", "title",
                                                       "orgsuf", "orghead", "cal",    "nonent"};
constexpr std::array<std::string_view, 6> kDictNames = {"noun",  "head",    "lower",
                                                        "given", "surname", "gen"};
constexpr std::array<std::string_view, 7> kNameTags = {"",      "B-per", "I-per", "B-loc",
                                                       "I-loc", "B-org", "I-org"};
constexpr std::array<std::string_view, 8> kDocNames = {"-", "C", "L", "CL", "A", "CA", "LA", "CLA"};
constexpr std::array<std::string_view, 4> kPosNames = {"0", "1", "2", "3"};

constexpr std::uint64_t kPrime = 0x100000001b3ULL;

constexpr std::uint64_t fnv64(std::string_view s) {
    return hash::fnv1a(s);
}

// A feature value part: its text (for feature_strings) and its hash (for feature_hashes).
struct Part {
    std::string_view text;
    std::uint64_t hash;
};

constexpr Part kNone{"", fnv64("")}, kBos{"<s>", fnv64("<s>")}, kEos{"</s>", fnv64("</s>")},
    kEdge{"<>", fnv64("<>")};

Part part(std::string_view s) {
    return {s, tagger_string_hash(s)};
}

// Calls emit(name, a, b, c) for every feature of token i; "a|b|c" is the value.
template <class Emit>
void each_feature(const TaggerInput& in, const Line& line, std::size_t i, Emit& emit) {
    auto at = [&](long d) -> std::ptrdiff_t {
        long k = static_cast<long>(i) + d;
        return k < static_cast<long>(line.first) || k >= static_cast<long>(line.last) ? -1 : k;
    };
    auto word = [&](long d) -> Part {
        auto k = at(d);
        return k < 0 ? (d < 0 ? kBos : kEos) : Part{in.lower[k], in.word_hash[k]};
    };
    auto shape = [&](long d) -> Part {
        auto k = at(d);
        return k < 0 ? kEdge : Part{in.shape[k], in.shape_hash[k]};
    };
    auto gaz = [&](long d) { return at(d) < 0 ? kNone : part(kGazNames[in.gaz[at(d)]]); };
    auto sink = [&](std::string_view name, Part a, Part b = kNone, Part c = kNone) {
        emit(name, a, b, c);
    };
    const Token& t = in.tt->tokens[i];
    const Part w = word(0);
    sink("b", kNone);
    sink("w", w);
    sink("w-1", word(-1));
    sink("w+1", word(1));
    sink("w-2", word(-2));
    sink("w+2", word(2));
    sink("s", shape(0));
    sink("s-1", shape(-1));
    sink("s+1", shape(1));
    sink("s-2", shape(-2));
    sink("s+2", shape(2));
    sink("ww-", word(-1), w);
    sink("ww+", w, word(1));
    sink("sss", shape(-1), shape(0), shape(1));
    for (std::size_t n = 1; n <= 4 && n <= w.text.size(); ++n) {
        static constexpr std::array<std::string_view, 5> kP = {"", "p1", "p2", "p3", "p4"};
        static constexpr std::array<std::string_view, 5> kX = {"", "x1", "x2", "x3", "x4"};
        sink(kP[n], part(w.text.substr(0, n)));
        sink(kX[n], part(w.text.substr(w.text.size() - n)));
    }
    sink("pos", part(kPosNames[in.sent_pos[i]]), part(t.cap ? "C" : "c"));
    if (in.gaz[i]) sink("g", gaz(0), shape(0));
    sink("g-1", gaz(-1), gaz(0));
    sink("g+1", gaz(0), gaz(1));
    for (long d = -1; d <= 1; ++d) {
        static constexpr std::array<std::string_view, 3> kL = {"L-1", "L", "L+1"};
        auto k = at(d);
        for (std::size_t b = 0; k >= 0 && b < 8; ++b)
            if (in.lex[k] & (1u << b)) sink(kL[d + 1], part(kLexNames[b]));
    }
    for (long d = -1; d <= 1 && !in.dict.empty(); ++d) {
        static constexpr std::array<std::string_view, 3> kD = {"D-1", "D", "D+1"};
        auto k = at(d);
        for (std::size_t b = 0; k >= 0 && b < kDictNames.size(); ++b)
            if (in.dict[k] & (1u << b)) sink(kD[d + 1], part(kDictNames[b]));
    }
    // German marks case on the words around a name ("des", "dem", "-ischen", "-en"): their
    // endings, with the word's shape.
    if (!in.head.empty()) {
        auto ending = [&](long d) -> Part {
            auto k = at(d);
            if (k < 0) return kEdge;
            const std::string_view t = in.lower[k];
            return part(t.size() > 3 ? t.substr(t.size() - 3) : t);
        };
        sink("x3-1", ending(-1), shape(0));
        sink("x3+1", ending(1), shape(0));
    }
    // A German compound's head noun: "Mieterverein" and "Sportverein" are both "verein".
    for (long d = -1; d <= 1 && !in.head.empty(); ++d) {
        static constexpr std::array<std::string_view, 3> kH = {"hd-1", "hd", "hd+1"};
        auto k = at(d);
        if (k >= 0 && !in.head[k].empty()) sink(kH[d + 1], part(in.head[k]));
    }
    if (!in.names.empty()) {
        auto name = [&](long d) { return at(d) < 0 ? kNone : part(kNameTags[in.names[at(d)]]); };
        if (in.names[i]) sink("n", name(0), shape(0));
        sink("n-1", name(-1), name(0));
        sink("n+1", name(0), name(1));
    }
    if (t.kind == TokenKind::word && t.cap) {
        std::string_view ctx = in.line_caps[i] ? "line" : t.sentence_start ? "first" : "mid";
        sink("d", part(ctx), part(kDocNames[in.doc[i] & 7]));
    }
    if (in.line_caps[i]) sink("lc", shape(0));
}

std::uint32_t combine(std::string_view name, Part a, Part b, Part c) {
    std::uint64_t h = tagger_string_hash(name);
    h = (h ^ a.hash) * kPrime;
    h = (h ^ (b.hash + 0x9e3779b97f4a7c15ULL)) * kPrime;
    h = (h ^ (c.hash + 0x7f4a7c159e3779b9ULL)) * kPrime;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return static_cast<std::uint32_t>(h);
}

}  // namespace

std::uint64_t tagger_string_hash(std::string_view s) {
    return fnv64(s);
}

std::uint32_t feature_hash(std::string_view name, std::string_view a, std::string_view b,
                           std::string_view c) {
    return combine(name, part(a), part(b), part(c));
}

std::vector<std::string> feature_strings(const TaggerInput& in, const Line& line, std::size_t i) {
    std::vector<std::string> out;
    auto emit = [&](std::string_view name, Part a, Part b, Part c) {
        std::string f(name);
        f += '=';
        f += a.text;
        for (Part p : {b, c}) {
            if (p.text.empty()) continue;
            f += '|';
            f += p.text;
        }
        out.push_back(std::move(f));
    };
    each_feature(in, line, i, emit);
    return out;
}

void feature_hashes(const TaggerInput& in, const Line& line, std::size_t i,
                    std::vector<std::uint32_t>& out) {
    auto emit = [&](std::string_view name, Part a, Part b, Part c) {
        out.push_back(combine(name, a, b, c));
    };
    each_feature(in, line, i, emit);
}

std::uint8_t TagHistory::verdict(std::uint64_t word_hash) const {
    auto it = counts_.find(word_hash);
    if (it == counts_.end()) return 0;
    const auto& c = it->second;
    return static_cast<std::uint8_t>(std::max_element(c.begin() + 1, c.end()) - c.begin());
}

void TagHistory::record(std::uint64_t word_hash, std::uint8_t verdict) {
    if (verdict == 0 || verdict >= kVerdicts) return;
    auto& c = counts_[word_hash];
    if (c[verdict] < UINT16_MAX) ++c[verdict];
}

std::uint8_t history_context(const TaggerInput& in, std::size_t i) {
    const Token& t = in.tt->tokens[i];
    if (t.kind != TokenKind::word || !t.cap) return 0;
    return in.line_caps[i] ? 1 : t.sentence_start ? 2 : 3;
}

std::uint32_t history_feature(std::uint8_t context, std::uint8_t verdict) {
    static constexpr std::array<std::string_view, 4> kContexts = {"", "line", "first", "mid"};
    static constexpr std::array<std::string_view, 8> kVerdicts = {"-", "O", "0", "1",
                                                                  "2", "3", "4", "5"};
    return feature_hash("h", kVerdicts[std::min<std::size_t>(verdict, kVerdicts.size() - 1)],
                        kContexts[std::min<std::size_t>(context, kContexts.size() - 1)]);
}

}  // namespace byline::extract
