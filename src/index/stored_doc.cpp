#include "index/stored_doc.h"

#include <byline/error.h>

namespace byline::index {

namespace {

constexpr char kFormat = '\x03';  // 3: with the display names written

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

void put_string(std::string& out, const std::string& s) {
    put_varint(out, s.size());
    out += s;
}

class Reader {
  public:
    explicit Reader(const std::string& data) : data_(data) {}

    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= data_.size()) fail();
            auto byte = static_cast<unsigned char>(data_[pos_++]);
            v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80)) return v;
        }
        fail();
    }
    std::string string() {
        std::uint64_t n = varint();
        if (n > data_.size() - pos_) fail();
        std::string s = data_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    void skip_string() {
        std::uint64_t n = varint();
        if (n > data_.size() - pos_) fail();
        pos_ += n;
    }
    std::size_t remaining() const { return data_.size() - pos_; }
    char byte() {
        if (pos_ >= data_.size()) fail();
        return data_[pos_++];
    }

  private:
    [[noreturn]] static void fail() {
        throw IndexError(
            "stored document data is damaged or of another Byline version; "
            "re-index the corpus");
    }
    const std::string& data_;
    std::size_t pos_ = 0;
};

}  // namespace

std::string serialise(const StoredDoc& stored) {
    const Document& d = stored.doc;
    std::string out;
    out.reserve(d.body.size() + d.title.size() + 64 + stored.sentences.size() * 3);
    out.push_back(kFormat);
    for (const std::string* s :
         {&d.id, &d.title, &d.body, &d.date, &d.source, &d.url, &d.author, &d.lang, &d.origin}) {
        put_string(out, *s);
    }
    if (stored.sentence_positions.size() != stored.sentences.size())
        throw Error("stored document: one sentence position per sentence is required");
    put_varint(out, stored.body_size);
    put_varint(out, stored.sentences.size());
    std::size_t last = 0;
    for (const Span& span : stored.sentences) {
        put_varint(out, span.start - last);
        put_varint(out, span.end - span.start);
        last = span.end;
    }
    std::uint32_t last_position = 0;
    for (std::uint32_t position : stored.sentence_positions) {
        put_varint(out, position - last_position);
        last_position = position;
    }
    put_varint(out, stored.entity_keys.size());
    for (const std::string& key : stored.entity_keys)
        put_string(out, key);
    put_varint(out, stored.mentions.size());
    for (const StoredMention& m : stored.mentions) {
        put_varint(out, m.facet);
        put_varint(out, m.key);
        put_varint(out, m.start);
        put_varint(out, m.end - m.start);
    }
    put_varint(out, stored.names.size());
    for (const StoredName& n : stored.names) {
        put_varint(out, n.facet);
        put_varint(out, n.key);
        put_string(out, n.name);
        put_varint(out, n.count);
    }
    return out;
}

StoredDoc unserialise(const std::string& data, bool with_mentions, bool with_text) {
    Reader in(data);
    if (in.byte() != kFormat) {
        throw IndexError("stored document data is of another Byline version; re-index the corpus");
    }
    StoredDoc stored;
    Document& d = stored.doc;
    for (std::string* s :
         {&d.id, &d.title, &d.body, &d.date, &d.source, &d.url, &d.author, &d.lang, &d.origin}) {
        if (with_text || s == &d.id)
            *s = in.string();
        else
            in.skip_string();
    }
    stored.body_size = in.varint();
    if (stored.body_size < d.body.size()) throw IndexError("stored body size is damaged");
    std::uint64_t count = in.varint();
    // Each sentence takes three bytes at least (its span and its first position).
    if (count > stored.body_size + 1 || count > in.remaining() / 3)
        throw IndexError("stored sentence count is damaged");
    stored.sentences.reserve(count);
    stored.sentence_positions.reserve(count);
    std::size_t last = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::uint64_t gap = in.varint(), length = in.varint();
        if (gap > stored.body_size || length > stored.body_size ||
            last + gap + length > stored.body_size)
            throw IndexError("stored sentence offsets are out of range");
        const std::size_t start = last + gap, end = start + length;
        stored.sentences.push_back({start, end});
        last = end;
    }
    std::uint32_t position = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        position += static_cast<std::uint32_t>(in.varint());
        stored.sentence_positions.push_back(position);
    }
    if (!with_mentions) return stored;
    std::uint64_t keys = in.varint();
    for (std::uint64_t i = 0; i < keys; ++i)
        stored.entity_keys.push_back(in.string());
    std::uint64_t mentions = in.varint();
    for (std::uint64_t i = 0; i < mentions; ++i) {
        StoredMention m;
        m.facet = static_cast<std::uint32_t>(in.varint());
        m.key = static_cast<std::uint32_t>(in.varint());
        m.start = in.varint();
        const std::uint64_t length = in.varint();
        m.end = m.start + length;
        if (m.key >= stored.entity_keys.size() || m.start > stored.body_size ||
            length > stored.body_size || m.end > stored.body_size)
            throw IndexError("stored entity mentions are damaged; re-index the corpus");
        stored.mentions.push_back(m);
    }
    std::uint64_t names = in.varint();
    for (std::uint64_t i = 0; i < names; ++i) {
        StoredName n;
        n.facet = static_cast<std::uint32_t>(in.varint());
        n.key = static_cast<std::uint32_t>(in.varint());
        n.name = in.string();
        n.count = static_cast<std::uint32_t>(in.varint());
        if (n.key >= stored.entity_keys.size())
            throw IndexError("stored entity names are damaged; re-index the corpus");
        stored.names.push_back(std::move(n));
    }
    return stored;
}

}  // namespace byline::index
