// The English lexicon that tells common words ("ban", "turkey", "us") from names.
//
// In: Lingua::EN::Tagger's words.yml (one `"word": { TAG: count }` per line). Out: the set of
// lower-case word forms. Used to keep spelling-tolerant matching off common words and to
// require capitals for dictionary phrases that are also ordinary words.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace communique::dict {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Lexicon {
 public:
  // Returns false when the file cannot be read (the lexicon stays empty).
  bool Load(const std::string& path);
  bool Contains(std::string_view lower_word) const {
    return words_.find(lower_word) != words_.end();
  }
  bool empty() const { return words_.empty(); }
  size_t size() const { return words_.size(); }
  const std::unordered_set<std::string, StringHash, std::equal_to<>>& words() const { return words_; }

 private:
  std::unordered_set<std::string, StringHash, std::equal_to<>> words_;
};

// Where Debian's liblingua-en-tagger-perl installs it.
inline constexpr const char* kSystemLexicon = "/usr/share/perl5/Lingua/EN/Tagger/words.yml";

}  // namespace communique::dict
