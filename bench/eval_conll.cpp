#include "eval_conll.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace byline::bench {
namespace {

struct Builder {
    std::vector<ConllDocument> docs;
    std::string open_type;  // type of the span being built, "" if none
    std::size_t open_start = 0;
    bool sentence_open = false;
    bool keep_misc = false;

    ConllDocument& doc() { return docs.back(); }
    void close_span() {
        if (!open_type.empty() && (open_type == "PER" || open_type == "LOC" || open_type == "ORG" ||
                                   (keep_misc && open_type == "MISC"))) {
            doc().gold.push_back({open_start, doc().text.size(), open_type});
        }
        open_type.clear();
    }
    void end_sentence() {
        close_span();
        if (sentence_open) doc().text += '\n';
        sentence_open = false;
    }
    void token(const std::string& word, const std::string& tag) {
        std::string type = tag.size() > 2 ? tag.substr(2) : "";
        bool begins = tag[0] == 'B' || type != open_type;
        if (tag == "O" || begins) close_span();
        if (sentence_open) doc().text += ' ';
        if (tag != "O" && begins) {
            open_type = type;
            open_start = doc().text.size();
        }
        doc().text += word;
        sentence_open = true;
    }
};

}  // namespace

std::vector<ConllDocument> read_conll(const std::string& path, bool keep_misc) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open CoNLL file");
    Builder b;
    b.keep_misc = keep_misc;
    b.docs.emplace_back();
    std::string line;
    bool doc_starts = false;  // the file marks documents
    std::size_t sentences = 0;
    while (std::getline(in, line)) {
        if (line.empty()) {
            const bool had_words = b.sentence_open;
            b.end_sentence();
            if (!doc_starts && had_words && ++sentences % 20 == 0) b.docs.emplace_back();
            continue;
        }
        // CoNLL-2003 has four columns (word, POS, chunk, tag); NER-UK two (word, tag), with
        // PERS for PER. Documents: -DOCSTART- lines, else every 20 sentences.
        std::istringstream fields(line);
        std::vector<std::string> cols;
        for (std::string col; fields >> col;)
            cols.push_back(col);
        if (cols.empty()) continue;
        const std::string& word = cols.front();
        std::string tag = cols.size() >= 2 ? cols.back() : "";
        if (tag.size() > 2 && tag.compare(2, std::string::npos, "PERS") == 0) tag.resize(5);
        if (word == "-DOCSTART-") {
            doc_starts = true;
            b.end_sentence();
            if (!b.doc().text.empty()) b.docs.emplace_back();
            continue;
        }
        if (!tag.empty()) b.token(word, tag);
    }
    b.end_sentence();
    if (b.doc().text.empty()) b.docs.pop_back();
    return b.docs;
}

std::vector<ConllDocument> read_germeval(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open GermEval file");
    Builder b;
    b.docs.emplace_back();
    std::size_t sentences = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) {
            b.end_sentence();
            if (++sentences % 20 == 0) b.docs.emplace_back();
            continue;
        }
        if (line[0] == '#') continue;
        std::istringstream fields(line);
        std::string n, word, tag;
        std::getline(fields, n, '\t');
        std::getline(fields, word, '\t');
        std::getline(fields, tag, '\t');
        // B-PERderiv, I-LOCpart and OTH are no PER/LOC/ORG span.
        bool entity = tag.size() == 5 && tag.compare(2, 3, "OTH") != 0;
        b.token(word, entity ? tag : std::string("O"));
    }
    b.end_sentence();
    if (b.doc().text.empty()) b.docs.pop_back();
    return b.docs;
}

}  // namespace byline::bench
