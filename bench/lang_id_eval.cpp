// byline-lang-id: accuracy and cost of the indexer's language identification on a folder with
// known languages (bench/mixed_language_corpus.py writes one).
//
//   byline-lang-id GOLD_TSV [--fallback CODE] [--errors N]
//
// GOLD_TSV lines are `file<TAB>language<TAB>kind` with files relative to GOLD_TSV's folder's
// `articles/`; each file is a title line, a blank line and the body. Prints the share right per
// language and kind (an article whose language the detector leaves open gets the fallback, as
// `byline-index --lang` does), how often it fell back, and the detector's time per article.

#include "analysis/language_id.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Article {
    std::string file, lang, kind, title, body;
};

std::vector<Article> read_gold(const std::filesystem::path& gold) {
    std::ifstream in(gold);
    if (!in) throw std::runtime_error(gold.string() + ": cannot open");
    std::vector<Article> out;
    for (std::string line; std::getline(in, line);) {
        std::istringstream fields(line);
        Article a;
        if (!std::getline(fields, a.file, '\t') || !std::getline(fields, a.lang, '\t')) continue;
        std::getline(fields, a.kind);
        std::ifstream f(gold.parent_path() / "articles" / a.file, std::ios::binary);
        std::getline(f, a.title);
        std::ostringstream body;
        body << f.rdbuf();
        a.body = body.str();
        out.push_back(std::move(a));
    }
    return out;
}

struct Tally {
    long right = 0, total = 0, fallback = 0;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: byline-lang-id GOLD_TSV [--fallback CODE] [--errors N]\n";
        return 2;
    }
    std::string fallback = "en";
    long errors = 0;
    for (int i = 2; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--fallback") fallback = argv[i + 1];
        if (a == "--errors") errors = std::stol(argv[i + 1]);
    }
    try {
        auto articles = read_gold(argv[1]);
        std::map<std::string, Tally> tally;
        std::size_t bytes = 0;
        auto t0 = std::chrono::steady_clock::now();
        std::vector<std::string> found;
        for (const Article& a : articles) {
            found.push_back(byline::analysis::identify_language(a.title, a.body));
            bytes += a.title.size() + a.body.size();
        }
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        for (std::size_t i = 0; i < articles.size(); ++i) {
            const Article& a = articles[i];
            std::string lang = found[i].empty() ? fallback : found[i];
            for (const std::string& row : {a.lang + " " + a.kind, "all " + a.kind}) {
                Tally& t = tally[row];
                ++t.total;
                t.right += lang == a.lang;
                t.fallback += found[i].empty();
            }
            if (lang != a.lang && errors-- > 0) {
                auto g = byline::analysis::guess_language(a.title + "\n" + a.body);
                std::cout << a.file << " " << a.lang << " -> " << (found[i].empty() ? "?" : lang)
                          << " (CLD2: " << g.code << (g.reliable ? " reliable " : " unreliable ")
                          << g.percent << "% of " << g.text_bytes << " bytes): " << a.title << "\n";
            }
        }
        for (const auto& [row, t] : tally)
            std::printf("%-14s %4ld/%4ld right = %5.1f%%  (%ld left to the fallback)\n",
                        row.c_str(), t.right, t.total, 100.0 * double(t.right) / double(t.total),
                        t.fallback);
        std::printf("%zu articles, %.2f MB: %.1f us per article, %.0f MB/s\n", articles.size(),
                    double(bytes) / 1e6, 1e6 * secs / double(articles.size()),
                    double(bytes) / 1e6 / secs);
    } catch (const std::exception& e) {
        std::cerr << "byline-lang-id: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
