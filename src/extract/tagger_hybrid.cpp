#include "extract/tagger_hybrid.h"

#include "extract/entity_coref.h"
#include "extract/entity_key.h"

#include <byline/error.h>

#include <algorithm>
#include <map>
#include <utility>

namespace byline::extract {
namespace {

bool label_kind(std::string_view label, CandidateKind& kind) {
    if (label == "PER") kind = CandidateKind::person;
    if (label == "LOC") kind = CandidateKind::place;
    if (label == "ORG") kind = CandidateKind::org;
    return label == "PER" || label == "LOC" || label == "ORG";
}

// Gazetteer kind as a candidate kind; `ignore` gives unknown (the span is dropped).
CandidateKind gaz_kind(GazKind kind) {
    switch (kind) {
        case GazKind::person:
            return CandidateKind::person;
        case GazKind::place:
            return CandidateKind::place;
        case GazKind::org:
            return CandidateKind::org;
        default:
            return CandidateKind::unknown;
    }
}

// A user entry for the whole span decides its type, and so does a curated `ignore` entry (and,
// under tagger_types, any curated entry).
void apply_gazetteer(const ChunkContext& c, Candidate& cand, HybridPolicy policy) {
    const GazEntry* g = c.gaz.find(entity_key(c.text.substr(cand.start, cand.end - cand.start)));
    if (!g) return;
    // Curated `ignore` phrases (holidays, page furniture) are never entities.
    bool ignored = g->kind == GazKind::ignore && g->source >= GazSource::curated;
    bool decides = ignored || g->source == GazSource::user ||
                   (policy == HybridPolicy::tagger_types && g->source == GazSource::curated);
    if (decides) cand.kind = gaz_kind(g->kind);
    if (gaz_kind(g->kind) == cand.kind) cand.name = g->name;
}

// Names the rules gave to the very same span and type (they resolved it with more context).
void take_rule_names(std::vector<Candidate>& cands, const std::vector<Candidate>& rules) {
    std::map<std::pair<std::size_t, std::size_t>, const Candidate*> by_span;
    for (const Candidate& r : rules)
        by_span.emplace(std::make_pair(r.start, r.end), &r);
    for (Candidate& cand : cands) {
        auto it = by_span.find({cand.start, cand.end});
        if (it != by_span.end() && it->second->kind == cand.kind) cand.name = it->second->name;
    }
}

// Rule candidates that overlap no tagger span (of any label, MISC included).
void add_uncovered(const ChunkContext& c, const std::vector<TagSpan>& spans,
                   std::vector<Candidate>& rules, std::vector<Candidate>& out) {
    std::vector<bool> covered(c.tt.tokens.size() + 1, false);
    for (const TagSpan& s : spans)
        std::fill(covered.begin() + static_cast<std::ptrdiff_t>(s.first),
                  covered.begin() + static_cast<std::ptrdiff_t>(s.last), true);
    for (Candidate& r : rules) {
        bool free = std::none_of(covered.begin() + static_cast<std::ptrdiff_t>(r.first),
                                 covered.begin() + static_cast<std::ptrdiff_t>(r.last),
                                 [](bool b) { return b; });
        if (free) out.push_back(std::move(r));
    }
}

std::vector<TagSpan> rule_spans(const std::vector<Candidate>& rules) {
    std::vector<TagSpan> spans;
    for (const Candidate& r : rules)
        spans.push_back({r.first, r.last, 0});
    return spans;
}

// Confident rule candidates replace the tagger spans they overlap; the other rule candidates
// only fill places where the tagger found nothing.
std::vector<Candidate> prefer_strong_rules(const ChunkContext& c, const std::vector<TagSpan>& spans,
                                           std::vector<Candidate>& tagged,
                                           std::vector<Candidate>& rules) {
    std::vector<bool> strong(c.tt.tokens.size() + 1, false);
    std::vector<Candidate> out, weak;
    for (Candidate& r : rules) {
        if (r.weak) {
            weak.push_back(std::move(r));
            continue;
        }
        std::fill(strong.begin() + static_cast<std::ptrdiff_t>(r.first),
                  strong.begin() + static_cast<std::ptrdiff_t>(r.last), true);
        out.push_back(std::move(r));
    }
    for (Candidate& t : tagged) {
        bool free = std::none_of(strong.begin() + static_cast<std::ptrdiff_t>(t.first),
                                 strong.begin() + static_cast<std::ptrdiff_t>(t.last),
                                 [](bool b) { return b; });
        if (free) out.push_back(std::move(t));
    }
    std::vector<TagSpan> taken = spans;
    for (const Candidate& o : out)
        taken.push_back({o.first, o.last, 0});
    add_uncovered(c, taken, weak, out);
    resolve_coreference(c, out);
    return out;
}

}  // namespace

HybridPolicy parse_hybrid_policy(std::string_view name) {
    if (name == "rules") return HybridPolicy::rules;
    if (name == "tagger") return HybridPolicy::tagger;
    if (name == "tagger-first") return HybridPolicy::tagger_first;
    if (name == "tagger-types") return HybridPolicy::tagger_types;
    if (name == "rules-first") return HybridPolicy::rules_first;
    if (name == "strong-rules") return HybridPolicy::strong_rules;
    throw UsageError("unknown hybrid policy '" + std::string(name) +
                     "' (rules, tagger, tagger-first, tagger-types, rules-first, strong-rules)");
}

std::vector<Candidate> tagger_candidates(const ChunkContext& c, const TagSet& tags,
                                         const std::vector<TagSpan>& spans) {
    std::vector<Candidate> out;
    for (const TagSpan& s : spans) {
        Candidate cand;
        if (!label_kind(tags.labels[s.label], cand.kind)) continue;
        cand.first = s.first;
        cand.last = s.last;
        cand.start = c.tt.tokens[s.first].start;
        cand.end = c.tt.tokens[s.last - 1].end;
        cand.name = std::string(c.text.substr(cand.start, cand.end - cand.start));
        out.push_back(std::move(cand));
    }
    return out;
}

std::vector<Candidate> combine_candidates(const ChunkContext& c, const TagSet& tags,
                                          const std::vector<TagSpan>& spans,
                                          std::vector<Candidate> rules, HybridPolicy policy) {
    if (policy == HybridPolicy::rules) return rules;
    std::vector<Candidate> out = tagger_candidates(c, tags, spans);
    for (Candidate& cand : out)
        apply_gazetteer(c, cand, policy);
    std::erase_if(out, [](const Candidate& cand) { return cand.kind == CandidateKind::unknown; });
    if (policy == HybridPolicy::rules_first) {
        // The tagger's additions are weak: a lone word may be the surname of a person the
        // rules found ("Rubio" after "Marco Rubio").
        for (Candidate& cand : out)
            cand.weak = true;
        add_uncovered(c, rule_spans(rules), out, rules);
        resolve_coreference(c, rules);
        return rules;
    }
    for (Candidate& cand : out)
        cand.weak = cand.last - cand.first == 1;  // a lone word may be a known surname
    if (policy == HybridPolicy::strong_rules) return prefer_strong_rules(c, spans, out, rules);
    resolve_coreference(c, out);
    take_rule_names(out, rules);
    if (policy == HybridPolicy::tagger_first) add_uncovered(c, spans, rules, out);
    return out;
}

}  // namespace byline::extract
