#include <byline/analyzer.h>
#include <byline/error.h>

#include "analysis/normalizer.h"
#include "analysis/sentences.h"
#include "util/text.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

namespace byline {

namespace {

constexpr std::size_t kMaxStemCache = 200000;  // stems kept per language

std::optional<TokenKind> kind_of(int32_t rule_status) {
    if (rule_status >= UBRK_WORD_IDEO && rule_status < UBRK_WORD_IDEO_LIMIT)
        return TokenKind::ideographic;
    if (rule_status >= UBRK_WORD_KANA && rule_status < UBRK_WORD_KANA_LIMIT) return TokenKind::kana;
    if (rule_status >= UBRK_WORD_LETTER && rule_status < UBRK_WORD_LETTER_LIMIT)
        return TokenKind::letter;
    if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT)
        return TokenKind::number;
    return std::nullopt;  // spaces, punctuation, symbols
}

// RAII for a UText over UTF-8 bytes: native indexes are byte offsets, no copy is made.
struct Utf8Text {
    UText* text = nullptr;
    explicit Utf8Text(std::string_view bytes) {
        UErrorCode status = U_ZERO_ERROR;
        text = utext_openUTF8(nullptr, bytes.data(), static_cast<int64_t>(bytes.size()), &status);
        if (U_FAILURE(status))
            throw Error(std::string("ICU cannot open text: ") + u_errorName(status));
    }
    ~Utf8Text() { utext_close(text); }
    Utf8Text(const Utf8Text&) = delete;
    Utf8Text& operator=(const Utf8Text&) = delete;
};

std::unique_ptr<icu::BreakIterator> make_word_breaker() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw Error(std::string("ICU word breaker: ") + u_errorName(status));
    return it;
}

}  // namespace

struct Analyzer::Impl {
    AnalyzerOptions options;
    std::unique_ptr<icu::BreakIterator> words = make_word_breaker();
    analysis::SentenceSplitter sentence_splitter;
    std::map<std::string, std::optional<Xapian::Stem>> stemmers;
    // Stems already computed, per language; probed with the term itself, so a hit allocates
    // nothing.
    using StemCache =
        std::unordered_map<std::string, std::string, text::StringHash, std::equal_to<>>;
    std::map<std::string, StemCache, std::less<>> stem_cache;

    const Xapian::Stem* stemmer_for(const std::string& language) {
        auto it = stemmers.find(language);
        if (it == stemmers.end()) {
            std::optional<Xapian::Stem> stemmer;
            try {
                if (!language.empty() && language != "none") stemmer.emplace(language);
            } catch (const Xapian::InvalidArgumentError&) {
                // No Snowball stemmer for this language: its words are indexed unstemmed.
            }
            it = stemmers.emplace(language, std::move(stemmer)).first;
        }
        return it->second ? &*it->second : nullptr;
    }
};

Analyzer::Analyzer(AnalyzerOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = options;
}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<Token> Analyzer::tokenize(std::string_view text, std::uint32_t first_position) {
    std::vector<Token> tokens;
    if (text.empty()) return tokens;
    Utf8Text utext(text);
    UErrorCode status = U_ZERO_ERROR;
    impl_->words->setText(utext.text, status);
    if (U_FAILURE(status)) throw Error(std::string("ICU word breaker: ") + u_errorName(status));
    std::uint32_t position = first_position;
    int32_t start = impl_->words->first();
    for (int32_t end = impl_->words->next(); end != icu::BreakIterator::DONE;
         start = end, end = impl_->words->next()) {
        auto kind = kind_of(impl_->words->getRuleStatus());
        if (!kind) continue;
        auto word =
            text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
        std::string term = analysis::normalize_word(word, impl_->options.fold_accents);
        if (term.empty()) continue;  // e.g. only default-ignorable code points
        tokens.push_back(Token{std::move(term), static_cast<std::size_t>(start),
                               static_cast<std::size_t>(end), position++, *kind});
    }
    return tokens;
}

std::string Analyzer::normalize(std::string_view word) {
    return analysis::normalize_word(word, impl_->options.fold_accents);
}

std::string Analyzer::stem(const std::string& term, const std::string& language) {
    // Numbers, CJK words and very long tokens are not stemmed.
    if (term.empty() || term.size() > 64) return {};
    if (std::any_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return {};
    const Xapian::Stem* stemmer = impl_->stemmer_for(language);
    if (!stemmer) return {};
    Impl::StemCache& cache = impl_->stem_cache[language];
    auto it = cache.find(term);
    if (it != cache.end()) return it->second;
    std::string stemmed = (*stemmer)(term);
    if (cache.size() >= kMaxStemCache) cache.clear();
    cache.emplace(term, stemmed);
    return stemmed;
}

bool Analyzer::has_stemmer(const std::string& language) {
    try {
        Xapian::Stem stemmer(language);
        return !language.empty() && language != "none";
    } catch (const Xapian::InvalidArgumentError&) {
        return false;
    }
}

std::vector<Span> Analyzer::sentences(std::string_view text) {
    return impl_->sentence_splitter.split(text);
}

}  // namespace byline
