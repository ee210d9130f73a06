#include "extract/entity_foreign.h"

#include "extract/entity_key.h"
#include "extract/tagger_lexicon.h"
#include "util/text.h"

#include <byline/error.h>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>

namespace byline::extract {
namespace {

bool is_local(const GazEntry& g) {
    return g.source == GazSource::city || g.source == GazSource::subdivision;
}

// May the gazetteer entry `g`, matched by tokens [i, i + n) of `line`, stand?
bool acceptable(const ChunkContext& c, const LanguageWords& words, std::string_view lang,
                const Line& line, std::size_t i, std::size_t n, const GazEntry& g) {
    std::size_t s = c.tt.tokens[i].start;
    std::string_view written = c.text.substr(s, c.name_end(i + n - 1) - s);
    // GeoNames names must match up to accents: the key's vowel folds would make "This" Thiès.
    if (is_local(g) && ascii_fold(written) != ascii_fold(g.name)) return false;
    if (n > 1) return true;
    if (is_local(g) && !words.has_list(lang)) return false;  // cannot tell a town from a word
    bool sentence_start = c.tt.tokens[i].sentence_start || line.style != LineStyle::prose;
    if (words.is_word(lang, written, sentence_start)) return false;
    // A curated alias matches through a key that folds case and script ("ЕС", the EU in
    // Russian, is keyed as German "Es"): one word stands if written as the name or as an acronym.
    bool curated = g.source == GazSource::curated || g.source == GazSource::user;
    bool acronym = c.tt.tokens[i].all_caps && written.size() >= 2;
    if (curated && !acronym &&
        text::ascii_lower(ascii_fold(written)) != text::ascii_lower(ascii_fold(g.name)))
        return false;
    // "David", "Florence": a given name that is also a town is a person more often than not,
    // and without the rules no one-word name is read as a person. (Keys fold vowels, so a
    // region's name may meet a given name: "Wien". Regions stay.)
    return !(g.source == GazSource::city && c.gaz.is_first_name(entity_key(written)));
}

}  // namespace

LanguageWords::LanguageWords() = default;
LanguageWords::~LanguageWords() = default;

LanguageWords::LanguageWords(const std::string& path) {
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    dictionaries_[static_cast<std::size_t>(CyrLang::uk)].path = dir / "lexicon-uk.bin";
    dictionaries_[static_cast<std::size_t>(CyrLang::ru)].path = dir / "lexicon-ru.bin";
    std::ifstream in(path);
    if (!in) return;
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        auto fields = text::split(line, '\t');
        if (fields.size() != 3 || (fields[2] != "word" && fields[2] != "noun"))
            throw InputError(path + ":" + std::to_string(number),
                             "expected language<TAB>word<TAB>word|noun; regenerate the file "
                             "with scripts/build_language_words.py");
        add(fields[0], fields[1], fields[2] == "noun");
    }
}

void LanguageWords::add(std::string_view lang, std::string_view lower_word, bool anywhere) {
    bool& flag = words_[base_language(lang)][std::string(lower_word)];
    flag = flag || anywhere;
}

bool LanguageWords::has_list(std::string_view lang) const {
    return words_.contains(base_language(lang));
}

bool LanguageWords::is_word(std::string_view lang, std::string_view written,
                            bool sentence_start) const {
    auto list = words_.find(base_language(lang));
    if (list == words_.end()) return false;
    auto word = list->second.find(utf8_lower(written));
    return word != list->second.end() && (word->second || sentence_start);
}

const TaggerLexicon* LanguageWords::cyrillic_dictionary(CyrLang lang) const {
    Dictionary& d = dictionaries_[static_cast<std::size_t>(lang)];
    // A damaged file is reported on every use, but read once.
    std::call_once(d.once, [&] {
        std::error_code missing;
        if (d.path.empty() || !std::filesystem::exists(d.path, missing)) return;
        try {
            d.lexicon = std::make_unique<const TaggerLexicon>(TaggerLexicon::load(d.path));
        } catch (const InputError& e) {
            d.error = std::string(e.what()).substr(e.where().size() + 2);  // after "PATH: "
        }
    });
    if (!d.error.empty()) throw InputError(d.path, d.error);
    return d.lexicon.get();
}

bool has_entity_rules(std::string_view lang) {
    std::string base = base_language(lang);
    return base.empty() || base == "en" || base == "uk" || base == "ru";
}

std::vector<Candidate> known_name_candidates(const ChunkContext& c, const LanguageWords& words,
                                             std::string_view lang) {
    std::vector<Candidate> out;
    for (const Line& line : c.tt.lines) {
        for (std::size_t i = line.first; i < line.last;) {
            std::size_t matched = 0;
            std::size_t max_n = c.is_cap_word(i) ? std::min(c.gaz.max_words(), line.last - i) : 0;
            for (std::size_t n = max_n; n >= 1 && matched == 0; --n) {
                if (c.tt.tokens[i + n - 1].kind != TokenKind::word) continue;
                std::size_t s = c.tt.tokens[i].start, e = c.name_end(i + n - 1);
                // A place the language has its own name for ("München") is that place, unless
                // the name is also a word of the language.
                const std::string_view written = c.text.substr(s, e - s);
                const GazEntry* local = c.gaz.find_local(lang, written);
                const GazEntry* g = local ? local : c.gaz.find(entity_key(written));
                if (!g) continue;
                matched = n;
                const bool start = c.tt.tokens[i].sentence_start || line.style != LineStyle::prose;
                if (local
                        ? n == 1 && words.is_word(lang, written, start)
                        : g->kind == GazKind::ignore || !acceptable(c, words, lang, line, i, n, *g))
                    continue;
                Candidate cand{i, i + n, s, e, candidate_kind(g->kind), false, g->name};
                cand.local = is_local(*g);
                out.push_back(std::move(cand));
            }
            i += matched == 0 ? 1 : matched;
        }
    }
    return out;
}

}  // namespace byline::extract
