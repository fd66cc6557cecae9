// A small in-memory DictionarySet for the coder's unit tests: phrases -> codes, longest match over
// Token::norm. The real dictionaries are tested in tests/dict; here the coder's own logic is.
#pragma once

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "communique/actor.h"

namespace communique::code::testing {

class FakeDictionary : public DictionarySet {
 public:
  // "armenia=ARM; the collective security treaty organization=IGOEURCSTO; president=~GOV"
  explicit FakeDictionary(const std::string& spec) {
    std::stringstream ss(spec);
    std::string item;
    while (std::getline(ss, item, ';')) {
      auto eq = item.find('=');
      if (eq == std::string::npos) continue;
      std::string phrase = Trim(item.substr(0, eq)), code = Trim(item.substr(eq + 1));
      std::vector<std::string> words;
      for (const Token& t : Tokenize(phrase)) words.push_back(t.norm);
      if (!words.empty()) entries_[words] = code;
    }
  }

  std::vector<ActorMention> FindActors(const std::vector<Token>& tokens,
                                       std::optional<Date>) const override {
    std::vector<ActorMention> out;
    for (size_t i = 0; i < tokens.size();) {
      size_t best = 0;
      std::string code;
      for (auto& [words, c] : entries_) {
        if (words.size() <= best || i + words.size() > tokens.size()) continue;
        bool ok = true;
        for (size_t k = 0; k < words.size() && ok; ++k) ok = tokens[i + k].norm == words[k];
        if (ok) {
          best = words.size();
          code = c;
        }
      }
      if (best == 0) {
        ++i;
        continue;
      }
      ActorMention m;
      m.first_token = static_cast<uint32_t>(i);
      m.last_token = static_cast<uint32_t>(i + best);
      if (code[0] == '~') {
        m.is_agent = true;
        m.sector = code.substr(1);
      } else {
        m.code = code;
        m.country = code.substr(0, 3);
        m.sector = code.size() >= 6 ? code.substr(3, 3) : "";
      }
      out.push_back(m);
      i += best;
    }
    return out;
  }
  std::vector<ActorMention> FindActors(std::string_view sentence, const std::vector<Token>& tokens,
                                       std::optional<Date> date, DocumentContext*) const override {
    auto out = FindActors(tokens, date);
    for (auto& m : out)
      m.text = std::string(sentence.substr(tokens[m.first_token].begin,
                                           tokens[m.last_token - 1].end - tokens[m.first_token].begin));
    return out;
  }
  bool IsDiscarded(const std::vector<Token>& tokens) const override {
    for (auto& t : tokens)
      if (t.norm == "football") return true;
    return false;
  }
  size_t size() const override { return entries_.size(); }

 private:
  static std::string Trim(std::string s) {
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  }
  std::map<std::vector<std::string>, std::string> entries_;
};

}  // namespace communique::code::testing
