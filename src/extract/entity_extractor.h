#pragma once
// People, places and organisations in news text: a learned sequence tagger (when its model is
// present) with gazetteers, capitalisation and cue rules and document-level coreference. Offsets
// are bytes into the body; canonical names carry a key so spelling variants
// ("Zelenskyy"/"Zelensky") become one facet value.

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace byline {
struct ExtractOptions;
}

namespace byline::extract {

enum class EntityType { person, place, org };

/// "person", "place" or "org".
std::string_view to_string(EntityType type);

/// One mention of an entity in a body.
struct EntityMention {
    EntityType type;
    std::string name;       ///< canonical display name ("Steve Witkoff" for a lone "Witkoff")
    std::string key;        ///< matching key of `name` (see canonical_key)
    std::string text;       ///< as written: body.substr(start, end - start)
    std::size_t start = 0;  ///< byte offset of the first byte in the body
    std::size_t end = 0;    ///< byte offset one past the last byte
    std::string country;    ///< a place's country, when known (set by countries())
};

struct EntityOptions {
    /// Folder with the gazetteer files; empty: $BYLINE_DATA_DIR, else the compiled-in folder.
    std::string data_dir;
    /// Extra or corrected entities and aliases (format in data/README.md); empty: none.
    std::string user_entities_file;
    /// Names written in other scripts share keys with their Latin press spelling ("Україна" →
    /// Ukraine, "Зеленського" → Zelenskyy); false: they keep keys in their own script.
    bool cross_script = true;
    /// Use the learned tagger for English text when its model file exists; false: rules only.
    bool use_tagger = true;
    /// Tagger model file; empty: ner-model.bin in the data folder, and rules only if it is
    /// missing. A named file that is missing or damaged is an error.
    std::string tagger_model;
};

class Gazetteer;
class EntityTagger;
class LanguageWords;

/// Loads the gazetteers once; extract() is const and may be called from several threads.
class EntityExtractor {
  public:
    /// Throws byline::InputError when a data file or the user file is missing or malformed.
    explicit EntityExtractor(const EntityOptions& options = {});
    ~EntityExtractor();
    EntityExtractor(EntityExtractor&&) noexcept;
    EntityExtractor& operator=(EntityExtractor&&) noexcept;

    /// Mentions in `body`, in text order. The title is used as evidence only (its mentions are
    /// not reported: offsets point into the body). `lang` other than English ("en*", or "" with a
    /// body not mostly Cyrillic) turns off the English cue rules and the tagger; Ukrainian and
    /// Russian ("uk", "ru", or "" with a Cyrillic body) keep the rules, and capitalised Cyrillic
    /// words get Ukrainian/Russian rules; any other language gets only names the gazetteers know
    /// that cannot be a word of the language (entity_foreign.h).
    std::vector<EntityMention> extract(std::string_view title, std::string_view body,
                                       std::string_view lang = "en") const;

    /// Sets the country of each place in `mentions` (from extract() on `body`) and returns the
    /// countries the article is about (see assign_countries), named as on `date` (ISO day).
    std::vector<std::string> countries(std::string_view body, std::string_view date,
                                       std::vector<EntityMention>& mentions) const;

    /// The matching key of a name: two names with one key are one entity (of one type).
    static std::string canonical_key(std::string_view name);

    /// Whether `name` is a Ukrainian or Russian given name of the lists ("Андрій", "Ирина").
    bool is_cyrillic_given_name(std::string_view name) const;

    /// A tagger of another language (data/ner-model-LANG.bin), loaded when the first article in
    /// that language arrives: a process that indexes English news never reads the others.
    class LanguageTagger {
      public:
        explicit LanguageTagger(std::string path);
        ~LanguageTagger();
        /// Loads the model once (thread-safe); throws byline::InputError naming a damaged file.
        const EntityTagger& get() const;

      private:
        std::string path_;
        mutable std::once_flag once_;
        mutable std::unique_ptr<const EntityTagger> tagger_;
    };

  private:
    std::unique_ptr<const Gazetteer> gazetteer_;
    std::unique_ptr<const EntityTagger> tagger_;  ///< null: rules only
    /// By language code.
    std::map<std::string, std::unique_ptr<const LanguageTagger>, std::less<>> language_taggers_;
    /// Words of languages without rules; the Ukrainian and Russian dictionaries.
    std::unique_ptr<const LanguageWords> words_;
    bool cross_script_ = true;
};

/// The entity extractor of `options`, loaded once per process and shared (the public
/// Extractor's, and what the indexer asks about names).
std::shared_ptr<const EntityExtractor> shared_entities(const ExtractOptions& options);

}  // namespace byline::extract
