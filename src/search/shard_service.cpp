#include <byline/error.h>
#include <byline/shard.h>

#include "index/entity_aliases.h"
#include "index/schema.h"
#include "index/shards.h"
#include "search/shard_counts.h"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <mutex>
#include <optional>

namespace byline {

// As a local searcher's bound (searcher.cpp): about 450 bytes a news article.
constexpr std::size_t kMaxMentionColumnBytes = std::size_t{512} << 20;

struct ShardService::Impl {
    std::string path;
    mutable std::mutex mutex;  // one Xapian::Database, one thread at a time
    mutable Xapian::Database db;
    // The aliases last sent, parsed once: they change only when the index is committed.
    mutable std::uint64_t aliases_hash = 0;
    mutable std::shared_ptr<const index::EntityAliases> aliases;
    // The shard's facet values in memory, at one revision.
    mutable std::shared_ptr<const index::FacetColumns> columns;
    mutable Xapian::rev columns_revision = 0;
    // Its co-mention slots, loaded at the first request for co-mentions at a revision.
    mutable std::optional<index::ValueColumns> mention_columns;
    mutable Xapian::rev mention_revision = 0;
};

ShardService::ShardService(const std::string& path) : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    try {
        impl_->db = Xapian::Database(path);
    } catch (const Xapian::Error& e) {
        throw IndexError(path + ": cannot open the index or shard: " + e.get_msg());
    }
}

ShardService::~ShardService() = default;

std::string ShardService::hello(int xapian_port) const {
    std::lock_guard lock(impl_->mutex);
    try {
        impl_->db.reopen();
        nlohmann::json j{{"byline_shard", 1},
                         {"xapian_port", xapian_port},
                         // A whole sharded index served as one is no shard of a cluster.
                         {"shard", index::is_sharded(impl_->db)
                                       ? std::string()
                                       : impl_->db.get_metadata(std::string(schema::kMetaShard))},
                         {"documents", impl_->db.get_doccount()}};
        return j.dump();
    } catch (const Xapian::Error& e) {
        throw IndexError(impl_->path + ": " + e.get_msg());
    }
}

std::optional<std::string> ShardService::count(std::string_view bytes) const {
    search::ShardCountRequest request = search::ShardCountRequest::decode(bytes);
    std::lock_guard lock(impl_->mutex);
    try {
        impl_->db.reopen();  // the articles committed since, as Xapian's server sees them
        if (request.lists_included) {
            impl_->aliases = index::EntityAliases::parse(request.aliases);
            impl_->aliases_hash = search::aliases_hash(request.aliases);
        } else if (!impl_->aliases || impl_->aliases_hash != request.lists_hash) {
            return std::nullopt;
        }
        request.options.aliases = impl_->aliases;
        const Xapian::rev revision = index::revision(impl_->db);
        if (!impl_->columns || impl_->columns_revision != revision) {
            impl_->columns = std::make_shared<index::FacetColumns>(impl_->db);
            impl_->columns_revision = revision;
        }
        if (!request.co_mentions.empty() &&
            (!impl_->mention_columns || impl_->mention_revision != revision)) {
            impl_->mention_columns.reset();  // the old ones go first: they may be large
            // Bounded as a searcher bounds its own: past it the request fails, naming why.
            impl_->mention_columns.emplace(
                search::load_mention_columns(impl_->db, kMaxMentionColumnBytes));
            impl_->mention_revision = revision;
        }
        const index::ValueColumns* mentions =
            request.co_mentions.empty() ? nullptr : &*impl_->mention_columns;
        return search::count_shard(impl_->db, request, impl_->columns, mentions)
            .serialise(mentions != nullptr, request.docids);
    } catch (const Xapian::Error& e) {
        throw IndexError(impl_->path + ": cannot count: " + e.get_msg());
    }
}

}  // namespace byline
