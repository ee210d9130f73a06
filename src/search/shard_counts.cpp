#include "search/shard_counts.h"

#include <byline/error.h>

#include "index/facet_record.h"
#include "index/facet_totals.h"
#include "util/stable_hash.h"

#include <algorithm>
#include <optional>

namespace byline::search {

namespace {

constexpr char kVersion = 3;

void put_string(std::string& out, std::string_view s) {
    index::put_varint(out, static_cast<std::uint32_t>(s.size()));
    out.append(s);
}

bool read_string(const char*& p, const char* end, std::string& s) {
    std::uint32_t size = 0;
    if (!(p = index::read_varint(p, end, size)) || size > static_cast<std::size_t>(end - p))
        return false;
    s.assign(p, size);
    p += size;
    return true;
}

[[noreturn]] void damaged() {
    throw UsageError(
        "damaged count request: a searcher and shard server of the same Byline "
        "version talk to each other");
}

}  // namespace

std::string ShardCountRequest::encode() const {
    std::string out(1, kVersion);
    put_string(out, query.serialise());
    std::uint32_t facets = 0;
    for (std::size_t f = 0; f < options.facets.size(); ++f)
        facets |= options.facets[f] ? 1u << f : 0;
    index::put_varint(out, facets);
    put_string(out, options.date_granularity);
    out += options.mentioned_dates ? '1' : '0';
    put_string(out, co_mentions);
    out += docids ? '1' : '0';
    for (int shift = 56; shift >= 0; shift -= 8)
        out += static_cast<char>((lists_hash >> shift) & 0xff);
    out += lists_included ? '1' : '0';
    if (lists_included) {
        for (const std::string& list : aliases)
            put_string(out, list);
    }
    return out;
}

ShardCountRequest ShardCountRequest::decode(std::string_view bytes) {
    std::string query;
    ShardCountRequest request = decode_fields(bytes, query);
    try {
        request.query = Xapian::Query::unserialise(query);
    } catch (const Xapian::Error& e) {
        throw UsageError("count request: cannot read the query: " + e.get_msg());
    }
    return request;
}

ShardCountRequest ShardCountRequest::decode_fields(std::string_view bytes, std::string& query) {
    const char* p = bytes.data();
    const char* end = p + bytes.size();
    if (p == end || *p++ != kVersion) damaged();
    ShardCountRequest request;
    std::uint32_t facets = 0;
    if (!read_string(p, end, query) || !(p = index::read_varint(p, end, facets)) ||
        !read_string(p, end, request.options.date_granularity) || p == end)
        damaged();
    request.options.mentioned_dates = *p++ == '1';
    if (!read_string(p, end, request.co_mentions) || end - p < 10) damaged();
    request.docids = *p++ == '1';
    for (int i = 0; i < 8; ++i)
        request.lists_hash = (request.lists_hash << 8) | static_cast<unsigned char>(*p++);
    request.lists_included = *p++ == '1';
    for (std::string& list : request.aliases) {
        if (request.lists_included && !read_string(p, end, list)) damaged();
    }
    if (p != end) damaged();
    for (std::size_t f = 0; f < request.options.facets.size(); ++f)
        request.options.facets[f] = facets & (1u << f);
    return request;
}

std::uint64_t aliases_hash(const index::EntityAliases::Lists& lists) {
    std::uint64_t h = hash::kFnvOffset;
    for (const std::string& list : lists)
        h = hash::fnv1a(list + '\n', h);
    return hash::mix(h);
}

void ShardCounts::merge(const ShardCounts& other) {
    facets.merge(other.facets);
    for (std::size_t f = 0; f < co_mentions.size(); ++f)
        co_mentions[f].merge(other.co_mentions[f]);
    const auto middle = static_cast<std::ptrdiff_t>(docids.size());
    docids.insert(docids.end(), other.docids.begin(), other.docids.end());
    std::inplace_merge(docids.begin(), docids.begin() + middle, docids.end());
}

std::string ShardCounts::serialise(bool co, bool with_docids) const {
    std::string bytes;
    facets.serialise(bytes);
    std::string out;
    put_string(out, bytes);
    for (std::size_t f = 0; co && f < co_mentions.size(); ++f)
        co_mentions[f].serialise(out);
    if (with_docids) {
        index::put_varint(out, static_cast<std::uint32_t>(docids.size()));
        Xapian::docid previous = 0;
        for (Xapian::docid did : docids) {  // ascending: the gaps are small
            index::put_varint(out, did - previous);
            previous = did;
        }
    }
    return out;
}

bool ShardCounts::unserialise(std::string_view bytes, const std::string& granularity,
                              const std::array<std::uint32_t, schema::kFacetCount>& id_limits,
                              bool co, bool with_docids, Xapian::docid last_docid) {
    const char* p = bytes.data();
    const char* end = p + bytes.size();
    std::string facet_bytes;
    if (!read_string(p, end, facet_bytes) ||
        !facets.unserialise(facet_bytes, granularity, id_limits))
        return false;
    for (std::size_t f = 0; co && f < co_mentions.size(); ++f) {
        if (!co_mentions[f].unserialise(p, end, id_limits[f])) return false;
    }
    if (with_docids) {
        std::uint32_t count = 0;
        if (!(p = index::read_varint(p, end, count)) || count > last_docid) return false;
        Xapian::docid did = 0;
        for (std::uint32_t i = 0; i < count; ++i) {
            std::uint32_t gap = 0;
            if (!(p = index::read_varint(p, end, gap)) || gap == 0 || gap > last_docid - did)
                return false;
            docids.push_back(did += gap);
        }
    }
    return p == end;
}

ShardCounts count_shard(const Xapian::Database& db, const ShardCountRequest& request,
                        std::shared_ptr<const index::FacetColumns> columns,
                        const index::ValueColumns* mention_columns) {
    ShardCounts counts;
    Xapian::doccount matches = 0;
    std::vector<Xapian::docid> matching;  // the same match lists them when they are needed
    const bool listing = !request.co_mentions.empty() || request.docids;
    counts.facets = index::count_matches(db, request.query, request.options, matches,
                                         std::move(columns), listing ? &matching : nullptr);
    if (!request.co_mentions.empty()) {
        CoMentionCounter counter =
            CoMentionCounter::from_signature(request.co_mentions, request.options.aliases.get());
        std::optional<index::ValueColumns> loaded;  // a member without a cache
        if (!mention_columns) mention_columns = &loaded.emplace(load_mention_columns(db));
        count_articles(counter, *mention_columns, matching);
        counts.co_mentions = counter.counted();
    }
    if (request.docids) counts.docids = std::move(matching);
    return counts;
}

}  // namespace byline::search
