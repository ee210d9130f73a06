#include "index/simhash.h"

#include "util/stable_hash.h"

#include <algorithm>
#include <array>

namespace byline::index {

std::vector<std::string_view> signature_words(const std::vector<Token>& title,
                                              const std::vector<Token>& body) {
    std::vector<std::string_view> words;
    words.reserve(title.size() + body.size());
    for (const auto* tokens : {&title, &body}) {
        for (const Token& token : *tokens)
            words.emplace_back(token.term);
    }
    return words;
}

std::optional<std::uint64_t> simhash(const std::vector<std::string_view>& words) {
    if (words.size() < 3) return std::nullopt;
    std::vector<std::uint64_t> shingles;
    shingles.reserve(words.size() - 2);
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
        std::uint64_t hash = hash::kFnvOffset;
        for (std::size_t w = i; w < i + 3; ++w) {
            hash = hash::fnv1a(words[w], hash);
            hash = hash::fnv1a("\x1f", hash);  // "ab c" and "a bc" differ
        }
        shingles.push_back(hash::mix(hash));
    }
    // A set, as resemblance (Jaccard) counts shingles: a repeated one votes once.
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    if (shingles.size() < kMinShingles) return std::nullopt;
    std::array<std::int64_t, 64> votes{};
    for (std::uint64_t hash : shingles) {
        for (int bit = 0; bit < 64; ++bit)
            votes[bit] += (hash >> bit) & 1 ? 1 : -1;
    }
    std::uint64_t signature = 0;
    for (int bit = 0; bit < 64; ++bit) {
        if (votes[bit] > 0) signature |= std::uint64_t{1} << bit;
    }
    return signature;
}

std::optional<int> day_number(std::string_view value) {
    if (value.size() != 8 || value.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    auto number = [&](std::size_t at, std::size_t n) {
        int out = 0;
        for (char c : value.substr(at, n))
            out = out * 10 + (c - '0');
        return out;
    };
    // Howard Hinnant's days_from_civil.
    int y = number(0, 4);
    const int m = number(4, 2), d = number(6, 2);
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string encode_u64(std::uint64_t value) {
    std::string out(8, '\0');
    for (int i = 7; i >= 0; --i, value >>= 8)
        out[static_cast<std::size_t>(i)] = static_cast<char>(value & 0xff);
    return out;
}

std::optional<std::uint64_t> decode_u64(std::string_view value) {
    if (value.size() != 8) return std::nullopt;
    std::uint64_t out = 0;
    for (unsigned char c : value)
        out = (out << 8) | c;
    return out;
}

}  // namespace byline::index
