#pragma once
// Fixed-size values appended to a byte string as they lie in memory: the model and lexicon
// files are read back on the same kind of machine (their checksums catch the rest).

#include <cstring>
#include <string>

namespace byline::bytes {

template <class T>
void put(std::string& out, T value) {
    char buf[sizeof(T)];
    std::memcpy(buf, &value, sizeof(T));
    out.append(buf, sizeof(T));
}

}  // namespace byline::bytes
