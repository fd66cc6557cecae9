// The coder's internals, shared by Coder::Load, the tests and the benchmark: builds a Coder from
// parts already loaded (so tests can pass a small DictionarySet of their own).
#pragma once

#include <memory>

#include "code/cameo_table.h"
#include "code/coder.h"
#include "code/gazetteer.h"
#include "code/tagger.h"
#include "code/verb_patterns.h"

namespace communique::code {

struct CoderParts {
  std::shared_ptr<const DictionarySet> dictionaries;
  std::shared_ptr<const VerbPatternSet> verbs;
  std::shared_ptr<const PosTagger> tagger;
  std::shared_ptr<const CameoTable> cameo;
  std::shared_ptr<const Gazetteer> gazetteer;  // optional: event locations, capitals as actors
  bool future_as_intent = true;                // see CoderOptions
  bool paired_events = false;                  // see CoderOptions
  CoderOptions::RoleWithoutCountry role_without_country =
      CoderOptions::RoleWithoutCountry::kFromContext;  // see CoderOptions
};

std::unique_ptr<Coder> MakeCoder(CoderParts parts);

// The verb files Coder::Load reads when CoderOptions::verb_files is empty: the Phoenix CAMEO
// dictionary, then the project's overlay files (data_dir/dictionaries/overlay-verbs/*.txt, in
// name order).
std::vector<std::string> DefaultVerbFiles(const std::string& data_dir);

}  // namespace communique::code
