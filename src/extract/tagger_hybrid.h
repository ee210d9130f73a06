#pragma once
// How the learned tagger's spans and the rule candidates combine. The tagger decides where
// entities are and of which type; the rules and gazetteers supply canonical names, the
// document's coreference and the user's --entities corrections (see data/README.md).

#include "extract/entity_chunker.h"
#include "extract/tagger.h"

#include <string_view>
#include <vector>

namespace byline::extract {

/// Ways to combine the two sources, compared on CoNLL valid (bench/eval_entities --mode).
enum class HybridPolicy : std::uint8_t {
    rules,         ///< rules alone
    tagger,        ///< tagger spans alone (names, coreference and user entries still apply)
    tagger_first,  ///< tagger spans, plus rule candidates that overlap no tagger span
    tagger_types,  ///< tagger spans; curated/user gazetteer entries decide their type
    rules_first,   ///< rule candidates, plus tagger spans that overlap no rule candidate
    strong_rules,  ///< tagger spans, except where a confident (non-weak) rule candidate overlaps
};

/// The policy EntityExtractor uses when a tagger model is loaded.
inline constexpr HybridPolicy kDefaultHybridPolicy = HybridPolicy::strong_rules;

/// The policy EntityExtractor uses with `tagger` (null: none) on text of `lang`: the shipped
/// default, but a tagger of another language than English takes its spans as they are (the
/// rules that vet the English one read English; on WikiANN dev, French 0.74 -> 0.81), except
/// in Cyrillic text, whose own rules are sure of places and organisations.
HybridPolicy default_policy(const EntityTagger* tagger, std::string_view lang);

/// Parses "rules", "tagger", "tagger-first", "tagger-types"; throws byline::UsageError.
HybridPolicy parse_hybrid_policy(std::string_view name);

/// Tagger spans (token ranges of c.tt, labels of `tags`) as candidates with gazetteer display
/// names; MISC and other labels are dropped.
std::vector<Candidate> tagger_candidates(const ChunkContext& c, const TagSet& tags,
                                         const std::vector<TagSpan>& spans);

/// Final candidates from the tagger's spans and the rules' resolved candidates under `policy`
/// (not rules). Canonical names come from an identical rule span, then the gazetteer, then
/// person coreference over the tagger's names; user `ignore` entries drop a span. Except under
/// `tagger`, each tagger span is vetted first: a name ending in Jr./Sr. is a person; a person
/// title ("Army Chief of Staff") or an unconfirmed header line of common words is no entity;
/// a place or organisation whose key is a person of the document is that person; a near-miss
/// gazetteer city never names or types a span; an unconfirmed single common word ("Card")
/// needs a second mention; a one-word source after a dash at a line's end is an organisation.
/// Under strong_rules a place or organisation the rules typed by its words that strictly
/// contains a tagger span keeps its extent and type; in English, the tagger (which reads the
/// context) still wins over a confident rule candidate on the same words read as a team
/// rather than a place or a place rather than an organisation (not after "in"/"at", not for a
/// curated entry), or as MISC rather than an organisation (a competition); over one joining
/// two of its names ("Mara Quill of Fenwick Brothers Inc"); and with a longer name of the same
/// type that adds no title.
std::vector<Candidate> combine_candidates(const ChunkContext& c, const TagSet& tags,
                                          const std::vector<TagSpan>& spans,
                                          std::vector<Candidate> rules, HybridPolicy policy);

class LanguageWords;

/// The pipeline behind EntityExtractor::extract with the tagger (null: rules only) and the
/// policy made explicit, for evaluation. Defined in entity_extractor.cpp. `cross_script` false:
/// names written in another script keep keys in that script (exact_script_key). `words`: the
/// word lists of languages without rules (null: none, so no one-word local place there).
std::vector<EntityMention> extract_entities(const Gazetteer& gaz, const EntityTagger* tagger,
                                            std::string_view body, std::string_view lang,
                                            HybridPolicy policy, bool cross_script = true,
                                            const LanguageWords* words = nullptr);

}  // namespace byline::extract
