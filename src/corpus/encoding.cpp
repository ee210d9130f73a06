#include "corpus/encoding.h"

#include <byline/error.h>

#include <unicode/ucnv.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <system_error>

namespace byline::corpus {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_ascii_letter(std::uint8_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether an invalid byte reads naturally as windows-1252 where it stands: typographic
// punctuation and symbols (quotes, dashes, ellipsis, euro, pound, degree...), or an accented
// letter beside a letter ("caf\xE9", "M\xFCller"). A corrupted UTF-8 file's stray bytes (0xFF,
// a lead byte cut from its sequence between spaces) mostly do not.
bool reads_as_windows_1252(const std::uint8_t* s, std::size_t size, std::size_t i) {
    const std::uint8_t c = s[i];
    if (c == 0x80 || c == 0x85 || (c >= 0x91 && c <= 0x97) || c == 0x99) return true;
    if (c == 0xA0 || c == 0xA3 || c == 0xA9 || c == 0xAB || c == 0xAE || c == 0xB0 || c == 0xBB ||
        (c >= 0xBC && c <= 0xBE))
        return true;
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
    auto letter = [&](std::size_t at) { return is_ascii_letter(s[at]) || s[at] >= 0xC0; };
    return (i > 0 && letter(i - 1)) || (i + 1 < size && letter(i + 1));
}

struct Scan {
    std::size_t invalid = 0;            // ill-formed sequences
    std::size_t invalid_bytes = 0;      // the bytes in them
    std::size_t windows_1252_like = 0;  // of those, bytes that read naturally as windows-1252
    bool multibyte = false;             // at least one valid sequence of two or more bytes

    // Text with no valid multi-byte sequence whose invalid bytes mostly read as windows-1252
    // (an old Latin-1 file); otherwise invalid bytes are damage, repaired as U+FFFD.
    bool windows_1252() const {
        return !multibyte && invalid > 0 && windows_1252_like * 4 >= invalid_bytes * 3;
    }
};

Scan scan_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    Scan scan;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t start = i;
        UChar32 c;
        U8_NEXT(s, i, text.size(), c);
        if (c < 0) {
            ++scan.invalid;
            scan.invalid_bytes += i - start;
            for (std::size_t b = start; b < i; ++b)
                scan.windows_1252_like += reads_as_windows_1252(s, text.size(), b) ? 1 : 0;
        } else if (i - start > 1) {
            scan.multibyte = true;
        }
    }
    return scan;
}

// U8_NEXT consumes one maximal ill-formed subpart per error, so each becomes exactly one U+FFFD
// (the W3C/Unicode recommended practice).
std::string replace_invalid(const std::string& text) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
        std::size_t start = i;
        UChar32 c;
        U8_NEXT(s, i, text.size(), c);
        if (c < 0) {
            out += kReplacement;
        } else {
            out.append(text, start, i - start);
        }
    }
    return out;
}

// windows-1252 is stateless and one byte per character, so converting in chunks keeps ICU's
// int32_t lengths safe for files of any size.
std::string from_windows_1252(const std::string& text) {
    constexpr std::size_t kChunk = 1 << 20;
    std::string out;
    // At most 3 UTF-8 bytes per windows-1252 byte; sized to the text so a short line stays cheap.
    std::string buffer(std::min(kChunk, text.size()) * 3, '\0');
    for (std::size_t pos = 0; pos < text.size(); pos += kChunk) {
        std::size_t n = std::min(kChunk, text.size() - pos);
        UErrorCode status = U_ZERO_ERROR;
        int32_t written = ucnv_convert("UTF-8", "windows-1252", buffer.data(),
                                       static_cast<int32_t>(buffer.size()), text.data() + pos,
                                       static_cast<int32_t>(n), &status);
        if (U_FAILURE(status)) return replace_invalid(text);
        out.append(buffer, 0, static_cast<std::size_t>(written));
    }
    return out;
}

}  // namespace

FileReader::FileReader(const std::string& path) : path_(path) {
    // gzread passes files that are not gzip through unchanged, so one path serves both.
    errno = 0;
    file_ = gzopen(path.c_str(), "rb");
    if (!file_) {
        int err = errno != 0 ? errno : ENOMEM;
        throw InputError(path, "cannot open: " + std::generic_category().message(err));
    }
    gzbuffer(file_, 128 * 1024);
}

FileReader::~FileReader() {
    if (file_) gzclose_r(file_);
}

std::size_t FileReader::read(std::string& out, std::size_t max) {
    std::size_t total = 0;
    char buffer[64 * 1024];
    while (total < max && !at_end_) {
        auto want = static_cast<unsigned>(std::min(sizeof buffer, max - total));
        int n = gzread(file_, buffer, want);
        if (n > 0) {
            out.append(buffer, static_cast<std::size_t>(n));
            total += static_cast<std::size_t>(n);
        }
        if (n < static_cast<int>(want)) at_end_ = true;
    }
    int code = Z_OK;
    const char* message = gzerror(file_, &code);
    if (code == Z_ERRNO) {
        throw InputError(path_, "cannot read: " + std::generic_category().message(errno));
    }
    if (code != Z_OK) {
        // zlib prefixes its message with the path, which InputError already carries.
        std::string reason = message;
        if (reason.starts_with(path_ + ": ")) reason.erase(0, path_.size() + 2);
        throw InputError(path_, "corrupt gzip data: " + reason);
    }
    return total;
}

std::string read_file_bytes(const std::string& path, std::size_t max_bytes) {
    FileReader file(path);
    std::string bytes;
    const std::size_t limit = max_bytes == SIZE_MAX ? SIZE_MAX : max_bytes + 1;
    while (bytes.size() < limit && file.read(bytes, limit - bytes.size()) > 0) {
    }
    if (bytes.size() > max_bytes) throw TooLarge(path, max_bytes);
    return bytes;
}

std::string too_large_message(std::size_t max_bytes) {
    std::string size = max_bytes >= 1000000 ? std::to_string(max_bytes / 1000000) + " MB"
                                            : std::to_string(max_bytes / 1000) + " KB";
    return "larger than " + size +
           ", skipped to stay within the memory bound; raise --memory to index it";
}

bool looks_binary(std::string_view bytes) {
    constexpr std::size_t kProbe = 8 * 1024;
    return bytes.substr(0, kProbe).find('\0') != std::string_view::npos;
}

Encoding detect_encoding(std::string_view bytes) {
    Scan scan = scan_utf8(bytes);
    if (scan.multibyte) return Encoding::utf8;
    if (scan.windows_1252()) return Encoding::windows_1252;
    return scan.invalid > 0 ? Encoding::utf8 : Encoding::unknown;
}

Repair repair_utf8(std::string& text, Encoding encoding) {
    if (text.starts_with(kBom)) text.erase(0, kBom.size());
    Repair repair;
    const Scan scan = scan_utf8(text);
    if (scan.invalid == 0) return repair;
    if (encoding == Encoding::windows_1252 ||
        (encoding == Encoding::unknown && scan.windows_1252())) {
        text = from_windows_1252(text);
        repair.transcoded = true;
    } else {
        text = replace_invalid(text);
        repair.replaced = scan.invalid;
    }
    return repair;
}

std::string repair_message(const Repair& repair) {
    if (repair.transcoded) return "not UTF-8: decoded as windows-1252";
    if (repair.replaced == 0) return "";
    return "invalid UTF-8: " + std::to_string(repair.replaced) + " sequence(s) replaced by U+FFFD";
}

}  // namespace byline::corpus
