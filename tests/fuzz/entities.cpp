// The public Extractor (entities with the taggers, cross-script names, dates): the first byte
// picks the article's language (none, English, or one with a tagger of its own), the first line
// is the metadata date, the second the title, the rest the body, repaired to UTF-8 as readers
// hand it over.
#include <byline/extract.h>

#include "corpus/encoding.h"
#include "fuzz_util.h"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

namespace {

std::string take_line(std::string_view& rest) {
    const std::size_t end = rest.find('\n');
    std::string line(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    return line;
}

const byline::Extractor* extractor = nullptr;

void check_span(std::string_view body, std::size_t start, std::size_t end,
                const std::string& text) {
    using byline::fuzz::require;
    require(start < end && end <= body.size(), "mention outside the body");
    require(text == body.substr(start, end - start), "mention text differs from its offsets");
}

}  // namespace

// Loaded before fuzzing starts, so the seconds it takes under ASan do not count against -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    extractor = new byline::Extractor();  // gazetteers, transliteration, the tagger model
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace byline;
    using fuzz::require;
    static constexpr const char* kLanguages[] = {"", "en", "de", "fr", "nl", "ru", "uk"};
    Document doc;
    doc.id = "fuzz";
    if (size > 0) {
        doc.lang = kLanguages[data[0] % std::size(kLanguages)];
        ++data;
        --size;
    }
    std::string input(fuzz::as_text(data, size));
    corpus::repair_utf8(input);
    std::string_view rest = input;
    doc.date = take_line(rest);
    doc.title = take_line(rest);
    doc.body = std::string(rest);

    const Extraction found = extractor->extract(doc);
    for (const EntityInfo& e : found.entities) {
        check_span(doc.body, e.start, e.end, e.text);
        require(e.type == "person" || e.type == "place" || e.type == "org", "unknown entity type");
        require(fuzz::valid_utf8(e.name) && fuzz::valid_utf8(e.key), "entity name not UTF-8");
        (void)Extractor::entity_keys(e.name);
    }
    for (const DateInfo& d : found.dates)
        check_span(doc.body, d.start, d.end, d.text);
    (void)to_json(found);
    return 0;
}
