#include "search/cluster.h"

#include <byline/error.h>

#include "index/facet_totals.h"
#include "index/schema.h"
#include "index/shards.h"
#include "search/http_client.h"
#include "search/shard_counts.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace byline::search {

namespace fs = std::filesystem;

namespace {

// An empty database in a failed member's place: the others keep their docids.
Xapian::Database stand_in() {
    return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

bool parse_host_port(const std::string& text, std::string& host, int& port) {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon + 1 == text.size()) return false;
    host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);  // [::1]:7000
    if (host.empty()) host = "127.0.0.1";
    char* end = nullptr;
    const long n = std::strtol(text.c_str() + colon + 1, &end, 10);
    port = static_cast<int>(n);
    return *end == '\0' && n > 0 && n < 65536;
}

}  // namespace

bool is_cluster_file(const std::string& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

Cluster::Cluster(const std::string& file, const ClusterOptions& options)
    : file_(file), options_(options) {
    std::ifstream in(file);
    if (!in) throw IndexError(file + ": cannot read the cluster file");
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        std::istringstream words(line);
        std::string first, second, extra;
        if (!(words >> first) || first[0] == '#') continue;
        Member m;
        m.spec = line.substr(line.find_first_not_of(" \t"));
        if (first == "remote") {
            if (!(words >> second) || (words >> extra && extra[0] != '#') ||
                !parse_host_port(second, m.host, m.port))
                throw UsageError(file + ":" + std::to_string(number) + ": '" + line +
                                 "': write 'remote HOST:PORT' or a shard's folder");
            remote_ = true;
        } else {
            m.path = (fs::path(file).parent_path() / first).string();
        }
        members_.push_back(std::move(m));
    }
    if (members_.empty())
        throw UsageError(file +
                         ": the cluster file names no member; one a line: a shard's "
                         "folder or 'remote HOST:PORT'");
    for (std::size_t k = 0; k < members_.size(); ++k)
        open(members_[k], k);
    if (members_.front().failed)
        throw IndexError(file + ": its first member (" + members_.front().name() +
                         ") holds the index's names and cannot be left out");
    for (std::size_t facet = 0; facet < schema::kFacetCount; ++facet) {
        const std::string next =
            db_.get_metadata(schema::facet_next_id_key(schema::kFacetFields[facet].name));
        id_limits_[facet] = static_cast<std::uint32_t>(std::strtoul(next.c_str(), nullptr, 10));
    }
}

// Opens member k and checks it is shard k of the same index as member 0.
void Cluster::open(Member& m, std::size_t k) {
    std::string why;  // it cannot be opened
    try {
        Xapian::Database db;
        if (m.host.empty()) {
            m.db = Xapian::Database(m.path);
            db = m.db;
        } else {
            const HttpReply hello =
                http_request(m.host, m.port, "GET", "/hello", "", options_.timeout_seconds);
            const nlohmann::json j = nlohmann::json::parse(hello.body, nullptr, false);
            if (hello.status != 200 || !j.is_object() || !j.contains("xapian_port"))
                throw IndexError("not a byline-shard server (HTTP " + std::to_string(hello.status) +
                                 " at /hello)");
            const auto ms = static_cast<unsigned>(std::ceil(options_.timeout_seconds * 1000));
            db = Xapian::Remote::open(m.host, j["xapian_port"].get<unsigned>(), ms, ms);
        }
        const std::string tag = db.get_metadata(std::string(schema::kMetaShard));
        const std::string first_tag =
            k == 0 ? tag : db_.get_metadata(std::string(schema::kMetaShard));
        std::istringstream mine(tag), first(first_tag);
        std::size_t shard = 0, shards = 0, first_shard = 0, first_shards = 0;
        std::string id, first_id;
        mine >> shard >> shards >> id;
        first >> first_shard >> first_shards >> first_id;
        const bool alone = members_.size() == 1 && tag.empty();  // one index, not sharded
        if (!alone && (tag.empty() || shard != k || shards + 1 != members_.size() ||
                       (k > 0 && id != first_id)))
            throw IndexError("not shard " + std::to_string(k) + " of " +
                             std::to_string(members_.size() - 1) + " of this index (" +
                             (tag.empty() ? "no shard" : "shard " + tag) +
                             "); list shard-0 … shard-N of one sharded index, in order");
        db_.add_database(db);
        return;
    } catch (const std::exception& e) {
        why = e.what();
    } catch (const Xapian::Error& e) {
        why = e.get_msg();
    }
    if (!options_.partial || k == 0)
        throw IndexError(file_ + ": member " + std::to_string(k + 1) + " (" + m.name() +
                         "): " + why);
    m.failed = true;
    db_.add_database(stand_in());
}

std::size_t Cluster::failed() const {
    std::size_t n = 0;
    for (const Member& m : members_)
        n += m.failed;
    return n;
}

// On a thread of its own: it may copy no Xapian object shared with another thread (their
// reference counts are not atomic), so a local member reads the query from its bytes.
ShardCounts Cluster::count_member(const Member& m, const EncodedCount& request,
                                  const index::FacetCounterOptions& options,
                                  const std::string& co_mentions, bool docids) const {
    if (m.host.empty()) {
        ShardCountRequest local{Xapian::Query::unserialise(request.query), options};
        local.co_mentions = co_mentions;
        local.docids = docids;
        return count_shard(m.db, local, nullptr, nullptr);
    }
    // The alias lists (tens of KB) go once; then their hash, until they change.
    const bool hash_only = m.aliases_sent == request.lists_hash;
    HttpReply reply =
        http_request(m.host, m.port, "POST", "/count",
                     hash_only ? request.hash_only : request.with_lists, options_.timeout_seconds);
    if (reply.status == 409 && hash_only) {  // restarted since: send them again
        reply = http_request(m.host, m.port, "POST", "/count", request.with_lists,
                             options_.timeout_seconds);
    }
    if (reply.status != 200) throw IndexError("counting failed: " + reply.body);
    m.aliases_sent = request.lists_hash;
    ShardCounts counts;
    if (!counts.unserialise(reply.body, options.date_granularity, id_limits_, !co_mentions.empty(),
                            docids, db_.get_lastdocid()))
        throw IndexError("damaged counts (a shard server of another version?)");
    return counts;
}

void Cluster::require_all(bool partial) const {
    if (partial) return;
    for (std::size_t k = 0; k < members_.size(); ++k) {
        if (members_[k].failed)
            throw IndexError(file_ + ": member " + std::to_string(k + 1) + " (" +
                             members_[k].name() +
                             ") cannot be reached; search with --partial "
                             "(partial=1) to answer from the others");
    }
}

ShardCounts Cluster::count(const Xapian::Query& query, const index::FacetCounterOptions& options,
                           const std::string& co_mentions, bool docids, bool partial) const {
    const Xapian::rev revision = index::revision(db_);
    if (!aliases_ || aliases_->first != revision) {  // read once a revision (shard-0's metadata)
        auto lists = index::EntityAliases::stored_lists(db_);
        const std::uint64_t hash = aliases_hash(lists);
        aliases_.emplace(revision, std::pair{std::move(lists), hash});
    }
    ShardCountRequest request{query, options, aliases_->second.first};
    request.options.aliases.reset();  // they travel as the stored lists
    request.lists_hash = aliases_->second.second;
    request.co_mentions = co_mentions;
    request.docids = docids;
    EncodedCount encoded{query.serialise(), request.encode(), {}, request.lists_hash};
    request.lists_included = false;
    encoded.hash_only = request.encode();
    std::vector<ShardCounts> counts(members_.size());
    std::vector<std::string> errors(members_.size());
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < members_.size(); ++k) {
        if (members_[k].failed) continue;
        threads.emplace_back([&, k] {
            try {
                counts[k] = count_member(members_[k], encoded, options, co_mentions, docids);
                for (Xapian::docid& did : counts[k].docids)  // the shard's, in the whole
                    did = (did - 1) * static_cast<Xapian::docid>(members_.size()) +
                          static_cast<Xapian::docid>(k) + 1;
            } catch (const Error& e) {
                errors[k] = e.what();
            } catch (const Xapian::Error& e) {
                errors[k] = e.get_msg();
            } catch (const std::exception& e) {
                errors[k] = e.what();
            }
        });
    }
    for (std::thread& t : threads)
        t.join();
    ShardCounts sum;
    if (!options.date_granularity.empty()) {
        sum.facets.published.emplace(options.date_granularity);
        if (options.mentioned_dates) sum.facets.mentioned.emplace(options.date_granularity);
    }
    for (std::size_t k = 0; k < members_.size(); ++k) {
        if (members_[k].failed) continue;
        if (!errors[k].empty()) {
            if (!partial)
                throw IndexError(file_ + ": member " + std::to_string(k + 1) + " (" +
                                 members_[k].name() + "): " + errors[k]);
            members_[k].failed = true;
            continue;
        }
        sum.merge(counts[k]);
    }
    return sum;
}

}  // namespace byline::search
