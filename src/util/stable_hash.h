#pragma once
// Hashes stored in the index or in model files: the same in every build and on every platform
// (std::hash is neither).

#include <cstdint>
#include <string_view>

namespace byline::hash {

inline constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull;

/// FNV-1a of `bytes`, continuing from `hash`.
constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = kFnvOffset) {
    for (char c : bytes)
        hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return hash;
}

/// The SplitMix64 finaliser: FNV's low bits are weak for short inputs; this spreads every bit.
constexpr std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

/// 32 well-mixed bits of a word.
constexpr std::uint32_t word32(std::string_view word) {
    return static_cast<std::uint32_t>(mix(fnv1a(word)) >> 32);
}

}  // namespace byline::hash
