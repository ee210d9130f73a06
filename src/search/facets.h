#pragma once
// Exact facet counts over the whole match set, read from one value slot per facet.

#include <byline/searcher.h>

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace byline::search {

/// Counts the values of one facet slot (multi-valued: separated by schema::kFacetSeparator) over
/// every document the matcher visits; a value repeated within a document counts once.
class FacetSpy : public Xapian::MatchSpy {
  public:
    explicit FacetSpy(Xapian::valueno slot) : slot_(slot) {}

    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override { return new FacetSpy(slot_); }
    std::string name() const override { return "byline::FacetSpy"; }

    /// The `limit` most frequent values, ties broken by value.
    std::vector<FacetValue> top(std::size_t limit) const;
    std::size_t documents_seen() const { return seen_; }

  private:
    // Heterogeneous lookup: counting a value already seen allocates nothing.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    Xapian::valueno slot_;
    std::size_t seen_ = 0;
    std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> counts_;
    std::vector<std::string_view> values_;  // scratch, reused for each document

    void count(std::string_view value);
};

}  // namespace byline::search
