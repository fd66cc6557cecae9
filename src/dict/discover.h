// Discovery of names no dictionary knows: frequent capitalized names of people and organizations
// in a corpus, with counts and an example sentence each, so users can grow their dictionaries.
//
// In: sentences (text + tokens) and the DictionarySet. Out: UnknownName records, most frequent
// first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "communique/actor.h"
#include "communique/token.h"

namespace communique::dict {

struct UnknownName {
  std::string name;     // as first written
  std::string kind;     // "person", "organization" or "name"
  uint64_t count = 0;
  std::string example;  // the first sentence it was seen in
  std::string where;    // document id or input path of the example
};

class NameDiscovery {
 public:
  explicit NameDiscovery(const DictionarySet& dictionaries);

  // Looks for unknown names in one sentence; `doc` carries surname memory between sentences.
  void AddSentence(std::string_view sentence, const std::vector<Token>& tokens,
                   std::optional<Date> date, DocumentContext* doc, std::string_view where);

  // Names seen at least `min_count` times, most frequent first (ties by name), at most `limit`.
  std::vector<UnknownName> Top(uint64_t min_count, size_t limit) const;

 private:
  const DictionarySet& dictionaries_;
  std::unordered_map<std::string, UnknownName> names_;  // key: lower-case name
};

}  // namespace communique::dict
