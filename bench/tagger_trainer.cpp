#include "tagger_trainer.h"

#include "extract/entity_tokens.h"
#include "extract/tagger_features.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace byline::bench {
namespace {

using extract::TagSpan;

constexpr std::uint32_t kNoRow = UINT32_MAX;  // no history row for the token

// Gold spans of one line as token ranges relative to the line; spans whose edges fall inside a
// token are counted and dropped.
std::vector<TagSpan> align(const ConllDocument& doc, const extract::TokenizedText& tt,
                           const extract::Line& line, std::size_t& misaligned) {
    static const std::vector<std::string> kLabels = tagger_labels();
    std::map<std::size_t, std::size_t> by_start, by_end;
    for (std::size_t i = line.first; i < line.last; ++i) {
        by_start[tt.tokens[i].start] = i;
        by_end[tt.tokens[i].end] = i;
    }
    if (line.last == line.first) return {};
    std::size_t lo = tt.tokens[line.first].start, hi = tt.tokens[line.last - 1].end;
    std::vector<TagSpan> spans;
    for (const GoldSpan& g : doc.gold) {
        if (g.start < lo || g.end > hi) continue;
        auto a = by_start.find(g.start);
        auto b = by_end.find(g.end);
        if (a == by_start.end() || b == by_end.end() || b->second < a->second) {
            ++misaligned;
            continue;
        }
        auto label = std::find(kLabels.begin(), kLabels.end(), g.type) - kLabels.begin();
        spans.push_back(
            {a->second - line.first, b->second + 1 - line.first, static_cast<std::size_t>(label)});
    }
    return spans;
}

}  // namespace

std::vector<std::string> tagger_labels() {
    return {"PER", "LOC", "ORG", "MISC"};
}

std::vector<TrainSequence> make_sequences(const std::vector<ConllDocument>& docs,
                                          const extract::Gazetteer& gaz,
                                          const TrainOptions& options, std::size_t& misaligned,
                                          Domain domain) {
    const std::uint32_t copy = options.adapt ? static_cast<std::uint32_t>(domain) : 0;
    extract::TagSet tags{options.scheme, tagger_labels()};
    const std::uint32_t mask = (std::uint32_t{1} << options.row_bits) - 1;
    std::vector<TrainSequence> out;
    std::vector<std::uint32_t> hashes;
    for (std::size_t d = 0; d < docs.size(); ++d) {
        const ConllDocument& doc = docs[d];
        auto tt = extract::tokenize_for_entities(doc.text);
        auto in =
            extract::prepare_tagger_input(doc.text, tt, &gaz, options.lexicon, options.language);
        for (const extract::Line& line : tt.lines) {
            if (line.last == line.first) continue;
            TrainSequence seq;
            seq.doc = d;
            for (std::size_t i = line.first; i < line.last; ++i) {
                seq.words.push_back(in.word_hash[i]);
                seq.contexts.push_back(extract::history_context(in, i));
                seq.offsets.push_back(static_cast<std::uint32_t>(seq.rows.size()));
                hashes.clear();
                extract::feature_hashes(in, line, i, hashes);
                for (std::uint32_t h : hashes) {
                    seq.rows.push_back(h & mask);
                    if (copy) seq.rows.push_back((h & mask) + copy * (mask + 1));
                }
            }
            seq.offsets.push_back(static_cast<std::uint32_t>(seq.rows.size()));
            seq.gold =
                extract::tags_of(tags, align(doc, tt, line, misaligned), line.last - line.first);
            out.push_back(std::move(seq));
        }
    }
    return out;
}

Trainer::Trainer(const TrainOptions& options)
    : history_(options.history),
      adapt_(options.adapt),
      outside_bias_(options.outside_bias),
      mask_((std::uint32_t{1} << options.row_bits) - 1) {
    shape_.tags = extract::TagSet{options.scheme, tagger_labels()};
    shape_.row_bits = options.row_bits;
    shape_.history = options.history;
    shape_.lexicon = options.lexicon != nullptr;
    const std::size_t T = shape_.tags.size();
    shape_.transitions.assign((T + 1) * T, 0.0f);
    shape_.finish();
    trans_acc_.assign(shape_.transitions.size(), 0.0);
    w_.assign(shape_.rows() * T * (adapt_ ? 3 : 1), 0.0f);
    acc_.assign(w_.size(), 0.0);
}

std::size_t Trainer::epoch(const std::vector<TrainSequence>& data, std::uint32_t seed) {
    std::vector<std::pair<std::size_t, std::size_t>> docs;  // line ranges
    for (std::size_t s = 0; s < data.size(); ++s) {
        if (docs.empty() || data[s].doc != data[docs.back().first].doc) docs.emplace_back(s, s);
        docs.back().second = s + 1;
    }
    std::mt19937 rng(seed);
    std::shuffle(docs.begin(), docs.end(), rng);
    std::size_t errors = 0;
    for (const auto& [first, last] : docs)
        errors += document(data, first, last);
    return errors;
}

std::size_t Trainer::document(const std::vector<TrainSequence>& data, std::size_t first,
                              std::size_t last) {
    const std::size_t T = shape_.tags.size();
    std::size_t errors = 0;
    std::vector<float> em;
    std::vector<std::uint32_t> extra;  // each token's history row (kNoRow: none)
    extract::TagHistory history;
    for (std::size_t s = first; s < last; ++s) {
        const TrainSequence& seq = data[s];
        const std::size_t n = seq.gold.size();
        em.assign(n * T, 0.0f);
        extra.assign(n, kNoRow);
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint8_t verdict =
                history_ && seq.contexts[i] ? history.verdict(seq.words[i]) : 0;
            if (verdict) extra[i] = extract::history_feature(seq.contexts[i], verdict) & mask_;
            auto add_row = [&](std::uint32_t r) {
                const float* row = &w_[std::size_t{r} * T];
                for (std::size_t t = 0; t < T; ++t)
                    em[i * T + t] += row[t];
            };
            for (std::uint32_t k = seq.offsets[i]; k < seq.offsets[i + 1]; ++k)
                add_row(seq.rows[k]);
            if (extra[i] != kNoRow) add_row(extra[i]);
        }
        auto pred = extract::viterbi(shape_, em, n);
        for (std::size_t i = 0; i < n; ++i)
            errors += pred[i] != seq.gold[i];
        if (pred != seq.gold) update(seq, extra, pred);
        c_ += 1;
        for (std::size_t i = 0; history_ && i < n; ++i) {
            if (seq.contexts[i]) history.record_tag(seq.words[i], shape_.tags, pred[i]);
        }
    }
    return errors;
}

void Trainer::update(const TrainSequence& seq, const std::vector<std::uint32_t>& extra,
                     const std::vector<std::uint8_t>& pred) {
    const std::size_t T = shape_.tags.size();
    auto bump = [&](std::vector<float>& w, std::vector<double>& acc, std::size_t at, float d) {
        w[at] += d;
        acc[at] += c_ * d;
    };
    for (std::size_t i = 0; i < seq.gold.size(); ++i) {
        std::size_t g = seq.gold[i], p = pred[i];
        std::size_t gp = i ? seq.gold[i - 1] : T, pp = i ? pred[i - 1] : T;
        if (g != p || gp != pp) {
            bump(shape_.transitions, trans_acc_, gp * T + g, 1);
            bump(shape_.transitions, trans_acc_, pp * T + p, -1);
        }
        if (g == p) continue;
        auto bump_row = [&](std::uint32_t r) {
            const std::size_t row = std::size_t{r} * T;
            bump(w_, acc_, row + g, 1);
            bump(w_, acc_, row + p, -1);
        };
        for (std::uint32_t k = seq.offsets[i]; k < seq.offsets[i + 1]; ++k)
            bump_row(seq.rows[k]);
        if (extra[i] != kNoRow) bump_row(extra[i]);
    }
}

Trainer::Weights Trainer::averaged_weights() const {
    Weights w;
    // With adaptation the model reads the shared weights plus the target domain's copy.
    const std::size_t n = shape_.rows() * shape_.tags.size();
    w.table.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        double v = w_[k] - acc_[k] / c_;
        if (adapt_) v += w_[n + k] - acc_[n + k] / c_;
        w.table[k] = static_cast<float>(v);
    }
    // Less weight on "outside" for every token (through the bias feature every token has)
    // trades precision for recall.
    w.table[std::size_t{extract::feature_hash("b", "") & mask_} * shape_.tags.size()] -=
        outside_bias_;
    w.transitions.resize(shape_.transitions.size());
    for (std::size_t k = 0; k < w.transitions.size(); ++k)
        w.transitions[k] = static_cast<float>(shape_.transitions[k] - trans_acc_[k] / c_);
    return w;
}

Trainer::Weights Trainer::mean(const std::vector<Weights>& runs) {
    Weights m = runs.at(0);
    for (std::size_t r = 1; r < runs.size(); ++r) {
        for (std::size_t k = 0; k < m.table.size(); ++k)
            m.table[k] += runs[r].table[k];
        for (std::size_t k = 0; k < m.transitions.size(); ++k)
            m.transitions[k] += runs[r].transitions[k];
    }
    const auto n = static_cast<float>(runs.size());
    for (float& v : m.table)
        v /= n;
    for (float& v : m.transitions)
        v /= n;
    return m;
}

extract::TaggerModel Trainer::quantised(const Weights& w) const {
    extract::TaggerModel m = shape_;
    float max_abs = 1e-6f;
    for (float v : w.table)
        max_abs = std::max(max_abs, std::fabs(v));
    m.scale = max_abs / 32767.0f;
    std::vector<std::int16_t> dense(w.table.size());
    for (std::size_t k = 0; k < w.table.size(); ++k)
        dense[k] = static_cast<std::int16_t>(std::lround(w.table[k] / m.scale));
    m.set_table(dense);
    m.transitions = w.transitions;
    return m;
}

}  // namespace byline::bench
