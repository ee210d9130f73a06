#pragma once
/// \file
/// What Byline finds in an article at index time: people, places and organisations with
/// canonical names, and dates. `byline-index --extract` prints it; the indexer stores it.

#include <byline/document.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace byline {

/// One mention of a person, place or organisation in the body.
struct EntityInfo {
    std::string type;       ///< "person", "place" or "org"
    std::string name;       ///< canonical display name
    std::string key;        ///< matching key: two names with one key are one entity
    std::string text;       ///< as written: body[start, end)
    std::size_t start = 0;  ///< byte offsets into the body
    std::size_t end = 0;
    std::string country;  ///< a place's country (standard English short name), when known
};

/// One date expression in the body.
struct DateInfo {
    std::string value;      ///< ISO "2025-11-25", "2025-11" or "2025"; empty if unresolved
    std::string precision;  ///< "day", "month" or "year"
    std::string end_value;  ///< last day of a range ("24 to 26 October"), else empty
    std::string text;       ///< as written: body[start, end)
    std::size_t start = 0;  ///< byte offsets into the body
    std::size_t end = 0;
};

struct Extraction {
    std::string id;
    std::string title;
    std::string date;         ///< publication date (ISO) or empty
    std::string date_source;  ///< "metadata", "dateline" or empty
    std::string lang;         ///< the language the article was read in (given or detected)
    std::vector<EntityInfo> entities;
    std::vector<DateInfo> dates;
    /// Countries the article is about: its places' countries, and those nationality adjectives
    /// name ("Japanese", "West German"), first met first (the `country` facet).
    std::vector<std::string> countries;
};

struct ExtractOptions {
    bool entities = true;       ///< find people, places and organisations
    std::string entities_file;  ///< user additions and corrections (README format)
    bool cross_script = true;   ///< "Зеленський" is the same entity as "Zelenskyy"
    bool tagger = true;         ///< the learned tagger with the rules; false: rules only
    std::string data_dir;       ///< gazetteer folder; empty: the installed one
};

/// Finds entities and dates. Loading the gazetteers takes a moment, so an Extractor is meant
/// to be made once and reused; extract() is const and safe to call from several threads.
class Extractor {
  public:
    /// Throws InputError if a data file or the user's entities file is missing or malformed.
    explicit Extractor(const ExtractOptions& options = {});
    ~Extractor();
    Extractor(Extractor&&) noexcept;
    Extractor& operator=(Extractor&&) noexcept;

    /// `doc.date` may be any form the corpus had; the result's date is ISO or empty.
    Extraction extract(const Document& doc) const;

    /// The matching key of an entity name, as used by `person:`/`place:`/`org:` filters.
    static std::string entity_key(const std::string& name);

    /// Every key `name` may have been indexed under: one, except a Cyrillic name without
    /// Ukrainian or Russian letters ("Сергей"), which has both transliterations. With
    /// `cross_script` false (an index made with it off) a name in another script keeps it.
    static std::vector<std::string> entity_keys(const std::string& name, bool cross_script = true);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// One JSON object (a line): {id, title, date, date_source, entities:[...], dates:[...]}.
std::string to_json(const Extraction& extraction);

}  // namespace byline
