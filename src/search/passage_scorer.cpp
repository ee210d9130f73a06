#include "search/passage_scorer.h"

#include <algorithm>
#include <map>
#include <set>

namespace byline::search {

// A window's score, from the query alone (weights are BM25 idf values from the index):
//
//   base      = sum over matched patterns p of  w_p * (k1 + 1) * tf_p / (k1 + tf_p)
//   coverage  = 1 + (distinct patterns matched - 1) / (patterns - 1)
//   near      = 0.5 * sum of w_p over the patterns of each NEAR group satisfied in the window
//   proximity = 0.5 * sum over neighbouring hits of different patterns of min(w_a, w_b) / gap
//   score     = (base * coverage + near + proximity) * lead / brevity
//
// with k1 = 1.2 (a repeated word counts less each time), gap the number of words between the two
// hits (at least 1), lead = 1 + 0.1 / (1 + first sentence) (a mild preference for the top of the
// article) and brevity = 1 + 0.15 * (extra sentences) (a longer window must earn its length).
// Negated words are never patterns, so they never score.

namespace {

constexpr double kSaturation = 1.2;
constexpr double kNearBonus = 0.5;
constexpr double kProximityBonus = 0.5;
constexpr double kLeadBonus = 0.1;
constexpr double kExtraSentencePenalty = 0.15;
constexpr std::size_t kMaxWindowSentences = 3;

struct Located {
    PatternHit hit;
    std::size_t sentence = 0;
};

std::vector<Located> locate(const ScorerInput& in) {
    const auto& starts = *in.sentence_positions;
    std::vector<Located> out;
    for (const PatternHit& hit : in.hits) {
        auto after = std::upper_bound(starts.begin(), starts.end(), hit.position);
        if (after == starts.begin()) continue;  // a title word
        out.push_back({hit, static_cast<std::size_t>(after - starts.begin()) - 1});
    }
    std::sort(out.begin(), out.end(),
              [](const Located& a, const Located& b) { return a.hit.position < b.hit.position; });
    return out;
}

bool near_satisfied(const NearGroup& group, const std::vector<PatternHit>& hits) {
    // Every pattern of the group has a hit within `window` words of the group's first hit.
    for (const PatternHit& anchor : hits) {
        bool all = true;
        for (std::size_t p : group.patterns) {
            all = all && std::any_of(hits.begin(), hits.end(), [&](const PatternHit& h) {
                      return h.pattern == p && h.position >= anchor.position &&
                             h.position <= anchor.position + group.window;
                  });
        }
        if (all) return true;
    }
    return false;
}

double score_hits(const std::vector<PatternHit>& hits, const ScorerInput& in) {
    std::vector<int> tf(in.weights.size(), 0);
    for (const PatternHit& h : hits)
        ++tf[h.pattern];
    double base = 0;
    std::size_t distinct = 0;
    for (std::size_t p = 0; p < tf.size(); ++p) {
        if (tf[p] == 0) continue;
        ++distinct;
        base += in.weights[p] * (kSaturation + 1) * tf[p] / (kSaturation + tf[p]);
    }
    std::size_t patterns = static_cast<std::size_t>(
        std::count_if(in.weights.begin(), in.weights.end(), [](double w) { return w > 0; }));
    double coverage =
        patterns > 1 ? 1 + static_cast<double>(distinct - 1) / static_cast<double>(patterns - 1)
                     : 1;
    double near = 0;
    for (const NearGroup& group : in.near) {
        if (!near_satisfied(group, hits)) continue;
        for (std::size_t p : group.patterns)
            near += kNearBonus * in.weights[p];
    }
    double proximity = 0;
    for (std::size_t i = 1; i < hits.size(); ++i) {
        const PatternHit& a = hits[i - 1];
        const PatternHit& b = hits[i];
        if (a.pattern == b.pattern) continue;
        double gap = std::max<double>(1, static_cast<double>(b.position) - (a.position + a.length));
        proximity += kProximityBonus * std::min(in.weights[a.pattern], in.weights[b.pattern]) / gap;
    }
    return base * coverage + near + proximity;
}

double window_score(const std::vector<Located>& located, std::size_t first, std::size_t last,
                    const ScorerInput& in) {
    // `located` is in position order, hence in sentence order: take the window's slice.
    auto begin = std::partition_point(located.begin(), located.end(),
                                      [&](const Located& l) { return l.sentence < first; });
    std::vector<PatternHit> hits;
    for (auto it = begin; it != located.end() && it->sentence <= last; ++it)
        hits.push_back(it->hit);
    if (hits.empty()) return 0;
    double lead = 1 + kLeadBonus / (1 + static_cast<double>(first));
    double brevity = 1 + kExtraSentencePenalty * static_cast<double>(last - first);
    return score_hits(hits, in) * lead / brevity;
}

// The sentences worth building windows around: those whose own score is among the best
// `keep`. Bounds the work on a long article where a common word matches thousands of times.
std::vector<std::size_t> promising_sentences(const std::vector<Located>& located,
                                             const ScorerInput& in, std::size_t keep) {
    std::vector<std::pair<double, std::size_t>> scored;
    for (std::size_t i = 0; i < located.size();) {
        std::size_t s = located[i].sentence;
        scored.emplace_back(window_score(located, s, s, in), s);
        while (i < located.size() && located[i].sentence == s)
            ++i;
    }
    if (scored.size() > keep) {
        std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep),
                          scored.end(), [](const auto& a, const auto& b) {
                              return a.first != b.first ? a.first > b.first : a.second < b.second;
                          });
        scored.resize(keep);
    }
    std::vector<std::size_t> out;
    for (const auto& [score, s] : scored)
        out.push_back(s);
    std::sort(out.begin(), out.end());
    return out;
}

// Windows of up to three sentences around each promising sentence, within max_chars (a single
// sentence is always a candidate; it is cropped later if too long).
std::vector<ScoredWindow> candidates(const std::vector<Located>& located, const ScorerInput& in) {
    const std::size_t n = in.sentence_positions->size();
    std::map<std::size_t, std::size_t> chars;
    auto chars_of = [&](std::size_t s) {
        auto it = chars.find(s);
        return it != chars.end() ? it->second : chars[s] = in.sentence_chars(s);
    };
    std::vector<ScoredWindow> out;
    std::set<std::pair<std::size_t, std::size_t>> seen;
    for (std::size_t s : promising_sentences(located, in, 4 * in.count + 8)) {
        std::size_t lo = s >= kMaxWindowSentences - 1 ? s - (kMaxWindowSentences - 1) : 0;
        for (std::size_t first = lo; first <= s; ++first) {
            std::size_t total = 0;
            for (std::size_t last = first; last < n && last < first + kMaxWindowSentences; ++last) {
                total += chars_of(last) + (last > first ? 1 : 0);
                if (last > first && total > in.max_chars) break;
                if (last < s || !seen.insert({first, last}).second) continue;
                out.push_back({first, last, window_score(located, first, last, in)});
            }
        }
    }
    return out;
}

std::vector<ScoredWindow> lead_windows(const ScorerInput& in) {
    std::vector<ScoredWindow> out;
    const std::size_t n = in.sentence_positions->size();
    for (std::size_t first = 0; first < n && out.size() < in.count;) {
        std::size_t last = first;
        std::size_t total = in.sentence_chars(first);
        while (last + 1 < n && total + 1 + in.sentence_chars(last + 1) <= in.max_chars)
            total += 1 + in.sentence_chars(++last);
        out.push_back({first, last, 0});
        first = last + 1;
    }
    return out;
}

}  // namespace

std::vector<ScoredWindow> best_windows(const ScorerInput& in) {
    if (in.count == 0 || !in.sentence_positions || in.sentence_positions->empty()) return {};
    std::vector<Located> located = locate(in);
    if (located.empty()) return lead_windows(in);
    std::vector<ScoredWindow> all = candidates(located, in);
    std::sort(all.begin(), all.end(), [](const ScoredWindow& a, const ScoredWindow& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.first != b.first ? a.first < b.first : a.last < b.last;
    });
    std::vector<ScoredWindow> picked;
    for (const ScoredWindow& w : all) {
        if (picked.size() == in.count) break;
        if (w.score <= 0) break;
        bool overlaps = std::any_of(picked.begin(), picked.end(), [&](const ScoredWindow& p) {
            return w.first <= p.last && p.first <= w.last;
        });
        if (!overlaps) picked.push_back(w);
    }
    return picked;
}

std::uint32_t densest_hit(const std::vector<PatternHit>& hits, std::uint32_t from, std::uint32_t to,
                          std::uint32_t span) {
    std::vector<PatternHit> inside;
    for (const PatternHit& h : hits) {
        if (h.position >= from && h.position < to) inside.push_back(h);
    }
    if (inside.empty()) return from;
    std::sort(inside.begin(), inside.end(),
              [](const PatternHit& a, const PatternHit& b) { return a.position < b.position; });
    std::uint32_t best = inside.front().position;
    std::size_t best_distinct = 0, best_count = 0;
    for (std::size_t i = 0; i < inside.size(); ++i) {
        std::set<std::size_t> distinct;
        std::size_t count = 0;
        for (std::size_t j = i; j < inside.size() && inside[j].position < inside[i].position + span;
             ++j, ++count)
            distinct.insert(inside[j].pattern);
        if (distinct.size() > best_distinct ||
            (distinct.size() == best_distinct && count > best_count)) {
            best = inside[i].position;
            best_distinct = distinct.size();
            best_count = count;
        }
    }
    return best;
}

}  // namespace byline::search
