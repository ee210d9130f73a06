#pragma once
// Shared by the fuzz harnesses: invariant checks that abort, so libFuzzer keeps the input as a
// crash, and a strict UTF-8 check written independently of the library's ICU-based one.

#include <byline/document.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace byline::fuzz {

/// Aborts with `what` unless `ok`: a broken invariant is a finding like a crash.
inline void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

/// Well-formed UTF-8 per RFC 3629: no overlong forms, surrogates or code points past U+10FFFF.
inline bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        const std::uint8_t b = p[i];
        std::size_t len = 0;
        std::uint32_t cp = 0, min = 0;
        if (b < 0x80) {
            ++i;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            len = 2, cp = b & 0x1F, min = 0x80;
        } else if ((b & 0xF0) == 0xE0) {
            len = 3, cp = b & 0x0F, min = 0x800;
        } else if ((b & 0xF8) == 0xF0) {
            len = 4, cp = b & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

/// True if byte `at` of `s` starts a code point (or is the end).
inline bool on_boundary(std::string_view s, std::size_t at) {
    return at >= s.size() || (static_cast<std::uint8_t>(s[at]) & 0xC0) != 0x80;
}

/// The fuzzer's bytes as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// What readers promise of every document: all of its strings are valid UTF-8.
inline void check_document(const Document& doc) {
    for (const std::string* field : {&doc.id, &doc.title, &doc.body, &doc.date, &doc.source,
                                     &doc.url, &doc.author, &doc.lang}) {
        require(valid_utf8(*field), "a document field is not valid UTF-8");
    }
}

}  // namespace byline::fuzz
