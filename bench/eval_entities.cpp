// byline-eval-entities: scores the entity extractor on CoNLL-2003 (exact type + boundaries,
// per type and micro-averaged P/R/F1 on PER/LOC/ORG), shows the entities of text files, or
// measures extraction speed.
//
//   byline-eval-entities CONLL_FILE [--errors N]   score (LOC <-> place, MISC ignored); a
//                                                  .tsv file is read as GermEval 2014
//   [--lang CODE]                                  the text's language (default en)
//   byline-eval-entities --show FILE...            print the mentions of each file
//   byline-eval-entities --speed FILE...           MB/s over the files (repeated to >= 50 MB)
//
// Every mode takes [--mode rules|tagger|tagger-first|tagger-types] (how the learned tagger and
// the rules combine; default: the extractor's policy) and [--model FILE] (default:
// the model the indexer uses for --lang: data/ner-model-LANG.bin, Ukrainian the Russian one,
// else data/ner-model.bin). `--speed --compare` times rules alone and the chosen mode in one run.

#include "eval_conll.h"
#include "extract/entity_extractor.h"
#include "extract/entity_foreign.h"
#include "extract/entity_gazetteer.h"
#include "extract/tagger_hybrid.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

namespace {

using byline::extract::EntityMention;
using byline::extract::EntityType;
using byline::extract::HybridPolicy;

// The extractor's pipeline with the tagger and the combination policy chosen on the command line.
struct Engine {
    byline::extract::Gazetteer gaz{byline::extract::resolve_data_dir(""), "", true};
    std::unique_ptr<byline::extract::EntityTagger> tagger;
    HybridPolicy policy = byline::extract::kDefaultHybridPolicy;
    byline::extract::LanguageWords words{byline::extract::resolve_data_dir("") +
                                         "/gazetteer_words.tsv"};
    std::string lang = "en";

    std::vector<EntityMention> extract(std::string_view body) const {
        return byline::extract::extract_entities(gaz, tagger.get(), body, lang, policy, true,
                                                 &words);
    }
};

struct Options {
    std::vector<std::string> args;  // positional arguments (after the mode flag)
    std::string model = byline::extract::resolve_data_dir("") + "/ner-model.bin";
    HybridPolicy policy = byline::extract::kDefaultHybridPolicy;
    bool policy_given = false;  ///< else the extractor's own for the tagger and language
    long errors = 0;
    bool compare = false;
    std::string lang = "en";
};

std::unique_ptr<Engine> make_engine(const Options& o, HybridPolicy policy) {
    auto e = std::make_unique<Engine>();
    e->policy = policy;
    e->lang = o.lang;
    if (policy != HybridPolicy::rules) {
        e->tagger = std::make_unique<byline::extract::EntityTagger>(
            byline::extract::load_tagger_file(o.model));
        if (!o.policy_given) e->policy = byline::extract::default_policy(e->tagger.get(), o.lang);
    }
    return e;
}

const char* conll_type(EntityType t) {
    switch (t) {
        case EntityType::person:
            return "PER";
        case EntityType::place:
            return "LOC";
        case EntityType::org:
            return "ORG";
    }
    return "PER";
}

struct Counts {
    long tp = 0, fp = 0, fn = 0;
};

void print_row(const std::string& name, const Counts& c) {
    double p = c.tp + c.fp ? double(c.tp) / double(c.tp + c.fp) : 0;
    double r = c.tp + c.fn ? double(c.tp) / double(c.tp + c.fn) : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("%-6s P %.4f  R %.4f  F1 %.4f  (tp %ld fp %ld fn %ld)\n", name.c_str(), p, r, f,
                c.tp, c.fp, c.fn);
}

std::string context(const std::string& text, std::size_t start, std::size_t end) {
    std::size_t from = start > 40 ? start - 40 : 0;
    std::string out = text.substr(from, std::min(text.size(), end + 40) - from);
    for (char& ch : out)
        ch = ch == '\n' ? '/' : ch;
    return out;
}

int score(const Options& o) {
    const std::string& path = o.args.at(0);
    long show_errors = o.errors;
    bool germeval = path.size() > 4 && path.substr(path.size() - 4) == ".tsv";
    auto docs = germeval ? byline::bench::read_germeval(path) : byline::bench::read_conll(path);
    auto extractor = make_engine(o, o.policy);
    std::map<std::string, Counts> per_type;
    using Span = std::tuple<std::size_t, std::size_t, std::string>;
    for (const auto& doc : docs) {
        std::set<Span> gold, pred;
        for (const auto& g : doc.gold)
            gold.emplace(g.start, g.end, g.type);
        for (const auto& m : extractor->extract(doc.text))
            pred.emplace(m.start, m.end, conll_type(m.type));
        for (const Span& s : pred) {
            bool hit = gold.count(s) > 0;
            (hit ? per_type[std::get<2>(s)].tp : per_type[std::get<2>(s)].fp) += 1;
            if (!hit && show_errors-- > 0)
                std::cout << "FP " << std::get<2>(s) << " "
                          << doc.text.substr(std::get<0>(s), std::get<1>(s) - std::get<0>(s))
                          << "\t| " << context(doc.text, std::get<0>(s), std::get<1>(s)) << "\n";
        }
        for (const Span& s : gold) {
            if (pred.count(s)) continue;
            ++per_type[std::get<2>(s)].fn;
            if (show_errors-- > 0)
                std::cout << "FN " << std::get<2>(s) << " "
                          << doc.text.substr(std::get<0>(s), std::get<1>(s) - std::get<0>(s))
                          << "\t| " << context(doc.text, std::get<0>(s), std::get<1>(s)) << "\n";
        }
    }
    Counts micro;
    std::printf("%zu documents from %s\n", docs.size(), path.c_str());
    for (const char* t : {"PER", "LOC", "ORG"}) {
        print_row(t, per_type[t]);
        micro.tp += per_type[t].tp, micro.fp += per_type[t].fp, micro.fn += per_type[t].fn;
    }
    print_row("micro", micro);
    return 0;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int show(const Options& o) {
    auto extractor = make_engine(o, o.policy);
    for (const std::string& path : o.args) {
        std::string text = read_file(path);
        std::cout << "== " << path << "\n";
        for (const auto& m : extractor->extract(text)) {
            std::cout << to_string(m.type) << ":" << m.name << "[" << m.text << "@" << m.start
                      << "]\n";
        }
    }
    return 0;
}

// Extraction speed of one engine over `texts`, repeated to at least 50 MB.
void time_engine(const Options& o, HybridPolicy policy, const std::vector<std::string>& texts) {
    auto t0 = std::chrono::steady_clock::now();
    auto extractor = make_engine(o, policy);
    auto t1 = std::chrono::steady_clock::now();
    std::size_t bytes = 0, mentions = 0;
    while (bytes < 50u << 20 && !texts.empty()) {
        for (const auto& t : texts) {
            mentions += extractor->extract(t).size();
            bytes += t.size();
        }
    }
    auto t2 = std::chrono::steady_clock::now();
    double load_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    double secs = std::chrono::duration<double>(t2 - t1).count();
    const char* names[] = {"rules",        "tagger",      "tagger-first",
                           "tagger-types", "rules-first", "strong-rules"};
    std::printf("%-12s load %.1f ms; %.1f MB in %.2f s = %.1f MB/s; %zu mentions\n",
                names[static_cast<int>(extractor->policy)], load_ms, double(bytes) / 1e6, secs,
                double(bytes) / 1e6 / secs, mentions);
}

int speed(const Options& o) {
    std::vector<std::string> texts;
    for (const std::string& path : o.args)
        texts.push_back(read_file(path));
    if (o.compare && o.policy != HybridPolicy::rules) time_engine(o, HybridPolicy::rules, texts);
    time_engine(o, o.policy, texts);
    return 0;
}

// The tagger the indexer reads text of `lang` with: data/ner-model-LANG.bin where there is one
// (Ukrainian: the Russian one), else the English data/ner-model.bin.
std::string default_model(const std::string& lang) {
    const std::string dir = byline::extract::resolve_data_dir("");
    const std::string code = lang == "uk" ? "ru" : lang.substr(0, 2);
    const std::string own = dir + "/ner-model-" + code + ".bin";
    return code != "en" && std::ifstream(own) ? own : dir + "/ner-model.bin";
}

Options parse(int argc, char** argv) {
    Options o;
    bool model_given = false;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--errors" && i + 1 < argc) {
            o.errors = std::stol(argv[++i]);
        } else if (a == "--mode" && i + 1 < argc) {
            o.policy = byline::extract::parse_hybrid_policy(argv[++i]);
            o.policy_given = true;
        } else if (a == "--model" && i + 1 < argc) {
            o.model = argv[++i];
            model_given = true;
        } else if (a == "--lang" && i + 1 < argc) {
            o.lang = argv[++i];
        } else if (a == "--compare") {
            o.compare = true;
        } else {
            o.args.push_back(a);
        }
    }
    if (!model_given) o.model = default_model(o.lang);
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc < 2) {
            std::cerr << "usage: byline-eval-entities CONLL_FILE [--errors N] | --show FILE... | "
                         "--speed [--compare] FILE...  [--mode POLICY] [--model FILE]\n";
            return 2;
        }
        std::string mode = argv[1];
        Options o = parse(argc, argv);
        if (mode == "--show") return show(o);
        if (mode == "--speed") return speed(o);
        o.args.insert(o.args.begin(), mode);
        return score(o);
    } catch (const std::exception& e) {
        std::cerr << "byline-eval-entities: " << e.what() << "\n";
        return 1;
    }
}
