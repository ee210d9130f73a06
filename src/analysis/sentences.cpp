#include "analysis/sentences.h"

#include <byline/error.h>

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

namespace byline::analysis {

namespace {

bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Trims ASCII white space and the UTF-8 no-break space (C2 A0) off both ends of [start, end).
Span trim(std::string_view text, std::size_t start, std::size_t end) {
    auto nbsp_at = [&](std::size_t i) {
        return i + 1 < text.size() && static_cast<unsigned char>(text[i]) == 0xC2 &&
               static_cast<unsigned char>(text[i + 1]) == 0xA0;
    };
    while (start < end) {
        if (is_space(static_cast<unsigned char>(text[start])))
            ++start;
        else if (start + 2 <= end && nbsp_at(start))
            start += 2;
        else
            break;
    }
    while (end > start) {
        if (is_space(static_cast<unsigned char>(text[end - 1])))
            --end;
        else if (end >= start + 2 && nbsp_at(end - 2))
            end -= 2;
        else
            break;
    }
    return {start, end};
}

// Titles and abbreviations that news puts before a name or number and that ICU's English list
// (CLDR "standard" suppressions: "Mr.", "U.S.", "Dec." ...) lacks.
constexpr const char16_t* kNewsAbbreviations[] = {
    u"Gen.",  u"Sen.",  u"Gov.",  u"Rep.",  u"Lt.",   u"Col.",   u"Capt.", u"Sgt.", u"Adm.",
    u"Cmdr.", u"Brig.", u"Pres.", u"Rev.",  u"Hon.",  u"Supt.",  u"Insp.", u"Det.", u"Atty.",
    u"Amb.",  u"Mt.",   u"Ft.",   u"Jan.",  u"Feb.",  u"Aug.",   u"Sept.", u"Oct.", u"Nov.",
    u"Corp.", u"Gens.", u"Sens.", u"Reps.", u"Mass.", u"Calif.", u"Fla.",  u"Ariz."};

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status))
        throw Error(std::string("ICU sentence breaker (") + what + "): " + u_errorName(status));
}

}  // namespace

SentenceSplitter::SentenceSplitter() {
    UErrorCode status = U_ZERO_ERROR;
    // ICU's English suppression list ("@ss=standard"), extended with news titles, so "U.S.",
    // "Gen." or "Dec. 5" do not end a sentence.
    std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
        icu::FilteredBreakIteratorBuilder::createInstance(icu::Locale::getEnglish(), status));
    check(status, "suppressions");
    for (const char16_t* abbreviation : kNewsAbbreviations) {
        builder->suppressBreakAfter(icu::UnicodeString(abbreviation), status);
        status = U_ZERO_ERROR;  // already in ICU's list is fine
    }
    breaker_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    check(status, "create");
    breaker_.reset(builder->wrapIteratorWithFilter(breaker_.release(), status));
    check(status, "filter");
}
SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

std::vector<Span> SentenceSplitter::split(std::string_view text) {
    std::vector<Span> spans;
    if (text.empty()) return spans;
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    breaker_->setText(utext, status);
    if (U_FAILURE(status)) {
        utext_close(utext);
        throw Error(std::string("ICU sentence breaker: ") + u_errorName(status));
    }
    int32_t start = breaker_->first();
    for (int32_t end = breaker_->next(); end != icu::BreakIterator::DONE;
         start = end, end = breaker_->next()) {
        Span span = trim(text, static_cast<std::size_t>(start), static_cast<std::size_t>(end));
        if (span.end > span.start) spans.push_back(span);
    }
    utext_close(utext);
    return spans;
}

}  // namespace byline::analysis
