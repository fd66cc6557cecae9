// Readers for the validation records of the coders communique replaces: TABARI's Validate.text
// and PETRARCH2's PETR.UnitTest.records.xml (tests/fixtures/compat/, formats described in
// tests/fixtures/compat/README.md). Input: the record files; output: CompatRecords with the
// expected codings, in file order, option/config records included as state changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "communique/document.h"

namespace communique::compat {

struct ExpectedEvent {
  std::string source;  // actor code ("ARN", "ARNGOV"); PETRARCH: a quoted text for new actors
  std::string target;
  std::string code;    // event code ("064")
  std::string date;    // TABARI: YYMMDD after the braces (checked only with time shifting), or ""
  friend bool operator==(const ExpectedEvent&, const ExpectedEvent&) = default;
};

enum class Expect {
  kEvents,    // the listed events (TABARI: in this order; PETRARCH: as a set)
  kNoEvents,  // TABARI {---}, PETRARCH noevents="True"
  kDiscard,   // TABARI {###}, PETRARCH error="sentencediscard" / "storydiscard"
  kReject,    // TABARI {+++} (too complex), PETRARCH error="dateline" / "bad_input_parse"
  kOption,    // not a test: an option (TABARI) or <Config> (PETRARCH) change for what follows
};

struct CompatRecord {
  std::string id;        // "DEMO-01"
  std::string category;  // TABARI: the id's prefix ("DEMO"); PETRARCH: the category attribute
  uint64_t line = 0;     // where the record starts in its file (1-based)
  std::optional<Date> date;
  std::string text;      // the sentence(s) to code, lines joined with spaces
  Expect expect = Expect::kEvents;
  std::vector<ExpectedEvent> events;
  std::string error;                 // PETRARCH error kind ("dateline")
  std::string input_error;           // why the record's own input is malformed (an unbalanced
                                     // PETRARCH <Parse>), "" when it is sound
  std::vector<std::string> options;  // kOption: the commands ("SET: TIME SHIFT = FALSE",
                                     // "new_actor_length=4")
  bool checked = true;               // false: not a pass/fail test (see skip_reason)
  std::string skip_reason;           // "-{ marked unchecked", "sentence=\"false\"", ...
};

struct TabariSuite {
  std::vector<CompatRecord> records;  // standard records, before FINAL-01
  size_t after_final = 0;             // debugging records after FINAL-01, not run
};

// Reads a TABARI validation file. Throws std::runtime_error when it cannot be read; a record
// whose markup cannot be understood is reported through `errors` (file:line) and skipped.
TabariSuite ReadTabariRecords(const std::string& path, const ErrorSink& errors);

struct PetrarchSuite {
  std::vector<std::string> include;  // <Include> categories ("valid" included as written)
  std::string verb_file, actor_file, agent_file, discard_file;  // as named in <Environment>
  std::vector<CompatRecord> records;
};

// Reads a PETRARCH validation XML file (libxml2). Throws std::runtime_error when it cannot be read
// or is not well-formed XML; a malformed <Sentence> is reported through `errors` and skipped.
// Records of categories not in <Include> are kept with checked = false.
PetrarchSuite ReadPetrarchRecords(const std::string& path, const ErrorSink& errors);

// "YYMMDD" (TABARI; YY <= 30 is 20YY) or "YYYYMMDD" (PETRARCH).
std::optional<Date> ParseRecordDate(std::string_view s);

}  // namespace communique::compat
