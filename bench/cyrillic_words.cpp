// Lists the common words of a Cyrillic word list that the Cyrillic rules would read as a place:
// a lower-case word (a proper name is capitalised in the list) whose own form or one of the
// nominatives guessed from it keys to a one-word place of the gazetteer ("ніби" -> Nebbi,
// "така" -> Tak). Run by a maintainer to regenerate the "uk" lines of data/gazetteer_words.tsv:
//   apt-get install wukrainian
//   build/bench/byline-cyrillic-words uk /usr/share/dict/ukrainian data > /tmp/uk-words.tsv
// Output: "LANG<TAB>word<TAB>word" lines, sorted (see scripts/build_language_words.py).
#include "extract/entity_cyrillic.h"
#include "extract/entity_gazetteer.h"
#include "extract/entity_key.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

int main(int argc, char** argv) {
    using namespace byline::extract;
    if (argc != 4) {
        std::cerr << "usage: byline-cyrillic-words uk|ru WORD_LIST DATA_DIR\n";
        return 2;
    }
    const std::string lang_code = argv[1];
    const CyrLang lang = lang_code == "ru" ? CyrLang::ru : CyrLang::uk;
    const Gazetteer gaz(argv[3], "", true);
    std::ifstream in(argv[2]);
    if (!in) {
        std::cerr << "byline-cyrillic-words: cannot read " << argv[2] << "\n";
        return 1;
    }
    std::set<std::string> out;
    for (std::string word; std::getline(in, word);) {
        if (word.empty() || !has_cyrillic(word) || lower_in_script(word) != word) continue;
        for (const std::string& form : nominative_candidates(word)) {
            const GazEntry* g = gaz.find(entity_key(form, lang));
            if (g && g->kind == GazKind::place) {
                out.insert(word);
                break;
            }
        }
    }
    for (const std::string& word : out)
        std::cout << lang_code << '\t' << word << "\tword\n";
    std::cerr << out.size() << " words\n";
}
