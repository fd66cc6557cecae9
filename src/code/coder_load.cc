// Coder::Load: reads the verb dictionaries, the tagger lexicon, the CAMEO table and the actor
// dictionaries named by CoderOptions and assembles the coder. Input: file paths; output: Coder.
#include "code/coder_impl.h"

namespace communique::code {

std::unique_ptr<Coder> Coder::Load(const CoderOptions& options, const ErrorSink& errors) {
  CoderParts parts;
  std::vector<std::string> verb_files =
      options.verb_files.empty() ? DefaultVerbFiles(options.data_dir) : options.verb_files;
  parts.verbs = VerbPatternSet::Load(verb_files, errors);
  parts.tagger = PosTagger::Load(PosTagger::DefaultDir(options.data_dir));
  parts.cameo = std::make_shared<CameoTable>(CameoTable::LoadDefault(options.data_dir, errors));
  parts.gazetteer = std::make_shared<Gazetteer>(Gazetteer::LoadDefault(options.data_dir, errors));
  DictionaryFiles files = options.dictionaries;
  if (files.actors.empty() && files.agents.empty() && files.overlays.empty())
    files = DictionarySet::Default(options.data_dir);
  parts.dictionaries = DictionarySet::Load(files, errors);
  parts.future_as_intent = options.future_as_intent;
  parts.paired_events = options.paired_events;
  parts.role_without_country = options.role_without_country;
  return MakeCoder(std::move(parts));
}

}  // namespace communique::code
