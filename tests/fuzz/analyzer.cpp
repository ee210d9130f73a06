// The analyzer over raw bytes (query text reaches it unrepaired): word tokens, normalisation,
// stems and sentence spans. Tokens and spans must lie inside the text, in order, without overlap;
// on valid UTF-8 they fall on code point boundaries and terms are valid UTF-8.
#include <byline/analyzer.h>

#include "fuzz_util.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void check_tokens(byline::Analyzer& analyzer, std::string_view text, bool valid,
                  const std::string& language) {
    using byline::fuzz::require;
    constexpr std::uint32_t kFirst = 7;
    const std::vector<byline::Token> tokens = analyzer.tokenize(text, kFirst);
    std::size_t previous_end = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const byline::Token& token = tokens[i];
        require(token.start < token.end && token.end <= text.size(), "token outside the text");
        require(token.start >= previous_end, "tokens out of order or overlapping");
        require(token.position == kFirst + i, "token positions not consecutive");
        require(!token.term.empty(), "empty term");
        if (valid) {
            require(byline::fuzz::on_boundary(text, token.start) &&
                        byline::fuzz::on_boundary(text, token.end),
                    "token offsets inside a code point");
            require(byline::fuzz::valid_utf8(token.term), "term is not valid UTF-8");
        }
        previous_end = token.end;
        (void)analyzer.stem(token.term, language);
        (void)analyzer.normalize(text.substr(token.start, token.end - token.start));
    }
}

void check_sentences(byline::Analyzer& analyzer, std::string_view text) {
    using byline::fuzz::require;
    std::size_t previous_end = 0;
    for (const byline::Span& span : analyzer.sentences(text)) {
        require(span.start < span.end && span.end <= text.size(), "sentence outside the text");
        require(span.start >= previous_end, "sentences out of order or overlapping");
        require(!is_space(text[span.start]) && !is_space(text[span.end - 1]),
                "sentence span not trimmed");
        previous_end = span.end;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace byline;
    static Analyzer folding({.fold_accents = true});
    static Analyzer keeping({.fold_accents = false});
    static const std::array<std::string, 8> languages = {"en", "fr", "de", "ru",
                                                         "uk", "es", "xx", "none"};
    const std::string_view text = fuzz::as_text(data, size);
    // The last byte picks the options, so the text the mutator works on stays whole.
    const unsigned pick = size > 0 ? data[size - 1] : 0;
    Analyzer& analyzer = pick & 1 ? keeping : folding;
    const bool valid = fuzz::valid_utf8(text);
    check_tokens(analyzer, text, valid, languages[(pick >> 1) % languages.size()]);
    check_sentences(analyzer, text);
    (void)analyzer.normalize(text);
    return 0;
}
