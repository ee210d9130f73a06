#include "extract/tagger.h"

#include <algorithm>

namespace byline::extract {

void EntityTagger::emissions(const TaggerInput& in, const Line& line, std::vector<float>& out,
                             const TagHistory* history) const {
    const std::size_t T = model_.tags.size();
    out.assign((line.last - line.first) * T, 0.0f);
    std::vector<std::uint32_t> hashes;
    std::vector<std::int32_t> sums(T);
    for (std::size_t i = line.first; i < line.last; ++i) {
        hashes.clear();
        feature_hashes(in, line, i, hashes);
        const std::uint8_t context = history ? history_context(in, i) : 0;
        const std::uint8_t verdict = context ? history->verdict(in.word_hash[i]) : 0;
        if (verdict) hashes.push_back(history_feature(context, verdict));
        std::fill(sums.begin(), sums.end(), 0);
        for (std::uint32_t h : hashes)
            model_.add_feature(h, sums.data());
        float* row = &out[(i - line.first) * T];
        for (std::size_t t = 0; t < T; ++t)
            row[t] = static_cast<float>(sums[t]) * model_.scale;
    }
}

void record_history(const TaggerInput& in, const TagSet& tags, const Line& line,
                    const std::vector<std::uint8_t>& seq, TagHistory& history) {
    for (std::size_t i = line.first; i < line.last; ++i) {
        if (!history_context(in, i)) continue;
        history.record_tag(in.word_hash[i], tags, seq[i - line.first]);
    }
}

std::vector<TagSpan> EntityTagger::tag(const TaggerInput& in) const {
    std::vector<TagSpan> spans;
    std::vector<float> em;
    TagHistory history;
    for (const Line& line : in.tt->lines) {
        if (line.last <= line.first) continue;
        emissions(in, line, em, model_.history ? &history : nullptr);
        auto seq = viterbi(model_, em, line.last - line.first);
        if (model_.history) record_history(in, model_.tags, line, seq, history);
        for (TagSpan s : spans_of(model_.tags, seq)) {
            s.first += line.first;
            s.last += line.first;
            spans.push_back(s);
        }
    }
    return spans;
}

std::string tagger_language(std::string_view path) {
    const std::size_t slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    constexpr std::string_view kPrefix = "ner-model-", kSuffix = ".bin";
    if (!name.starts_with(kPrefix) || !name.ends_with(kSuffix)) return "";
    name = name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
    if (name.size() < 2 || name.size() > 3) return "";
    return std::string(name);
}

std::string lexicon_path(const std::string& model_path, std::string_view language) {
    const std::size_t slash = model_path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : model_path.substr(0, slash);
    return dir + "/lexicon-" + std::string(language.empty() ? "en" : language) + ".bin";
}

EntityTagger load_tagger_file(const std::string& path) {
    TaggerModel model = load_model(path);
    std::string language = tagger_language(path);
    std::optional<TaggerLexicon> lexicon;
    if (model.lexicon) lexicon = TaggerLexicon::load(lexicon_path(path, language));
    return EntityTagger(std::move(model), std::move(language), std::move(lexicon));
}

}  // namespace byline::extract
