#include "search/co_mention_stream.h"

namespace byline::search {

CoMentionStream::CoMentionStream(const CoMentionCounter& counter,
                                 std::shared_ptr<const index::ValueColumns> columns,
                                 Xapian::doccount most)
    : docid_of_(counter.database()), here_(counter), there_(counter), columns_(std::move(columns)) {
    blocks_.reserve(std::size_t{most} / kBlock + 1);
    thread_ = std::thread([this] { work(); });
}

CoMentionStream::~CoMentionStream() {
    if (!thread_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        matched_ = true;
        taken_ = published_ + 1;  // nothing more to count: the search failed
    }
    wake_.notify_all();
    thread_.join();
}

void CoMentionStream::add(Xapian::docid did) {
    if (blocks_.empty() || filled_ == kBlock) {
        if (blocks_.size() == blocks_.capacity())
            throw Xapian::InvalidOperationError(
                "byline::CoMentionStream saw more documents than the index holds");
        blocks_.push_back(std::make_unique<Block>());
        filled_ = 0;
    }
    (*blocks_.back())[filled_++] = did;
    if (filled_ == kBlock) {
        {
            std::lock_guard lock(mutex_);
            published_ = blocks_.size();
        }
        wake_.notify_one();
    }
}

Xapian::MatchSpy* CoMentionStream::clone() const {
    throw Xapian::UnimplementedError("byline::CoMentionStream counts local matches only");
}

bool CoMentionStream::take(std::size_t& block, bool wait) {
    std::unique_lock lock(mutex_);
    if (wait) wake_.wait(lock, [this] { return taken_ < published_ || matched_; });
    if (taken_ >= published_) return false;
    block = taken_++;
    return true;
}

void CoMentionStream::count_block(CoMentionCounter& counter, std::size_t block) {
    std::size_t size = kBlock;
    {
        std::lock_guard lock(mutex_);
        if (matched_ && block + 1 == published_) size = last_size_;
    }
    const Block& dids = *blocks_[block];
    count_articles(counter, *columns_, std::span(dids).first(size));
}

void CoMentionStream::work() {
    try {
        std::size_t block = 0;
        while (take(block, true))
            count_block(there_, block);
    } catch (...) {
        error_ = std::current_exception();
    }
}

CoMentionCounts CoMentionStream::finish() {
    {
        std::lock_guard lock(mutex_);
        matched_ = true;
        if (!blocks_.empty() && filled_ < kBlock) {  // the last block, part full
            published_ = blocks_.size();
            last_size_ = filled_;
        }
    }
    wake_.notify_all();
    std::size_t block = 0;
    while (take(block, false))
        count_block(here_, block);
    thread_.join();
    if (error_) std::rethrow_exception(error_);
    here_.merge(there_);
    return here_.counted();
}

}  // namespace byline::search
