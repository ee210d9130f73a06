#pragma once
// Co-mention counting beside the matcher. A match spy hands the articles Xapian matches to a
// second thread in blocks (or the searcher hands over a match set it read otherwise), which
// counts them from the mention columns in memory while the match goes on and the searcher
// chooses passages; the searcher's thread then counts what is left with it. Only for counting
// that needs neither the database nor positions (CoMentionCounter::counts_from_columns_alone()).

#include "search/co_mentions.h"

#include <xapian.h>

#include <array>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace byline::search {

class CoMentionStream : public Xapian::MatchSpy {
  public:
    /// `columns`: load_mention_columns() at the revision the match runs on; `most`: at most
    /// how many documents the match sees (the index's document count).
    CoMentionStream(const CoMentionCounter& counter,
                    std::shared_ptr<const index::ValueColumns> columns, Xapian::doccount most);
    CoMentionStream(const CoMentionStream&) = delete;
    CoMentionStream& operator=(const CoMentionStream&) = delete;
    ~CoMentionStream() override;

    void operator()(const Xapian::Document& doc, double) override { add(docid_of_(doc)); }
    /// Hands over one matching article: what the spy does, and what a caller does with a match
    /// set it knows otherwise (a dense query's, read after its ranking).
    void add(Xapian::docid did);
    /// Local matches only: the counting thread cannot follow a copy to a remote shard.
    Xapian::MatchSpy* clone() const override;
    std::string name() const override { return "byline::CoMentionStream"; }

    /// After the match: counts the blocks not yet taken on this thread too, then the counts
    /// of every matched article. Once; rethrows an error of the other thread.
    CoMentionCounts finish();

  private:
    static constexpr std::size_t kBlock = 512;  // articles handed over at once
    using Block = std::array<Xapian::docid, kBlock>;

    // Takes the next block to count, waiting for one unless `wait` is false; false when the
    // match is over and every block is taken.
    bool take(std::size_t& block, bool wait);
    void count_block(CoMentionCounter& counter, std::size_t block);
    void work();

    index::SpyDocids docid_of_;
    CoMentionCounter here_, there_;
    std::shared_ptr<const index::ValueColumns> columns_;
    // Filled by the matcher's thread, read by the other: the vector of blocks is reserved for
    // every block there can be, so it is never moved while read.
    std::vector<std::unique_ptr<Block>> blocks_;
    std::size_t filled_ = 0;  // articles in the last block (matcher's thread only)
    std::mutex mutex_;
    std::condition_variable wake_;
    std::size_t published_ = 0;       // whole blocks handed over (under mutex_)
    std::size_t taken_ = 0;           // blocks taken by either thread (under mutex_)
    std::size_t last_size_ = kBlock;  // of the last block, once matched_ (under mutex_)
    bool matched_ = false;            // the match is over (under mutex_)
    std::exception_ptr error_;        // of the other thread
    std::thread thread_;
};

}  // namespace byline::search
