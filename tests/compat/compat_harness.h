// Runs the TABARI and PETRARCH2 validation records through a communique Coder loaded with each
// suite's own dictionaries and compares the events with the expected codings. Input: the
// fixtures under tests/fixtures/compat/; output: per-record results and per-category pass rates.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "code/coder.h"
#include "compat/compat_records.h"

namespace communique::compat {

struct RecordResult {
  CompatRecord record;
  bool pass = false;
  std::vector<ExpectedEvent> got;  // what the coder produced, as (source, target, code)
  std::string note;                // why it failed, or how it passed ("discarded")
  std::vector<std::string> options_in_effect;  // suite options set before this record
  std::vector<std::string> notes;  // the coder's analysis (Coder::Explain), for compat_report --explain
};

struct CategoryCount {
  int run = 0;
  int pass = 0;
};

struct SuiteReport {
  std::string suite;                  // "TABARI" / "PETRARCH2"
  std::vector<CompatRecord> records;  // everything read, options and skipped records included
  std::vector<RecordResult> results;  // checked records only, in file order
  std::map<std::string, CategoryCount> by_category;
  std::map<std::string, CategoryCount> by_expectation;  // "events", "no events", ...
  int skipped = 0;                    // unchecked records (-{, sentence="false", not included)
  int run() const;
  int passed() const;
  std::string Table() const;    // per-category and per-expectation pass rates
  std::string Details() const;  // every checked record: expected, got, pass/fail
};

// The suite's dictionaries as CoderOptions (data_dir supplies the tagger lexicon and CAMEO table).
code::CoderOptions TabariOptions(const std::string& fixtures_dir, const std::string& data_dir);
code::CoderOptions PetrarchOptions(const std::string& fixtures_dir, const std::string& data_dir);

// Reads the suite's records, loads a Coder with its dictionaries and codes every checked record.
// Dictionary and record errors go to `errors`.
SuiteReport RunTabariSuite(const std::string& fixtures_dir, const std::string& data_dir,
                           const ErrorSink& errors);
SuiteReport RunPetrarchSuite(const std::string& fixtures_dir, const std::string& data_dir,
                             const ErrorSink& errors);

const char* ExpectName(Expect e);

}  // namespace communique::compat
