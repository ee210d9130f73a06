#pragma once
/// \file
/// Searching a Byline index: ranked articles, highlighted passages and exact facet counts.

#include <byline/document.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace byline {

enum class SortOrder {
    relevance,  ///< BM25, best first
    date_desc,  ///< newest first, undated last, relevance breaks ties
    date_asc,   ///< oldest first, undated last, relevance breaks ties
};

/// Filters ANDed to the query, the same as writing `person:"..."` etc. in it: values of one
/// facet are alternatives (OR), different facets must all match.
struct SearchFilters {
    std::vector<std::string> people, places, orgs, sources, countries;
    std::string since, until;  ///< publication date bounds, YYYY[-MM[-DD]], "" = open

    bool empty() const {
        return people.empty() && places.empty() && orgs.empty() && sources.empty() &&
               countries.empty() && since.empty() && until.empty();
    }
};

struct SearchRequest {
    std::string query;      ///< Byline query language (see README); "" matches every article
    SearchFilters filters;  ///< structured filters, for forms and APIs
    /// More like this: rank by likeness to the articles with these ids (which are left out);
    /// the query and filters, if any, restrict the articles ranked.
    std::vector<std::string> like;
    std::size_t offset = 0;  ///< hits to skip, for paging
    std::size_t limit = 10;  ///< hits to return
    SortOrder sort = SortOrder::relevance;
    /// Facets to count over the whole match set; empty means every facet the index has.
    /// Co-mention facets "co_person", "co_place" and "co_org" count the matching articles that
    /// name an entity in the same sentence as a match of the query (a query word or phrase, or
    /// the entity a person:/place:/org: filter names, itself left out); they are counted only
    /// when asked for.
    std::vector<std::string> facets;
    std::size_t facet_limit = 10;      ///< values per facet, most frequent first
    std::size_t passages = 2;          ///< passages per hit
    std::size_t passage_length = 300;  ///< longest passage, in characters
    std::string language;              ///< stem query words as this language; "" = index's
    /// Rank passages across the result set instead of articles: `offset`/`limit` then count
    /// passages, drawn from the best `passage_pool` articles (up to `passages` from each).
    bool passage_search = false;
    std::size_t passage_pool = 200;
    /// Date histograms of publication and mentioned dates: "day", "week", "month", "year", or
    /// "" for none.
    std::string date_facet = "month";
    /// Entity trends: for each facet named here ("person", "place", "org", "country"), its
    /// `trend_limit` most frequent values over the match set, each with a histogram of
    /// publication dates at the `date_facet` granularity (month if none).
    std::vector<std::string> trends;
    std::size_t trend_limit = 5;
    /// Recency boost: a publication this many days older than the newest article in the index
    /// gets half the boost (BM25 plus at most half the query's rarity). 0: off.
    double recency_half_life_days = 0;
    /// Same story once: near-duplicate articles (wire copies, re-sent and corrected versions)
    /// fold under the best-ranked one, which lists them in Hit::duplicates; `total` then counts
    /// stories. Facet counts still count articles. In passage search, the article pool is
    /// collapsed.
    bool collapse = false;
    /// A cluster (README: remote shards): answer even when some members cannot, from the
    /// others (SearchResult::shards_failed); else that is an IndexError naming them.
    bool partial = false;
};

/// A byte range [start, end) of the text it belongs to.
struct Highlight {
    std::size_t start = 0;
    std::size_t end = 0;
};

/// A piece of an article's body. `text` is exactly body[start, end); a renderer shows an
/// ellipsis where the passage was cut inside a sentence.
struct Passage {
    std::string text;
    std::size_t start = 0;              ///< byte offset of the passage in the stored body
    std::size_t end = 0;                ///< byte offset one past its end in the stored body
    double score = 0;                   ///< how well it answers the query
    bool cut_before = false;            ///< a sentence was cut at the start
    bool cut_after = false;             ///< a sentence was cut at the end
    std::vector<Highlight> highlights;  ///< byte offsets into `text`
};

struct Hit {
    std::string id;
    std::size_t rank = 0;  ///< 1-based, counting from the first hit of the whole result
    double score = 0;      ///< BM25 weight
    std::string title;
    std::string date;  ///< YYYY-MM-DD, YYYY-MM, YYYY or empty
    std::string url;
    std::string source;
    std::string author;
    std::string lang;
    std::vector<Highlight> title_highlights;  ///< byte offsets into `title`
    std::vector<Passage> passages;
    /// With SearchRequest::collapse: ids of the matching near-duplicates folded under this hit.
    std::vector<std::string> duplicates;
};

/// A passage ranked against passages of other articles (passage search).
struct PassageHit {
    std::size_t rank = 0;          ///< 1-based among all passages
    std::string id;                ///< its article
    std::size_t article_rank = 0;  ///< the article's rank in the article ranking
    double article_score = 0;
    std::string title;
    std::string date;
    std::string url;
    std::string source;
    Passage passage;
};

struct FacetValue {
    std::string value;
    std::size_t count = 0;  ///< matching documents with this value
};

/// Documents per date bucket, oldest first, empty buckets included.
struct DateHistogram {
    std::string name;         ///< "published" or "mentioned"
    std::string granularity;  ///< "day", "week" (labelled by its Monday), "month" or "year"
    std::vector<FacetValue> buckets;
    std::size_t undated = 0;  ///< matching documents without such a date
};

struct Facet {
    std::string name;
    std::vector<FacetValue> values;  ///< most frequent first, ties by value
};

/// How the coverage of one facet value moved: matching articles with it per publication-date
/// bucket. The buckets plus `undated` add up to `count`.
struct TrendSeries {
    std::string value;                ///< as its facet shows it
    std::size_t count = 0;            ///< matching articles with the value (its facet count)
    std::size_t undated = 0;          ///< of those, articles without a publication date
    std::vector<FacetValue> buckets;  ///< oldest first; every series of a trend has the same
};

/// The most frequent values of one facet over time.
struct Trend {
    std::string name;                 ///< the facet: "person", "place", "org" or "country"
    std::string granularity;          ///< of the buckets: "day", "week", "month" or "year"
    std::vector<TrendSeries> series;  ///< most frequent value first
};

struct SearchResult {
    std::string query;
    std::size_t total = 0;  ///< matching documents (stories, when collapsing)
    bool collapse = false;  ///< near-duplicates folded (SearchRequest::collapse)
    /// With collapse: matching articles, near-duplicates included (else 0).
    std::size_t total_articles = 0;
    bool total_exact = true;  ///< whether `total` is an exact count
    /// For a plain-sentence query (words side by side, without operators): "all" when some
    /// articles hold every word but stopwords (those are the matches), "partial" when none does
    /// and the articles holding some of the words are ranked by how many; "" for other queries.
    std::string match;
    std::size_t all_words = 0;  ///< articles holding every word of a plain-sentence query
    /// "Did you mean": the query with rare words replaced by a spelling the index holds in many
    /// more articles (one or two edits away); "" when no word has one.
    std::string suggestion;
    double took_ms = 0;
    bool passage_search = false;           ///< which of the two lists below is filled
    std::vector<Hit> hits;                 ///< article search
    std::vector<PassageHit> passage_hits;  ///< passage search
    std::vector<Facet> facets;
    std::vector<DateHistogram> date_histograms;  ///< published, then mentioned
    std::vector<Trend> trends;                   ///< in the order asked
    /// A cluster's members (README: remote shards): how many, and how many could not answer
    /// (left out with SearcherOptions::partial). Both 0 for an index folder.
    std::size_t shards_total = 0;
    std::size_t shards_failed = 0;
};

/// An entity an article mentions.
struct EntityMention {
    std::string facet;         ///< "person", "place" or "org"
    std::string name;          ///< display name (the corpus's most frequent form)
    std::string key;           ///< canonical key, the value `facet:` filters match
    std::size_t mentions = 0;  ///< how often the article mentions it
};

/// One stored article, as `byline-serve` shows it at /doc/{id}.
struct DocumentView {
    std::string id, title, body, date, url, source, author, lang;
    std::vector<EntityMention> entities;       ///< most mentioned first, per facet order
    std::vector<std::string> mentioned_dates;  ///< days the text mentions, YYYY-MM-DD, sorted
};

/// What an open index holds.
struct IndexInfo {
    std::string path;
    std::size_t documents = 0;
    unsigned long revision = 0;  ///< grows with every commit the searcher has seen
};

/// How a Searcher opens a cluster file (README: remote shards); an index folder ignores them.
struct SearcherOptions {
    /// Open a cluster whose members cannot all be reached (an empty stand-in for each that
    /// cannot); else that is an IndexError naming it. Searches then need
    /// SearchRequest::partial, and reopen() tries the missing members again.
    bool partial = false;
    double timeout_seconds = 10;  ///< for each connection to, and each wait on, a remote member
};

/// A read-only view of an index. Not thread-safe: use one Searcher per thread.
class Searcher {
  public:
    /// Opens the index; throws IndexError if it is missing or not a Byline index.
    explicit Searcher(const std::string& index_path);
    /// The same; `index_path` may also be a cluster file (README: remote shards).
    Searcher(const std::string& index_path, const SearcherOptions& options);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    /// Runs a query; throws QueryError for a syntax error.
    SearchResult search(const SearchRequest& request);

    /// Number of documents in the index.
    std::size_t document_count() const;

    /// The stored article with this id, with its entities; nothing if there is none.
    std::optional<DocumentView> document(const std::string& id);

    /// Ids of every article `request` matches (its query and filters; a plain sentence means
    /// the articles holding all its words, never a ranked search's partial matches), in index
    /// order. Paging, sorting and facet fields are ignored.
    std::vector<std::string> matching_ids(const SearchRequest& request);

    /// Hands every article `request` matches (as matching_ids()) to `sink`, whole and as it was
    /// indexed (the date normalised), in index order; returns how many.
    std::size_t export_matches(const SearchRequest& request,
                               const std::function<void(const Document&)>& sink);

    /// Path, size and revision of the index as this searcher sees it.
    IndexInfo info() const;

    /// Moves to the latest commit of the index, also after byline-index compacted it into a
    /// new folder. Returns true if what the searcher sees changed. Throws IndexError if the
    /// index is gone.
    bool reopen();

  private:
    std::size_t export_matches(const SearchRequest& request,
                               const std::function<void(const Document&)>& sink, bool whole_body);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace byline
