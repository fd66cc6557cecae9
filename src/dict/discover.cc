// NameDiscovery: runs of capitalized words that no actor phrase covers, counted by name.
#include "dict/discover.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "dict/compiled_dictionary.h"

namespace communique::dict {

namespace {

// Words that may join the parts of an organization's name: "Ministry of Foreign Affairs".
bool IsConnector(std::string_view w) { return w == "of" || w == "for" || w == "and" || w == "the" || w == "&"; }

bool IsDeterminer(std::string_view w) { return w == "the" || w == "a" || w == "an"; }

// Calendar words are capitalized but never actors.
bool IsCalendarWord(std::string_view w) {
  static constexpr std::array<std::string_view, 19> kWords = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

bool IsOrganizationWord(std::string_view w) {
  static constexpr std::array<std::string_view, 24> kWords = {
      "organization", "organisation", "council", "ministry", "committee", "party", "assembly",
      "union", "agency", "forces", "front", "army", "bank", "group", "movement", "service",
      "commission", "institute", "fund", "corporation", "company", "association", "court", "office"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

}  // namespace

NameDiscovery::NameDiscovery(const DictionarySet& dictionaries) : dictionaries_(dictionaries) {}

void NameDiscovery::AddSentence(std::string_view sentence, const std::vector<Token>& tokens,
                                std::optional<Date> date, DocumentContext* doc, std::string_view where) {
  const auto* compiled = dynamic_cast<const CompiledDictionary*>(&dictionaries_);
  auto common = [&](std::string_view w) { return compiled && compiled->lexicon().Contains(w); };
  std::vector<bool> covered(tokens.size(), false);
  for (const auto& m : dictionaries_.FindActors(sentence, tokens, date, doc))
    for (uint32_t t = m.first_token; t < m.last_token && t < tokens.size(); ++t) covered[t] = true;

  auto capitalized = [&](size_t t) {
    if (tokens[t].begin >= sentence.size() || tokens[t].end > sentence.size()) return false;
    unsigned char c = static_cast<unsigned char>(sentence[tokens[t].begin]);
    return c >= 'A' && c <= 'Z' && !covered[t] && !IsCalendarWord(tokens[t].norm);
  };
  size_t i = 0;
  while (i < tokens.size()) {
    if (!capitalized(i)) { ++i; continue; }
    size_t end = i + 1;
    while (end < tokens.size()) {
      if (capitalized(end)) { ++end; continue; }
      // A lower-case connector followed by another capitalized word stays inside the name.
      if (IsConnector(tokens[end].norm) && end + 1 < tokens.size() && capitalized(end + 1)) {
        end += 2;
        continue;
      }
      break;
    }
    size_t b = i, e = end;
    while (b < e && IsDeterminer(tokens[b].norm)) ++b;
    // A single capitalized common word is a sentence start or a heading word, not a name.
    bool keep = e > b && !(e - b == 1 && (common(tokens[b].norm) || b == 0));
    // Every word an ordinary English word and no organization word: a heading, not a name.
    if (keep) {
      bool all_common = true, org = false;
      for (size_t t = b; t < e; ++t) {
        all_common &= common(tokens[t].norm) || IsConnector(tokens[t].norm);
        org |= IsOrganizationWord(tokens[t].norm);
      }
      keep = !(all_common && !org);
    }
    if (keep) {
      std::string text(sentence.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin));
      std::string key;
      bool org = false, names_only = true;
      for (size_t t = b; t < e; ++t) {
        if (!key.empty()) key += ' ';
        key += tokens[t].norm;
        org |= IsOrganizationWord(tokens[t].norm);
        names_only &= !common(tokens[t].norm);
      }
      bool acronym = e - b == 1 && text.size() >= 2 &&
                     std::all_of(text.begin(), text.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)); });
      auto& n = names_[key];
      if (n.count == 0) {
        n.name = text;
        n.kind = org || acronym ? "organization" : (names_only && e - b >= 2 && e - b <= 3) ? "person" : "name";
        n.example = std::string(sentence.substr(0, 300));
        n.where = std::string(where);
      }
      ++n.count;
    }
    i = end;
  }
}

std::vector<UnknownName> NameDiscovery::Top(uint64_t min_count, size_t limit) const {
  std::vector<UnknownName> out;
  for (const auto& [key, n] : names_)
    if (n.count >= min_count) out.push_back(n);
  std::sort(out.begin(), out.end(), [](const UnknownName& a, const UnknownName& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace communique::dict
