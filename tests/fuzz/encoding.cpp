// UTF-8 repair and encoding detection: whatever the bytes and the encoding hint, the result is
// valid UTF-8, valid input is left alone, and a second repair finds nothing to do.
#include "corpus/encoding.h"
#include "fuzz_util.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace byline;
    using corpus::Encoding;
    const std::string_view input = fuzz::as_text(data, size);
    const Encoding detected = corpus::detect_encoding(input);
    const bool valid = fuzz::valid_utf8(input);
    if (valid) fuzz::require(detected != Encoding::windows_1252, "valid UTF-8 detected as 1252");
    (void)corpus::looks_binary(input);

    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    const std::string_view unmarked = input.starts_with(kBom) ? input.substr(3) : input;
    for (Encoding hint : {Encoding::unknown, Encoding::utf8, Encoding::windows_1252, detected}) {
        std::string text(input);
        const corpus::Repair repair = corpus::repair_utf8(text, hint);
        fuzz::require(fuzz::valid_utf8(text), "repair_utf8 left invalid UTF-8");
        if (valid) {
            fuzz::require(text == unmarked, "repair_utf8 changed valid UTF-8");
            fuzz::require(repair.replaced == 0 && !repair.transcoded,
                          "repair_utf8 reported a repair of valid UTF-8");
        } else {
            fuzz::require(repair.replaced > 0 || repair.transcoded,
                          "repair_utf8 mended invalid UTF-8 without saying so");
        }
        fuzz::require(repair.transcoded == corpus::repair_message(repair).starts_with("not UTF-8"),
                      "repair_message disagrees with the repair");
        const corpus::Repair again = corpus::repair_utf8(text, hint);
        fuzz::require(again.replaced == 0 && !again.transcoded, "a second repair_utf8 repaired");
    }
    return 0;
}
