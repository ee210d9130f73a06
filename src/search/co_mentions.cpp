#include "search/co_mentions.h"

#include <byline/error.h>

#include "index/facet_dictionary.h"
#include "index/facet_record.h"
#include "index/facet_totals.h"

#include <algorithm>
#include <future>
#include <optional>
#include <thread>

namespace byline::search {

namespace {

bool contains(const std::vector<std::uint32_t>& sorted, std::uint32_t hash) {
    return std::binary_search(sorted.begin(), sorted.end(), hash);
}

// Articles of a match set from which counting is split over two threads (columns in memory
// only): below it, starting a thread costs more than it saves.
constexpr std::size_t kParallelArticles = 1024;

// Counts one article into `counter`: its words first, its mentions only when they hold a match.
// `article` is scratch space.
void count_article(CoMentionCounter& counter, Xapian::docid did, std::string_view mentions,
                   std::string_view words_value, const std::vector<PatternHit>& hits,
                   index::SentenceMentions& article) {
    auto damaged = [did] {
        return IndexError("document " + std::to_string(did) +
                          ": damaged entity mentions; re-index the corpus");
    };
    const CoMentionCounter::Matches found =
        counter.find_matches(counter.reads_words() ? words_value : "", hits);
    if (found == CoMentionCounter::Matches::damaged) throw damaged();
    // Most articles holding a common word hold it in no sentence that names an entity.
    if (found == CoMentionCounter::Matches::none) return;
    if (!index::decode_sentence_mentions(mentions, article)) throw damaged();
    counter.count(article);
}

// The articles of a match set lie far apart in memory, each a cache miss away: the values of the
// article this many ahead are fetched while one is counted.
constexpr std::size_t kPrefetchAhead = 6;

void prefetch_article(const index::ValueColumns& columns, Xapian::docid did) {
    const std::string_view mentions = columns.value(0, did);
    const std::string_view words = columns.value(1, did);
    for (std::size_t at = 0; at < mentions.size(); at += 64)
        __builtin_prefetch(mentions.data() + at);
    for (std::size_t at = 0; at < words.size(); at += 64)
        __builtin_prefetch(words.data() + at);
}

}  // namespace

void count_articles(CoMentionCounter& counter, const index::ValueColumns& columns,
                    std::span<const Xapian::docid> dids,
                    std::span<const std::vector<PatternHit>> hits) {
    static const std::vector<PatternHit> none;
    index::SentenceMentions article;
    for (std::size_t i = 0; i < dids.size(); ++i) {
        if (i + kPrefetchAhead < dids.size()) prefetch_article(columns, dids[i + kPrefetchAhead]);
        const std::string_view mentions = columns.value(0, dids[i]);
        if (!mentions.empty())
            count_article(counter, dids[i], mentions, columns.value(1, dids[i]),
                          hits.empty() ? none : hits[i], article);
    }
}

void CoMentionCounter::merge(const CoMentionCounter& other) {
    for (std::size_t f = 0; f < counts_.size(); ++f)
        counts_[f].merge(other.counts_[f]);
}

CoMentionCounter::CoMentionCounter(const Xapian::Database& db,
                                   const std::vector<MatchPattern>& patterns,
                                   const PatternTerms& terms,
                                   std::array<bool, schema::kFacetCount> facets,
                                   index::FacetValueNames& keys,
                                   const index::EntityAliases* aliases)
    : db_(&db),
      keys_(&keys),
      patterns_(&patterns),
      facets_(facets),
      aliases_(aliases),
      kinds_(patterns.size(), Kind::positions),
      word_hashes_(patterns.size()) {
    for (std::size_t p = 0; p < patterns.size(); ++p) {
        const MatchPattern& pattern = patterns[p];
        if (pattern.title_only) {
            kinds_[p] = Kind::skipped;
        } else if (!pattern.entity) {
            std::vector<std::vector<std::uint32_t>> words;
            for (const std::vector<std::string>& forms : terms.forms(p)) {
                std::vector<std::uint32_t> hashes;
                for (const std::string& form : forms)
                    hashes.push_back(index::word_hash(form));
                std::sort(hashes.begin(), hashes.end());
                words.push_back(std::move(hashes));
            }
            add_word_pattern(p, std::move(words));
        } else if (!pattern.entity_key.empty() && pattern.facet < schema::kFacetCount) {
            // An entity filter's mentions are those with its key's id; a one-word person
            // filter's, those whose key ends in that word.
            kinds_[p] = pattern.by_surname ? Kind::by_surname : Kind::by_id;
            by_surname_ = by_surname_ || pattern.by_surname;
            if (pattern.by_surname) continue;
            const std::string_view facet = schema::kFacetFields[pattern.facet].name;
            const auto id = index::parse_facet_id(
                db.get_metadata(schema::facet_id_key(facet, pattern.entity_key)));
            if (id) ids_.emplace_back(pattern.facet, *id);  // none: the index never wrote it
        }
    }
}

// Pattern `p` as the words in a row its matches are: each word's forms, as sorted hashes.
void CoMentionCounter::add_word_pattern(std::size_t p,
                                        std::vector<std::vector<std::uint32_t>> words) {
    kinds_[p] = Kind::words;
    reads_words_ = true;
    if (!words.empty()) {
        for (std::uint32_t h : words.front())
            first_words_[h % first_words_.size()] = true;
    }
    word_hashes_[p] = std::move(words);
}

std::string CoMentionCounter::signature() const {
    std::string out;
    if (!counts_from_columns_alone()) return out;
    auto put = [&out](std::uint32_t n) { index::put_varint(out, n); };
    for (bool facet : facets_)
        out += facet ? '1' : '0';
    put(static_cast<std::uint32_t>(kinds_.size()));
    for (std::size_t p = 0; p < kinds_.size(); ++p) {
        put(static_cast<std::uint32_t>(kinds_[p]));
        put(static_cast<std::uint32_t>(word_hashes_[p].size()));
        for (const auto& forms : word_hashes_[p]) {
            put(static_cast<std::uint32_t>(forms.size()));
            for (std::uint32_t hash : forms)
                put(hash);
        }
    }
    for (const auto& [facet, id] : ids_) {
        put(facet);
        put(id);
    }
    return out;
}

CoMentionCounter CoMentionCounter::from_signature(std::string_view signature,
                                                  const index::EntityAliases* aliases) {
    auto damaged = [] {
        return UsageError(
            "damaged co-mention request: a searcher and shard server of the same "
            "Byline version talk to each other");
    };
    constexpr std::uint32_t kMaxPatterns = 1 << 12;  // a query of 16 KiB has fewer
    const char* p = signature.data();
    const char* end = p + signature.size();
    CoMentionCounter counter;
    counter.aliases_ = aliases;
    if (static_cast<std::size_t>(end - p) < counter.facets_.size()) throw damaged();
    for (bool& facet : counter.facets_)
        facet = *p++ == '1';
    auto read = [&](std::uint32_t& n) {
        if (!(p = index::read_varint(p, end, n))) throw damaged();
    };
    std::uint32_t patterns = 0;
    read(patterns);
    if (patterns > kMaxPatterns) throw damaged();
    counter.kinds_.assign(patterns, Kind::skipped);
    counter.word_hashes_.resize(patterns);
    for (std::size_t k = 0; k < patterns; ++k) {
        std::uint32_t kind = 0, length = 0;
        read(kind);
        read(length);
        std::vector<std::vector<std::uint32_t>> words;
        for (std::uint32_t w = 0; w < length; ++w) {
            std::uint32_t forms = 0;
            read(forms);
            std::vector<std::uint32_t> hashes;
            for (std::uint32_t f = 0; f < forms; ++f)
                read(hashes.emplace_back());
            if (!std::is_sorted(hashes.begin(), hashes.end())) throw damaged();
            words.push_back(std::move(hashes));
        }
        if (kind == static_cast<std::uint32_t>(Kind::words)) {
            counter.add_word_pattern(k, std::move(words));
        } else if (kind == static_cast<std::uint32_t>(Kind::by_id) ||
                   kind == static_cast<std::uint32_t>(Kind::skipped)) {
            if (length) throw damaged();
            counter.kinds_[k] = static_cast<Kind>(kind);
        } else {
            throw damaged();  // counted from positions or the dictionary: not from a signature
        }
    }
    while (p != end) {
        std::uint32_t facet = 0, id = 0;
        read(facet);
        read(id);
        if (facet >= schema::kFacetCount) throw damaged();
        counter.ids_.emplace_back(facet, id);
    }
    return counter;
}

bool CoMentionCounter::is_filter_entity(const index::PlacedMention& m) const {
    return std::find(ids_.begin(), ids_.end(), std::pair(m.facet, m.id)) != ids_.end();
}

bool CoMentionCounter::has_surname(const index::PlacedMention& m, const std::string& surname) {
    const std::string& key = keys_->value(*db_, m.facet, m.id);
    return key == surname || (key.size() > surname.size() && key.ends_with(surname) &&
                              key[key.size() - surname.size() - 1] == ' ');
}

// Where each word pattern (a word's forms, or a phrase's words in a row) stands in a run of the
// words of the sentences that name an entity: the only sentences a co-mention can come from.
void CoMentionCounter::add_word_hits(const index::PackedSentenceWords& words,
                                     const index::WordRun& run) {
    for (std::uint32_t i = 0; i < run.count; ++i) {
        if (!may_start_pattern(words.hash(run, i))) continue;  // most words: one bit tells
        for (std::size_t p = 0; p < kinds_.size(); ++p) {
            const auto& pattern_words = word_hashes_[p];
            const auto length = static_cast<std::uint32_t>(pattern_words.size());
            if (kinds_[p] != Kind::words || length == 0 || i + length > run.count) continue;
            std::uint32_t k = 0;
            while (k < length && contains(pattern_words[k], words.hash(run, i + k)))
                ++k;
            if (k == length) hits_.push_back({run.position + i, length, p});
        }
    }
}

void CoMentionCounter::add_mention_hits(const index::SentenceMentions& article) {
    if (ids_.empty() && !by_surname_) return;  // no entity filter
    for (const index::PlacedMention& m : article.mentions) {
        bool hit = is_filter_entity(m);
        for (std::size_t p = 0; p < kinds_.size() && !hit; ++p) {
            hit = kinds_[p] == Kind::by_surname && (*patterns_)[p].facet == m.facet &&
                  has_surname(m, (*patterns_)[p].entity_key);
        }
        if (hit) hits_.push_back({m.position, m.words, 0});
    }
}

CoMentionCounter::Matches CoMentionCounter::find_matches(std::string_view words_value,
                                                         const std::vector<PatternHit>& hits) {
    hits_ = hits;
    const index::PackedSentenceWords words{words_value, {}};
    if (!index::for_each_word_run(words_value,
                                  [&](const index::WordRun& run) { add_word_hits(words, run); }))
        return Matches::damaged;
    return !hits_.empty() || !ids_.empty() || by_surname_ ? Matches::some : Matches::none;
}

void CoMentionCounter::count(const index::SentenceMentions& article) {
    add_mention_hits(article);
    // The sentences holding a match (a title match has none).
    sentences_.clear();
    for (const PatternHit& hit : hits_) {
        if (int s = article.sentence_of(hit.position); s >= 0) sentences_.push_back(s);
    }
    if (sentences_.empty()) return;
    std::sort(sentences_.begin(), sentences_.end());
    sentences_.erase(std::unique(sentences_.begin(), sentences_.end()), sentences_.end());
    seen_.clear();
    // Only the mentions of those sentences: a mention belongs to the sentence of its first word,
    // and mentions ascend by position.
    const auto& starts = article.sentence_starts;
    auto m = article.mentions.begin();
    for (int s : sentences_) {
        const auto i = static_cast<std::size_t>(s);
        const std::uint32_t first = starts[i];
        const std::uint32_t next = i + 1 < starts.size() ? starts[i + 1] : UINT32_MAX;
        m = std::lower_bound(m, article.mentions.end(), first,
                             [](const index::PlacedMention& a, std::uint32_t position) {
                                 return a.position < position;
                             });
        for (; m != article.mentions.end() && m->position < next; ++m)
            count_beside_hits(*m);
    }
}

// Counts a mention of a matching sentence, unless it is a match itself or counted already.
void CoMentionCounter::count_beside_hits(const index::PlacedMention& m) {
    if (m.facet >= facets_.size() || !facets_[m.facet]) return;
    // A mention a match stands in is the match itself, not named beside it.
    if (std::any_of(hits_.begin(), hits_.end(), [&](const PatternHit& h) {
            return h.position < m.position + m.words && m.position < h.position + h.length;
        }))
        return;
    const std::uint32_t id = aliases_ ? aliases_->canonical(m.facet, m.id) : m.id;
    if (id == index::EntityAliases::kHidden) return;  // no entity a reader can use
    // Once per article and facet, whichever key of the entity it writes.
    if (std::find(seen_.begin(), seen_.end(), std::pair(m.facet, id)) != seen_.end()) return;
    seen_.emplace_back(m.facet, id);
    counts_[m.facet].add(id);
}

index::ValueColumns load_mention_columns(const Xapian::Database& db, std::size_t max_bytes) {
    return index::ValueColumns(db, {schema::kSlotSentenceMentions, schema::kSlotSentenceWords},
                               max_bytes);
}

std::vector<Xapian::docid> DocidSpy::take_sorted() {
    std::sort(dids_.begin(), dids_.end());
    return std::move(dids_);
}

namespace {

// Counts `dids` from the slots in memory: in two halves on two threads where there is enough to
// count and the counter needs no database (a Xapian::Database is not safe to share).
CoMentionCounts count_columns(CoMentionCounter& counter, const index::ValueColumns& columns,
                              const std::vector<Xapian::docid>& dids,
                              const std::vector<std::vector<PatternHit>>& hits) {
    const bool split = dids.size() >= kParallelArticles && !counter.reads_database() &&
                       std::thread::hardware_concurrency() >= 2;
    const std::size_t half = split ? dids.size() / 2 : dids.size();
    std::optional<CoMentionCounter> second;
    std::future<void> other;
    if (split) {
        second.emplace(counter);
        other = std::async(std::launch::async, [&] {
            count_articles(*second, columns, std::span(dids).subspan(half),
                           std::span(hits).subspan(half));
        });
    }
    count_articles(counter, columns, std::span(dids).first(half), std::span(hits).first(half));
    if (split) {
        other.get();  // rethrows the other half's error
        counter.merge(*second);
    }
    return counter.counted();
}

// Counts `dids` from the value streams of `db`.
CoMentionCounts count_streams(CoMentionCounter& counter, const Xapian::Database& db,
                              const std::vector<Xapian::docid>& dids,
                              const std::vector<std::vector<PatternHit>>& hits) {
    index::SentenceMentions article;
    Xapian::ValueIterator values = db.valuestream_begin(schema::kSlotSentenceMentions);
    const Xapian::ValueIterator end = db.valuestream_end(schema::kSlotSentenceMentions);
    Xapian::ValueIterator word_values = db.valuestream_begin(schema::kSlotSentenceWords);
    const Xapian::ValueIterator words_end = db.valuestream_end(schema::kSlotSentenceWords);
    for (std::size_t i = 0; i < dids.size() && values != end; ++i) {
        values.skip_to(dids[i]);
        if (values == end) break;
        if (values.get_docid() != dids[i]) continue;  // no value: the article names no entity
        if (counter.reads_words() && word_values != words_end) word_values.skip_to(dids[i]);
        const bool has_words = word_values != words_end && word_values.get_docid() == dids[i];
        count_article(counter, dids[i], *values, has_words ? *word_values : std::string(), hits[i],
                      article);
    }
    return counter.counted();
}

}  // namespace

CoMentionCounts count_co_mentions(const Xapian::Database& db,
                                  const std::vector<Xapian::docid>& dids,
                                  const std::vector<MatchPattern>& patterns,
                                  const PatternTerms& terms,
                                  std::array<bool, schema::kFacetCount> facets,
                                  index::FacetValueNames& keys, const index::EntityAliases* aliases,
                                  const index::ValueColumns* columns) {
    if (std::all_of(patterns.begin(), patterns.end(),
                    [](const MatchPattern& p) { return p.title_only; }))
        return {};
    CoMentionCounter counter(db, patterns, terms, facets, keys, aliases);
    const std::vector<std::vector<PatternHit>> hits =
        terms.hits(dids, [&](std::size_t p) { return counter.needs_positions(p); });
    return columns ? count_columns(counter, *columns, dids, hits)
                   : count_streams(counter, db, dids, hits);
}

}  // namespace byline::search
