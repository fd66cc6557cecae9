// The event coder: English sentences -> Events (source, CAMEO code, PLOVER type, target, date,
// location, evidence). Built once from the verb, actor, agent and discard dictionaries; immutable
// and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "communique/actor.h"
#include "communique/document.h"
#include "communique/event.h"

namespace communique::code {

struct CoderOptions {
  std::string data_dir;                 // verb dictionary, CAMEO table, gazetteer live here
  DictionaryFiles dictionaries;         // empty: DictionarySet::Default(data_dir)
  std::vector<std::string> verb_files;  // empty: data_dir/dictionaries/phoenix/CAMEO.2.0.txt
  // "Finland will give Tanzania a grant": CAMEO coders disagree on a plain future. true codes it
  // as the intent (03x/13x, as the PLOVER and ICEWS gold standards do); false codes the deed
  // itself, as TABARI and PETRARCH2 do (their validation suites expect it). Intention verbs
  // ("plans to", "promised to") make an intent either way.
  bool future_as_intent = true;
  // "[032:033]" verbs ("A visited B"): true also emits the reversed event (B hosts A), as TABARI
  // and PETRARCH2 do; false (default) emits the reported direction only, as the PLOVER gold
  // standard counts it (the reversed events cost 3 points of full-match precision there).
  bool paired_events = false;
  // "a senior official said": a role named without its country. kFromContext (default) takes the
  // country from the document context or the sentence's only state, as measured on the PLOVER
  // gold standard; kUnknown codes it with an unknown country ("---GOV"), as PETRARCH2 does;
  // kNone makes it no actor, as TABARI does (their validation suites expect these).
  enum class RoleWithoutCountry : uint8_t { kFromContext, kUnknown, kNone };
  RoleWithoutCountry role_without_country = RoleWithoutCountry::kFromContext;
};

// What the coder did with one sentence, for `communique explain`.
struct SentenceAnalysis {
  std::vector<Token> tokens;     // with tags
  std::vector<ActorMention> actors;
  std::vector<std::string> notes;  // human-readable steps: phrases, verbs tried, why (not) coded
  std::vector<Event> events;
};

class Coder {
 public:
  // Throws std::runtime_error when a required file cannot be read; malformed entries are reported
  // through `errors` and skipped.
  static std::unique_ptr<Coder> Load(const CoderOptions& options, const ErrorSink& errors);
  virtual ~Coder() = default;

  // Codes every English, non-boilerplate sentence of a prepared document (text::Prepare).
  virtual std::vector<Event> CodeDocument(const Document& doc) const = 0;
  // Codes one sentence on its own, with the full analysis.
  virtual SentenceAnalysis Explain(std::string_view sentence, std::optional<Date> date) const = 0;
};

}  // namespace communique::code
