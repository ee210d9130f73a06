// byline-index --info: counts read from the index's metadata, value streams and facet slots.
#include <byline/error.h>
#include <byline/inspect.h>

#include "index/compaction.h"
#include "index/facet_totals.h"
#include "index/match_all.h"
#include "index/schema.h"
#include "index/shards.h"
#include "index/stored_doc.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace byline {

namespace {

std::uint64_t folder_bytes(const std::string& folder) {
    namespace fs = std::filesystem;
    std::uint64_t bytes = 0;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        if (it->is_regular_file(ec)) bytes += it->file_size(ec);
    }
    for (const std::string& shard : index::shard_folders(folder))
        bytes += folder_bytes(shard);
    return bytes;
}

// "20251125" -> "2025-11-25" (also "202511" -> "2025-11").
std::string iso_date(const std::string& compact) {
    std::string out;
    for (std::size_t at = 0; at < compact.size(); ++at) {
        if (at == 4 || at == 6) out.push_back('-');
        out.push_back(compact[at]);
    }
    return out;
}

void read_dates(const Xapian::Database& db, IndexReport& report) {
    std::size_t dated = 0;
    for (auto it = db.valuestream_begin(schema::kSlotDate);
         it != db.valuestream_end(schema::kSlotDate); ++it) {
        const std::string value = *it;
        if (value.empty()) continue;
        ++dated;
        if (report.first_date.empty() || value < report.first_date) report.first_date = value;
        if (value > report.last_date) report.last_date = value;
    }
    report.undated = report.documents - std::min<std::size_t>(dated, report.documents);
    if (!report.first_date.empty()) report.first_date = iso_date(report.first_date);
    if (!report.last_date.empty()) report.last_date = iso_date(report.last_date);
}

void count_facet_values(const Xapian::Database& db, IndexReport& report) {
    index::FacetCounterOptions options;
    options.facets.fill(true);
    Xapian::doccount matches = 0;
    const index::FacetCounts counts =
        index::count_matches(db, index::match_all(), options, matches);
    for (std::size_t facet = 0; facet < schema::kFacetCount; ++facet) {
        const index::IdCounts& ids = counts.facets[facet];
        const std::string_view name = schema::kFacetFields[facet].name;
        std::size_t distinct = 0;
        for (std::uint32_t id : ids.seen()) {
            if (ids.count(id) == 0) continue;
            ++distinct;
            if (name == "lang")
                report.languages.emplace_back(db.get_metadata(schema::facet_value_key(name, id)),
                                              ids.count(id));
        }
        report.facet_values.emplace_back(std::string(name), distinct);
    }
    std::sort(report.languages.begin(), report.languages.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
}

// Xapian's structural check, then every article's stored data read back.
void check_index(const std::string& folder, const Xapian::Database& db, IndexReport& report) {
    std::ostringstream out;
    report.checked = true;
    std::vector<std::string> folders = index::shard_folders(folder);  // Xapian checks one
    if (folders.empty()) folders.push_back(folder);
    for (const std::string& one : folders) {
        try {
            report.check_errors += Xapian::Database::check(one, 0, &out);
        } catch (const Xapian::Error& e) {
            ++report.check_errors;
            out << one << ": " << e.get_description() << "\n";
        }
    }
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        try {
            index::unserialise(db.get_document(*it).get_data(), true);
        } catch (const Error& e) {
            ++report.check_errors;
            out << "document " << *it << ": " << e.what() << "\n";
        }
    }
    report.check_output = out.str();
}

}  // namespace

IndexReport inspect_index(const std::string& path, bool check) {
    const std::string folder = index::readable_index_folder(path);
    IndexReport report;
    report.path = path;
    try {
        Xapian::Database db(folder, Xapian::DB_OPEN);
        report.format = db.get_metadata(std::string(schema::kMetaFormat));
        if (report.format.empty())
            throw IndexError(path + ": not a Byline index (no format stamp); index into it first");
        if (report.format != schema::kFormatVersion) {
            throw IndexError(path + ": index format " + report.format +
                             " is not supported by this version of Byline; re-index into a new "
                             "folder");
        }
        report.documents = db.get_doccount();
        report.revision = index::revision(db);
        report.disk_bytes = folder_bytes(folder);
        report.last_commit = db.get_metadata(std::string(schema::kMetaCommitted));
        const std::string uncompacted = db.get_metadata(std::string(schema::kMetaUncompacted));
        report.uncompacted = uncompacted.empty() ? report.documents
                                                 : std::strtoull(uncompacted.c_str(), nullptr, 10);
        report.uncompacted_share =
            report.documents ? static_cast<double>(report.uncompacted) / report.documents : 0;
        read_dates(db, report);
        count_facet_values(db, report);
        if (check) check_index(folder, db, report);
    } catch (const Xapian::Error& e) {
        throw IndexError(path + ": cannot read the index: " + e.get_description());
    }
    return report;
}

}  // namespace byline
