#include "extract/tagger_lexicon.h"

#include "extract/entity_gazetteer.h"
#include "util/bytes.h"
#include "util/stable_hash.h"
#include "util/text.h"

#include <byline/error.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstring>
#include <fstream>
#include <iterator>

namespace byline::extract {
namespace {

constexpr std::string_view kMagic = "BYLLEX01";
constexpr std::uint32_t kProbes = 11;  // with 16 bits a form: about 0.05% false hits
constexpr std::size_t kBitsPerForm = 16;
constexpr std::size_t kMinHeadPrefix = 3;  // bytes before a compound's head noun
constexpr std::size_t kMinHead = 4;        // bytes of the head noun

constexpr char kNoun = 'C', kLower = 'L';
constexpr char kNameKinds[] = {'P', 'G', 'O', 'F', 'S', 'H'};  // by NameKind

char name_tag(NameKind kind) {
    return kNameKinds[static_cast<std::size_t>(kind)];
}

bool is_upper_start(std::string_view w) {
    const auto* s = reinterpret_cast<const uint8_t*>(w.data());
    int32_t i = 0, n = static_cast<int32_t>(w.size());
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    return c > 0 && (u_isupper(c) || u_istitle(c));
}

// Bloom filter probe k of a form (double hashing over one 64-bit hash).
std::uint64_t probe(std::uint64_t h, std::uint32_t k, std::size_t bits) {
    const std::uint64_t h1 = h & 0xffffffffu, h2 = (h >> 32) | 1u;
    return (h1 + k * h2) % bits;
}

std::uint64_t form_hash(char kind, std::string_view form) {
    return hash::mix(hash::fnv1a(form, hash::fnv1a(std::string_view(&kind, 1))));
}

}  // namespace

std::string name_key(const std::vector<std::string_view>& lower_words) {
    std::string key;
    for (std::string_view w : lower_words)
        key += w;
    return key;
}

std::string lexicon_key(std::string_view word) {
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    int32_t i = 0, n = static_cast<int32_t>(word.size());
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    std::string out;
    if (c < 0) return out;
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, U8_MAX_LENGTH, u_tolower(c), error);
    if (error) return out;
    out.assign(buf, static_cast<std::size_t>(len));
    for (std::size_t k = static_cast<std::size_t>(i); k < word.size(); ++k) {
        char b = word[k];
        out += (b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : b;
    }
    return out;
}

TaggerLexicon TaggerLexicon::build(const std::vector<std::string>& forms,
                                   const std::vector<KnownName>& names) {
    TaggerLexicon lex;
    const std::size_t entries = forms.size() + names.size();
    lex.bits_.assign(std::max<std::size_t>(1, entries * kBitsPerForm / 64 + 1), 0);
    for (const std::string& f : forms) {
        if (f.empty()) continue;
        lex.insert(is_upper_start(f) ? kNoun : kLower, lexicon_key(f));
    }
    for (const KnownName& n : names) {
        std::string lower = utf8_lower(n.name);
        std::vector<std::string_view> words;
        for (std::string_view w : text::split(lower, ' '))
            if (!w.empty()) words.push_back(w);
        if (!words.empty()) lex.insert(name_tag(n.kind), name_key(words));
    }
    return lex;
}

bool TaggerLexicon::is_name(NameKind kind, std::string_view key) const {
    return contains(name_tag(kind), key);
}

bool TaggerLexicon::is_given_name(std::string_view word) const {
    return contains(name_tag(NameKind::given), utf8_lower(word));
}

bool TaggerLexicon::is_surname(std::string_view word) const {
    return contains(name_tag(NameKind::surname), utf8_lower(word));
}

bool TaggerLexicon::is_headword(std::string_view word) const {
    return contains(name_tag(NameKind::proper), utf8_lower(word));
}

void TaggerLexicon::insert(char kind, std::string_view form) {
    const std::uint64_t h = form_hash(kind, form);
    for (std::uint32_t k = 0; k < kProbes; ++k) {
        const std::uint64_t b = probe(h, k, bit_count());
        bits_[b / 64] |= std::uint64_t{1} << (b % 64);
    }
}

bool TaggerLexicon::contains(char kind, std::string_view form) const {
    if (bits_.empty() || form.empty()) return false;
    const std::uint64_t h = form_hash(kind, form);
    for (std::uint32_t k = 0; k < kProbes; ++k) {
        const std::uint64_t b = probe(h, k, bit_count());
        if (!(bits_[b / 64] >> (b % 64) & 1)) return false;
    }
    return true;
}

bool TaggerLexicon::is_noun(std::string_view word) const {
    return contains(kNoun, lexicon_key(word));
}

bool TaggerLexicon::is_lower_word(std::string_view word) const {
    return contains(kLower, lexicon_key(word));
}

bool TaggerLexicon::is_common_noun(std::string_view word) const {
    const std::string key = lexicon_key(word);
    auto inflected = [&](std::string_view noun) {
        if (!contains(kNoun, noun)) return false;
        for (std::string_view ending : {"e", "n", "en", "er", "es", "ern", "nen", "se"}) {
            if (contains(kNoun, std::string(noun) + std::string(ending))) return true;
        }
        return false;
    };
    if (inflected(key)) return true;
    for (std::size_t k = kMinHeadPrefix; k + kMinHead <= key.size(); ++k) {
        if ((static_cast<unsigned char>(key[k]) & 0xC0) == 0x80) continue;
        if (contains(kNoun, std::string_view(key).substr(k)))
            return inflected(std::string_view(key).substr(k));
    }
    return false;
}

std::string TaggerLexicon::noun_head(std::string_view word) const {
    const std::string key = lexicon_key(word);
    for (std::size_t k = kMinHeadPrefix; k + kMinHead <= key.size(); ++k) {
        if ((static_cast<unsigned char>(key[k]) & 0xC0) == 0x80) continue;  // inside a letter
        if (contains(kNoun, std::string_view(key).substr(k))) return key.substr(k);
    }
    return {};
}

bool TaggerLexicon::has_noun_head(std::string_view word) const {
    return !noun_head(word).empty();
}

void TaggerLexicon::save(const std::string& path) const {
    std::string out(kMagic);
    bytes::put<std::uint64_t>(out, bits_.size());
    for (std::uint64_t w : bits_)
        bytes::put<std::uint64_t>(out, w);
    bytes::put<std::uint64_t>(out, hash::fnv1a(out));
    std::ofstream f(path, std::ios::binary);
    if (!f.write(out.data(), static_cast<std::streamsize>(out.size())) || !f.flush())
        throw InputError(path, "cannot write the lexicon");
}

TaggerLexicon TaggerLexicon::load(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw InputError(path, "cannot open the tagger lexicon");
    std::string data{std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
    const std::size_t head = kMagic.size() + sizeof(std::uint64_t);
    if (data.compare(0, kMagic.size(), kMagic) != 0)
        throw InputError(path,
                         "not a Byline tagger lexicon (rebuild it with byline-build-lexicon)");
    if (data.size() < head + sizeof(std::uint64_t))
        throw InputError(path, "truncated tagger lexicon");
    std::uint64_t words = 0, sum = 0;
    std::memcpy(&words, data.data() + kMagic.size(), sizeof words);
    if (words == 0 || words > (data.size() - head) / 8 ||
        data.size() != head + words * 8 + sizeof sum)
        throw InputError(path, "truncated tagger lexicon");
    std::memcpy(&sum, data.data() + data.size() - sizeof sum, sizeof sum);
    if (sum != hash::fnv1a(std::string_view(data).substr(0, data.size() - sizeof sum)))
        throw InputError(path, "damaged tagger lexicon (checksum)");
    TaggerLexicon lex;
    lex.bits_.resize(words);
    std::memcpy(lex.bits_.data(), data.data() + head, words * 8);
    return lex;
}

}  // namespace byline::extract
