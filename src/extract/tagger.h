#pragma once
// The learned entity tagger: hashed features (tagger_features.h) scored by an averaged
// structured perceptron (tagger_model.h), decoded per line with Viterbi over tag transitions.

#include "extract/tagger_features.h"
#include "extract/tagger_model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace byline::extract {

/// Immutable after construction; tag() is const and thread-safe.
class EntityTagger {
  public:
    /// `language`: the primary language code of the text it learned ("de"); "" for English,
    /// whose tagger also reads text of no stated language that looks English.
    explicit EntityTagger(TaggerModel model, std::string language = "",
                          std::optional<TaggerLexicon> lexicon = std::nullopt)
        : model_(std::move(model)), language_(std::move(language)), lexicon_(std::move(lexicon)) {}

    const TaggerModel& model() const { return model_; }
    const std::string& language() const { return language_; }
    /// The dictionary the model reads (null for a model without TaggerModel::lexicon): pass it
    /// to prepare_tagger_input.
    const TaggerLexicon* lexicon() const { return lexicon_ ? &*lexicon_ : nullptr; }

    /// Labelled token ranges (indices into in.tt->tokens) of every line, in text order.
    std::vector<TagSpan> tag(const TaggerInput& in) const;

    /// Emission scores of the tokens of `line` (count × tags, row-major), in weight units;
    /// `history` (null: none) adds the document's earlier tags for a model that reads them.
    void emissions(const TaggerInput& in, const Line& line, std::vector<float>& out,
                   const TagHistory* history = nullptr) const;

  private:
    TaggerModel model_;
    std::string language_;
    std::optional<TaggerLexicon> lexicon_;
};

/// The tagger of the model file at `path`, its language from the file name and, for a model
/// that reads a dictionary, the lexicon beside it (lexicon-LANG.bin). Throws
/// byline::InputError naming the file that is missing or damaged.
EntityTagger load_tagger_file(const std::string& path);

/// The lexicon file a model at `model_path` for `language` reads: lexicon-LANG.bin beside it.
std::string lexicon_path(const std::string& model_path, std::string_view language);

/// Records the verdicts of the capitalised words of `line` decoded as `seq` into `history`.
void record_history(const TaggerInput& in, const TagSet& tags, const Line& line,
                    const std::vector<std::uint8_t>& seq, TagHistory& history);

/// The language of a model file by its name: "ner-model-de.bin" -> "de"; "" for
/// "ner-model.bin" (English) and any other name.
std::string tagger_language(std::string_view path);

}  // namespace byline::extract
