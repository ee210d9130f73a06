#pragma once
// The only place Byline's term prefixes, value slots and facet fields are declared.
// Words are NFKC case-folded, so a prefix (upper case) never runs into a term's first letter.

#include "util/stable_hash.h"

#include <xapian.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace byline::schema {

// Term prefixes.
inline constexpr std::string_view kIdPrefix = "Q";     // Q<id>: unique document id
inline constexpr std::string_view kTitlePrefix = "S";  // S<word>: title word, positional
// A word's stem is indexed only where it differs from the word: "plans" gives "plans" and
// "Zplan", "plan" gives "plan" alone. So a stemmed query for stem s is Z<s> or the word s
// itself (stem_terms()), and about a fifth of a news article's terms are not written twice.
inline constexpr std::string_view kStemPrefix = "Z";        // Z<stem>: stemmed word, any field
inline constexpr std::string_view kTitleStemPrefix = "ZS";  // ZS<stem>: stemmed title word

/// The terms that index stem `stem`: Z<stem> (ZS<stem> in titles) for words that differ from
/// it, and the word equal to it (S<stem> in titles).
inline std::array<std::string, 2> stem_terms(std::string_view stem, bool title) {
    std::array<std::string, 2> terms{std::string(title ? kTitleStemPrefix : kStemPrefix),
                                     std::string(title ? kTitlePrefix : "")};
    for (std::string& term : terms)
        term.append(stem.data(), stem.size());
    return terms;
}
// Value slots. A document's facets are packed into three slots (index/facet_record.h), so a
// count reads only what it asks for: each slot read costs per matching document, and bytes read
// cost blocks read.
inline constexpr Xapian::valueno kSlotDate = 0;        // "YYYYMMDD": sortable publication day
inline constexpr Xapian::valueno kSlotFacetIds = 1;    // ids of source, lang, author, month
inline constexpr Xapian::valueno kSlotEntityIds = 2;   // ids of person, place, org, country
inline constexpr Xapian::valueno kSlotFacetDates = 3;  // publication and mentioned dates
// Near-duplicates (index/simhash.h, index/clusters.h); both absent for an item too short to sign.
inline constexpr Xapian::valueno kSlotSignature = 4;  // 8 bytes, big-endian: word 3-shingle SimHash
inline constexpr Xapian::valueno kSlotCluster = 5;    // 8 bytes: cluster key, the collapse key
// Entity mentions by sentence (index/sentence_mentions.h), read by co-mention counting.
inline constexpr Xapian::valueno kSlotSentenceMentions = 6;
/// The words of the sentences that name an entity, as hashes (index/sentence_words.h).
inline constexpr Xapian::valueno kSlotSentenceWords = 7;
/// Sharded indexes only (index/shards.h): the article's place in the order articles were first
/// written, 4 bytes big-endian. Ties in rank fall back to it, as they fall back to the docid in
/// one index, so both give the same order. Then a byte each: the article's shard and the number
/// of databases, for index::SpyDocids.
inline constexpr Xapian::valueno kSlotSequence = 8;
/// Sharded indexes only: the date order of a query that weighs nothing, as stored values, for
/// Xapian's remote servers (they run no KeyMaker): date_order_key() ascending (undated last)
/// and descending (the sequence still ascending within a day).
inline constexpr Xapian::valueno kSlotDateOrderAsc = 9;
inline constexpr Xapian::valueno kSlotDateOrderDesc = 10;
/// Sharded indexes only: the date with undated articles last in ascending order, for a query
/// with words sorted date-asc on remote shards (ties then by relevance).
inline constexpr Xapian::valueno kSlotDateAscending = 11;

/// The key of an article of publication date `date` (kSlotDate, maybe empty) and `sequence`
/// (kSlotSequence) in date order, ascending or descending: a date, undated last in ascending
/// order, and, if `sequence` is given, within a date the order articles were first written.
inline std::string date_order_key(std::string date, std::string_view sequence, bool ascending) {
    std::string key = ascending && date.empty() ? std::string(1, '\xff') : std::move(date);
    if (sequence.empty()) return key;
    key.resize(8, '\0');  // so the sequence is compared only between equal dates
    key.append(sequence.substr(0, 4));
    if (!ascending) {  // the key sorts descending; the sequence must still ascend
        for (std::size_t i = 8; i < key.size(); ++i)
            key[i] = static_cast<char>(~static_cast<unsigned char>(key[i]));
    }
    return key;
}

/// Position gap between title and body, so a phrase never spans the two.
inline constexpr unsigned kBodyPositionGap = 100;
/// Extra within-document frequency of a title word in the general (unprefixed) terms.
inline constexpr unsigned kTitleWeight = 3;
/// Longest term we index (Xapian's limit is 245 bytes, prefix included).
inline constexpr std::size_t kMaxTermBytes = 120;

/// The unique-id term of a document id (Q<id>); a long id is cut and ends in its FNV-1a hash,
/// the same in every build, to fit Xapian's term limit.
inline std::string id_term(const std::string& id) {
    std::string term(kIdPrefix);
    term += id;
    if (term.size() <= kMaxTermBytes) return term;
    const std::string hash = std::to_string(hash::fnv1a(id));
    return term.substr(0, kMaxTermBytes - hash.size() - 1) + "#" + hash;
}

/// A facet: counted from its ids (kSlotFacetIds, kSlotEntityIds), filtered with `field:value`
/// through its term prefix. The term is the prefix followed by the value's key: its words through
/// the analyzer, joined by spaces; for an entity facet, the entity's canonical key
/// (Extractor::entity_key). Each facet numbers its values (display values; entity keys, whose
/// display names are in metadata under entity_name_key()) in a dictionary in metadata, see
/// facet_value_key().
struct FacetField {
    std::string_view name;    // query field and facet name
    std::string_view prefix;  // boolean filter term prefix (value key follows)
    bool entity = false;      // person, place, org: positional terms at each mention
};

inline constexpr std::array<FacetField, 8> kFacetFields = {{
    {"source", "XSRC"},      // XSRC<key>: publisher
    {"lang", "XLANG"},       // XLANG<key>: document language code
    {"author", "XAUTH"},     // XAUTH<key>: by-line author
    {"month", "XM"},         // XM<key>: publication month, "2025-11" -> key "2025 11"
    {"person", "XP", true},  // XP<key>: a person mentioned, at each mention
    {"place", "XL", true},   // XL<key>: a place mentioned, at each mention
    {"org", "XO", true},     // XO<key>: an organisation mentioned, at each mention
    {"country", "XCTRY"},    // XCTRY<key>: a country the article is about (places, adjectives)
}};
inline constexpr std::size_t kFacetCount = kFacetFields.size();

/// XE<date>: a date the text mentions, at each mention: "XE2025", "XE202511", "XE20251125"
/// (a day mention gives all three; a month mention the first two). Kept apart from the
/// publication date (slot kSlotDate, filtered with date:).
inline constexpr std::string_view kMentionedPrefix = "XE";

/// XN<key>: the last word of a person's key, so `person:zelensky` (one word) finds "Volodymyr
/// Zelenskyy"; positional, like the entity terms.
inline constexpr std::string_view kSurnamePrefix = "XN";

/// Metadata key of the display name of entity `key` of facet `facet`; its value lists the
/// forms seen, "COUNT\tNAME" a line, and the most frequent is shown.
inline std::string entity_name_key(std::string_view facet, std::string_view key) {
    return "byline.name:" + std::string(facet) + ":" + std::string(key);
}

/// Metadata key of the entity keys that articles wrote as a name whose own key is `form_key`
/// ("imf" -> "international monetary fund", "u s" -> "united states"): a key a line. Kept as
/// long as the index lives (a stale line filters by a key no article has any more).
inline std::string entity_form_key(std::string_view facet, std::string_view form_key) {
    return "byline.form:" + std::string(facet) + ":" + std::string(form_key);
}

/// Metadata key of the entity aliases of facet `facet` (index/entity_aliases.h): a line per key
/// that counts as another, "ID\tCANONICAL_ID\tKEY\tCANONICAL_KEY" ("-" and "" when hidden).
inline std::string alias_key(std::string_view facet) {
    return "byline.aliases:" + std::string(facet);
}

// The facet value dictionary: per facet, values numbered 0, 1, ... in the order the indexer
// first met them; ids never change (incremental runs append, compaction copies metadata).
/// Metadata key of the id of `value` of facet `facet`: value "<id>" in decimal. A value too
/// long for a key is cut and followed by "#" and a hash of the whole.
inline std::string facet_id_key(std::string_view facet, std::string_view value) {
    std::string key = "byline.fid:";
    key += facet;
    key += ':';
    constexpr std::size_t kMaxKeyBytes = 200;  // Xapian's limit is about 245
    if (key.size() + value.size() <= kMaxKeyBytes) {
        key += value;
        return key;
    }
    const std::string hash = std::to_string(hash::fnv1a(value));
    key += value.substr(0, kMaxKeyBytes - key.size() - hash.size() - 1);
    key += '#';
    key += hash;
    return key;
}
/// Metadata key of the value numbered `id` in facet `facet`: value the value.
inline std::string facet_value_key(std::string_view facet, std::uint32_t id) {
    std::string key = "byline.fval:";
    key += facet;
    key += ':';
    key += std::to_string(id);
    return key;
}
/// Metadata key of the next free id of facet `facet`: "<id>" in decimal.
inline std::string facet_next_id_key(std::string_view facet) {
    std::string key = "byline.fnext:";
    key += facet;
    return key;
}

/// The facet field named `name`, or nullptr.
inline const FacetField* find_facet(std::string_view name) {
    for (const auto& field : kFacetFields) {
        if (field.name == name) return &field;
    }
    return nullptr;
}

// Article text beyond the first kInlineBodyBytes is kept out of the document data, in metadata
// chunks, so showing a passage of a 1 MB article reads a few KB rather than the whole text.
inline constexpr std::size_t kInlineBodyBytes = 32 * 1024;
inline constexpr std::size_t kBodyChunkBytes = 16 * 1024;

/// Metadata key prefix of the body chunks of document `did`: "byline.body:<did>:".
inline std::string body_chunk_prefix(Xapian::docid did) {
    return "byline.body:" + std::to_string(did) + ":";
}
/// Metadata key of body chunk `n` (0-based, after the inline part) of document `did`.
inline std::string body_chunk_key(Xapian::docid did, std::size_t n) {
    return body_chunk_prefix(did) + std::to_string(n);
}

// Database metadata keys.
inline constexpr std::string_view kMetaFormat = "byline.format";        // index format version
inline constexpr std::string_view kMetaLanguages = "byline.languages";  // stemming languages used
inline constexpr std::string_view kMetaFoldAccents = "byline.fold_accents";  // "1" or "0"
inline constexpr std::string_view kMetaCrossScript = "byline.cross_script";  // "1" or "0"
/// Facet counts and date histograms of all documents, stamped with the revision they hold for
/// (index/facet_totals.h); any later commit leaves them stale.
inline constexpr std::string_view kMetaTotals = "byline.totals";
/// Stories of all documents and the articles of each cluster of two or more
/// (index/collapse.h), stamped like kMetaTotals and stored with them.
inline constexpr std::string_view kMetaClusters = "byline.clusters";
/// Articles written (added or replaced) since the index was last compacted, in decimal; absent
/// in an index never compacted.
inline constexpr std::string_view kMetaUncompacted = "byline.uncompacted";
/// Time of the last commit, ISO 8601 UTC ("2026-12-02T21:51:37Z").
inline constexpr std::string_view kMetaCommitted = "byline.committed";
/// Sharded indexes only: the commits so far, in decimal. Xapian gives no revision to several
/// databases opened as one; this stands in for it (index::revision).
inline constexpr std::string_view kMetaRevision = "byline.revision";
/// Every shard of a sharded index: "K N ID", shard K of N article shards of the index ID (a
/// cluster file checks its members with it).
inline constexpr std::string_view kMetaShard = "byline.shard";
/// Sharded indexes only: the sequence (kSlotSequence) the next new article takes.
inline constexpr std::string_view kMetaNextSequence = "byline.next_sequence";
// 3: facets as ids in three slots; 4: a stem equal to its word is not indexed again (Z, ZS);
// 5: each article stores the entity display names it wrote, so deleting it can take them away;
// 6: near-duplicate signatures and cluster keys (kSlotSignature, kSlotCluster);
// 7: entity mentions by sentence (kSlotSentenceMentions);
// 8: the words of the sentences that name an entity (kSlotSentenceWords).
inline constexpr std::string_view kFormatVersion = "8";

}  // namespace byline::schema
