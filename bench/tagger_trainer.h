#pragma once
// Averaged structured perceptron over hashed features: the training half of the entity tagger
// (src/extract/tagger*.h is the run-time half). Deterministic: same data, same model.

#include "eval_conll.h"
#include "extract/entity_gazetteer.h"
#include "extract/tagger_lexicon.h"
#include "extract/tagger_model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace byline::bench {

struct TrainOptions {
    std::uint32_t row_bits = 20;
    extract::TagScheme scheme = extract::TagScheme::bilou;
    std::size_t epochs = 10;
    bool history = true;  ///< learn from the document's earlier tags (TagHistory)
    /// Domain adaptation (Daumé's feature augmentation): every feature also has a copy per
    /// domain, learned only from that domain's lines; the saved model is the shared weights
    /// plus the target domain's copy.
    bool adapt = false;
    /// Subtracted from every token's "outside" score: recall bought with precision.
    float outside_bias = 0;
    /// The language's dictionary the model reads (TaggerModel::lexicon); null: none.
    const extract::TaggerLexicon* lexicon = nullptr;
    /// The language of the training text ("de"; "" English): its own place names are known.
    std::string language;
};

/// Domain of training lines when TrainOptions::adapt is on.
enum class Domain : std::uint32_t { shared = 0, target = 1, source = 2 };

/// One line of a document: feature rows of each token and the gold tags.
struct TrainSequence {
    std::vector<std::uint32_t> rows;     ///< feature rows, all tokens back to back
    std::vector<std::uint32_t> offsets;  ///< token i's rows: [offsets[i], offsets[i+1])
    std::vector<std::uint8_t> gold;
    std::size_t doc = 0;                 ///< index of the document: lines of one are in order
    std::vector<std::uint64_t> words;    ///< each token's word hash (history key)
    std::vector<std::uint8_t> contexts;  ///< each token's history_context
};

/// Labels the tagger learns, in tag order.
std::vector<std::string> tagger_labels();

/// Feature rows and gold tags of every line of `docs`. `misaligned` counts gold spans whose
/// edges fall inside a token (they are dropped).
std::vector<TrainSequence> make_sequences(const std::vector<ConllDocument>& docs,
                                          const extract::Gazetteer& gaz,
                                          const TrainOptions& options, std::size_t& misaligned,
                                          Domain domain = Domain::shared);

/// Perceptron state: current and accumulated weights (for averaging).
class Trainer {
  public:
    explicit Trainer(const TrainOptions& options);
    /// One pass over `data`, documents in a fixed shuffled order and the lines of each in
    /// order (the history reads earlier lines); returns the number of token errors.
    std::size_t epoch(const std::vector<TrainSequence>& data, std::uint32_t seed);
    /// The averaged weights, quantised to int16.
    extract::TaggerModel averaged() const { return quantised(averaged_weights()); }

    /// Averaged weights before quantisation: the feature table (rows × tags) and the
    /// transitions, as TaggerModel lays them out.
    struct Weights {
        std::vector<float> table, transitions;
    };
    Weights averaged_weights() const;
    /// The mean of several trainers' averaged weights (an ensemble of runs that saw the data
    /// in different orders folds into one linear model, so it costs nothing when tagging).
    static Weights mean(const std::vector<Weights>& runs);
    /// A model of this trainer's tag set and options holding `w`, quantised to int16.
    extract::TaggerModel quantised(const Weights& w) const;

  private:
    // One document's lines [first, last) of `data`.
    std::size_t document(const std::vector<TrainSequence>& data, std::size_t first,
                         std::size_t last);
    void update(const TrainSequence& seq, const std::vector<std::uint32_t>& extra,
                const std::vector<std::uint8_t>& pred);

    bool history_ = true;
    bool adapt_ = false;
    float outside_bias_ = 0;
    std::uint32_t mask_ = 0;
    extract::TaggerModel shape_;           // tag set and live transitions
    std::vector<float> w_;                 // table weights
    std::vector<double> acc_, trans_acc_;  // c-weighted sums of updates (for averaging)
    double c_ = 1;
};

}  // namespace byline::bench
