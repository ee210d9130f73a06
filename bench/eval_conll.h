#pragma once
// CoNLL-2003 documents turned into text (tokens joined by spaces, sentences by newlines) with
// their gold PER/LOC/ORG spans as byte offsets into that text. MISC is dropped unless asked for.

#include <cstddef>
#include <string>
#include <vector>

namespace byline::bench {

struct GoldSpan {
    std::size_t start, end;
    std::string type;  ///< "PER", "LOC", "ORG" (or "MISC")
};

struct ConllDocument {
    std::string text;
    std::vector<GoldSpan> gold;
};

/// Reads GermEval 2014 (`n<TAB>token<TAB>outer tag<TAB>inner tag`, a `#` line before each
/// sentence): outer PER/LOC/ORG spans (not the `deriv`/`part` variants: "deutsche" is no place),
/// 20 sentences to a document.
std::vector<ConllDocument> read_germeval(const std::string& path);

/// Reads every document of a CoNLL-2003 file (IOB1 or IOB2 tags). Throws on an unreadable file.
/// `keep_misc` keeps MISC spans too (for training the tagger).
std::vector<ConllDocument> read_conll(const std::string& path, bool keep_misc = false);

}  // namespace byline::bench
