// The date extractor: the first line is the anchor and metadata date, the second the title, the
// rest the body (repaired to UTF-8, as readers hand it over). Every mention must be exactly the
// text at its offsets, in order.
#include "corpus/encoding.h"
#include "extract/date_extractor.h"
#include "fuzz_util.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

// The next line of `rest` (without its '\n'), taken off the front.
std::string_view take_line(std::string_view& rest) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    return line;
}

bool is_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace byline;
    using fuzz::require;
    std::string input(fuzz::as_text(data, size));
    corpus::repair_utf8(input);
    std::string_view rest = input;
    const std::string_view anchor = take_line(rest);
    const std::string_view title = take_line(rest);
    const std::string_view body = rest;

    std::size_t previous_start = 0;
    for (const extract::MentionedDate& d : extract::find_dates(body, anchor)) {
        require(d.start < d.end && d.end <= body.size(), "date mention outside the text");
        require(d.text == body.substr(d.start, d.end - d.start), "date text differs from offsets");
        require(d.start >= previous_start, "date mentions out of order");
        require(is_ascii(d.value) && is_ascii(d.end_value), "date value is not ASCII");
        require(d.end_value.empty() || !d.value.empty(), "a range end without a start");
        (void)extract::to_string(d.precision);
        previous_start = d.start;
    }
    const extract::PublicationDate published = extract::publication_date(anchor, title, body);
    require(published.value.empty() == published.source.empty(),
            "a publication date without a source, or a source without a date");
    require(published.source.empty() || published.source == "metadata" ||
                published.source == "dateline",
            "unknown publication date source");
    return 0;
}
