#include "index/facet_record.h"

#include <algorithm>
#include <chrono>

namespace byline::index {

void put_varint(std::string& out, std::uint32_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

namespace {

void put_list(std::string& out, std::vector<std::uint32_t>& list) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    std::string section;
    std::uint32_t previous = 0;
    for (std::uint32_t v : list) {
        put_varint(section, v - previous);
        previous = v;
    }
    put_varint(out, static_cast<std::uint32_t>(section.size()));
    out += section;
}

bool get_list(std::string_view section, std::vector<std::uint32_t>& list) {
    list.clear();
    return for_each_value(section, [&](std::uint32_t v) { list.push_back(v); });
}

}  // namespace

bool add_date(std::string_view date, DateLists& lists) {
    using namespace std::chrono;
    int parts[3] = {0, 1, 1};
    int digits = 0;
    for (char c : date) {
        if (c == '-') continue;
        if (c < '0' || c > '9' || digits >= 8) return false;
        int& part = parts[digits < 4 ? 0 : digits < 6 ? 1 : 2];
        part = (digits == 4 || digits == 6 ? 0 : part * 10) + (c - '0');
        ++digits;
    }
    if (digits != 8 && digits != 6 && digits != 4) return false;
    const year_month_day ymd{year{parts[0]}, month{static_cast<unsigned>(parts[1])},
                             day{static_cast<unsigned>(parts[2])}};
    const long since_zero = sys_days(ymd).time_since_epoch().count() + long{kEpochDay};
    if (!ymd.ok() || since_zero < 0) return false;
    lists.years.push_back(static_cast<std::uint32_t>(parts[0]));
    if (digits >= 6)
        lists.months.push_back(static_cast<std::uint32_t>(parts[0] * 12 + parts[1] - 1));
    if (digits == 8) lists.days.push_back(static_cast<std::uint32_t>(since_zero));
    return true;
}

std::array<std::string, kGroups.size()> encode(FacetRecord record) {
    std::array<std::vector<std::uint32_t>*, kSectionCount> lists{};
    for (std::size_t facet = 0; facet < schema::kFacetCount; ++facet)
        lists[facet] = &record.ids[facet];
    for (auto [first, dates] : {std::pair{kPublishedSections, &record.published},
                                std::pair{kMentionedSections, &record.mentioned}}) {
        lists[first] = &dates->days;
        lists[first + 1] = &dates->months;
        lists[first + 2] = &dates->years;
    }
    std::array<std::string, kGroups.size()> out;
    for (std::size_t g = 0; g < kGroups.size(); ++g) {
        bool empty = true;
        for (std::size_t i = kGroups[g].first; i < kGroups[g].end; ++i) {
            put_list(out[g], *lists[i]);
            empty = empty && lists[i]->empty();
        }
        if (empty) out[g].clear();
    }
    return out;
}

void add_values(Xapian::Document& doc, const FacetRecord& record) {
    const std::array<std::string, kGroups.size()> packed = encode(record);
    for (std::size_t g = 0; g < kGroups.size(); ++g) {
        if (!packed[g].empty()) doc.add_value(kGroups[g].slot, packed[g]);
    }
}

bool split_sections(std::string_view packed, std::size_t group,
                    std::array<std::string_view, kSectionCount>& out) {
    const SectionGroup& g = kGroups[group];
    if (packed.empty()) {
        std::fill(out.begin() + static_cast<std::ptrdiff_t>(g.first),
                  out.begin() + static_cast<std::ptrdiff_t>(g.end), std::string_view());
        return true;
    }
    const char* p = packed.data();
    const char* end = p + packed.size();
    for (std::size_t i = g.first; i < g.end; ++i) {
        std::uint32_t size = 0;
        p = read_varint(p, end, size);
        if (!p || size > static_cast<std::size_t>(end - p)) return false;
        out[i] = std::string_view(p, size);
        p += size;
    }
    return p == end;
}

bool decode(const std::array<std::string, kGroups.size()>& packed, FacetRecord& record) {
    std::array<std::string_view, kSectionCount> sections;
    for (std::size_t g = 0; g < kGroups.size(); ++g) {
        if (!split_sections(packed[g], g, sections)) return false;
    }
    for (std::size_t facet = 0; facet < schema::kFacetCount; ++facet) {
        if (!get_list(sections[facet], record.ids[facet])) return false;
    }
    auto get_dates = [&](std::size_t first, DateLists& dates) {
        return get_list(sections[first], dates.days) &&
               get_list(sections[first + 1], dates.months) &&
               get_list(sections[first + 2], dates.years);
    };
    return get_dates(kPublishedSections, record.published) &&
           get_dates(kMentionedSections, record.mentioned);
}

}  // namespace byline::index
