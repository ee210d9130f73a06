#pragma once
// Byte-level input handling: gzip, binary detection, UTF-8 repair.

#include <cstddef>
#include <string>
#include <string_view>

namespace byline::corpus {

/// Reads a whole file, inflating it if it is gzip-compressed. Throws InputError.
std::string read_file_bytes(const std::string& path);

/// True if the bytes look like a binary file (NUL bytes near the start).
bool looks_binary(std::string_view bytes);

/// Result of making text valid UTF-8.
struct Repair {
    std::size_t replaced = 0;  ///< invalid sequences replaced by U+FFFD
    bool transcoded = false;   ///< decoded as windows-1252 (no valid UTF-8 multibyte sequence)
};

/// Makes `text` valid UTF-8 in place. Text with invalid bytes and not a single valid multi-byte
/// sequence is taken as windows-1252 (old Latin-1 news files); otherwise each invalid sequence
/// becomes U+FFFD. Also drops a leading byte-order mark.
Repair repair_utf8(std::string& text);

}  // namespace byline::corpus
