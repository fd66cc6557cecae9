// The gazetteer: place names -> countries, capitals and cities with ISO 3166-1 alpha-3 country
// and coordinates, and the rules that find where an event happened in a sentence ("in Astana",
// "Kazakhstan's capital", "the capital of Kazakhstan", a dateline). Input:
// data/gazetteer/places.tsv (see data/gazetteer/README.md); output: Place / Location.
// Loaded once, immutable, safe to share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "communique/document.h"
#include "communique/event.h"
#include "communique/token.h"
#include "dict/flat_tables.h"

namespace communique::code {

struct Place {
  enum class Kind : uint8_t { kCountry, kCapital, kCity };
  Kind kind = Kind::kCity;
  std::string name;      // preferred English name ("Astana")
  std::string country;   // ISO 3166-1 alpha-3 ("KAZ")
  double lat = 0;
  double lon = 0;
  uint64_t population = 0;  // 0 for countries

  Location ToLocation() const { return Location{name, country, lat, lon}; }
};

// A place named by tokens [first_token, last_token) of a sentence.
struct PlaceMatch {
  const Place* place = nullptr;
  uint32_t first_token = 0;
  uint32_t last_token = 0;
  bool by_alternate_name = false;  // matched a former/foreign name ("Nur-Sultan", "Kiev")
  bool acronym = false;            // matched an all-capitals alias ("US", "UAE")
};

// Where an event happened, with the words that said so (for `explain`).
struct EventLocation {
  Location location;
  uint32_t first_token = 0;  // the cue's token range, preposition included
  uint32_t last_token = 0;
  std::string why;           // "preposition 'in' + city", "capital of KAZ", "dateline"
};

class Gazetteer {
 public:
  // Reads the gazetteer. Throws std::runtime_error when the file cannot be read; a malformed
  // line is reported through `errors` as "file:line: message" and skipped.
  static Gazetteer Load(const std::string& path, const ErrorSink& errors);
  // data_dir/gazetteer/places.tsv
  static Gazetteer LoadDefault(const std::string& data_dir, const ErrorSink& errors);

  Gazetteer(Gazetteer&&) = default;
  Gazetteer& operator=(Gazetteer&&) = default;
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // The best place with this exact name, case-insensitive ("astana", "Kiev", "United States").
  // Countries first, then capitals, then a place's own name before another's alternate name,
  // then the larger population.
  const Place* Lookup(std::string_view name) const;
  // The longest place name starting at tokens[first] (case-insensitive), best place for it.
  std::optional<PlaceMatch> MatchAt(const std::vector<Token>& tokens, size_t first) const;
  // The country with this code ("KAZ"), or named by this adjective ("Kazakh", "Russian").
  const Place* Country(std::string_view iso3) const;
  const Place* CountryByAdjective(std::string_view adjective) const;
  // The country's capital (the most populous one when GeoNames lists several).
  const Place* CapitalOf(std::string_view iso3) const;

  // The place the sentence says its event happened, from cues rather than any place name
  // mentioned: a preposition before a place ("in Astana", "at a meeting in Astana", "in the
  // Kazakh capital"), a capital phrase ("Kazakhstan's capital Astana", "the capital of
  // Kazakhstan"), or a dateline ("ASTANA, Nov 28 -"). A city beats a country; among equals the
  // first cue wins. `tokens` are Tokenize(sentence); capitalization is read from `sentence`.
  std::optional<EventLocation> FindEventLocation(std::string_view sentence,
                                                 const std::vector<Token>& tokens) const;

  size_t size() const { return places_.size(); }
  size_t names() const { return names_.size(); }

 private:
  Gazetteer() = default;
  struct NameEntry {
    uint32_t place = 0;
    bool alternate = false;
    bool acronym = false;
  };
  static bool Better(const Place& a, bool a_alt, const Place& b, bool b_alt);
  void AddName(std::string_view name, uint32_t place, bool alternate);
  // `has_capital`: whether the sentence holds the word "capital" (every capital phrase does).
  std::optional<EventLocation> PlaceAfter(std::string_view sentence,
                                          const std::vector<Token>& tokens, size_t j,
                                          bool has_capital) const;
  std::optional<EventLocation> CapitalPhrase(std::string_view sentence,
                                             const std::vector<Token>& tokens, size_t j) const;

  std::vector<Place> places_;
  std::unordered_map<std::string, NameEntry> names_;      // normalized name -> best place
  std::unordered_map<std::string, uint32_t> adjectives_;  // "kazakh" -> country
  std::unordered_map<std::string, uint32_t> countries_;   // "KAZ" -> country
  std::unordered_map<std::string, uint32_t> capitals_;    // "KAZ" -> capital
  size_t max_name_tokens_ = 1;
  // First word of every name -> the most words a name starting with it has: most tokens start no
  // name, and MatchAt answers them with one lookup instead of one per candidate length.
  // (An open-addressing table: it is probed for many tokens of every coded sentence.)
  dict::WordTable first_words_;
};

}  // namespace communique::code
