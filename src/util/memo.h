#pragma once
// A memo of a pure function of a string, kept by one thread (make it thread_local): ICU
// transliteration and linear word-list scans cost microseconds a call, and names recur.
// Bounded on endless streams of new keys: everything is forgotten past `limit` entries.

#include "util/text.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace byline::text {

template <class Value>
class StringMemo {
  public:
    explicit StringMemo(std::size_t limit = 100000) : limit_(limit) {}

    /// The value of `key`, computed by compute(key) the first time. The reference lives
    /// until the next call.
    template <class Compute>
    const Value& get(std::string_view key, Compute&& compute) {
        if (auto it = seen_.find(key); it != seen_.end()) return it->second;
        if (seen_.size() >= limit_) seen_.clear();
        return seen_.emplace(std::string(key), compute(key)).first->second;
    }

  private:
    std::size_t limit_;
    std::unordered_map<std::string, Value, StringHash, std::equal_to<>> seen_;
};

}  // namespace byline::text
