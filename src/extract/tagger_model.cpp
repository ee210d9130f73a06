#include "extract/tagger_model.h"

#include "util/bytes.h"
#include "util/stable_hash.h"

#include <byline/error.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>

namespace byline::extract {
namespace {

constexpr std::string_view kMagic = "BYLNER01";
constexpr std::size_t kMaxTags = 64;
// High bit of the scheme byte: the model reads the document's history (files without it
// predate the feature and load as before).
constexpr std::uint8_t kHistoryFlag = 0x80;
// Next bit: the model reads its language's dictionary (data/lexicon-LANG.bin).
constexpr std::uint8_t kLexiconFlag = 0x40;

std::uint64_t checksum(std::string_view bytes) {
    return hash::fnv1a(bytes);
}

// Bounds-checked reading of the file image; a short read names the file and says "truncated".
struct Reader {
    std::string_view data;
    const std::string& path;
    std::size_t pos = 0;

    template <class T>
    T get() {
        if (data.size() - pos < sizeof(T)) throw InputError(path, "truncated tagger model");
        T value;
        std::memcpy(&value, data.data() + pos, sizeof(T));
        pos += sizeof(T);
        return value;
    }
    std::string_view bytes(std::size_t n) {
        if (data.size() - pos < n) throw InputError(path, "truncated tagger model");
        pos += n;
        return data.substr(pos - n, n);
    }
};

void read_header(Reader& r, TaggerModel& m) {
    if (r.bytes(kMagic.size()) != kMagic) {
        throw InputError(r.path, "not a Byline tagger model (retrain with byline-train-tagger)");
    }
    auto scheme = r.get<std::uint8_t>();
    auto labels = r.get<std::uint8_t>();
    m.history = (scheme & kHistoryFlag) != 0;
    m.lexicon = (scheme & kLexiconFlag) != 0;
    scheme &= static_cast<std::uint8_t>(~(kHistoryFlag | kLexiconFlag));
    if (scheme > 1 || labels == 0 || labels > 15) throw InputError(r.path, "bad model header");
    m.tags.scheme = static_cast<TagScheme>(scheme);
    for (std::size_t l = 0; l < labels; ++l)
        m.tags.labels.emplace_back(r.bytes(r.get<std::uint8_t>()));
    m.row_bits = r.get<std::uint32_t>();
    m.scale = r.get<float>();
    if (m.row_bits < 4 || m.row_bits > 24 || m.tags.size() > kMaxTags) {
        throw InputError(r.path, "bad model header");
    }
}

}  // namespace

std::size_t TagSet::tag(std::size_t label, std::size_t part) const {
    if (scheme == TagScheme::bio) part = part == 2 ? 1 : part == 3 ? 0 : part;
    return 1 + label * width() + part;
}

bool TagSet::allowed(std::size_t prev, std::size_t next) const {
    // Inside a span (B or I, BILOU) only I or L of the same label may follow.
    bool prev_open =
        prev != 0 && prev != size() && scheme == TagScheme::bilou && part_of(prev) <= 1;
    bool next_continues = next != 0 && (part_of(next) == 1 || part_of(next) == 2);
    if (scheme == TagScheme::bio) {
        if (next == 0 || part_of(next) == 0) return true;
        return prev != 0 && prev != size() && label_of(prev) == label_of(next);
    }
    if (prev_open) return next_continues && label_of(prev) == label_of(next);
    return !next_continues;
}

std::string TagSet::name(std::size_t t) const {
    if (t == 0) return "O";
    static constexpr std::string_view kParts = "BILU";
    return std::string(1, kParts[part_of(t)]) + "-" + labels[label_of(t)];
}

std::vector<TagSpan> spans_of(const TagSet& tags, const std::vector<std::uint8_t>& seq) {
    std::vector<TagSpan> out;
    bool open = false;
    for (std::size_t i = 0; i < seq.size(); ++i) {
        std::size_t t = seq[i];
        bool starts = t != 0 && (tags.part_of(t) == 0 || tags.part_of(t) == 3 || !open ||
                                 out.back().label != tags.label_of(t));
        if (t == 0) {
            open = false;
        } else if (starts) {
            out.push_back({i, i + 1, tags.label_of(t)});
            open = tags.scheme == TagScheme::bio || tags.part_of(t) == 0;
        } else {
            out.back().last = i + 1;
            open = tags.scheme == TagScheme::bio || tags.part_of(t) == 1;
        }
    }
    return out;
}

std::vector<std::uint8_t> tags_of(const TagSet& tags, const std::vector<TagSpan>& spans,
                                  std::size_t n) {
    std::vector<std::uint8_t> seq(n, 0);
    for (const TagSpan& s : spans) {
        for (std::size_t i = s.first; i < s.last && i < n; ++i) {
            std::size_t part = s.last - s.first == 1 ? 3
                               : i == s.first        ? 0
                               : i + 1 == s.last     ? 2
                                                     : 1;
            seq[i] = static_cast<std::uint8_t>(tags.tag(s.label, part));
        }
    }
    return seq;
}

void save_model(const TaggerModel& m, const std::string& path) {
    std::string out(kMagic);
    bytes::put<std::uint8_t>(
        out,
        static_cast<std::uint8_t>(static_cast<std::uint8_t>(m.tags.scheme) |
                                  (m.history ? kHistoryFlag : 0) | (m.lexicon ? kLexiconFlag : 0)));
    bytes::put<std::uint8_t>(out, static_cast<std::uint8_t>(m.tags.labels.size()));
    for (const std::string& l : m.tags.labels) {
        bytes::put<std::uint8_t>(out, static_cast<std::uint8_t>(l.size()));
        out += l;
    }
    bytes::put<std::uint32_t>(out, m.row_bits);
    bytes::put<float>(out, m.scale);
    for (float w : m.transitions)
        bytes::put<float>(out, w);
    for (std::uint64_t w : m.present)
        bytes::put<std::uint64_t>(out, w);
    for (std::int16_t w : m.weights)
        bytes::put<std::int16_t>(out, w);
    bytes::put<std::uint64_t>(out, checksum(out));
    std::ofstream file(path, std::ios::binary);
    if (!file.write(out.data(), static_cast<std::streamsize>(out.size())) || !file.flush()) {
        throw InputError(path, "cannot write tagger model");
    }
}

TaggerModel load_model(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw InputError(path, "cannot open tagger model");
    std::string data((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (data.size() < kMagic.size() + 8) throw InputError(path, "truncated tagger model");
    std::uint64_t stored;
    std::memcpy(&stored, data.data() + data.size() - 8, 8);
    std::string_view body(data.data(), data.size() - 8);
    if (body.substr(0, kMagic.size()) == kMagic && checksum(body) != stored) {
        throw InputError(path, "damaged tagger model (checksum); retrain with byline-train-tagger");
    }
    Reader r{body, path};
    TaggerModel m;
    read_header(r, m);
    std::size_t width = m.tags.size();
    m.transitions.resize((width + 1) * width);
    for (float& w : m.transitions)
        w = r.get<float>();
    m.present.resize(m.rows() / 64);
    std::size_t marked = 0;
    for (std::uint64_t& w : m.present) {
        w = r.get<std::uint64_t>();
        marked += static_cast<std::size_t>(__builtin_popcountll(w));
    }
    if (marked * width * 2 > body.size() - r.pos) throw InputError(path, "truncated tagger model");
    m.weights.resize(marked * width);
    for (std::int16_t& w : m.weights)
        w = r.get<std::int16_t>();
    if (r.pos != body.size()) throw InputError(path, "trailing bytes in tagger model");
    m.finish();
    return m;
}

void TaggerModel::set_table(const std::vector<std::int16_t>& dense) {
    const std::size_t T = tags.size();
    present.assign(rows() / 64, 0);
    weights.clear();
    for (std::size_t r = 0; r < rows(); ++r) {
        const std::int16_t* row = &dense[r * T];
        if (std::all_of(row, row + T, [](std::int16_t w) { return w == 0; })) continue;
        present[r >> 6] |= std::uint64_t{1} << (r & 63);
        weights.insert(weights.end(), row, row + T);
    }
    finish();
}

void TaggerModel::finish() {
    rank.resize(present.size());
    std::uint32_t before = 0;
    for (std::size_t k = 0; k < present.size(); ++k) {
        rank[k] = before;
        before += static_cast<std::uint32_t>(__builtin_popcountll(present[k]));
    }
    const std::size_t T = tags.size();
    predecessors.assign(T, {});
    for (std::size_t t = 0; t < T; ++t) {
        for (std::size_t p = 0; p <= T; ++p)
            if (tags.allowed(p, t)) predecessors[t].push_back(static_cast<std::uint8_t>(p));
    }
}

std::vector<std::uint8_t> viterbi(const TaggerModel& m, const std::vector<float>& em,
                                  std::size_t n) {
    const std::size_t T = m.tags.size();
    constexpr float kNone = -std::numeric_limits<float>::infinity();
    std::vector<float> score(T), next(T);
    std::vector<std::uint8_t> back(n * T, 0);
    for (std::size_t t = 0; t < T; ++t) {
        bool may_start = m.predecessors[t].back() == T;
        score[t] = may_start ? m.transitions[T * T + t] + em[t] : kNone;
    }
    for (std::size_t i = 1; i < n; ++i) {
        for (std::size_t t = 0; t < T; ++t) {
            float best = kNone;
            std::size_t arg = 0;
            for (std::uint8_t p : m.predecessors[t]) {
                if (p == T) break;  // the start sentinel is last
                float s = score[p] + m.transitions[p * T + t];
                if (s > best) best = s, arg = p;
            }
            next[t] = best + em[i * T + t];
            back[i * T + t] = static_cast<std::uint8_t>(arg);
        }
        score.swap(next);
    }
    std::vector<std::uint8_t> seq(n, 0);
    if (n == 0) return seq;
    std::size_t best = 0;
    for (std::size_t t = 1; t < T; ++t) {
        // A sequence may not end inside a BILOU span (B or I).
        bool open = m.tags.scheme == TagScheme::bilou && m.tags.part_of(t) <= 1;
        if (!open && score[t] > score[best]) best = t;
    }
    for (std::size_t i = n; i-- > 0;) {
        seq[i] = static_cast<std::uint8_t>(best);
        best = back[i * T + best];
    }
    return seq;
}

}  // namespace byline::extract
