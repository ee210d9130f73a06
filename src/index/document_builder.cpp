#include "index/document_builder.h"

#include "index/extraction_terms.h"
#include "index/schema.h"
#include "index/sentence_words.h"
#include "index/simhash.h"
#include "index/stored_doc.h"
#include "util/stable_hash.h"

#include <algorithm>
#include <functional>

namespace byline::index {

namespace {

std::string with_prefix(std::string_view prefix, const std::string& term) {
    std::string out(prefix);
    out += term;
    return out;
}

// Splits a by-line such as "Jane Doe, John Roe and Ann Poe" into names.
std::vector<std::string> split_authors(const std::string& authors) {
    std::vector<std::string> names;
    auto add = [&](std::string_view name) {
        std::size_t first = name.find_first_not_of(" \t");
        std::size_t last = name.find_last_not_of(" \t");
        if (first != std::string_view::npos)
            names.emplace_back(name.substr(first, last - first + 1));
    };
    std::string_view rest(authors);
    while (!rest.empty()) {
        std::size_t comma = std::min(rest.find(','), rest.size());
        std::size_t conj = std::min(rest.find(" and "), rest.size());
        std::size_t cut = std::min(comma, conj);
        add(rest.substr(0, cut));
        rest.remove_prefix(std::min(rest.size(), cut + (cut == conj && conj < comma ? 5 : 1)));
    }
    return names;
}

std::string clean_facet_value(std::string value) {
    // Control characters cannot appear in a facet value shown to the user.
    std::replace_if(
        value.begin(), value.end(), [](char c) { return c >= 0 && c < 0x20; }, ' ');
    return value;
}

// A "sentence" longer than this (a table, a list without full stops, a 1 MB run-on) is split at
// word boundaries, so search never re-analyses more than a few KB to show a passage.
constexpr std::size_t kMaxSentenceBytes = 4096;

}  // namespace

std::vector<Span> split_long_sentences(const std::vector<Span>& sentences,
                                       const std::vector<Token>& body, std::size_t max_bytes) {
    std::vector<Span> out;
    out.reserve(sentences.size());
    std::size_t token = 0;
    for (Span sentence : sentences) {
        while (sentence.end - sentence.start > max_bytes) {
            while (token < body.size() && body[token].start < sentence.start)
                ++token;
            // Cut before the last word that starts within the limit (at least one word kept).
            std::size_t cut = token;
            while (cut < body.size() && body[cut].end <= sentence.start + max_bytes)
                ++cut;
            if (cut == token || cut >= body.size() || body[cut].start >= sentence.end) break;
            std::size_t end = body[cut - 1].end;
            out.push_back({sentence.start, end});
            sentence.start = body[cut].start;
            token = cut;
        }
        out.push_back(sentence);
    }
    return out;
}

std::vector<std::uint32_t> sentence_positions(const std::vector<Span>& sentences,
                                              const std::vector<Token>& body,
                                              std::uint32_t body_start) {
    std::vector<std::uint32_t> positions;
    positions.reserve(sentences.size());
    std::size_t token = 0;
    for (const Span& sentence : sentences) {
        while (token < body.size() && body[token].start < sentence.start)
            ++token;
        std::uint32_t position = token < body.size()
                                     ? body[token].position
                                     : body_start + static_cast<std::uint32_t>(body.size());
        positions.push_back(position + 1);  // Xapian positions count from 1
    }
    return positions;
}

std::string facet_key(Analyzer& analyzer, std::string_view value) {
    std::string key;
    for (const Token& token : analyzer.tokenize(value)) {
        if (!key.empty()) key.push_back(' ');
        key += token.term;
    }
    return key.substr(0, schema::kMaxTermBytes);
}

std::vector<std::string> body_chunks(const std::string& body) {
    std::vector<std::string> chunks;
    for (std::size_t at = schema::kInlineBodyBytes; at < body.size(); at += schema::kBodyChunkBytes)
        chunks.push_back(body.substr(at, schema::kBodyChunkBytes));
    return chunks;
}

Xapian::Document DocumentBuilder::build(const Document& doc, const Extraction& extraction,
                                        FacetValues& facets) {
    Xapian::Document xdoc;
    std::string language = doc.lang.empty() ? default_language_ : doc.lang;
    if (Analyzer::has_stemmer(language)) languages_.insert(language);

    std::vector<Token> title = analyzer_.tokenize(doc.title);
    auto body_start = static_cast<std::uint32_t>(title.size() + schema::kBodyPositionGap);
    std::vector<Token> body = analyzer_.tokenize(doc.body, body_start);
    StoredDoc stored{
        doc, split_long_sentences(analyzer_.sentences(doc.body), body, kMaxSentenceBytes), {}};
    stored.sentence_positions = sentence_positions(stored.sentences, body, body_start);
    facets.sentence_starts = stored.sentence_positions;
    stored.body_size = doc.body.size();
    stored.doc.body.resize(std::min(doc.body.size(), schema::kInlineBodyBytes));
    index_tokens(xdoc, title, true, language);
    index_tokens(xdoc, body, false, language);
    add_facets(xdoc, doc, language, facets);
    add_countries(xdoc, extraction.countries, facets);
    add_entities(xdoc, extraction.entities, body, stored, facets);
    add_mentioned_dates(xdoc, extraction.dates, body, facets);
    if (std::string words = encode_sentence_words(
            mention_sentence_words(body, facets.sentence_starts, facets.mentions));
        !words.empty())
        xdoc.add_value(schema::kSlotSentenceWords, words);
    if (!doc.date.empty()) {
        std::string compact = doc.date;
        compact.erase(std::remove(compact.begin(), compact.end(), '-'), compact.end());
        xdoc.add_value(schema::kSlotDate, compact);
        add_date(compact, facets.published);
    }
    // The writer gives the cluster key (kSlotCluster): it depends on the articles already in.
    if (auto signature = simhash(signature_words(title, body)))
        xdoc.add_value(schema::kSlotSignature, encode_u64(*signature));
    xdoc.add_boolean_term(schema::id_term(doc.id));
    xdoc.set_data(serialise(stored));
    return xdoc;
}

void DocumentBuilder::index_tokens(Xapian::Document& xdoc, const std::vector<Token>& tokens,
                                   bool is_title, const std::string& language) {
    const unsigned wdf = is_title ? schema::kTitleWeight : 1;
    for (const Token& token : tokens) {
        if (token.term.size() > schema::kMaxTermBytes) continue;  // a blob, not a word
        xdoc.add_posting(token.term, token.position + 1, wdf);
        if (is_title)
            xdoc.add_posting(with_prefix(schema::kTitlePrefix, token.term), token.position + 1);
        std::string stem = analyzer_.stem(token.term, language);
        if (stem.empty() || stem == token.term) continue;  // the word itself stands for it
        xdoc.add_term(with_prefix(schema::kStemPrefix, stem), wdf);
        if (is_title) xdoc.add_term(with_prefix(schema::kTitleStemPrefix, stem));
    }
}

// The countries the article is about, as a facet filtered with country:NAME.
void DocumentBuilder::add_countries(Xapian::Document& xdoc,
                                    const std::vector<std::string>& countries,
                                    FacetValues& facets) {
    const schema::FacetField* field = schema::find_facet("country");
    auto& out = facets.values[static_cast<std::size_t>(field - schema::kFacetFields.data())];
    for (const std::string& country : countries) {
        std::string key = facet_key(analyzer_, country);
        if (key.empty()) continue;
        xdoc.add_boolean_term(with_prefix(field->prefix, key));
        out.push_back(country);
    }
}

void DocumentBuilder::add_facets(Xapian::Document& xdoc, const Document& doc,
                                 const std::string& language, FacetValues& facets) {
    auto add = [&](std::string_view field_name, const std::vector<std::string>& values) {
        const schema::FacetField* field = schema::find_facet(field_name);
        auto& out = facets.values[static_cast<std::size_t>(field - schema::kFacetFields.data())];
        for (const std::string& raw : values) {
            std::string value = clean_facet_value(raw);
            std::string key = facet_key(analyzer_, value);
            if (key.empty()) continue;
            xdoc.add_boolean_term(with_prefix(field->prefix, key));
            out.push_back(std::move(value));
        }
    };
    if (!doc.source.empty()) add("source", {doc.source});
    add("lang", {language});
    if (!doc.author.empty()) add("author", split_authors(doc.author));
    if (doc.date.size() >= 7) add("month", {doc.date.substr(0, 7)});
}

}  // namespace byline::index
