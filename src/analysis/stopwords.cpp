#include "analysis/stopwords.h"

#include "util/text.h"

namespace byline::analysis {

Stopwords::Stopwords(Analyzer& analyzer, const std::set<std::string>& languages) {
    for (const StopwordList& list : stopword_lists()) {
        if (!languages.contains(std::string(list.lang))) continue;
        for (std::string_view word : text::split(list.words, ' ')) {
            if (!word.empty()) terms_.insert(analyzer.normalize(std::string(word)));
        }
    }
}

}  // namespace byline::analysis
