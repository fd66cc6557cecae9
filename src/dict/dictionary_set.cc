// DictionarySet::Load and ::Default: read the dictionary files in order (base actors, agents,
// discards, then overlays) and compile them.
#include <algorithm>
#include <filesystem>

#include "communique/actor.h"
#include "dict/compiled_dictionary.h"

namespace communique {

std::unique_ptr<DictionarySet> DictionarySet::Load(const DictionaryFiles& files, const ErrorSink& errors) {
  dict::DictionaryModel model;
  std::vector<bool> overlay;
  auto read = [&](const std::vector<std::string>& paths, dict::FileKind kind, bool is_overlay) {
    for (const auto& p : paths) {
      dict::ReadDictionaryFile(p, kind, &model, errors);
      overlay.resize(model.files.size(), is_overlay);
    }
  };
  read(files.actors, dict::FileKind::kActors, false);
  read(files.agents, dict::FileKind::kAgents, false);
  read(files.discards, dict::FileKind::kDiscards, false);
  read(files.overlays, dict::FileKind::kActors, true);
  dict::Lexicon lexicon;
  if (!files.lexicon.empty() && !lexicon.Load(files.lexicon) && errors) {
    errors(InputError{files.lexicon, 0, 0,
                      "cannot read the English lexicon; person names are matched exactly only"});
  }
  return std::make_unique<dict::CompiledDictionary>(std::move(model), std::move(lexicon), std::move(overlay));
}

DictionaryFiles DictionarySet::Default(const std::string& data_dir) {
  namespace fs = std::filesystem;
  DictionaryFiles f;
  const std::string phoenix = data_dir + "/dictionaries/phoenix/";
  f.actors = {phoenix + "Phoenix.Countries.actors.txt", phoenix + "Phoenix.International.actors.txt",
              phoenix + "Phoenix.MilNonState.actors.txt"};
  f.agents = {phoenix + "Phoenix.agents.txt"};
  f.discards = {phoenix + "Phoenix.discards.txt"};
  std::error_code ec;
  std::vector<std::string> overlays;
  for (const auto& e : fs::directory_iterator(data_dir + "/dictionaries/overlay", ec)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") overlays.push_back(e.path().string());
  }
  std::sort(overlays.begin(), overlays.end());
  f.overlays = std::move(overlays);
  if (fs::exists(dict::kSystemLexicon, ec)) f.lexicon = dict::kSystemLexicon;
  return f;
}

}  // namespace communique
