// Readers for actor, agent and discard dictionaries in the PETRARCH2/Phoenix and TABARI formats,
// into one internal model.
//
// In: dictionary file contents. Out: ActorEntry/AgentEntry/DiscardEntry records with the file and
// line of every phrase and code; malformed lines reported through the ErrorSink and skipped.
//
// Format summary (PETRARCH2 docs/source/dictionaries.rst; TABARI 0.8 manual):
// - `#` starts a comment (also `;` in TABARI files), `<!-- ... -->` comments, blank lines ignored.
// - A phrase joins its words with `_` or spaces; a trailing `_` marks the end of a word.
// - Actors: `PHRASE [CODE]` or a root phrase, `+SYNONYM` lines, then tab-indented code lines.
//   A code may be date-restricted: `[KAZGOV 991001-020128]`, `[CODE >date]` (from that day on),
//   `[CODE <date]` (up to that day), all bounds inclusive; `[---]` is the null code (no actor
//   for that period). Dates are YYMMDD or YYYYMMDD (see ParseDictionaryDate for the pivot).
// - Agents: `PHRASE {PLURAL,...} [~SECTOR]` where `~` marks where the country code attaches
//   (`[~GOV]` -> KAZGOV, `[NGO~]` -> NGOKAZ); `{}` = no plural; no braces = regular plurals.
//   Substitution sets `!PERSON! = MAN, MEN, ...` expand inside agent phrases.
// - Discards: one phrase per line; `+PHRASE` discards the whole story.
// - TABARI files (.actors, .agents, .verbs, .options extensions): a word without a trailing `_`
//   is a stem (ARGENTIN matches Argentina, Argentine); `~~FINISH` ends the file; `<NOUN>` and
//   `<ADJECTIVE>` sections are TABARI parser lists, skipped.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "communique/document.h"

namespace communique::dict {

enum class DictFormat { kPetrarch, kTabari };

// TABARI by extension (.actors, .agents), else PETRARCH/Phoenix.
DictFormat FormatForPath(std::string_view path);

// A dictionary phrase: its words as written (dictionary case, underscores removed) and whether
// the last word is a stem (TABARI words without a trailing underscore).
struct Phrase {
  std::vector<std::string> words;
  bool last_is_stem = false;
  uint32_t line = 0;
  std::string text() const;  // words joined by spaces
};

struct DatedCode {
  std::string code;                          // "KAZGOV"; "---" is the null code
  int32_t from = std::numeric_limits<int32_t>::min();  // days since 1970-01-01, inclusive
  int32_t to = std::numeric_limits<int32_t>::max();    // inclusive
  bool dated = false;
  std::string restriction;                   // as written: "991001-020128", ">20190320"
  uint32_t line = 0;
};

struct ActorEntry {
  std::vector<Phrase> phrases;  // root first, then synonyms
  std::vector<DatedCode> codes;
  uint32_t file = 0;            // index into DictionaryModel::files
  uint32_t line = 0;            // line of the root phrase
  std::string comment;          // first comment on the root line (e.g. "source: ...")
};

struct AgentEntry {
  Phrase phrase;                // one phrase per entry (substitution sets expanded)
  std::vector<Phrase> plurals;  // explicit {..} forms; regular plurals are generated at compile
  bool regular_plurals = true;  // false for `{}` or explicit plurals
  std::string code;             // the code without `~`: "GOV", "GOVMIL", "NGO"
  bool prefix = false;          // `[NGO~]`: the agent code goes before the country
  uint32_t file = 0;
  uint32_t line = 0;
};

struct DiscardEntry {
  Phrase phrase;
  bool story = false;  // `+PHRASE`: the whole story, not just the sentence
  uint32_t file = 0;
  uint32_t line = 0;
};

struct FileStats {
  std::string path;
  uint64_t entries = 0;        // actor blocks / agent lines / discard lines accepted
  uint64_t phrases = 0;        // phrases accepted (roots, synonyms, expansions)
  uint64_t phrase_lines = 0;   // phrase lines seen (accepted or not)
  uint64_t codes = 0;          // codes accepted
  uint64_t errors = 0;         // lines reported and skipped
};

struct DictionaryModel {
  std::vector<FileStats> files;
  std::vector<ActorEntry> actors;
  std::vector<AgentEntry> agents;
  std::vector<DiscardEntry> discards;
};

// Two-digit years: YY <= 30 means 20YY, otherwise 19YY (PETRARCH2's pivot). Other lengths (the
// 7-digit "2004017", the 10-digit "1920030320" that PETRARCH2 silently read as 1920-03-03) and
// impossible days are errors.
std::optional<Date> ParseDictionaryDate(std::string_view digits);

// Parse `content` (the text of `path`) and append to `model`. `kind` is what the file holds
// when its lines do not say: actor files may also contain agent entries (a code with `~`),
// which is how overlays add agents.
enum class FileKind { kActors, kAgents, kDiscards };
void ReadDictionary(std::string_view path, std::string_view content, FileKind kind,
                    DictFormat format, DictionaryModel* model, const ErrorSink& errors);

// Reads the file at `path`; an unreadable file is reported (line 0) and yields nothing.
void ReadDictionaryFile(const std::string& path, FileKind kind, DictionaryModel* model,
                        const ErrorSink& errors);

}  // namespace communique::dict
