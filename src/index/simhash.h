#pragma once
// Near-duplicate signatures: a 64-bit SimHash of an article's word 3-shingles, computed once at
// index time (index/clusters.h groups articles by them).

#include <byline/analyzer.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace byline::index {

/// Fewest distinct shingles an article needs for a signature: a shorter item (a one-line brief,
/// a price table heading) says too little to be told apart from another, and is never folded.
inline constexpr std::size_t kMinShingles = 12;

/// Most differing bits between the signatures of two articles folded together (of 64). Tuned on
/// Reuters-21578 (bench/collapse_check.py): see ARCHITECTURE.md.
inline constexpr int kMaxSignatureDistance = 3;

/// Most days between the publication days of two articles folded together (when both have
/// one): wire copies and corrections follow within a day or two, while a daily report written
/// from the same template ("Fed adds reserves via customer repurchases") is another story.
inline constexpr int kMaxDaysApart = 3;

/// The day number of a date slot value "YYYYMMDD" (days since 1970-01-01), or nothing for a
/// month, a year or no date.
std::optional<int> day_number(std::string_view slot_value);

/// The SimHash of the distinct 3-word shingles of `words` (the analysed terms of title then
/// body, in order): each shingle's stable 64-bit hash (FNV-1a, then a mixer) votes on every bit.
/// Nothing when there are fewer than kMinShingles distinct shingles.
std::optional<std::uint64_t> simhash(const std::vector<std::string_view>& words);

/// The analysed words of an article, title first, as simhash() takes them.
std::vector<std::string_view> signature_words(const std::vector<Token>& title,
                                              const std::vector<Token>& body);

/// Number of differing bits.
inline int signature_distance(std::uint64_t a, std::uint64_t b) {
    return __builtin_popcountll(a ^ b);
}

/// A 64-bit number as a value slot holds it: 8 bytes, most significant first.
std::string encode_u64(std::uint64_t value);
/// The number encode_u64() wrote; nothing for a value of another length.
std::optional<std::uint64_t> decode_u64(std::string_view value);

}  // namespace byline::index
