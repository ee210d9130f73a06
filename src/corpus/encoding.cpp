#include "corpus/encoding.h"

#include <byline/error.h>

#include <unicode/ucnv.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <system_error>

namespace byline::corpus {

namespace {

struct GzCloser {
    void operator()(gzFile_s* file) const { gzclose_r(file); }
};
using GzFile = std::unique_ptr<gzFile_s, GzCloser>;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kBom = "\xEF\xBB\xBF";

struct Scan {
    std::size_t invalid = 0;
    bool multibyte = false;  // at least one valid sequence of two or more bytes
};

Scan scan_utf8(const std::string& text) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    Scan scan;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t start = i;
        UChar32 c;
        U8_NEXT(s, i, text.size(), c);
        if (c < 0) {
            ++scan.invalid;
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
    std::string buffer(kChunk * 3, '\0');  // at most 3 UTF-8 bytes per windows-1252 byte
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

std::string read_file_bytes(const std::string& path) {
    // gzread passes files that are not gzip through unchanged, so one path serves both.
    errno = 0;
    GzFile file(gzopen(path.c_str(), "rb"));
    if (!file) {
        int err = errno != 0 ? errno : ENOMEM;
        throw InputError(path, "cannot open: " + std::generic_category().message(err));
    }
    gzbuffer(file.get(), 128 * 1024);
    std::string bytes;
    char buffer[64 * 1024];
    for (;;) {
        int n = gzread(file.get(), buffer, sizeof buffer);
        if (n > 0) bytes.append(buffer, static_cast<std::size_t>(n));
        if (n < static_cast<int>(sizeof buffer)) break;
    }
    int code = Z_OK;
    const char* message = gzerror(file.get(), &code);
    if (code == Z_ERRNO) {
        throw InputError(path, "cannot read: " + std::generic_category().message(errno));
    }
    if (code != Z_OK) {
        // zlib prefixes its message with the path, which InputError already carries.
        std::string reason = message;
        if (reason.starts_with(path + ": ")) reason.erase(0, path.size() + 2);
        throw InputError(path, "corrupt gzip data: " + reason);
    }
    return bytes;
}

bool looks_binary(std::string_view bytes) {
    constexpr std::size_t kProbe = 8 * 1024;
    return bytes.substr(0, kProbe).find('\0') != std::string_view::npos;
}

Repair repair_utf8(std::string& text) {
    if (text.starts_with(kBom)) text.erase(0, kBom.size());
    Repair repair;
    Scan scan = scan_utf8(text);
    if (scan.invalid == 0) return repair;
    if (!scan.multibyte) {
        text = from_windows_1252(text);
        repair.transcoded = true;
    } else {
        text = replace_invalid(text);
        repair.replaced = scan.invalid;
    }
    return repair;
}

}  // namespace byline::corpus
