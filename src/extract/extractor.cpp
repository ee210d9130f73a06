// The public Extractor: entities and dates of one article, as the indexer stores them and
// `byline-index --extract` prints them.
#include <byline/extract.h>

#include "extract/date_extractor.h"
#include "extract/entity_extractor.h"
#include "extract/entity_key.h"

#include <map>
#include <mutex>
#include <tuple>

namespace byline {

namespace extract {

// Gazetteers take a while to load and never change in a process: share one extractor per
// set of options (tests and the indexer make many Extractors).
std::shared_ptr<const EntityExtractor> shared_entities(const ExtractOptions& o) {
    static std::mutex mutex;
    static std::map<std::tuple<std::string, std::string, bool, bool>,
                    std::weak_ptr<const extract::EntityExtractor>>
        cache;
    std::lock_guard lock(mutex);
    auto key = std::make_tuple(o.data_dir, o.entities_file, o.cross_script, o.tagger);
    if (auto found = cache[key].lock()) return found;
    extract::EntityOptions options{o.data_dir, o.entities_file, o.cross_script};
    options.use_tagger = o.tagger;
    auto made = std::make_shared<const extract::EntityExtractor>(options);
    cache[key] = made;
    return made;
}

}  // namespace extract

struct Extractor::Impl {
    std::shared_ptr<const extract::EntityExtractor> entities;
};

Extractor::Extractor(const ExtractOptions& options) : impl_(std::make_unique<Impl>()) {
    if (options.entities) impl_->entities = extract::shared_entities(options);
}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

Extraction Extractor::extract(const Document& doc) const {
    Extraction out;
    out.id = doc.id;
    out.title = doc.title;
    out.lang = doc.lang;
    extract::PublicationDate published = extract::publication_date(doc.date, doc.title, doc.body);
    out.date = published.value;
    out.date_source = published.source;
    if (impl_->entities) {
        std::vector<extract::EntityMention> mentions =
            impl_->entities->extract(doc.title, doc.body, doc.lang);
        out.countries = impl_->entities->countries(doc.body, out.date, mentions);
        for (auto& m : mentions) {
            out.entities.push_back({std::string(extract::to_string(m.type)), std::move(m.name),
                                    std::move(m.key), std::move(m.text), m.start, m.end,
                                    std::move(m.country)});
        }
    }
    for (auto& d : extract::find_dates(doc.body, out.date)) {
        out.dates.push_back({std::move(d.value), extract::to_string(d.precision),
                             std::move(d.end_value), std::move(d.text), d.start, d.end});
    }
    return out;
}

std::string Extractor::entity_key(const std::string& name) {
    return extract::EntityExtractor::canonical_key(name);
}

std::vector<std::string> Extractor::entity_keys(const std::string& name, bool cross_script) {
    if (!cross_script && extract::has_other_script(name)) return {extract::exact_script_key(name)};
    if (!extract::has_cyrillic(name)) return {entity_key(name)};
    std::vector<std::string> keys{
        extract::entity_key(name, extract::cyrillic_language(name, "uk"))};
    std::string ru = extract::entity_key(name, extract::cyrillic_language(name, "ru"));
    if (ru != keys[0]) keys.push_back(std::move(ru));
    return keys;
}

}  // namespace byline
