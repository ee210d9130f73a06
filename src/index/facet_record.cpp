#include "index/facet_record.h"

#include <algorithm>

namespace byline::index {

namespace {

void put_varint(std::string& out, std::uint32_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

bool get_varint(std::string_view& in, std::uint32_t& v) {
    v = 0;
    for (unsigned shift = 0; shift < 35; shift += 7) {
        if (in.empty()) return false;
        auto byte = static_cast<unsigned char>(in.front());
        in.remove_prefix(1);
        v |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return true;
    }
    return false;
}

void put_list(std::string& out, std::vector<std::uint32_t>& list) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    put_varint(out, static_cast<std::uint32_t>(list.size()));
    for (std::uint32_t v : list)
        put_varint(out, v);
}

bool get_list(std::string_view& in, std::vector<std::uint32_t>& list) {
    list.clear();
    std::uint32_t n = 0;
    if (!get_varint(in, n) || n > in.size()) return false;  // each entry takes a byte at least
    for (std::uint32_t i = 0; i < n; ++i) {
        std::uint32_t v = 0;
        if (!get_varint(in, v)) return false;
        list.push_back(v);
    }
    return true;
}

}  // namespace

std::optional<std::uint32_t> date_code(std::string_view date) {
    using namespace std::chrono;
    int parts[3] = {0, 1, 1};
    int digits = 0;
    for (char c : date) {
        if (c == '-') continue;
        if (c < '0' || c > '9' || digits >= 8) return std::nullopt;
        int& part = parts[digits < 4 ? 0 : digits < 6 ? 1 : 2];
        part = (digits == 4 || digits == 6 ? 0 : part * 10) + (c - '0');
        ++digits;
    }
    if (digits != 8 && digits != 6 && digits != 4) return std::nullopt;
    const year_month_day ymd{year{parts[0]}, month{static_cast<unsigned>(parts[1])},
                             day{static_cast<unsigned>(parts[2])}};
    if (!ymd.ok()) return std::nullopt;
    const auto precision = digits == 8   ? DatePrecision::day
                           : digits == 6 ? DatePrecision::month
                                         : DatePrecision::year;
    const long since_zero = sys_days(ymd).time_since_epoch().count() + 719468L;
    if (since_zero < 0) return std::nullopt;
    return static_cast<std::uint32_t>(since_zero) * 4 + static_cast<std::uint32_t>(precision);
}

std::string encode(FacetRecord record) {
    std::string out;
    for (auto& ids : record.ids)
        put_list(out, ids);
    put_list(out, record.published);
    put_list(out, record.mentioned);
    return out;
}

bool decode(std::string_view packed, FacetRecord& record) {
    if (packed.empty()) {
        for (auto& ids : record.ids)
            ids.clear();
        record.published.clear();
        record.mentioned.clear();
        return true;
    }
    for (auto& ids : record.ids) {
        if (!get_list(packed, ids)) return false;
    }
    return get_list(packed, record.published) && get_list(packed, record.mentioned) &&
           packed.empty();
}

}  // namespace byline::index
