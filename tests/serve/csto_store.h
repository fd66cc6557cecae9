// A small event store about the CSTO for the serve tests: the five seed articles, read and
// prepared by the real ingest and text stages, with events a careful human coder would record
// for named sentences (CAMEO values from data/cameo_codes.tsv). It does not depend on the coder,
// so the API and page tests check serving, not coding accuracy.
#pragma once

#include <string>
#include <vector>

#include "store/store.h"

namespace communique::serve::testing {

struct FixtureEvent {
  std::string doc_prefix;  // file stem prefix of the seed ("001")
  std::string sentence;    // words that pick the sentence
  std::string date;        // "" when the article does not say
  std::string source_code, source_text, verb, target_code, target_text, cameo;
};

// The events written by BuildCstoStore, in order.
const std::vector<FixtureEvent>& CstoEvents();

// Writes the store to `location` (created); `seeds_dir` holds the seed articles. Throws when a
// fixture sentence is not found, so a change in cleaning or segmentation shows up here.
void BuildCstoStore(const std::string& location, const std::string& seeds_dir,
                    const std::string& data_dir);

}  // namespace communique::serve::testing
