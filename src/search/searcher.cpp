#include <byline/error.h>
#include <byline/searcher.h>

#include "analysis/stopwords.h"
#include "index/collapse.h"
#include "index/compaction.h"
#include "index/document_builder.h"
#include "index/entity_aliases.h"
#include "index/facet_dictionary.h"
#include "index/facet_totals.h"
#include "index/facets.h"
#include "index/match_all.h"
#include "index/schema.h"
#include "index/shards.h"
#include "index/stored_doc.h"
#include "search/body_text.h"
#include "search/cluster.h"
#include "search/co_mention_stream.h"
#include "search/co_mentions.h"
#include "search/document_view.h"
#include "search/filters.h"
#include "search/more_like_this.h"
#include "search/passages.h"
#include "search/pattern_terms.h"
#include "search/query_parser.h"
#include "search/recency.h"
#include "search/spelling.h"
#include "search/trends.h"

#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <sstream>
#include <tuple>

namespace byline {

namespace {

// Sort key for date order: undated articles go last in both directions. Articles of one day
// and one weight come in docid order; `sequence` (a sharded index's query that weighs nothing,
// a filter) orders those by the articles' sequence instead, the docid order of one index of the
// same articles. (A weighed query's ties of day and weight keep docid order there.)
class DateKey : public Xapian::KeyMaker {
  public:
    DateKey(bool ascending, bool sequence) : ascending_(ascending), sequence_(sequence) {}
    std::string operator()(const Xapian::Document& doc) const override {
        return schema::date_order_key(
            doc.get_value(schema::kSlotDate),
            sequence_ ? doc.get_value(schema::kSlotSequence) : std::string(), ascending_);
    }

  private:
    bool ascending_;
    bool sequence_;
};

// Whether two ranked articles tie in a date order: the same date (sort key) and weight.
bool tied(const Xapian::MSetIterator& a, const Xapian::MSetIterator& b) {
    return a.get_sort_key() == b.get_sort_key() && a.get_weight() == b.get_weight();
}

// Articles ranked past a page, so that a run of ties at its end is seen whole.
constexpr Xapian::doccount kTieTail = 16;

// The page [first, first + count) of a date order in which articles of one date and one weight
// come in sequence order, as one index gives them (in its docid order): Xapian breaks such ties
// by docid, which a sharded index interleaves. `window`: the ranking from the top to
// first + count + kTieTail, fetched again longer only while a run of ties reaches its end.
// Reads the sequence of the tied articles of the page only.
std::vector<Xapian::MSetIterator> tie_ordered_page(Xapian::Enquire& enquire, Xapian::MSet window,
                                                   Xapian::doccount first, Xapian::doccount count) {
    for (Xapian::doccount tail = kTieTail;; tail *= 4) {
        const Xapian::doccount end = first + count;
        if (window.size() < end + tail || !tied(window[end - 1], window[window.size() - 1])) break;
        window = enquire.get_mset(0, end + tail * 4);
    }
    std::vector<Xapian::MSetIterator> items;
    for (auto it = window.begin(); it != window.end(); ++it)
        items.push_back(it);
    auto sequence = [](const Xapian::MSetIterator& it) {
        return it.get_document().get_value(schema::kSlotSequence).substr(0, 4);
    };
    for (std::size_t i = 0; i < items.size();) {
        std::size_t j = i + 1;
        while (j < items.size() && tied(items[i], items[j]))
            ++j;
        if (j - i > 1 && j > first && i < first + count) {
            std::vector<std::pair<std::string, Xapian::MSetIterator>> run;
            for (std::size_t k = i; k < j; ++k)
                run.emplace_back(sequence(items[k]), items[k]);
            std::stable_sort(run.begin(), run.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            for (std::size_t k = i; k < j; ++k)
                items[k] = run[k - i].second;
        }
        i = j;
    }
    if (items.size() <= first) return {};
    const auto from = items.begin() + first;
    return {from, from + std::min<std::ptrdiff_t>(count, items.end() - from)};
}

void check_format(const Xapian::Database& db, const std::string& path);

Xapian::Database open_folder(const std::string& folder, const std::string& path) {
    if (!index::holds_single_index(folder) && !index::holds_sharded_index(folder)) {
        throw IndexError(path + ": no Byline index here; build one with: byline-index -i " + path +
                         " CORPUS...");
    }
    try {
        Xapian::Database db(folder);
        check_format(db, path);
        return db;
    } catch (const Xapian::Error& e) {
        throw IndexError(path + ": cannot open index: " + e.get_msg());
    }
}

// Whether `db` (opened from `path`) is a Byline index this version reads.
void check_format(const Xapian::Database& db, const std::string& path) {
    const std::string format = db.get_metadata(std::string(schema::kMetaFormat));
    if (format.empty() && db.get_doccount() == 0) {
        throw IndexError(path +
                         ": no articles indexed here yet (an indexer is starting or was "
                         "stopped before its first commit); index with: byline-index -i " +
                         path + " CORPUS...");
    }
    if (format != schema::kFormatVersion) {
        throw IndexError(path + ": not a Byline index of this version (format '" + format +
                         "'); re-index the corpus");
    }
}

// Which folders `path` names: compaction swaps a new folder in under the same path (under each
// shard's path in a sharded index).
using FolderIdentity = std::vector<std::pair<dev_t, ino_t>>;
FolderIdentity folder_identity(const std::string& path) {
    FolderIdentity out;
    std::vector<std::string> folders = index::shard_folders(path);
    folders.insert(folders.begin(), path);
    for (const std::string& folder : folders) {
        struct stat st {};
        const bool found = ::stat(folder.c_str(), &st) == 0;
        out.emplace_back(found ? st.st_dev : 0, found ? st.st_ino : 0);
    }
    return out;
}

struct OpenedIndex {
    FolderIdentity folder;  // identity of the folders db was opened from
    Xapian::Database db;
    std::shared_ptr<search::Cluster> cluster;  // when `path` is a cluster file
};

// Opens the index at `path` (or PATH.old while a compaction's fallback swap is cut off). A
// compaction may swap the folder while Xapian opens its files one by one: then the files may
// come from both folders, so the open is tried again on the folder now in place.
OpenedIndex open_index(const std::string& path, const SearcherOptions& options) {
    if (search::is_cluster_file(path)) {
        auto cluster = std::make_shared<search::Cluster>(
            path, search::ClusterOptions{options.partial, options.timeout_seconds});
        try {
            check_format(cluster->database(), path);
        } catch (const Xapian::Error& e) {
            throw IndexError(path + ": cannot open the cluster: " + e.get_msg());
        }
        return {{}, cluster->database(), cluster};
    }
    for (int attempt = 1;; ++attempt) {
        const std::string folder = index::readable_index_folder(path);
        const auto before = folder_identity(folder);
        try {
            Xapian::Database db = open_folder(folder, path);
            if (folder_identity(folder) == before || attempt == 3) return {before, db, nullptr};
        } catch (const IndexError&) {
            if (folder_identity(folder) == before || attempt == 3) throw;
        }
    }
}

std::set<std::string> index_languages(const Xapian::Database& db) {
    std::set<std::string> languages;
    std::istringstream in(db.get_metadata(std::string(schema::kMetaLanguages)));
    for (std::string lang; in >> lang;)
        languages.insert(lang);
    if (languages.empty()) languages.insert("en");
    return languages;
}

// Collection rarity of a pattern: the sum of its words' BM25 inverse document frequencies, a
// word counted by its stem where it has one. Title-only patterns never occur in a body: 0.
double pattern_weight(const Xapian::Database& db, const search::MatchPattern& pattern,
                      Analyzer& analyzer, const std::set<std::string>& languages) {
    if (pattern.title_only) return 0;
    if (pattern.prefix) return 1.0;
    const double n = static_cast<double>(db.get_doccount());
    double weight = 0;
    for (const std::string& term : pattern.terms) {
        double df = db.get_termfreq(term);
        if (!pattern.exact) {
            for (const std::string& lang : languages) {
                std::string stem = analyzer.stem(term, lang);
                if (stem.empty()) continue;
                // Articles with a differing form or the stem itself, taken as independent.
                auto [stemmed, word] = schema::stem_terms(stem, false);
                double a = db.get_termfreq(stemmed), b = db.get_termfreq(word);
                df = std::max(df, a + b - (n > 0 ? a * b / n : 0));
            }
        }
        weight += std::log(1 + (n - df + 0.5) / (df + 0.5));
    }
    return weight;
}

// The most a recency boost adds: half the query's summed rarity, the scale of a BM25 weight.
double recency_boost(const std::vector<double>& weights) {
    double sum = 0;
    for (double w : weights)
        sum += w;
    return std::max(0.5, sum / 2);
}

// Value slots held in memory for one revision, loaded by the second query at that revision
// that reads them: a process answering one query does not pay for them, one answering many
// reads no value streams. A load that gives nothing (too large) is not tried again before the
// next revision.
template <class Columns>
class RevisionColumns {
  public:
    std::shared_ptr<const Columns> get(
        const Xapian::Database& db,
        const std::function<std::shared_ptr<const Columns>(const Xapian::Database&)>& load) {
        std::pair<std::string, Xapian::rev> state{db.get_uuid(), index::revision(db)};
        if (state != state_) {
            state_ = std::move(state);
            columns_.reset();
            queries_ = 0;
            given_up_ = false;
        }
        if (!columns_ && !given_up_ && ++queries_ >= 2) {
            try {
                columns_ = load(db);
            } catch (const IndexError&) {  // past the load's own bound
            }
            given_up_ = !columns_;
        }
        return columns_;
    }
    /// What get() last gave.
    const std::shared_ptr<const Columns>& held() const { return columns_; }

  private:
    std::shared_ptr<const Columns> columns_;
    std::pair<std::string, Xapian::rev> state_;  // uuid and revision loaded at
    unsigned queries_ = 0;                       // at that revision
    bool given_up_ = false;
};

}  // namespace

struct Searcher::Impl {
    std::string path;
    FolderIdentity folder;  // identity of the folders db was opened from
    Xapian::Database db;
    Analyzer analyzer;
    std::set<std::string> languages;
    bool sharded;  // several databases opened as one (index/shards.h)
    SearcherOptions options;
    std::shared_ptr<search::Cluster> cluster;  // opened from a cluster file
    bool remote() const { return cluster && cluster->remote(); }

    Impl(const std::string& index_path, const SearcherOptions& options)
        : Impl(index_path, options, open_index(index_path, options)) {}
    Impl(const std::string& index_path, const SearcherOptions& opts, OpenedIndex opened)
        : path(index_path),
          folder(opened.folder),
          db(std::move(opened.db)),
          analyzer(AnalyzerOptions{db.get_metadata(std::string(schema::kMetaFoldAccents)) != "0"}),
          languages(index_languages(db)),
          sharded(index::is_sharded(db)),
          options(opts),
          cluster(std::move(opened.cluster)) {}

    index::FacetValueNames facet_values;  // dictionary ids -> values, kept across queries

    // The stopwords of the last query's languages: normalising the lists costs more than a
    // query.
    std::optional<std::pair<std::set<std::string>, analysis::Stopwords>> stopwords;
    const analysis::Stopwords& stopwords_for(const std::set<std::string>& query_languages) {
        if (!stopwords || stopwords->first != query_languages)
            stopwords.emplace(query_languages, analysis::Stopwords(analyzer, query_languages));
        return stopwords->second;
    }

    // A facet asked for: an ordinary one or a co-mention facet ("co_person") of an entity facet.
    struct AskedFacet {
        std::size_t facet = 0;  // index into schema::kFacetFields
        bool co_mention = false;
    };

    // The facets asked for (all ordinary ones by default), in the order asked, and what to
    // count; trend facets are counted too.
    index::FacetCounterOptions facet_options(const SearchRequest& request,
                                             std::vector<AskedFacet>& facets) {
        index::FacetCounterOptions options;
        options.date_granularity = request.date_facet;
        options.aliases = entity_aliases();
        facets.clear();
        if (request.facets.empty()) {
            for (std::size_t i = 0; i < schema::kFacetCount; ++i)
                facets.push_back({i, false});
        }
        for (const std::string& name : request.facets) {
            const bool co = name.starts_with("co_");
            const schema::FacetField* field = schema::find_facet(co ? name.substr(3) : name);
            if (!field || (co && !field->entity)) {
                std::string known;
                for (const auto& f : schema::kFacetFields)
                    known += (known.empty() ? "" : ", ") + std::string(f.name);
                for (const auto& f : schema::kFacetFields) {
                    if (f.entity) known += ", co_" + std::string(f.name);
                }
                throw UsageError("unknown facet '" + name + "'; facets are: " + known);
            }
            facets.push_back({static_cast<std::size_t>(field - schema::kFacetFields.data()), co});
        }
        for (const AskedFacet& asked : facets) {
            if (!asked.co_mention) options.facets[asked.facet] = true;
        }
        for (std::size_t facet : trend_facets(request))
            options.facets[facet] = true;
        return options;
    }

    // The facets trends are asked for, in the order asked.
    static std::vector<std::size_t> trend_facets(const SearchRequest& request) {
        std::vector<std::size_t> out;
        for (const std::string& name : request.trends) {
            const schema::FacetField* field = schema::find_facet(name);
            if (!field || !(field->entity || name == "country"))
                throw UsageError("trend '" + name + "': use person, place, org or country");
            out.push_back(static_cast<std::size_t>(field - schema::kFacetFields.data()));
        }
        return out;
    }

    std::vector<Trend> trends(const SearchRequest& request, const index::FacetCounts& counted,
                              const Xapian::Query& matched, std::size_t total,
                              const std::shared_ptr<const index::FacetColumns>& columns,
                              const search::TrendComplement* complement);

    // Counts over the whole index at this revision, for dense queries.
    search::WholeIndexCounts whole_counts;
    // A dense query's co-mentions, given `counted` by the stream: the matches' (then the whole
    // index's is kept, with the articles not matched counted here) or, with `whole`, those of
    // the articles not matched.
    search::CoMentionCounts dense_co_mentions(search::CoMentionCounts counted,
                                              const search::CoMentionCounts* whole,
                                              const search::CoMentionCounter& counter,
                                              const index::ValueColumns& mentions,
                                              const std::vector<Xapian::docid>& unmatched) {
        if (whole) {
            search::CoMentionCounts matched = *whole;
            for (std::size_t f = 0; f < matched.size(); ++f)
                matched[f].subtract(counted[f]);
            return matched;
        }
        search::CoMentionCounter rest(counter);
        search::count_articles(rest, mentions, unmatched);
        search::CoMentionCounts all = counted;
        for (std::size_t f = 0; f < all.size(); ++f)
            all[f].merge(rest.counted()[f]);
        whole_counts.keep_co_mentions(counter.signature(), std::move(all));
        return counted;
    }
    // The top values of `counts` (ids of facet `facet`), under the facet's name or `name`.
    Facet facet_result(const index::IdCounts& counts, std::size_t facet, std::size_t limit,
                       std::string name = "") {
        const schema::FacetField& field = schema::kFacetFields[facet];
        std::vector<FacetValue> values =
            index::top_values(counts, limit, [&](std::uint32_t id) -> const std::string& {
                return facet_values.value(db, facet, id);
            });
        if (field.entity) {
            const std::string name(field.name);
            for (FacetValue& v : values)
                v.value = entity_display_name(name, v.value);
            std::stable_sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
                return a.count != b.count ? a.count > b.count : a.value < b.value;
            });
        }
        return {name.empty() ? std::string(field.name) : std::move(name), std::move(values)};
    }

    // Facet counts over the whole index for one date granularity, at one revision: a query
    // that matches most articles is counted as these less the counts of the few it does not
    // match, which reads a fraction of the facet data.
    struct IndexTotals {
        std::string uuid;
        Xapian::rev revision = 0;
        std::string date_granularity;
        std::array<bool, schema::kFacetCount> facets{};  // those counted
        index::FacetCounts counts;
    };
    std::optional<IndexTotals> totals;

    const index::FacetCounts& index_totals(const index::FacetCounterOptions& options);

    // The index's clusters at one revision: stored by the indexer, else counted once and kept.
    struct Clusters {
        index::ClusterTotals totals;
        index::SharedClusters shared;  // the same, by docid
    };
    std::optional<std::pair<std::pair<std::string, Xapian::rev>, Clusters>> cluster_cache;
    const Clusters& clusters_now() {
        std::pair<std::string, Xapian::rev> state{db.get_uuid(), index::revision(db)};
        if (!cluster_cache || cluster_cache->first != state) {
            std::optional<index::ClusterTotals> stored = index::stored_cluster_totals(db);
            Clusters clusters{stored ? std::move(*stored) : index::count_clusters(db), {}};
            clusters.shared = index::SharedClusters(clusters.totals.shared);
            cluster_cache.emplace(std::move(state), std::move(clusters));
        }
        return cluster_cache->second;
    }
    const index::ClusterTotals& cluster_totals() { return clusters_now().totals; }

    // Facet values in memory (RevisionColumns); not for indexes so large that they would take
    // hundreds of MB.
    static constexpr Xapian::doccount kMaxColumnDocs = 2'000'000;
    RevisionColumns<index::FacetColumns> columns;
    std::shared_ptr<const index::FacetColumns> facet_columns() {
        return columns.get(db, [](const Xapian::Database& at) {
            return at.get_doccount() <= kMaxColumnDocs
                       ? std::make_shared<const index::FacetColumns>(at)
                       : nullptr;
        });
    }

    // Co-mention data in memory: about 450 bytes a news article, at most
    // kMaxMentionColumnBytes (past that, counting reads the value streams).
    static constexpr std::size_t kMaxMentionColumnBytes = std::size_t{512} << 20;
    RevisionColumns<index::ValueColumns> mention_columns_;
    std::shared_ptr<const index::ValueColumns> mention_columns() {
        return mention_columns_.get(db, [](const Xapian::Database& at) {
            return std::make_shared<const index::ValueColumns>(
                search::load_mention_columns(at, kMaxMentionColumnBytes));
        });
    }

    // The recency boost of weight 1 for one half-life, at one revision: built once, scaled per
    // query (search::recency_query).
    std::optional<std::tuple<std::string, Xapian::rev, double, Xapian::Query>> recency_cache;
    const Xapian::Query& recency_now(double half_life_days) {
        std::string uuid = db.get_uuid();
        const Xapian::rev revision = index::revision(db);
        if (!recency_cache || std::get<0>(*recency_cache) != uuid ||
            std::get<1>(*recency_cache) != revision ||
            std::get<2>(*recency_cache) != half_life_days)
            recency_cache.emplace(std::move(uuid), revision, half_life_days,
                                  search::recency_query(db, half_life_days));
        return std::get<3>(*recency_cache);
    }

    // The index's entity aliases at one revision.
    std::shared_ptr<const index::EntityAliases> aliases;
    std::pair<std::string, Xapian::rev> aliases_state;
    const std::shared_ptr<const index::EntityAliases>& entity_aliases() {
        std::pair<std::string, Xapian::rev> state{db.get_uuid(), index::revision(db)};
        if (!aliases || state != aliases_state) {
            aliases = index::EntityAliases::load(db);
            aliases_state = std::move(state);
        }
        return aliases;
    }

    SearchResult run(const SearchRequest& request);
    std::vector<Xapian::docid> all_matches(const SearchRequest& request);
    Xapian::Query partial_tail;  // set by compile_query for a plain query's "all" matches
    void append_partial_hits(const SearchRequest& request, search::PassageSelector& selector,
                             SearchResult& result);
    Xapian::Query compile_query(search::QueryCompiler& compiler, const search::QueryNode& tree,
                                const std::set<std::string>& query_languages, SearchResult& result);
    std::vector<PassageHit> rank_passages(const Xapian::MSet& mset,
                                          search::PassageSelector& selector,
                                          const SearchRequest& request);

    // The form of an entity the corpus uses most (the indexer keeps the counts).
    std::string entity_display_name(const std::string& facet, const std::string& key) const {
        return index::most_written_name(db, facet, key);
    }

    std::string document_language(const Document& d) const {
        return d.lang.empty() ? *languages.begin() : d.lang;
    }

    std::vector<std::string> document_ids(const std::vector<Xapian::docid>& docids) const {
        std::vector<std::string> ids;
        for (Xapian::docid did : docids)
            ids.push_back(index::unserialise(db.get_document(did).get_data(), false).doc.id);
        return ids;
    }

    Hit make_hit(const Xapian::MSetIterator& item, search::PassageSelector& selector,
                 const SearchRequest& request) {
        index::StoredDoc stored =
            index::unserialise(item.get_document().get_data(), selector.marks_mentions());
        const Document& d = stored.doc;
        std::string language = document_language(d);
        Hit hit;
        hit.id = d.id;
        hit.rank = item.get_rank() + 1;
        hit.score = item.get_weight();
        hit.title = d.title;
        hit.date = d.date;
        hit.url = d.url;
        hit.source = d.source;
        hit.author = d.author;
        hit.lang = d.lang;
        hit.title_highlights = selector.title_highlights(d.title, language);
        hit.passages =
            selector.select(*item, stored, language, {request.passages, request.passage_length});
        return hit;
    }
};

Searcher::Searcher(const std::string& index_path)
    : impl_(std::make_unique<Impl>(index_path, SearcherOptions{})) {}
Searcher::Searcher(const std::string& index_path, const SearcherOptions& options)
    : impl_(std::make_unique<Impl>(index_path, options)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

std::size_t Searcher::document_count() const {
    return impl_->db.get_doccount();
}

std::optional<DocumentView> Searcher::document(const std::string& id) {
    try {
        const auto& aliases = impl_->entity_aliases();
        auto name_of = [&](const std::string& facet, const std::string& key) {
            // An entity is shown under its name across the corpus, as its facet value is.
            const schema::FacetField* field = schema::find_facet(facet);
            const std::string& shown =
                field ? aliases->canonical_key(
                            static_cast<std::size_t>(field - schema::kFacetFields.data()), key)
                      : key;
            return impl_->entity_display_name(facet, shown.empty() ? key : shown);
        };
        return search::read_document_view(impl_->db, id, name_of);
    } catch (const Xapian::Error& e) {
        throw IndexError("reading document '" + id + "' failed: " + e.get_description());
    }
}

IndexInfo Searcher::info() const {
    return {impl_->path, impl_->db.get_doccount(), index::revision(impl_->db)};
}

bool Searcher::reopen() {
    if (impl_->cluster) {
        try {
            if (!impl_->cluster->failed()) return impl_->db.reopen();
        } catch (const Xapian::NetworkError&) {
            // a member went away: open them all again below
        } catch (const Xapian::Error& e) {
            throw IndexError(impl_->path + ": cannot reopen the cluster: " + e.get_description());
        }
        // Members failed (perhaps back now) or one went away: open the cluster again.
        impl_ = std::make_unique<Impl>(impl_->path, impl_->options);
        return true;
    }
    const std::string folder = index::readable_index_folder(impl_->path);
    if (!index::holds_single_index(folder) && !index::holds_sharded_index(folder))
        return false;  // removed: keep the view we have
    try {
        if (folder_identity(folder) != impl_->folder) {
            impl_ = std::make_unique<Impl>(impl_->path, impl_->options);
            return true;
        }
        return impl_->db.reopen();
    } catch (const Xapian::Error& e) {
        throw IndexError(impl_->path + ": cannot reopen the index: " + e.get_description());
    }
}

// Every article the query matches, in index order, whatever a ranking would show first.
std::vector<Xapian::docid> Searcher::Impl::all_matches(const SearchRequest& request) {
    search::QueryNode tree = search::parse_with_filters(request.query, request.filters);
    std::set<std::string> query_languages = languages;
    if (!request.language.empty()) query_languages = {request.language};
    search::QueryCompiler compiler(analyzer, query_languages, &db);
    compiler.set_aliases(entity_aliases().get());
    const analysis::Stopwords& stopwords = stopwords_for(query_languages);
    auto stop = [&](const std::string& term) { return stopwords.contains(term); };
    std::optional<search::PlainQuery> plain = compiler.compile_plain(tree, stop);
    Xapian::Query query = plain ? plain->all : compiler.compile_ranked(tree, stop);
    if (query.empty()) query = Xapian::Query::MatchNothing;
    return index::matching_docids(db, query);
}

std::vector<std::string> Searcher::matching_ids(const SearchRequest& request) {
    std::vector<std::string> ids;
    export_matches(
        request, [&](const Document& d) { ids.push_back(d.id); }, false);
    return ids;
}

std::size_t Searcher::export_matches(const SearchRequest& request,
                                     const std::function<void(const Document&)>& sink) {
    return export_matches(request, sink, true);
}

std::size_t Searcher::export_matches(const SearchRequest& request,
                                     const std::function<void(const Document&)>& sink,
                                     bool whole_body) {
    try {
        std::vector<Xapian::docid> matches;
        try {
            matches = impl_->all_matches(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            impl_->db.reopen();
            matches = impl_->all_matches(request);
        }
        for (Xapian::docid did : matches) {
            index::StoredDoc stored =
                index::unserialise(impl_->db.get_document(did).get_data(), false);
            if (whole_body)
                stored.doc.body =
                    search::BodyText(impl_->db, did, stored).slice(0, stored.body_size);
            sink(stored.doc);
        }
        return matches.size();
    } catch (const Xapian::Error& e) {
        throw IndexError("reading the matching articles failed: " + e.get_description());
    }
}

SearchResult Searcher::search(const SearchRequest& request) {
    try {
        // The indexer may commit meanwhile (more than once while a long search runs): search
        // the new revision, a few times at most.
        constexpr int kAttempts = 3;
        for (int attempt = 1;; ++attempt) {
            try {
                return impl_->run(request);
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == kAttempts) throw;
                impl_->db.reopen();
            } catch (const Xapian::NetworkError&) {
                // A cluster member went away since the open: open the cluster again, which
                // names it (or, partial, stands in for it).
                if (!impl_->cluster || attempt == kAttempts) throw;
                impl_ = std::make_unique<Impl>(impl_->path, impl_->options);
            }
        }
    } catch (const Xapian::Error& e) {
        throw IndexError("search failed: " + e.get_description());
    }
}

namespace {

// BM25 with the usual k1 = 1.2 and b = 0.75 rather than Xapian's defaults (1 and 0.5): MAP on
// CISI 0.2213 -> 0.2276, on CRAN 0.3098 -> 0.3156 (bench/relevance.py, ORed queries).
// Equal weights rank in docid order; in a sharded index, in the order of the articles' sequence,
// which is that order in one index of the same articles.
Xapian::Enquire ranking_enquire(const Xapian::Database& db, bool sharded) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
    if (sharded) enquire.set_sort_by_relevance_then_value(schema::kSlotSequence, false);
    return enquire;
}

}  // namespace

// A plain-sentence query matches the articles holding all its words but stopwords when there are
// any, else ranks those holding some of them.
Xapian::Query Searcher::Impl::compile_query(search::QueryCompiler& compiler,
                                            const search::QueryNode& tree,
                                            const std::set<std::string>& query_languages,
                                            SearchResult& result) {
    const analysis::Stopwords& stopwords = stopwords_for(query_languages);
    auto stop = [&](const std::string& term) { return stopwords.contains(term); };
    std::optional<search::PlainQuery> plain = compiler.compile_plain(tree, stop);
    if (!plain) return compiler.compile_ranked(tree, stop);
    Xapian::Enquire all(db);
    all.set_query(plain->all);
    // Whether one article holds them all is enough here: run() counts them exactly. Unweighted,
    // in docid order, the matcher stops at the first such article instead of ranking them all.
    all.set_weighting_scheme(Xapian::BoolWeight());
    all.set_docid_order(Xapian::Enquire::ASCENDING);
    result.match = all.get_mset(0, 1).empty() ? "partial" : "all";
    if (result.match == "partial") return plain->any;
    partial_tail = Xapian::Query(Xapian::Query::OP_AND_NOT, plain->any, plain->all);
    return plain->all;
}

// After the articles holding every word of a plain-sentence query, a page goes on with those
// holding some of them, ranked the same way (`total` stays the count of the first).
void Searcher::Impl::append_partial_hits(const SearchRequest& request,
                                         search::PassageSelector& selector, SearchResult& result) {
    if (partial_tail.empty() || request.passage_search || request.sort != SortOrder::relevance ||
        result.hits.size() >= request.limit)
        return;
    const std::size_t all = result.total;
    const auto first = static_cast<Xapian::doccount>(std::max(request.offset, all) - all);
    Xapian::Enquire enquire = ranking_enquire(db, sharded);
    enquire.set_query(partial_tail);
    if (request.collapse) enquire.set_collapse_key(schema::kSlotCluster);
    const Xapian::MSet mset =
        enquire.get_mset(first, static_cast<Xapian::doccount>(request.limit - result.hits.size()));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        result.hits.push_back(make_hit(it, selector, request));
        result.hits.back().rank = all + first + it.get_rank() + 1;
    }
}

SearchResult Searcher::Impl::run(const SearchRequest& request) {
    auto started = std::chrono::steady_clock::now();
    search::QueryNode tree = search::parse_with_filters(request.query, request.filters);
    std::set<std::string> query_languages = languages;
    if (!request.language.empty()) query_languages = {request.language};
    search::QueryCompiler compiler(analyzer, query_languages, &db);
    compiler.set_aliases(entity_aliases().get());
    SearchResult result;
    partial_tail = Xapian::Query();
    Xapian::Query query = compile_query(compiler, tree, query_languages, result);
    if (query.empty()) query = Xapian::Query::MatchNothing;
    if (!request.like.empty()) {
        // Ranked by likeness alone, among the articles the query and filters allow.
        const Xapian::Query like = search::like_query(db, request.like);
        const bool everything = request.query.empty() && request.filters.empty();
        query = everything ? like : Xapian::Query(Xapian::Query::OP_FILTER, like, query);
        partial_tail = Xapian::Query();
        result.match.clear();
    }
    if (cluster) cluster->require_all(request.partial);
    result.suggestion = search::spelling_suggestion(db, analyzer, tree, request.query);
    const Xapian::Query matched = query;  // before the recency boost, which matches nothing new

    Xapian::Enquire enquire = ranking_enquire(db, sharded);
    std::vector<double> weights;
    for (const auto& pattern : compiler.patterns())
        weights.push_back(pattern_weight(db, pattern, analyzer, query_languages));
    // Date order by sequence when the query weighs nothing (the boost, one weight per date,
    // breaks no tie of a date).
    enquire.set_query(query);
    const bool by_sequence = sharded && request.sort != SortOrder::relevance &&
                             enquire.get_mset(0, 1).get_max_possible() == 0;
    if (request.recency_half_life_days > 0) {
        query = Xapian::Query(
            Xapian::Query::OP_AND_MAYBE, query,
            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                          recency_now(request.recency_half_life_days), recency_boost(weights)));
        enquire.set_query(query);
    }
    DateKey date_key(request.sort == SortOrder::date_asc, by_sequence);
    if (request.sort != SortOrder::relevance && remote()) {
        // Xapian's remote servers run no KeyMaker: they sort by the DateKey the indexer stored
        // (by_sequence: with the sequence; else the date, undated last ascending). An index
        // written before those were stored sorts by the date slot (undated first ascending).
        const bool asc = request.sort == SortOrder::date_asc;
        Xapian::valueno slot = asc ? schema::kSlotDateAscending : schema::kSlotDate;
        if (by_sequence) slot = asc ? schema::kSlotDateOrderAsc : schema::kSlotDateOrderDesc;
        if (db.get_value_upper_bound(slot).empty()) slot = schema::kSlotDate;
        enquire.set_sort_by_value_then_relevance(slot, !asc);
    } else if (request.sort != SortOrder::relevance) {
        enquire.set_sort_by_key_then_relevance(&date_key, request.sort == SortOrder::date_desc);
    }
    static const index::SharedClusters no_clusters;
    // With collapse: the matching articles that share a cluster.
    index::ClusterSpy clusters(request.collapse ? clusters_now().shared : no_clusters,
                               index::SpyDocids(sharded));
    std::optional<index::ComplementClusters> complement;  // or, for a dense query, these
    std::vector<AskedFacet> facets;
    facet_values.use(db);  // after a reopen, perhaps another index in the same folder
    const index::FacetCounterOptions counter_options = facet_options(request, facets);
    const bool counting = !request.date_facet.empty() ||
                          std::any_of(counter_options.facets.begin(), counter_options.facets.end(),
                                      [](bool counted) { return counted; });
    // A remote shard's values cost a round trip each: its server counts them (Cluster::count).
    const std::shared_ptr<const index::FacetColumns> columns =
        counting && !remote() ? facet_columns() : nullptr;
    std::array<bool, schema::kFacetCount> co_facets{};
    for (const AskedFacet& asked : facets)
        co_facets[asked.facet] = co_facets[asked.facet] || asked.co_mention;
    const bool co_mentioning =
        std::any_of(co_facets.begin(), co_facets.end(), [](bool co) { return co; });
    const Xapian::doccount docs = db.get_doccount();
    const std::shared_ptr<const index::ValueColumns> mentions =
        co_mentioning && !remote() ? mention_columns() : nullptr;  // remote: members count
    search::PatternTerms pattern_terms(db, analyzer, compiler.patterns(), query_languages);
    // Co-mentions are counted from the columns in memory by a second thread as the matches come
    // (co_stream) where the counting needs nothing else, else after the match from its docids
    // (co_dids, or a dense query's).
    std::optional<search::CoMentionStream> co_stream;
    std::optional<search::DocidSpy> co_dids;
    std::optional<search::CoMentionCounter> co_counter;  // what co_stream counts with
    if (co_mentioning) {
        co_counter.emplace(db, compiler.patterns(), pattern_terms, co_facets, facet_values,
                           entity_aliases().get());
        if (mentions && co_counter->counts_from_columns_alone())
            co_stream.emplace(*co_counter, mentions, docs);
        if (remote() && !co_counter->counts_from_columns_alone())
            throw UsageError(
                "co-mention facets beside a mentioned-date filter or a one-word person filter "
                "are not available on a cluster of remote shards yet; search a local copy of "
                "the index for them");
    }
    whole_counts.at(db);
    // A dense query's co-mentions: the whole index's (when kept) less those of the articles it
    // does not match, which co_stream then counts.
    const search::CoMentionCounts* co_whole = nullptr;
    std::optional<std::vector<Xapian::docid>> unmatched_dids;  // a dense query's, once read
    auto unmatched_articles = [&]() -> const std::vector<Xapian::docid>& {
        if (!unmatched_dids)
            unmatched_dids = index::matching_docids(
                db, Xapian::Query(Xapian::Query::OP_AND_NOT, index::match_all(), matched));
        return *unmatched_dids;
    };
    std::optional<Xapian::doccount> unmatched_count;            // for a dense query
    std::optional<search::CoMentionCounts> remote_co_mentions;  // the members' sum

    // Passage search draws on the best articles from the top; article search pages directly.
    auto first = static_cast<Xapian::doccount>(request.passage_search ? 0 : request.offset);
    auto count = static_cast<Xapian::doccount>(request.passage_search ? request.passage_pool
                                                                      : request.limit);
    result.query = search::query_with_filters(request.query, request.filters);
    Xapian::MSet mset;
    std::vector<bool> folded;  // by rank in mset: an article of a story ranked higher
    index::FacetCounts counted;
    // Counts and totals are exact, never estimates. A query that seems to match over half the
    // index is ranked without them (the matcher may then stop early), and counted from the
    // articles it does not match.
    // Collapsing: Xapian's collapser costs per article it meets, so every match goes through the
    // cluster spy without it (or, remote, the members list their matches to it). A page of
    // articles is folded here, from the articles ranked first up to it and as many again;
    // passage search, or a page these articles do not fill, is ranked by a second match with
    // the collapser, which may stop early.
    // A sharded index puts ties of a date and a weight in sequence order (tie_ordered_page): the
    // one match then ranks from the top, past the page. (by_sequence covers a query that
    // weighs nothing.)
    const bool reorder_ties = sharded && !by_sequence && request.sort != SortOrder::relevance &&
                              !request.collapse && !request.passage_search;
    const Xapian::doccount page_first = reorder_ties ? 0 : first;
    const Xapian::doccount page_count = reorder_ties ? first + count + kTieTail : count;
    auto rank_folding = [&](bool match_feeds_spies) {
        const bool fold_here = !request.passage_search;
        const Xapian::doccount fetch = first + count + std::max<Xapian::doccount>(count, 10);
        if (fold_here) {
            mset = enquire.get_mset(0, fetch, docs);
            folded = clusters.folded(mset);
            if (mset.size() == fetch &&
                std::count(folded.begin(), folded.end(), false) < static_cast<long>(first + count))
                folded.clear();
        } else if (match_feeds_spies) {
            mset = enquire.get_mset(first, 0, docs);
        }
        if (folded.empty()) {
            enquire.clear_matchspies();
            enquire.set_collapse_key(schema::kSlotCluster);
            mset = enquire.get_mset(first, count);
        }
    };
    if (remote()) {
        // The members count facets and co-mentions (from the counter's signature) and list the
        // matches for collapsing: nothing is counted here.
        const std::string co_signature = co_counter ? co_counter->signature() : "";
        if (counting || co_counter || request.collapse) {
            search::ShardCounts both = cluster->count(matched, counter_options, co_signature,
                                                      request.collapse, request.partial);
            counted = std::move(both.facets);
            if (co_counter) remote_co_mentions = std::move(both.co_mentions);
            for (Xapian::docid did : both.docids)
                clusters.saw(did);
        }
        // checkatleast = every document: the total is exact.
        if (request.collapse)
            rank_folding(false);
        else
            mset = enquire.get_mset(page_first, page_count, docs);
        result.total = request.collapse ? clusters.seen() : mset.get_matches_estimated();
        result.total_exact =
            request.collapse || mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    } else if (counting && 2 * enquire.get_mset(0, 0).get_matches_estimated() > docs) {
        if (request.collapse) enquire.set_collapse_key(schema::kSlotCluster);
        mset = enquire.get_mset(page_first, page_count);
        if (co_stream) {  // counted while the rest is: the complement's facets, the passages
            co_whole = whole_counts.co_mentions(co_counter->signature());
            for (Xapian::docid did :
                 co_whole ? unmatched_articles() : index::matching_docids(db, matched))
                co_stream->add(did);
        }
        Xapian::doccount unmatched = 0;
        index::FacetCounts rest = index::count_matches(
            db, Xapian::Query(Xapian::Query::OP_AND_NOT, index::match_all(), matched),
            counter_options, unmatched, columns);
        const index::FacetCounts& whole = index_totals(counter_options);
        for (std::size_t facet = 0; facet < schema::kFacetCount; ++facet) {
            if (counter_options.facets[facet])  // copies only what is asked for
                counted.facets[facet] = whole.facets[facet];
        }
        counted.published = whole.published;
        counted.mentioned = whole.mentioned;
        counted.subtract(rest);
        result.total = docs - unmatched;
        result.total_exact = true;
        unmatched_count = unmatched;
        if (request.collapse)
            complement.emplace(db, cluster_totals(),
                               unmatched ? unmatched_articles() : std::vector<Xapian::docid>{});
    } else {
        index::FacetCounter counter(db, counter_options, columns);
        enquire.add_matchspy(&counter);
        if (request.collapse) enquire.add_matchspy(&clusters);  // sees folded articles too
        if (co_stream)
            enquire.add_matchspy(&*co_stream);
        else if (co_mentioning)
            enquire.add_matchspy(&co_dids.emplace(index::SpyDocids(sharded)));
        // checkatleast = every document: the total and the counts are exact.
        if (request.collapse)
            rank_folding(true);
        else
            mset = enquire.get_mset(page_first, page_count, docs);
        counted = counter.take_counted();
        // With collapse, Xapian's counts are of stories and only estimated: the spy counts.
        result.total = request.collapse ? clusters.seen() : mset.get_matches_estimated();
        result.total_exact =
            request.collapse || mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    }
    if (request.collapse) {
        result.collapse = true;
        result.total_articles = result.total;
        result.total = complement ? complement->stories() : clusters.stories(result.total_articles);
    }

    search::PassageSelector selector(db, analyzer, compiler.patterns(), pattern_terms,
                                     std::move(weights), compiler.near_groups());
    result.passage_search = request.passage_search;
    if (request.passage_search) {
        result.passage_hits = rank_passages(mset, selector, request);
    } else {
        auto key = [](const Xapian::MSetIterator& it) {
            return it.get_document().get_value(schema::kSlotCluster);
        };
        std::size_t story = 0;  // folded here: stories met, the page's from `first` on
        if (reorder_ties) {
            enquire.clear_matchspies();  // counted already; some are gone with their scope
            const std::vector<Xapian::MSetIterator> page =
                tie_ordered_page(enquire, mset, first, count);
            for (std::size_t i = 0; i < page.size(); ++i) {
                result.hits.push_back(make_hit(page[i], selector, request));
                result.hits.back().rank = first + i + 1;
            }
        }
        for (auto it = mset.begin();
             !reorder_ties && it != mset.end() && result.hits.size() < count; ++it) {
            if (!folded.empty()) {  // a folded article, or a story of an earlier page
                if (folded[it.get_rank()]) continue;
                if (story++ < first) continue;
            }
            result.hits.push_back(make_hit(it, selector, request));
            if (!folded.empty()) result.hits.back().rank = story;
            // Read from all matches: a ranking that stopped early saw only some of the folded.
            if (request.collapse)
                result.hits.back().duplicates = document_ids(
                    complement ? complement->others(key(it), *it) : clusters.others(key(it), *it));
        }
        append_partial_hits(request, selector, result);
    }
    if (result.match == "all")
        result.all_words = result.collapse ? result.total_articles : result.total;
    search::CoMentionCounts co_counted;
    if (remote_co_mentions) {
        co_counted = std::move(*remote_co_mentions);
    } else if (co_stream) {
        co_counted = co_stream->finish();
        if (unmatched_count)
            co_counted = dense_co_mentions(std::move(co_counted), co_whole, *co_counter, *mentions,
                                           unmatched_articles());
    } else if (co_mentioning) {
        co_counted = search::count_co_mentions(
            db, co_dids ? co_dids->take_sorted() : index::matching_docids(db, matched),
            compiler.patterns(), pattern_terms, co_facets, facet_values, entity_aliases().get(),
            mentions.get());
    }
    for (const AskedFacet& asked : facets) {
        const std::size_t f = asked.facet;
        result.facets.push_back(
            asked.co_mention ? facet_result(co_counted[f], f, request.facet_limit,
                                            "co_" + std::string(schema::kFacetFields[f].name))
                             : facet_result(counted.facets[f], f, request.facet_limit));
    }
    if (!request.date_facet.empty()) {
        result.date_histograms.push_back(counted.published->histogram("published"));
        result.date_histograms.push_back(counted.mentioned->histogram("mentioned"));
    }
    std::optional<search::TrendComplement> trend_complement;
    if (unmatched_count)
        trend_complement.emplace(search::TrendComplement{
            Xapian::Query(Xapian::Query::OP_AND_NOT, index::match_all(), matched), *unmatched_count,
            whole_counts});
    result.trends =
        trends(request, counted, matched, result.collapse ? result.total_articles : result.total,
               columns, trend_complement ? &*trend_complement : nullptr);
    if (cluster) {
        result.shards_total = cluster->members();
        result.shards_failed = cluster->failed();
    }
    result.took_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return result;
}

// For each trend facet, its top values' publication-date histograms over the match set.
std::vector<Trend> Searcher::Impl::trends(const SearchRequest& request,
                                          const index::FacetCounts& counted,
                                          const Xapian::Query& matched, std::size_t total,
                                          const std::shared_ptr<const index::FacetColumns>& columns,
                                          const search::TrendComplement* complement) {
    std::vector<search::TrendFacet> followed;
    for (std::size_t facet : trend_facets(request)) {
        const schema::FacetField& field = schema::kFacetFields[facet];
        const std::string name(field.name);
        auto value = [&](std::uint32_t id) -> const std::string& {
            return facet_values.value(db, facet, id);
        };
        search::TrendFacet f{facet, {}};
        for (std::uint32_t id : index::top_ids(counted.facets[facet], request.trend_limit, value)) {
            // An entity facet's values are keys, shown under the corpus's most used form, and
            // filtered by their term and their aliases'; another's is analysed.
            search::TrendValue v;
            v.ids = {id};
            if (field.entity) {
                if (const auto& members = entity_aliases()->members(facet, id); !members.empty())
                    v.ids = members;
                for (std::uint32_t member : v.ids)
                    v.terms.push_back(std::string(field.prefix) + value(member));
            } else {
                v.terms.push_back(std::string(field.prefix) +
                                  index::facet_key(analyzer, value(id)));
            }
            v.display = field.entity ? entity_display_name(name, value(id)) : value(id);
            v.count = counted.facets[facet].count(id);
            f.values.push_back(std::move(v));
        }
        std::stable_sort(f.values.begin(), f.values.end(), [](const auto& a, const auto& b) {
            return a.count != b.count ? a.count > b.count : a.display < b.display;
        });
        followed.push_back(std::move(f));
    }
    if (followed.empty()) return {};
    const std::string granularity = request.date_facet.empty() ? "month" : request.date_facet;
    if (remote()) {  // each value's series summed over the members, as the facets are
        return search::count_trends_with(
            matched, followed, granularity,
            [&](const Xapian::Query& query, const index::FacetCounterOptions& options) {
                return cluster->count(query, options, "", false, request.partial).facets;
            });
    }
    return search::count_trends(db, matched, total, followed, granularity, columns, complement);
}

// The `limit` entities named beside the query's matches in most articles, by display name.
// The index's totals as stored by the indexer when they hold for this revision, else counted
// here (only the facets asked for so far) and kept until the next revision.
const index::FacetCounts& Searcher::Impl::index_totals(const index::FacetCounterOptions& options) {
    const std::string uuid = db.get_uuid();
    const Xapian::rev revision = index::revision(db);
    auto covers = [&](const IndexTotals& t) {
        for (std::size_t facet = 0; facet < schema::kFacetCount; ++facet) {
            if (options.facets[facet] && !t.facets[facet]) return false;
        }
        return t.uuid == uuid && t.revision == revision &&
               t.date_granularity == options.date_granularity;
    };
    if (totals && covers(*totals)) return totals->counts;
    if (auto stored = index::stored_index_totals(db, options.date_granularity)) {
        totals = IndexTotals{uuid, revision, options.date_granularity, {}, std::move(*stored)};
        totals->facets.fill(true);
        return totals->counts;
    }
    index::FacetCounterOptions wanted = options;
    if (totals && totals->uuid == uuid && totals->revision == revision) {
        for (std::size_t facet = 0; facet < schema::kFacetCount; ++facet)
            wanted.facets[facet] = wanted.facets[facet] || totals->facets[facet];
    }
    Xapian::doccount docs = 0;
    totals =
        IndexTotals{uuid, revision, options.date_granularity, wanted.facets,
                    index::count_matches(db, index::match_all(), wanted, docs, columns.held())};
    return totals->counts;
}

std::vector<PassageHit> Searcher::Impl::rank_passages(const Xapian::MSet& mset,
                                                      search::PassageSelector& selector,
                                                      const SearchRequest& request) {
    struct Candidate {
        search::ScoredWindow window;
        Xapian::MSetIterator article;
    };
    std::vector<Candidate> candidates;
    const search::PassageOptions options{request.passages, request.passage_length};
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        index::StoredDoc stored = index::unserialise(it.get_document().get_data(), false);
        for (const search::ScoredWindow& window : selector.windows(*it, stored, options))
            candidates.push_back({window, it});
    }
    // Best passage first; among equals, the better article, then the earlier passage.
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const Candidate& a, const Candidate& b) { return a.window.score > b.window.score; });
    std::vector<PassageHit> out;
    for (std::size_t i = request.offset; i < candidates.size() && out.size() < request.limit; ++i) {
        const Candidate& c = candidates[i];
        index::StoredDoc stored =
            index::unserialise(c.article.get_document().get_data(), selector.marks_mentions());
        std::vector<search::PatternHit> hits = selector.hits(*c.article);
        const Document& d = stored.doc;
        PassageHit hit{i + 1,
                       d.id,
                       c.article.get_rank() + 1,
                       c.article.get_weight(),
                       d.title,
                       d.date,
                       d.url,
                       d.source,
                       {}};
        hit.passage = selector.render(*c.article, stored, c.window, hits, document_language(d),
                                      request.passage_length);
        out.push_back(std::move(hit));
    }
    return out;
}

}  // namespace byline
