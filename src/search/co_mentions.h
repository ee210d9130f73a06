#pragma once
// Co-mention facets: per entity, the matching articles that name it in the same sentence as a
// match of the query. Each article's mentions and sentences come from one value slot
// (index/sentence_mentions.h), and the words of its sentences that name an entity from another
// (index/sentence_words.h), so query words and phrases are found without Xapian's positional
// data; only mentioned-date filters still read positions.

#include "index/entity_aliases.h"
#include "index/facets.h"
#include "index/schema.h"
#include "index/sentence_mentions.h"
#include "index/sentence_words.h"
#include "index/shards.h"
#include "index/value_columns.h"
#include "search/pattern_terms.h"
#include "search/query_parser.h"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace byline::search {

/// Articles per (canonical) value id, for each entity facet (index into schema::kFacetFields).
using CoMentionCounts = std::array<index::IdCounts, schema::kFacetCount>;

/// Counts, for the facets asked for, the entities an article names in a sentence that holds an
/// occurrence of one of the query's patterns (body occurrences: query words, phrases, mentioned
/// dates, and the mentions of a filter's entity). Left out: a mention that is itself an
/// occurrence (the filter's entity; "opec" and the organisation OPEC; "volcker" and Paul
/// Volcker), and keys the aliases hide.
class CoMentionCounter {
  public:
    /// `keys`: the dictionary's values (entity keys), read through for one-word person filters;
    /// `aliases` (may be null): keys counted as another entity's (index/entity_aliases.h).
    CoMentionCounter(const Xapian::Database& db, const std::vector<MatchPattern>& patterns,
                     const PatternTerms& terms, std::array<bool, schema::kFacetCount> facets,
                     index::FacetValueNames& keys, const index::EntityAliases* aliases = nullptr);

    /// The counter of `signature()` (of a counter that counts_from_columns_alone()), for
    /// counting elsewhere what it would: on a shard server. Throws UsageError if the bytes are
    /// damaged. database() must not be called on it.
    static CoMentionCounter from_signature(std::string_view signature,
                                           const index::EntityAliases* aliases);

    /// Whether PatternTerms must give pattern `p`'s occurrences from positions: the mentioned
    /// dates. Words and phrases are found in the sentence words, entity filters by their ids.
    bool needs_positions(std::size_t p) const { return kinds_[p] == Kind::positions; }

    /// An article in two steps, so its mentions need not be read when it has no match: finds
    /// the matches among its sentence words (the slot's value) and `hits` (the occurrences of
    /// the patterns that needs_positions()): none if the article cannot count anything.
    enum class Matches { none, some, damaged };
    Matches find_matches(std::string_view words_value, const std::vector<PatternHit>& hits);
    /// Counts the article of the last find_matches() with these mentions.
    void count(const index::SentenceMentions& article);

    const CoMentionCounts& counted() const { return counts_; }
    /// Adds the counts of a copy of this counter that counted other articles.
    void merge(const CoMentionCounter& other);
    /// Whether counting reads the database (a one-word person filter looks keys up there): a
    /// copy of the counter may then not count on another thread.
    bool reads_database() const { return by_surname_; }
    /// Whether counting needs neither the database nor positions: it can then follow the
    /// matcher on another thread (search/co_mention_stream.h).
    const Xapian::Database& database() const { return *db_; }
    bool counts_from_columns_alone() const {
        return !by_surname_ &&
               std::find(kinds_.begin(), kinds_.end(), Kind::positions) == kinds_.end();
    }

    /// Whether find_matches() looks at the words: only for query words and phrases.
    bool reads_words() const { return reads_words_; }

    /// What decides the counts of an article, in bytes: two counters with the same signature
    /// over the same index revision count every article alike. Empty (comparable with nothing)
    /// unless counts_from_columns_alone().
    std::string signature() const;

  private:
    enum class Kind { skipped, by_id, by_surname, words, positions };
    CoMentionCounter() = default;
    void add_word_pattern(std::size_t p, std::vector<std::vector<std::uint32_t>> words);
    void add_word_hits(const index::PackedSentenceWords& words, const index::WordRun& run);
    bool may_start_pattern(std::uint32_t hash) const {
        return first_words_[hash % first_words_.size()];
    }
    void add_mention_hits(const index::SentenceMentions& article);
    void count_beside_hits(const index::PlacedMention& m);
    bool is_filter_entity(const index::PlacedMention& m) const;
    bool has_surname(const index::PlacedMention& m, const std::string& surname);

    // Null in a counter made from a signature, which needs none of them.
    const Xapian::Database* db_ = nullptr;
    index::FacetValueNames* keys_ = nullptr;
    const std::vector<MatchPattern>* patterns_ = nullptr;
    CoMentionCounts counts_;
    std::array<bool, schema::kFacetCount> facets_{};
    const index::EntityAliases* aliases_ = nullptr;
    std::vector<Kind> kinds_;                                           // per pattern
    std::vector<std::vector<std::vector<std::uint32_t>>> word_hashes_;  // pattern, word: sorted
    bool reads_words_ = false;
    bool by_surname_ = false;        // a pattern matches mentions by their key's last word
    std::bitset<4096> first_words_;  // hashes of the forms of the patterns' first words, cut
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ids_;   // (facet, id) of the filters
    std::vector<PatternHit> hits_;                               // scratch: this article's
    std::vector<int> sentences_;                                 // scratch: sentences with a hit
    std::vector<std::pair<std::uint32_t, std::uint32_t>> seen_;  // scratch: counted here
};

/// The slots co-mention counting reads, in memory: kSlotSentenceMentions, kSlotSentenceWords;
/// throws IndexError past `max_bytes`.
index::ValueColumns load_mention_columns(const Xapian::Database& db,
                                         std::size_t max_bytes = SIZE_MAX);

/// The documents the matcher visits, for co-mention counting over the same match set without
/// running the query again. Local databases only: it cannot be serialised to a remote shard.
class DocidSpy : public Xapian::MatchSpy {
  public:
    explicit DocidSpy(index::SpyDocids docid_of) : docid_of_(docid_of) {}
    void operator()(const Xapian::Document& doc, double) override {
        dids_.push_back(docid_of_(doc));
    }
    Xapian::MatchSpy* clone() const override { return new DocidSpy(docid_of_); }
    std::string name() const override { return "byline::DocidSpy"; }
    /// The documents seen, ascending.
    std::vector<Xapian::docid> take_sorted();

  private:
    index::SpyDocids docid_of_;
    std::vector<Xapian::docid> dids_;
};

/// Counts the articles `dids` from `columns` (load_mention_columns() at the counter's revision)
/// into `counter`; `hits`: each article's occurrences of the patterns that needs_positions(),
/// or empty if none does.
void count_articles(CoMentionCounter& counter, const index::ValueColumns& columns,
                    std::span<const Xapian::docid> dids,
                    std::span<const std::vector<PatternHit>> hits = {});

/// Co-mentions over `dids` (ascending), the articles a query matches, after the match (when
/// CoMentionStream cannot follow it). `columns` (may be null): the slots of
/// load_mention_columns() at `db`'s revision, read instead of the value streams.
CoMentionCounts count_co_mentions(
    const Xapian::Database& db, const std::vector<Xapian::docid>& dids,
    const std::vector<MatchPattern>& patterns, const PatternTerms& terms,
    std::array<bool, schema::kFacetCount> facets, index::FacetValueNames& keys,
    const index::EntityAliases* aliases = nullptr, const index::ValueColumns* columns = nullptr);

}  // namespace byline::search
