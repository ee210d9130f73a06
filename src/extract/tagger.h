#pragma once
// The learned entity tagger: hashed features (tagger_features.h) scored by an averaged
// structured perceptron (tagger_model.h), decoded per line with Viterbi over tag transitions.

#include "extract/tagger_features.h"
#include "extract/tagger_model.h"

#include <cstdint>
#include <vector>

namespace byline::extract {

/// Immutable after construction; tag() is const and thread-safe.
class EntityTagger {
  public:
    explicit EntityTagger(TaggerModel model) : model_(std::move(model)) {}

    const TaggerModel& model() const { return model_; }

    /// Labelled token ranges (indices into in.tt->tokens) of every line, in text order.
    std::vector<TagSpan> tag(const TaggerInput& in) const;

    /// Emission scores of the tokens of `line` (count × tags, row-major), in weight units.
    void emissions(const TaggerInput& in, const Line& line, std::vector<float>& out) const;

  private:
    TaggerModel model_;
};

}  // namespace byline::extract
