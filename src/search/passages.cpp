#include "search/passages.h"

#include "util/text.h"

#include <algorithm>

namespace byline::search {

namespace {

constexpr double kRepeatFactor = 0.1;  // each further occurrence of a found pattern
constexpr double kLeadBonus = 0.05;    // relative bonus of the article's first sentence

struct Scored {
    std::size_t sentence = 0;
    double score = 0;
};

// Cuts a long sentence to at most `max_chars` code points at word boundaries, keeping its first
// match with a little context before it.
void crop(Passage& p, const std::vector<Token>& tokens, const std::vector<MatchSpan>& spans,
          std::string_view body, std::size_t max_chars) {
    auto by_start = [](const Token& t, std::size_t offset) { return t.start < offset; };
    std::size_t first = static_cast<std::size_t>(
        std::lower_bound(tokens.begin(), tokens.end(), p.start, by_start) - tokens.begin());
    std::size_t last = static_cast<std::size_t>(
        std::lower_bound(tokens.begin(), tokens.end(), p.end, by_start) - tokens.begin());
    if (first >= last) return;  // no words to cut at: keep the whole sentence
    std::size_t anchor = first;
    for (const MatchSpan& s : spans) {
        if (s.start >= p.start && s.end <= p.end) {
            anchor = s.first_token;
            break;
        }
    }
    std::size_t begin = anchor;
    std::size_t context = 0;
    while (begin > first) {
        context += text::count_code_points(
            body.substr(tokens[begin - 1].start, tokens[begin].start - tokens[begin - 1].start));
        if (context > max_chars / 4) break;
        --begin;
    }
    std::size_t start = begin == first ? p.start : tokens[begin].start;
    std::size_t end_token = anchor;
    std::size_t used = text::count_code_points(body.substr(start, tokens[anchor].end - start));
    while (end_token + 1 < last) {
        const Token& next = tokens[end_token + 1];
        std::size_t more = text::count_code_points(
            body.substr(tokens[end_token].end, next.end - tokens[end_token].end));
        if (used + more > max_chars) break;
        used += more;
        ++end_token;
    }
    p.cut_before = start > p.start;
    std::size_t end = tokens[end_token].end;
    if (end_token + 1 == last &&
        used + text::count_code_points(body.substr(end, p.end - end)) <= max_chars) {
        end = p.end;
    }
    p.cut_after = end < p.end;
    p.start = start;
    p.end = end;
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
            if (pattern.title_only && !in_title) continue;
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

std::vector<Passage> PassageSelector::select(const index::StoredDoc& stored,
                                             const std::string& language,
                                             const PassageOptions& options) {
    const std::string& body = stored.doc.body;
    const auto& sentences = stored.sentences;
    if (sentences.empty() || options.count == 0) return {};
    std::vector<Token> tokens = analyzer_.tokenize(body);
    std::vector<MatchSpan> spans = matcher_.find(tokens, language, false);

    // Score each sentence from the spans that fall inside it.
    std::vector<Scored> scored;
    std::size_t next_span = 0;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
        std::vector<int> seen(weights_.size(), 0);
        double score = 0;
        while (next_span < spans.size() && spans[next_span].start < sentences[s].start)
            ++next_span;
        for (std::size_t k = next_span; k < spans.size() && spans[k].end <= sentences[s].end; ++k) {
            double w = weights_[spans[k].pattern];
            score += seen[spans[k].pattern]++ ? w * kRepeatFactor : w;
        }
        if (score > 0) scored.push_back({s, s == 0 ? score * (1 + kLeadBonus) : score});
    }
    if (scored.empty()) scored.push_back({0, 0});  // nothing matched the text: show the lead
    std::stable_sort(scored.begin(), scored.end(),
                     [](const Scored& a, const Scored& b) { return a.score > b.score; });
    if (scored.size() > options.count) scored.resize(options.count);

    std::vector<Passage> passages;
    for (const Scored& pick : scored) {
        Span sentence = sentences[pick.sentence];
        Passage passage;
        passage.start = sentence.start;
        passage.end = sentence.end;
        passage.score = pick.score;
        if (text::count_code_points(std::string_view(body).substr(
                sentence.start, sentence.end - sentence.start)) > options.max_chars) {
            crop(passage, tokens, spans, body, options.max_chars);
        }
        passage.text = body.substr(passage.start, passage.end - passage.start);
        passage.highlights = to_highlights(spans, passage.start, passage.end, passage.start);
        passages.push_back(std::move(passage));
    }
    return passages;
}

}  // namespace byline::search
