// Actors: who is named in a sentence, as CAMEO/Phoenix codes resolved for a given date.
//
// A DictionarySet is loaded once from PETRARCH2/Phoenix or TABARI dictionary files (plus overlay
// files, later ones overriding earlier ones) and is immutable and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "communique/document.h"
#include "communique/token.h"

namespace communique {

// One actor found in a sentence.
struct ActorMention {
  uint32_t first_token = 0;  // token range [first_token, last_token)
  uint32_t last_token = 0;
  std::string text;      // the words as written
  std::string code;      // full code, e.g. "KAZGOV", "IGOEURCSTO" (empty when only an agent was found)
  std::string country;   // 3-letter country or transnational code ("KAZ", "IGO"), may be empty
  std::string sector;    // primary sector/role ("GOV", "MIL"), may be empty
  bool is_agent = false; // a role noun ("president", "counterparts") composed or not with a country
  std::string dict_file; // which dictionary entry produced it
  uint32_t dict_line = 0;
  std::string why;       // how a date-bounded or composed role was chosen, for `explain`
};

struct DictionaryFiles {
  std::vector<std::string> actors;    // Phoenix/PETRARCH or TABARI .actors files
  std::vector<std::string> agents;
  std::vector<std::string> discards;
  std::vector<std::string> overlays;  // extra actor files applied last, in order
  // English word list (Lingua::EN::Tagger words.yml) that keeps spelling-tolerant name matching
  // off common words; empty or missing: exact matching only.
  std::string lexicon;
};

// A full actor code split by CAMEO/Phoenix conventions: "KAZGOVMIL" -> {"KAZ", "GOV", "MIL"},
// "IGOEURCSTOLEG" -> {"IGO", "LEG", "EURCSTO"}. See data/dictionaries/README.md.
struct CodeParts {
  std::string country;
  std::string sector;
  std::string rest;
};
CodeParts SplitActorCode(std::string_view code);

// What FindActors remembers within one document: persons named in full, so that a later
// surname-only mention ("Tokayev said") resolves to the same person. One per document.
struct DocumentContext {
  struct Person {
    std::string surname_key;  // transliteration key of the surname
    uint32_t actor = 0;       // dictionary entry
    std::string name;         // as first written in the document
  };
  std::vector<Person> persons;
};

class DictionarySet {
 public:
  // Loads all files; malformed entries are reported through `errors` (file:line) and skipped.
  static std::unique_ptr<DictionarySet> Load(const DictionaryFiles& files, const ErrorSink& errors);
  // The Phoenix dictionaries and the project overlay shipped under `data_dir`.
  static DictionaryFiles Default(const std::string& data_dir);

  virtual ~DictionarySet() = default;

  // Longest-match actors in a tokenized sentence, roles resolved as of `date` (nullopt: the role
  // that has not ended, else the one without date bounds, else the most recent).
  virtual std::vector<ActorMention> FindActors(const std::vector<Token>& tokens,
                                               std::optional<Date> date) const = 0;
  // The same with the sentence text (the tokens' offsets point into it), which gives mentions
  // their text as written and enables case-aware rules (common words such as "us" or "turkey"
  // name an actor only when capitalized) and spelling-tolerant person names. With `doc`,
  // surname-only mentions of persons named earlier in the document are resolved too.
  virtual std::vector<ActorMention> FindActors(std::string_view sentence,
                                               const std::vector<Token>& tokens,
                                               std::optional<Date> date,
                                               DocumentContext* doc = nullptr) const = 0;
  // True when a discard phrase occurs: the sentence must not be coded.
  virtual bool IsDiscarded(const std::vector<Token>& tokens) const = 0;

  virtual size_t size() const = 0;  // number of phrases compiled
};

}  // namespace communique
