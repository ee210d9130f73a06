#include "search/body_text.h"

#include <byline/error.h>

#include "index/schema.h"

#include <algorithm>

namespace byline::search {

const std::string& BodyText::chunk(std::size_t n) const {
    auto it = chunks_.find(n);
    if (it != chunks_.end()) return it->second;
    return chunks_[n] = db_.get_metadata(schema::body_chunk_key(did_, n));
}

std::string BodyText::slice(std::size_t start, std::size_t end) const {
    end = std::min(end, size_);
    if (start >= end) return {};
    if (end <= inline_.size()) return inline_.substr(start, end - start);
    if (inline_.size() != schema::kInlineBodyBytes)
        throw IndexError("stored article text is damaged; re-index the corpus");
    std::string out;
    out.reserve(end - start);
    if (start < inline_.size()) {
        out.append(inline_, start, std::string::npos);
        start = inline_.size();
    }
    while (start < end) {
        std::size_t offset = start - schema::kInlineBodyBytes;
        const std::string& piece = chunk(offset / schema::kBodyChunkBytes);
        std::size_t in_piece = offset % schema::kBodyChunkBytes;
        if (in_piece >= piece.size())
            throw IndexError("stored article text is incomplete; re-index the corpus");
        std::size_t take = std::min(end - start, piece.size() - in_piece);
        out.append(piece, in_piece, take);
        start += take;
    }
    return out;
}

}  // namespace byline::search
