#include "analysis/sentences.h"

#include "analysis/line_wrap.h"
#include "util/text.h"

#include <byline/error.h>

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

#include <cctype>
#include <string_view>

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
    u"Gen.",  u"Sen.",  u"Gov.",  u"Rep.",  u"Lt.",   u"Col.",   u"Capt.", u"Sgt.",  u"Adm.",
    u"Cmdr.", u"Brig.", u"Pres.", u"Rev.",  u"Hon.",  u"Supt.",  u"Insp.", u"Det.",  u"Atty.",
    u"Amb.",  u"Mt.",   u"Ft.",   u"Jan.",  u"Feb.",  u"Aug.",   u"Sept.", u"Oct.",  u"Nov.",
    u"Corp.", u"Gens.", u"Sens.", u"Reps.", u"Mass.", u"Calif.", u"Fla.",  u"Ariz.", u"St.",
    u"No.",   u"Prof.", u"Dr.",   u"Mr.",   u"Mrs.",  u"Ms.",    u"vs."};

// Words that start a new sentence after "... the U.S. The talks ...". After initials or a dotted
// acronym, any other capitalised word is taken as part of a name: "J.D. Vance", "U.S. Army".
constexpr std::string_view kSentenceStarters[] = {
    "A",     "According", "After", "Also",      "Although", "An",    "And",  "As",    "At",
    "Both",  "But",       "By",    "Despite",   "Earlier",  "Each",  "For",  "From",  "He",
    "Her",   "His",       "How",   "However",   "I",        "If",    "In",   "It",    "Its",
    "Last",  "Later",     "Many",  "Meanwhile", "Most",     "Mr",    "Mrs",  "Ms",    "Next",
    "No",    "Not",       "Now",   "On",        "One",      "Other", "Our",  "She",   "Since",
    "So",    "Some",      "Still", "That",      "The",      "Their", "Then", "There", "These",
    "They",  "This",      "Those", "Though",    "Under",    "We",    "What", "When",  "Where",
    "While", "Who",       "Why",   "With",      "Yet"};

bool is_upper_ascii(char c) {
    return c >= 'A' && c <= 'Z';
}

// True if `text` ends with initials or a dotted acronym: "W.", "J.D.", "U.S.", "D.C.".
bool ends_with_initials(std::string_view text) {
    std::size_t n = text.size();
    std::size_t groups = 0;
    while (n >= 2 && text[n - 1] == '.' && is_upper_ascii(text[n - 2])) {
        n -= 2;
        ++groups;
    }
    if (groups == 0) return false;
    unsigned char before = n == 0 ? ' ' : static_cast<unsigned char>(text[n - 1]);
    return !(std::isalnum(before) || before >= 0x80);  // "ABC." or "Épée." is a word
}

// True if what follows a break reads as a new sentence rather than the rest of a name.
bool starts_sentence(std::string_view next) {
    if (next.empty() || !is_upper_ascii(next[0])) return false;  // "/Europe", "vance", "5 p.m."
    std::size_t end = 0;
    while (end < next.size() && std::isalpha(static_cast<unsigned char>(next[end])))
        ++end;
    std::string_view word = next.substr(0, end);
    for (std::string_view starter : kSentenceStarters) {
        if (word == starter) return true;
    }
    return false;
}

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status))
        throw Error(std::string("ICU sentence breaker (") + what + "): " + u_errorName(status));
}

// ICU ends a sentence after "J.D." or "U.S." that its suppressions do not cover; join the two
// parts back when they sit on one line (or a wrapped one) and the second does not read as a new
// sentence.
bool continues_name(std::string_view text, const Span& previous, const Span& next) {
    std::string_view gap = text.substr(previous.end, next.start - previous.end);
    if (gap.find('\n') != std::string_view::npos || gap.find('\r') != std::string_view::npos)
        return false;
    return ends_with_initials(text.substr(previous.start, previous.end - previous.start)) &&
           !starts_sentence(text.substr(next.start, next.end - next.start));
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

std::vector<Span> SentenceSplitter::split(std::string_view original) {
    std::vector<Span> spans;
    if (original.empty()) return spans;
    // ICU ends a sentence at every line break; it reads the text with the breaks that only wrap
    // a paragraph made spaces, byte for byte, so its offsets are offsets into the original.
    const std::string joined = join_wrapped_lines(original);
    const std::string_view text = joined;
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
        if (span.end == span.start) continue;
        if (!spans.empty() && continues_name(text, spans.back(), span)) {
            spans.back().end = span.end;
        } else {
            spans.push_back(span);
        }
    }
    utext_close(utext);
    return spans;
}

}  // namespace byline::analysis

namespace byline::analysis {

namespace {

constexpr std::size_t kLeadTitleChars = 120;

}  // namespace

std::string lead_title(std::string_view body) {
    std::string_view lead = text::trim(body.substr(0, body.find('\n')));
    thread_local SentenceSplitter splitter;
    const std::vector<Span> sentences = splitter.split(lead);
    std::string_view first =
        sentences.empty() ? lead
                          : lead.substr(sentences[0].start, sentences[0].end - sentences[0].start);
    if (text::count_code_points(first) <= kLeadTitleChars) return std::string(first);
    std::size_t cut = 0;
    for (std::size_t i = 0, chars = 0; i < first.size() && chars <= kLeadTitleChars; ++i) {
        if ((static_cast<unsigned char>(first[i]) & 0xC0) != 0x80) ++chars;
        if (first[i] == ' ') cut = i;
    }
    if (cut == 0) cut = first.find(' ', 1);
    return std::string(text::trim(first.substr(0, cut))) + "…";
}

}  // namespace byline::analysis
