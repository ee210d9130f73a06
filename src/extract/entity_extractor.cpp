#include "extract/entity_extractor.h"

#include "analysis/line_wrap.h"
#include "extract/entity_chunker.h"
#include "extract/entity_coref.h"
#include "extract/entity_country.h"
#include "extract/entity_foreign.h"
#include "extract/entity_gazetteer.h"
#include "extract/entity_hygiene.h"
#include "extract/entity_key.h"
#include "extract/entity_tokens.h"
#include "extract/tagger_hybrid.h"
#include "extract/tagger_lexicon.h"

#include <unicode/ucurr.h>
#include <unicode/uenum.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

namespace byline::extract {
namespace {

EntityType to_type(CandidateKind kind) {
    switch (kind) {
        case CandidateKind::place:
            return EntityType::place;
        case CandidateKind::org:
            return EntityType::org;
        default:
            return EntityType::person;
    }
}

bool is_english(std::string_view lang, std::string_view body) {
    if (lang.empty()) return !mostly_cyrillic(body);  // no metadata: a Cyrillic body is not
    return lang.substr(0, 2) == "en" || lang.substr(0, 2) == "EN";
}

// Display name and key of a mention. A name written in another script keeps that script when
// cross-script matching is off ("Зеленський", not "Zelenskyy").
std::pair<std::string, std::string> name_and_key(Candidate& cand, std::string_view text,
                                                 CyrLang lang, bool cross_script) {
    if (!cross_script && has_other_script(text)) {
        std::string name = !cand.native.empty()          ? std::move(cand.native)
                           : has_other_script(cand.name) ? std::move(cand.name)
                                                         : std::string(text);
        std::string key = exact_script_key(name);
        return {std::move(name), std::move(key)};
    }
    std::string key = has_cyrillic(cand.name) ? entity_key(cand.name, lang) : entity_key(cand.name);
    return {std::move(cand.name), std::move(key)};
}

// Sports results ("Ajax 3 Heerenveen 1", "CHICAGO 73 59 .553"): there a city names a team.
bool is_results_document(const TokenizedText& tt) {
    std::size_t score_lines = 0, lines = 0;
    for (const Line& line : tt.lines) {
        std::size_t words = 0, numbers = 0;
        for (std::size_t i = line.first; i < line.last; ++i) {
            words += tt.tokens[i].kind == TokenKind::word;
            numbers += tt.tokens[i].kind == TokenKind::number;
        }
        if (words + numbers == 0) continue;
        ++lines;
        score_lines += numbers >= 2 && words >= 1 && numbers * 2 >= words;
    }
    return score_lines >= 3 && score_lines * 4 >= lines;
}

// A Title Case line made of names ("Hal Sutton , Tom Lehman") is prose; a headline is made
// of capitalised common words ("Envoy to Meet Putin").
bool is_headline(const ChunkContext& c, const Line& line) {
    std::size_t caps = 0, common = 0;
    for (std::size_t i = line.first; i < line.last; ++i) {
        if (!c.is_cap_word(i)) continue;
        ++caps;
        common += c.gaz.is_common_word(c.lower(i));
    }
    return common >= 2 && common * 2 >= caps;
}

// Text order; of two overlapping candidates the earlier (then longer) one stays.
void order_and_dedupe(std::vector<Candidate>& cands) {
    std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::size_t covered = 0, kept = 0;
    for (Candidate& cand : cands) {
        if (cand.start < covered || cand.end <= cand.start) continue;
        covered = cand.end;
        if (&cands[kept] != &cand) cands[kept] = std::move(cand);
        ++kept;
    }
    cands.resize(kept);
}

// The rules pipeline: chunked prose, coreference, then known names in headlines.
std::vector<Candidate> rule_candidates(const ChunkContext& c, TokenizedText& tt) {
    std::vector<Candidate> cands;
    for (Line& line : tt.lines) {
        if (line.style == LineStyle::title_case && !is_headline(c, line)) {
            line.style = LineStyle::prose;
        }
        if (line.style == LineStyle::prose) chunk_prose_line(c, line, cands);
    }
    KnownEntities known = resolve_coreference(c, cands);
    for (const Line& line : tt.lines) {
        if (line.style != LineStyle::prose) scan_line_for_known(c, line, known, cands);
    }
    if (is_results_document(tt)) {
        for (Candidate& cand : cands) {
            if (cand.local && cand.kind == CandidateKind::place) cand.kind = CandidateKind::org;
        }
    }
    return cands;
}

// Does a language's tagger read text of `lang`? Its own language, and Russian's Ukrainian.
bool reads_language(const EntityTagger& tagger, std::string_view lang) {
    const std::string_view primary = lang.substr(0, lang.find_first_of("-_"));
    return primary == tagger.language() || (primary == "uk" && tagger.language() == "ru");
}

std::size_t word_count_of(const ChunkContext& c, const Candidate& cand) {
    std::size_t n = 0;
    for (std::size_t k = cand.first; k < cand.last; ++k)
        n += c.tt.tokens[k].kind == TokenKind::word;
    return n;
}

bool has_capital_after(const ChunkContext& c, const Candidate& cand) {
    for (std::size_t k = cand.first + 1; k < cand.last; ++k) {
        if (c.tt.tokens[k].kind == TokenKind::word && c.tt.tokens[k].cap) return true;
    }
    return false;
}

// A place, or one word taken for a person, that other languages' Wikipedias know as an
// organisation only ("Siemens", "Champions League", "Dell"), is that organisation; unless the
// gazetteer has it as a country, region or city of 100,000, or the word is a known given name
// or surname, or coreference named it after a fuller name.
bool known_only_as_org(const ChunkContext& c, std::string_view lang, const Candidate& cand,
                       std::string_view text) {
    const TaggerLexicon& lex = *c.lexicon;
    if (cand.kind == CandidateKind::person &&
        (cand.last - cand.first != 1 || cand.name != text || lex.is_given_name(text) ||
         lex.is_surname(text) || c.gaz.is_first_name(entity_key(text))))
        return false;
    std::vector<std::string> lower;
    for (std::size_t k = cand.first; k < cand.last; ++k)
        if (c.tt.tokens[k].kind == TokenKind::word) lower.push_back(utf8_lower(c.word(k)));
    const std::string key = name_key({lower.begin(), lower.end()});
    if (!lex.is_name(NameKind::org, key) || lex.is_name(NameKind::place, key) ||
        lex.is_name(NameKind::person, key))
        return false;
    const GazEntry* g = c.gaz.find_local(lang, text);
    if (!g) g = c.gaz.find(entity_key(text));
    return !(g && g->kind == GazKind::place &&
             (g->source != GazSource::city || g->population >= 100000));
}

void retype_known_orgs(const ChunkContext& c, std::string_view lang,
                       std::vector<Candidate>& cands) {
    if (!c.lexicon) return;
    for (Candidate& cand : cands) {
        if (cand.kind != CandidateKind::place && cand.kind != CandidateKind::person) continue;
        const std::string_view text = c.text.substr(cand.start, cand.end - cand.start);
        if (!known_only_as_org(c, lang, cand, text)) continue;
        cand.kind = CandidateKind::org;
        cand.name = std::string(text);
    }
}

// "CHF", "USD": a currency's ISO code (ICU's list), no organisation.
bool is_currency_code(std::string_view text) {
    static const std::set<std::string, std::less<>> codes = [] {
        std::set<std::string, std::less<>> out;
        UErrorCode status = U_ZERO_ERROR;
        UEnumeration* all = ucurr_openISOCurrencies(UCURR_ALL, &status);
        for (const char* code = nullptr;
             U_SUCCESS(status) && (code = uenum_next(all, nullptr, &status)) != nullptr;)
            out.emplace(code);
        uenum_close(all);
        return out;
    }();
    return text.size() == 3 && codes.count(text) > 0;
}

// "II", "XIV": a Roman numeral (of a king, a war, a volume), no acronym of a name.
bool is_roman_numeral(std::string_view text) {
    return !text.empty() && text.size() <= 5 &&
           text.find_first_not_of("IVXLC") == std::string_view::npos && text != "C" && text != "L";
}

// A person of one word that the dictionary has as a common noun, in full and with an inflected
// form ("Baustoff", "Fußball", "Europaminister"), and knows as no given name, surname or
// person, is that noun; unless coreference named it after a fuller name ("Fischer" after
// "Joschka Fischer").
bool common_noun_alone(const ChunkContext& c, const Candidate& cand, std::string_view text) {
    if (!c.lexicon || cand.name != text) return false;
    const TaggerLexicon& lex = *c.lexicon;
    return lex.is_noun(text) && lex.is_common_noun(text) && !lex.is_given_name(text) &&
           !lex.is_surname(text) && !c.gaz.is_first_name(entity_key(text)) &&
           !lex.is_name(NameKind::person, utf8_lower(text));
}

// "Messerangriff in Linz": one word where a sentence or headline starts, a noun or a compound
// of one by the dictionary and no given name, surname or known person, is that noun.
bool headline_noun(const ChunkContext& c, const Candidate& cand, std::string_view text) {
    if (!c.lexicon || cand.name != text || !c.tt.tokens[cand.first].sentence_start) return false;
    const TaggerLexicon& lex = *c.lexicon;
    return (lex.is_noun(text) || lex.has_noun_head(text)) && !may_be_person_word(c, text) &&
           !lex.is_name(NameKind::person, utf8_lower(text));
}

// A tagger that learned from Wikipedia fragments (WikiANN) takes many a capitalised noun of
// running text for a name ("Kirche", "Polizei", "Boden"): in a language other than English a
// one-word organisation must be known to the gazetteers or be an acronym ("SPD", "BMW"), and a
// one-word place no word of the language (`words`, where a town's name is one: "Boden"); a
// name starts with a capital ("deutschen" is an adjective) unless a capitalised word follows
// ("van Gogh"), and holds no brackets ("Prozent )").
void drop_unknown_lone_words(const ChunkContext& c, const LanguageWords* words,
                             std::string_view lang, std::vector<Candidate>& cands) {
    std::erase_if(cands, [&](const Candidate& cand) {
        const std::string_view text = c.text.substr(cand.start, cand.end - cand.start);
        if (text.empty() || text.find_first_of("()[]") != std::string_view::npos) return true;
        const auto first = static_cast<unsigned char>(text[0]);
        const std::size_t count = word_count_of(c, cand);
        if (first < 0x80 && !std::isupper(first) && (count < 2 || !has_capital_after(c, cand)))
            return true;
        // A word the language writes in lower case, capitalised where a sentence starts ("Man
        // sagt", "Anders als"), is that word (the tagger's dictionary knows it).
        if (count == 1 && c.lexicon && c.tt.tokens[cand.first].sentence_start &&
            c.lexicon->is_lower_word(text) && !c.lexicon->is_noun(text))
            return true;
        if (count == 1 && cand.kind == CandidateKind::person && common_noun_alone(c, cand, text))
            return true;
        if (count == 1 && cand.kind == CandidateKind::person && headline_noun(c, cand, text))
            return true;
        // An abbreviation alone ("Chr." of "v. Chr.", "Jh.") names no one.
        if (count == 1 && text.ends_with('.')) return true;
        if (cand.kind == CandidateKind::person || count != 1) return false;
        if (cand.kind == CandidateKind::place) return words && words->is_word(lang, text, false);
        const bool acronym = text.size() >= 2 &&
                             std::all_of(text.begin(), text.end(),
                                         [](char ch) {
                                             return std::isupper(static_cast<unsigned char>(ch)) ||
                                                    std::isdigit(static_cast<unsigned char>(ch));
                                         }) &&
                             !is_currency_code(text) && !is_roman_numeral(text);
        // Organisations known to other languages' Wikipedias stand too ("Commerzbank").
        if (c.lexicon && c.lexicon->is_name(NameKind::org, utf8_lower(text))) return false;
        return !acronym && !c.gaz.find(entity_key(text));
    });
}

std::unique_ptr<const EntityTagger> load_tagger(const EntityOptions& options,
                                                const std::string& data_dir) {
    if (!options.use_tagger) return nullptr;
    std::string path = options.tagger_model;
    if (path.empty()) {
        path = data_dir + "/ner-model.bin";
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) return nullptr;
    }
    return std::make_unique<const EntityTagger>(load_tagger_file(path));
}

// The taggers of other languages in the data folder (ner-model-LANG.bin), not loaded yet.
std::map<std::string, std::unique_ptr<const EntityExtractor::LanguageTagger>, std::less<>>
find_language_taggers(const EntityOptions& options, const std::string& data_dir) {
    std::map<std::string, std::unique_ptr<const EntityExtractor::LanguageTagger>, std::less<>> out;
    if (!options.use_tagger || !options.tagger_model.empty()) return out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir, ec)) {
        const std::string path = entry.path().string();
        std::string lang = tagger_language(path);
        if (!lang.empty())
            out.emplace(std::move(lang),
                        std::make_unique<const EntityExtractor::LanguageTagger>(path));
    }
    return out;
}

}  // namespace

std::vector<EntityMention> extract_entities(const Gazetteer& gaz, const EntityTagger* tagger,
                                            std::string_view body, std::string_view lang,
                                            HybridPolicy policy, bool cross_script,
                                            const LanguageWords* words) {
    // Wire copy wraps paragraphs at a fixed width; a name cut by a wrap ("Securities and\n
    // Exchange Commission", "Paul\nVolcker") is read on the joined lines, whose bytes keep
    // their offsets (a wrap becomes a space).
    std::string joined = analysis::join_wrapped_lines(body);
    std::string_view text = joined;
    TokenizedText tt = tokenize_for_entities(text);
    ChunkContext c{gaz, text, tt, is_english(lang, body)};
    if (!c.english) c.lang = lang;
    c.words = words;
    // Only text with Cyrillic letters pays for the language guess.
    const bool cyrillic = has_cyrillic(body);
    if (!c.english || cyrillic) c.cyr_lang = cyrillic_language(body, lang);
    if (cyrillic && words && has_entity_rules(lang))
        c.dictionary = words->cyrillic_dictionary(c.cyr_lang);
    // The tagger learned English news; Ukrainian and Russian keep the rules; any other language
    // gets only the names the gazetteers know.
    bool tagged = tagger && policy != HybridPolicy::rules &&
                  (tagger->language().empty() ? c.english : reads_language(*tagger, lang));
    if (tagged) c.lexicon = tagger->lexicon();
    std::vector<TagSpan> spans;
    if (tagged)
        spans = tagger->tag(prepare_tagger_input(text, tt, &gaz, tagger->lexicon(), c.lang));
    // In Cyrillic text the rules know places and organisations in every case ("Грузии" is
    // Georgia); the tagger adds the people they miss ("Ху Цзиньтао").
    if (tagged && !tagger->language().empty() && has_entity_rules(lang)) {
        const auto& labels = tagger->model().tags.labels;
        std::erase_if(spans, [&](const TagSpan& s) {
            return s.label >= labels.size() || labels[s.label] != "PER";
        });
    }
    static const LanguageWords no_lists;
    // A tagger taken as it is (HybridPolicy::tagger) needs no rule candidates beside it: the
    // gazetteer names its spans (and known names are half the cost of German text).
    std::vector<Candidate> cands;
    if (c.english || has_entity_rules(lang))
        cands = rule_candidates(c, tt);
    else if (!tagged || policy != HybridPolicy::tagger)
        cands = known_name_candidates(c, words ? *words : no_lists, lang);
    if (tagged)
        cands = combine_candidates(c, tagger->model().tags, spans, std::move(cands), policy);
    order_and_dedupe(cands);
    read_lone_persons_in_dictionary(c, cands);
    if (cyrillic) read_streets(c, cands);
    if (c.english) clean_candidates(c, cands);
    if (tagged && !c.english && !has_entity_rules(lang)) {
        retype_known_orgs(c, lang, cands);
        retype_curated_orgs(c, cands);
        retype_persons_named_for_countries(c, cands);
        drop_unknown_lone_words(c, words, lang, cands);
        settle_lone_persons(c, cands);
        add_curated_orgs(c, cands);
        order_and_dedupe(cands);
    }
    std::vector<EntityMention> mentions;
    mentions.reserve(cands.size());
    for (Candidate& cand : cands) {
        std::string_view text = body.substr(cand.start, cand.end - cand.start);
        auto [name, key] = name_and_key(cand, text, c.cyr_lang, cross_script);
        mentions.push_back(EntityMention{to_type(cand.kind), std::move(name), std::move(key),
                                         std::string(text), cand.start, cand.end});
    }
    return mentions;
}

std::string_view to_string(EntityType type) {
    switch (type) {
        case EntityType::person:
            return "person";
        case EntityType::place:
            return "place";
        case EntityType::org:
            return "org";
    }
    return "person";
}

EntityExtractor::EntityExtractor(const EntityOptions& options)
    // Names in other scripts are always recognised; cross_script only decides their keys.
    : gazetteer_(std::make_unique<Gazetteer>(resolve_data_dir(options.data_dir),
                                             options.user_entities_file, true)),
      tagger_(load_tagger(options, resolve_data_dir(options.data_dir))),
      language_taggers_(find_language_taggers(options, resolve_data_dir(options.data_dir))),
      words_(std::make_unique<const LanguageWords>(resolve_data_dir(options.data_dir) +
                                                   "/gazetteer_words.tsv")),
      cross_script_(options.cross_script) {}
EntityExtractor::~EntityExtractor() = default;
EntityExtractor::EntityExtractor(EntityExtractor&&) noexcept = default;
EntityExtractor& EntityExtractor::operator=(EntityExtractor&&) noexcept = default;

std::vector<std::string> EntityExtractor::countries(std::string_view body, std::string_view date,
                                                    std::vector<EntityMention>& mentions) const {
    return assign_countries(*gazetteer_, body, date, mentions);
}

std::string EntityExtractor::canonical_key(std::string_view name) {
    return entity_key(name);
}

bool EntityExtractor::is_cyrillic_given_name(std::string_view name) const {
    if (!has_cyrillic(name)) return false;
    const std::string lower = lower_in_script(name);
    return gazetteer_->is_native_first_name(lower, CyrLang::uk) ||
           gazetteer_->is_native_first_name(lower, CyrLang::ru);
}

EntityExtractor::LanguageTagger::LanguageTagger(std::string path) : path_(std::move(path)) {}

EntityExtractor::LanguageTagger::~LanguageTagger() = default;

const EntityTagger& EntityExtractor::LanguageTagger::get() const {
    std::call_once(
        once_, [&] { tagger_ = std::make_unique<const EntityTagger>(load_tagger_file(path_)); });
    return *tagger_;
}

std::vector<EntityMention> EntityExtractor::extract(std::string_view /*title*/,
                                                    std::string_view body,
                                                    std::string_view lang) const {
    // The tagger of the article's language, else the English one (used on English text only).
    // Ukrainian, which has no tagger of its own, reads with the Russian one (NER-UK F1 0.35 ->
    // 0.40). Those learned from Wikipedia (WikiANN) take their spans as they are: the rules that
    // vet the English one's read English; Cyrillic text keeps its own rules where they are sure.
    const EntityTagger* tagger = tagger_.get();
    std::string_view primary = lang.substr(0, lang.find_first_of("-_"));
    if (primary == "uk" && !language_taggers_.count(primary)) primary = "ru";
    if (auto it = language_taggers_.find(primary); it != language_taggers_.end())
        tagger = &it->second->get();
    return extract_entities(*gazetteer_, tagger, body, lang, default_policy(tagger, lang),
                            cross_script_, words_.get());
}

}  // namespace byline::extract
