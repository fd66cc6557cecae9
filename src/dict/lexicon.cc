// Lexicon loader: lower-case keys of Lingua::EN::Tagger's words.yml.
#include "dict/lexicon.h"

#include <fstream>

namespace communique::dict {

bool Lexicon::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '-') continue;
    std::string_view key;
    if (line[0] == '"') {
      size_t end = line.find('"', 1);
      if (end == std::string::npos) continue;
      key = std::string_view(line).substr(1, end - 1);
    } else {
      size_t colon = line.find(": ");
      if (colon == std::string::npos) continue;
      key = std::string_view(line).substr(0, colon);
    }
    // Only lower-case entries are common words; "Russia" in the lexicon is a proper noun.
    bool lower = !key.empty();
    for (char c : key) {
      if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'')) { lower = false; break; }
    }
    if (lower) words_.emplace(key);
  }
  return true;
}

}  // namespace communique::dict
