#include "search/passages.h"

#include "search/body_text.h"
#include "util/text.h"

#include <algorithm>

namespace byline::search {

namespace {

// Picks tokens [begin, end) of a window too long to show whole: from a little before the anchor
// (a quarter of the budget) forward while the budget lasts, then backward with what is left.
// Cuts fall on word boundaries, which never split a UTF-8 sequence or a grapheme cluster.
std::pair<std::size_t, std::size_t> crop_tokens(const std::vector<Token>& tokens,
                                                std::string_view text, std::size_t anchor,
                                                std::size_t max_chars) {
    auto chars = [&](std::size_t from, std::size_t to) {  // tokens [from, to] with the gaps
        return text::count_code_points(
            text.substr(tokens[from].start, tokens[to].end - tokens[from].start));
    };
    std::size_t begin = anchor;
    while (begin > 0 && chars(begin - 1, anchor) <= max_chars / 4)
        --begin;
    std::size_t last = anchor;
    while (last + 1 < tokens.size() && chars(begin, last + 1) <= max_chars)
        ++last;
    while (begin > 0 && chars(begin - 1, last) <= max_chars)
        --begin;
    return {begin, last + 1};
}

}  // namespace

bool Matcher::word_matches(const MatchPattern& p, const std::string& term,
                           const std::string& language) {
    const std::string& want = p.terms[0];
    if (p.prefix) return term.compare(0, want.size(), want) == 0;
    if (term == want) return true;
    if (p.exact) return false;
    std::string stem = analyzer_.stem(term, language);
    return !stem.empty() && stem == analyzer_.stem(want, language);
}

std::vector<MatchSpan> Matcher::find(const std::vector<Token>& tokens, const std::string& language,
                                     bool in_title) {
    std::vector<MatchSpan> spans;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        for (std::size_t p = 0; p < patterns_.size(); ++p) {
            const MatchPattern& pattern = patterns_[p];
            if (pattern.entity || (pattern.title_only && !in_title)) continue;
            const std::size_t n = pattern.terms.size();
            if (n == 1) {
                if (word_matches(pattern, tokens[i].term, language)) {
                    spans.push_back({p, i, i, tokens[i].start, tokens[i].end});
                }
                continue;
            }
            if (i + n > tokens.size()) continue;
            bool all = true;
            for (std::size_t k = 0; k < n && all; ++k) {
                all = tokens[i + k].term == pattern.terms[k] &&
                      tokens[i + k].position == tokens[i].position + k;
            }
            if (all) spans.push_back({p, i, i + n - 1, tokens[i].start, tokens[i + n - 1].end});
        }
    }
    return spans;
}

std::vector<Highlight> to_highlights(const std::vector<MatchSpan>& spans, std::size_t begin,
                                     std::size_t end, std::size_t base) {
    std::vector<Highlight> out;
    for (const MatchSpan& s : spans) {
        if (s.start < begin || s.end > end) continue;
        out.push_back({s.start - base, s.end - base});
    }
    std::sort(out.begin(), out.end(), [](const Highlight& a, const Highlight& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<Highlight> merged;
    for (const Highlight& h : out) {
        if (!merged.empty() && h.start < merged.back().end) {
            merged.back().end = std::max(merged.back().end, h.end);
        } else {
            merged.push_back(h);
        }
    }
    return merged;
}

std::vector<Highlight> PassageSelector::title_highlights(const std::string& title,
                                                         const std::string& language) {
    auto spans = matcher_.find(analyzer_.tokenize(title), language, true);
    return to_highlights(spans, 0, title.size(), 0);
}

std::vector<ScoredWindow> PassageSelector::windows(Xapian::docid did,
                                                   const index::StoredDoc& stored,
                                                   const PassageOptions& options,
                                                   std::vector<PatternHit>* hits_out) const {
    ScorerInput input;
    input.sentence_positions = &stored.sentence_positions;
    // Sentences in the inline text are measured in characters; beyond it (long articles only) in
    // bytes, an upper bound that spares fetching text just to measure it.
    input.sentence_chars = [&](std::size_t s) {
        const Span& span = stored.sentences[s];
        if (span.end > stored.doc.body.size()) return span.end - span.start;
        return text::count_code_points(
            std::string_view(stored.doc.body).substr(span.start, span.end - span.start));
    };
    input.hits = pattern_terms_.hits(did);
    input.weights = weights_;
    input.near = near_groups_;
    input.max_chars = options.max_chars;
    input.count = options.count;
    std::vector<ScoredWindow> best = best_windows(input);
    if (hits_out) *hits_out = std::move(input.hits);
    return best;
}

Passage PassageSelector::render(Xapian::docid did, const index::StoredDoc& stored,
                                const ScoredWindow& window, const std::vector<PatternHit>& hits,
                                const std::string& language, std::size_t max_chars) {
    Passage passage;
    passage.start = stored.sentences[window.first].start;
    passage.end = stored.sentences[window.last].end;
    passage.score = window.score;
    const std::string window_text = BodyText(db_, did, stored).slice(passage.start, passage.end);
    const std::string_view text = window_text;
    const std::uint32_t first_position = stored.sentence_positions[window.first];
    std::vector<Token> tokens = analyzer_.tokenize(text);
    std::vector<MatchSpan> spans = matcher_.find(tokens, language, false);
    add_mention_spans(stored, passage.start, passage.end, spans);
    if (!tokens.empty() && text::count_code_points(text) > max_chars) {
        // The window's tokens stand at positions first_position, first_position + 1, ...
        std::uint32_t after = first_position + static_cast<std::uint32_t>(tokens.size());
        std::uint32_t span_words =
            static_cast<std::uint32_t>(std::max<std::size_t>(4, max_chars / 8));
        std::uint32_t anchor = densest_hit(hits, first_position, after, span_words);
        std::size_t anchor_token =
            std::min<std::size_t>(anchor - first_position, tokens.size() - 1);
        auto [begin, end] = crop_tokens(tokens, text, anchor_token, max_chars);
        std::size_t start = begin == 0 ? 0 : tokens[begin].start;
        std::size_t stop = end == tokens.size() ? text.size() : tokens[end - 1].end;
        passage.cut_before = start > 0;
        passage.cut_after = stop < text.size();
        passage.end = passage.start + stop;
        passage.start += start;
    }
    std::size_t window_start = stored.sentences[window.first].start;
    passage.text = window_text.substr(passage.start - window_start, passage.end - passage.start);
    passage.highlights = to_highlights(spans, passage.start - window_start,
                                       passage.end - window_start, passage.start - window_start);
    return passage;
}

namespace {

bool entity_matches(const MatchPattern& pattern, const std::string& key) {
    if (!pattern.by_surname) return key == pattern.entity_key;
    return key.size() > pattern.entity_key.size() && key.ends_with(pattern.entity_key) &&
           key[key.size() - pattern.entity_key.size() - 1] == ' ';
}

}  // namespace

// Entity filters mark the mentions the indexer stored, as the text writes them ("Zelensky",
// "Witkoff", "the Kremlin"), relative to the window starting at `start`.
void PassageSelector::add_mention_spans(const index::StoredDoc& stored, std::size_t start,
                                        std::size_t end, std::vector<MatchSpan>& spans) const {
    const auto& patterns = matcher_.patterns();
    for (std::size_t p = 0; p < patterns.size(); ++p) {
        if (!patterns[p].entity) continue;
        for (const index::StoredMention& m : stored.mentions) {
            if (m.start < start || m.end > end || m.facet != patterns[p].facet ||
                !entity_matches(patterns[p], stored.entity_keys[m.key]))
                continue;
            spans.push_back({p, 0, 0, m.start - start, m.end - start});
        }
    }
    std::sort(spans.begin(), spans.end(),
              [](const MatchSpan& a, const MatchSpan& b) { return a.start < b.start; });
}

std::vector<Passage> PassageSelector::select(Xapian::docid did, const index::StoredDoc& stored,
                                             const std::string& language,
                                             const PassageOptions& options) {
    std::vector<PatternHit> hits;
    std::vector<Passage> passages;
    if (options.count == 0) return passages;  // no positions to read
    for (const ScoredWindow& window : windows(did, stored, options, &hits))
        passages.push_back(render(did, stored, window, hits, language, options.max_chars));
    return passages;
}

}  // namespace byline::search
