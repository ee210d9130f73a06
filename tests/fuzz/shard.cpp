// What a shard server and a cluster searcher read from the network (search/shard_counts.h,
// index/facets.h): a count request, the co-mention counter's signature it carries, and the
// counts a member answers. Damaged bytes must give an error (UsageError, false), never a crash;
// what decodes must re-encode to an equal value.
#include "index/facets.h"
#include "search/shard_counts.h"

#include <byline/error.h>

#include "fuzz_util.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace byline;
    using fuzz::require;
    if (size == 0) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] % 3 == 2) {
        try {
            const std::string signature =
                search::CoMentionCounter::from_signature(bytes, nullptr).signature();
            require(search::CoMentionCounter::from_signature(signature, nullptr).signature() ==
                        signature,
                    "a co-mention signature re-encodes to itself");
        } catch (const UsageError&) {
        }
        return 0;
    }
    if (data[0] % 3 == 0) {
        try {
            std::string query, query_back;
            search::ShardCountRequest request =
                search::ShardCountRequest::decode_fields(bytes, query);
            request.query = Xapian::Query(query);  // any query: its bytes are Xapian's to read
            const std::string again = request.encode();
            search::ShardCountRequest back =
                search::ShardCountRequest::decode_fields(again, query_back);
            back.query = Xapian::Query(query);
            require(query_back == request.query.serialise(), "the query's bytes survive");
            require(back.encode() == again, "a count request re-encodes to itself");
        } catch (const UsageError&) {
        }
        return 0;
    }
    std::array<std::uint32_t, schema::kFacetCount> limits;
    limits.fill(1u << 16);  // ids beyond are damage: bounds what the bytes may allocate
    static const char* const kGranularities[] = {"", "day", "week", "month", "year"};
    const std::string granularity = kGranularities[(data[0] / 3) % 5];
    const bool co_mentions = data[0] & 0x80, docids = data[0] & 0x40;
    constexpr Xapian::docid kLastDocid = 1u << 20;
    search::ShardCounts counts;
    if (!counts.unserialise(bytes, granularity, limits, co_mentions, docids, kLastDocid)) return 0;
    const std::string packed = counts.serialise(co_mentions, docids);
    search::ShardCounts back;
    require(back.unserialise(packed, granularity, limits, co_mentions, docids, kLastDocid),
            "serialised counts read back");
    require(back.serialise(co_mentions, docids) == packed, "counts re-serialise to the same bytes");
    return 0;
}
