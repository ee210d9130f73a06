// byline-build-lexicon: writes a tagger lexicon (data/lexicon-LANG.bin) from word lists, one
// word per line as a dictionary writes it ("Konzern", "bayerischen"; "-" reads stdin), and
// lists of known names (`PER|LOC|ORG|GIVEN|SURNAME<TAB>name` lines, bench/wikiann_names.py;
// `PROPER<TAB>name`: a dictionary's capitalised headwords, nominatives of proper nouns).
//
//   byline-build-lexicon OUT WORDLIST... [--names FILE]...
//
// German (see data/README.md): Debian's wngerman list and the forms of hunspell-de-de;
// Ukrainian: Debian's wukrainian list and the headwords of hunspell-uk.

#include "extract/tagger_lexicon.h"

#include <byline/error.h>

#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

void read_words(std::istream& in, std::set<std::string>& words) {
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.pop_back();
        if (!line.empty() && line[0] != '#') words.insert(line);
    }
}

void read_names(const std::string& path, std::vector<byline::extract::KnownName>& names) {
    using byline::extract::NameKind;
    std::ifstream in(path);
    if (!in) throw byline::InputError(path, "cannot open the name list");
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        const std::size_t tab = line.find('\t');
        const std::string kind = line.substr(0, tab);
        static const std::map<std::string, NameKind, std::less<>> kKinds = {
            {"PER", NameKind::person},      {"LOC", NameKind::place},
            {"ORG", NameKind::org},         {"GIVEN", NameKind::given},
            {"SURNAME", NameKind::surname}, {"PROPER", NameKind::proper}};
        const auto it = tab == std::string::npos ? kKinds.end() : kKinds.find(kind);
        if (it == kKinds.end())
            throw byline::InputError(path + ":" + std::to_string(number),
                                     "expected PER|LOC|ORG|GIVEN|SURNAME|PROPER<TAB>name");
        names.push_back({it->second, line.substr(tab + 1)});
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: byline-build-lexicon OUT WORDLIST... [--names FILE]...\n";
        return 2;
    }
    try {
        std::set<std::string> words;  // sorted and unique: the same lists give the same file
        std::vector<byline::extract::KnownName> names;
        for (int i = 2; i < argc; ++i) {
            const std::string path = argv[i];
            if (path == "--names" && i + 1 < argc) {
                read_names(argv[++i], names);
                continue;
            }
            if (path == "-") {
                read_words(std::cin, words);
                continue;
            }
            std::ifstream in(path);
            if (!in) throw byline::InputError(path, "cannot open the word list");
            read_words(in, words);
        }
        auto lexicon = byline::extract::TaggerLexicon::build({words.begin(), words.end()}, names);
        lexicon.save(argv[1]);
        std::cout << words.size() << " forms, " << names.size() << " names, "
                  << lexicon.bit_count() / 8 / 1024 << " KiB: " << argv[1] << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "byline-build-lexicon: " << e.what() << "\n";
        return 1;
    }
}
