#include "index/sentence_mentions.h"

#include "index/facet_record.h"

#include <algorithm>
#include <tuple>

namespace byline::index {

int SentenceMentions::sentence_of(std::uint32_t position) const {
    auto after = std::upper_bound(sentence_starts.begin(), sentence_starts.end(), position);
    return static_cast<int>(after - sentence_starts.begin()) - 1;
}

std::string encode_sentence_mentions(SentenceMentions value) {
    if (value.mentions.empty()) return {};
    std::sort(value.mentions.begin(), value.mentions.end(), [](const auto& a, const auto& b) {
        return std::tie(a.position, a.facet, a.id, a.words) <
               std::tie(b.position, b.facet, b.id, b.words);
    });
    std::string out;
    put_varint(out, static_cast<std::uint32_t>(value.sentence_starts.size()));
    std::uint32_t last = 0;
    for (std::uint32_t start : value.sentence_starts) {
        put_varint(out, start - std::min(start, last));  // ascending; a stray one costs nothing
        last = std::max(start, last);
    }
    last = 0;
    for (const PlacedMention& m : value.mentions) {
        put_varint(out, m.position - last);
        put_varint(out, m.facet);
        put_varint(out, m.id);
        put_varint(out, m.words);
        last = m.position;
    }
    return out;
}

bool decode_sentence_mentions(std::string_view packed, SentenceMentions& out) {
    out.sentence_starts.clear();
    out.mentions.clear();
    const char* p = packed.data();
    const char* end = p + packed.size();
    if (p == end) return true;
    std::uint32_t count = 0;
    if (!(p = read_varint(p, end, count)) || count > packed.size()) return false;
    std::uint32_t at = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint32_t delta = 0;
        if (!(p = read_varint(p, end, delta)) || at + delta < at) return false;  // or overflow
        out.sentence_starts.push_back(at += delta);
    }
    at = 0;
    while (p != end) {
        std::uint32_t delta = 0;
        PlacedMention m;
        if (!(p = read_varint(p, end, delta)) || !(p = read_varint(p, end, m.facet)) ||
            !(p = read_varint(p, end, m.id)) || !(p = read_varint(p, end, m.words)) ||
            at + delta < at)
            return false;
        m.position = at += delta;
        out.mentions.push_back(m);
    }
    return true;
}

}  // namespace byline::index
