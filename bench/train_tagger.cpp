// byline-train-tagger: trains the learned entity tagger on CoNLL-2003 train data.
//
//   byline-train-tagger TRAIN_FILE MODEL_OUT [--valid FILE] [--epochs N] [--bits B]
//                       [--scheme bio|bilou] [--no-history] [--target FILE] [--lexicon FILE]
//                       [--seed N] [--ensemble N]
//
// --target FILE: the domain the model is for (news), TRAIN_FILE being another (Wikipedia
// fragments): each feature also gets a copy per domain (Daumé's feature augmentation), and
// the model keeps the shared weights plus the target's, so conventions that differ between
// the two ("Republik Zypern" a place in one, "Zypern" in the other) follow the target.
// --ensemble N: N runs, each seeing the documents in another order (seeds N, N + 1 ...), whose
// weights are averaged into one model: steadier than one run, and no slower to tag.
// --lexicon FILE: the language's dictionary (byline-build-lexicon), read as features; the
// model then needs lexicon-LANG.bin beside it.
//
// Only TRAIN_FILE is learned from. With --valid, the tagger alone is scored on that file after
// every epoch (PER/LOC/ORG, exact spans): use it to choose --epochs, never to train.

#include "eval_conll.h"
#include "extract/entity_tokens.h"
#include "extract/tagger.h"
#include "tagger_trainer.h"

#include <byline/error.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

namespace {

using namespace byline;

struct Args {
    std::string train, out, valid, target, lexicon;
    std::uint32_t seed = 0;  ///< varies the order documents are seen in
    std::size_t runs = 1;    ///< --ensemble: runs (seeds seed, seed + 1 ...) averaged
    bench::TrainOptions options;
};

Args parse_args(int argc, char** argv) {
    Args a;
    std::vector<std::string> pos;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        bool has_value = i + 1 < argc;
        if (arg == "--valid" && has_value) {
            a.valid = argv[++i];
        } else if (arg == "--epochs" && has_value) {
            a.options.epochs = std::stoul(argv[++i]);
        } else if (arg == "--bits" && has_value) {
            a.options.row_bits = static_cast<std::uint32_t>(std::stoul(argv[++i]));
        } else if (arg == "--target" && has_value) {
            a.target = argv[++i];
            a.options.adapt = true;
        } else if (arg == "--outside-bias" && has_value) {
            a.options.outside_bias = std::stof(argv[++i]);
        } else if (arg == "--seed" && has_value) {
            a.seed = static_cast<std::uint32_t>(std::stoul(argv[++i]));
        } else if (arg == "--ensemble" && has_value) {
            a.runs = std::max<std::size_t>(1, std::stoul(argv[++i]));
        } else if (arg == "--lexicon" && has_value) {
            a.lexicon = argv[++i];
        } else if (arg == "--no-history") {
            a.options.history = false;
        } else if (arg == "--scheme" && has_value) {
            std::string s = argv[++i];
            a.options.scheme = s == "bio" ? extract::TagScheme::bio : extract::TagScheme::bilou;
        } else if (!arg.empty() && arg[0] == '-') {
            throw UsageError("unknown option " + arg);
        } else {
            pos.push_back(arg);
        }
    }
    if (pos.size() != 2) throw UsageError("expected TRAIN_FILE MODEL_OUT");
    a.train = pos[0];
    a.out = pos[1];
    a.options.language = extract::tagger_language(a.out);
    return a;
}

// Micro-F1 of the tagger alone on PER/LOC/ORG, exact spans; prints per-type figures.
double score(const extract::EntityTagger& tagger, const std::vector<bench::ConllDocument>& docs,
             const extract::Gazetteer& gaz, const extract::TaggerLexicon* lexicon,
             const std::string& language) {
    using Span = std::tuple<std::size_t, std::size_t, std::string>;
    std::map<std::string, std::array<long, 3>> counts;  // tp, fp, fn
    for (const auto& doc : docs) {
        auto tt = extract::tokenize_for_entities(doc.text);
        auto in = extract::prepare_tagger_input(doc.text, tt, &gaz, lexicon, language);
        std::set<Span> gold, pred;
        for (const auto& g : doc.gold)
            gold.emplace(g.start, g.end, g.type);
        for (const auto& s : tagger.tag(in)) {
            const std::string& label = tagger.model().tags.labels[s.label];
            if (label == "MISC") continue;
            pred.emplace(tt.tokens[s.first].start, tt.tokens[s.last - 1].end, label);
        }
        for (const Span& s : pred)
            ++counts[std::get<2>(s)][gold.count(s) ? 0 : 1];
        for (const Span& s : gold)
            counts[std::get<2>(s)][2] += pred.count(s) == 0;
    }
    std::array<long, 3> micro{};
    auto f1 = [](const std::array<long, 3>& c) {
        return c[0] ? 2.0 * double(c[0]) / double(2 * c[0] + c[1] + c[2]) : 0.0;
    };
    for (const auto& [label, c] : counts) {
        std::printf("  %s F1 %.4f (tp %ld fp %ld fn %ld)", label.c_str(), f1(c), c[0], c[1], c[2]);
        for (int k = 0; k < 3; ++k)
            micro[k] += c[k];
    }
    std::printf("  micro F1 %.4f\n", f1(micro));
    return f1(micro);
}

int run(Args a) {
    auto t0 = std::chrono::steady_clock::now();
    std::optional<extract::TaggerLexicon> lexicon;
    if (!a.lexicon.empty()) {
        lexicon = extract::TaggerLexicon::load(a.lexicon);
        a.options.lexicon = &*lexicon;
    }
    extract::Gazetteer gaz(extract::resolve_data_dir(""), "", true);
    auto train_docs = bench::read_conll(a.train, true);
    std::size_t misaligned = 0;
    auto data =
        bench::make_sequences(train_docs, gaz, a.options, misaligned,
                              a.options.adapt ? bench::Domain::source : bench::Domain::shared);
    if (!a.target.empty()) {
        auto target_docs = bench::read_conll(a.target, true);
        auto more =
            bench::make_sequences(target_docs, gaz, a.options, misaligned, bench::Domain::target);
        for (auto& s : more)
            s.doc += train_docs.size();
        data.insert(data.end(), std::make_move_iterator(more.begin()),
                    std::make_move_iterator(more.end()));
    }
    std::vector<bench::ConllDocument> valid_docs;
    if (!a.valid.empty()) valid_docs = bench::read_conll(a.valid);
    std::size_t tokens = 0;
    for (const auto& s : data)
        tokens += s.gold.size();
    auto secs = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    std::printf(
        "%zu documents, %zu lines, %zu tokens (%zu gold spans not on token edges); "
        "features in %.1f s\n",
        train_docs.size(), data.size(), tokens, misaligned, secs());
    std::vector<bench::Trainer::Weights> runs;
    std::optional<bench::Trainer> trainer;
    for (std::size_t r = 0; r < a.runs; ++r) {
        trainer.emplace(a.options);
        const auto seed = static_cast<std::uint32_t>(a.seed + r);
        for (std::size_t e = 1; e <= a.options.epochs; ++e) {
            std::size_t errors = trainer->epoch(data, static_cast<std::uint32_t>(e + 1000 * seed));
            std::printf("run %zu epoch %zu: %zu token errors, %.1f s", r + 1, e, errors, secs());
            if (!valid_docs.empty()) {
                std::printf("\n  valid:");
                score(extract::EntityTagger(trainer->averaged()), valid_docs, gaz,
                      a.options.lexicon, a.options.language);
            } else {
                std::printf("\n");
            }
            std::fflush(stdout);
        }
        runs.push_back(trainer->averaged_weights());
    }
    extract::TaggerModel model = trainer->quantised(bench::Trainer::mean(runs));
    if (!valid_docs.empty() && runs.size() > 1) {
        std::printf("ensemble of %zu runs, valid:", runs.size());
        score(extract::EntityTagger(model), valid_docs, gaz, a.options.lexicon, a.options.language);
    }
    extract::save_model(model, a.out);
    std::printf("saved %s in %.1f s\n", a.out.c_str(), secs());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(parse_args(argc, argv));
    } catch (const byline::UsageError& e) {
        std::cerr << "byline-train-tagger: " << e.what()
                  << "\nusage: byline-train-tagger TRAIN_FILE MODEL_OUT [--valid FILE] "
                     "[--epochs N] [--bits B] [--scheme bio|bilou] [--no-history] "
                     "[--target FILE] [--lexicon FILE] [--seed N] [--ensemble N]\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "byline-train-tagger: " << e.what() << "\n";
        return 1;
    }
}
