#pragma once
// Lines read from standard input or a file as they arrive, waiting at most a given time for
// the next, so a reader can commit what it has while the writer is quiet. Following a file
// (like `tail -F`) survives its truncation and its rotation (renamed away and created anew).

#include <chrono>
#include <cstddef>
#include <string>

#include <sys/types.h>

namespace byline::corpus {

class LineStream {
  public:
    enum class Status {
        line,      ///< a whole line (without its line break) is in `out`
        too_long,  ///< a line over the length limit went by; it was not kept
        waiting,   ///< nothing new within the time given
        ended,     ///< the input is closed (standard input, or a file not followed, at its end)
    };

    /// Standard input, read until it closes.
    static LineStream standard_input(std::size_t max_line_bytes);
    /// The file at `path`, read from its start; with `follow`, never ends: it waits for more,
    /// and starts again from the top after truncation or when a new file takes the path.
    /// Throws UsageError if the file cannot be opened.
    static LineStream file(const std::string& path, bool follow, std::size_t max_line_bytes);

    LineStream(LineStream&& other) noexcept;
    LineStream& operator=(LineStream&&) = delete;
    LineStream(const LineStream&) = delete;
    ~LineStream();

    /// The next line, waiting up to `wait` for it.
    Status next(std::string& out, std::chrono::milliseconds wait);

    /// How the stream is named in messages: the path, or "<stdin>".
    const std::string& name() const { return name_; }

  private:
    LineStream(int fd, std::string path, bool follow, std::size_t max_line_bytes);
    bool take_line(std::string& out, Status& status);
    bool fill(std::chrono::milliseconds wait);
    bool reopen_if_replaced();

    int fd_;
    std::string path_;  // empty for standard input
    std::string name_;
    bool follow_;
    std::size_t max_line_bytes_;
    std::string buffer_;
    bool discarding_ = false;  // inside a line over the limit
    bool closed_ = false;      // end of input seen (standard input, or a file not followed)
    off_t offset_ = 0;         // bytes read from the current file
};

}  // namespace byline::corpus
