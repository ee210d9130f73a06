#pragma once
/// \file
/// What an index holds, for `byline-index --info` and applications that manage archives.

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace byline {

struct IndexReport {
    std::string path;
    std::string format;            ///< index format version (schema)
    std::size_t documents = 0;     ///< articles
    std::uint64_t disk_bytes = 0;  ///< size of the index's files
    unsigned long revision = 0;    ///< Xapian revision of the last commit
    std::string last_commit;       ///< time of the last commit, ISO 8601 UTC; "" if unknown
    /// Articles per language (the `lang` facet), most first.
    std::vector<std::pair<std::string, std::size_t>> languages;
    std::string first_date, last_date;  ///< publication dates, YYYY[-MM[-DD]]; "" if none
    std::size_t undated = 0;            ///< articles without a publication date
    /// Per facet (source, lang, author, month, person, place, org): values held by at least
    /// one article.
    std::vector<std::pair<std::string, std::size_t>> facet_values;
    std::uint64_t uncompacted = 0;  ///< articles written or deleted since the last compaction
    double uncompacted_share = 0;   ///< uncompacted / documents (compaction runs at 0.2)
    bool checked = false;           ///< whether `check` ran
    std::size_t check_errors = 0;   ///< problems Xapian's check and Byline's found
    std::string check_output;       ///< what the checks said about the problems
};

/// Reads what the index at `path` holds; with `check`, also checks its structure
/// (Xapian::Database::check) and that every article's stored data can be read. Throws
/// IndexError if it is missing or not a Byline index of this format.
IndexReport inspect_index(const std::string& path, bool check = false);

}  // namespace byline
