#pragma once
// Byte-level input handling: gzip, binary detection, UTF-8 repair.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

struct gzFile_s;

namespace byline::corpus {

/// Reads a file in pieces, inflating it if it is gzip-compressed.
class FileReader {
  public:
    explicit FileReader(const std::string& path);  ///< throws InputError
    ~FileReader();
    FileReader(const FileReader&) = delete;
    FileReader& operator=(const FileReader&) = delete;

    /// Appends up to `max` more bytes to `out`; returns how many (0: the end). Throws InputError.
    std::size_t read(std::string& out, std::size_t max);

  private:
    std::string path_;
    gzFile_s* file_ = nullptr;
    bool at_end_ = false;
};

/// A file (or JSON line) larger than the reader may hold within the indexer's memory bound.
struct TooLarge : std::runtime_error {
    TooLarge(const std::string& where, std::size_t max_bytes)
        : std::runtime_error(where), max_bytes(max_bytes) {}
    std::size_t max_bytes;
};

/// The one-line reason given for an input skipped as TooLarge.
std::string too_large_message(std::size_t max_bytes);

/// Reads a whole file, inflating it if it is gzip-compressed. Throws InputError, and TooLarge
/// if it holds more than `max_bytes`.
std::string read_file_bytes(const std::string& path, std::size_t max_bytes = SIZE_MAX);

/// True if the bytes look like a binary file (NUL bytes near the start).
bool looks_binary(std::string_view bytes);

/// Result of making text valid UTF-8.
struct Repair {
    std::size_t replaced = 0;  ///< invalid sequences replaced by U+FFFD
    bool transcoded = false;   ///< decoded as windows-1252
};

/// What bytes say of their encoding: utf8 if they hold a valid multi-byte UTF-8 sequence or
/// invalid bytes that look like damage, windows_1252 if they hold no valid multi-byte sequence
/// and their invalid bytes mostly read naturally as windows-1252 (typographic punctuation,
/// accented letters beside letters), unknown if they are plain ASCII.
enum class Encoding { unknown, utf8, windows_1252 };
Encoding detect_encoding(std::string_view bytes);

/// Makes `text` valid UTF-8 in place. Text with invalid bytes is taken as windows-1252 (old
/// Latin-1 news files) if `encoding` says so, or, when unknown, if detect_encoding would say so;
/// otherwise each invalid sequence becomes U+FFFD. Also drops a leading byte-order mark.
Repair repair_utf8(std::string& text, Encoding encoding = Encoding::unknown);

/// The one-line warning for what a repair did, or "" if it did nothing.
std::string repair_message(const Repair& repair);

}  // namespace byline::corpus
