// CompiledDictionary: compiles the dictionary model into a trie over word ids and matches
// sentences against it (longest match, then agent composition and date resolution).
#include "dict/compiled_dictionary.h"

#include <algorithm>
#include <limits>
#include <cctype>
#include <map>

#include "dict/code_parts.h"
#include "dict/normalize.h"

namespace communique::dict {

namespace {

enum Kind { kActor = 0, kAgent = 1, kDiscard = 2 };

std::vector<std::string> Units(const std::vector<std::string>& words) {
  std::vector<std::string> units;
  for (const auto& w : words) AppendMatchUnits(w, &units);
  return units;
}

std::string RegularPlural(const std::string& w) {
  auto ends = [&](std::string_view s) {
    return w.size() > s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  auto vowel = [](char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; };
  if (ends("Y") && !vowel(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "IES";
  if (ends("S") || ends("X") || ends("Z") || ends("CH") || ends("SH")) return w + "ES";
  return w + "S";
}

bool IsNameWord(std::string_view w) {
  if (w.empty()) return false;
  for (unsigned char c : w)
    if (!(std::isalpha(c) || c == '-' || c == '.' || c == '\'')) return false;
  return true;
}

// "phoenix/Phoenix.agents.txt", "overlay/csto-world-2019-2026.txt": the file and its folder.
std::string Basename(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos || slash == 0) return path;
  size_t before = path.find_last_of('/', slash - 1);
  return before == std::string::npos ? path : path.substr(before + 1);
}

std::string DateText(int32_t days) {
  Date d = Date::FromDays(days);
  if (d.year < 0 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return d.ToString();
  // YYYY-MM-DD as Date::ToString writes it, without a printf per date.
  char buf[10] = {static_cast<char>('0' + d.year / 1000), static_cast<char>('0' + d.year / 100 % 10),
                  static_cast<char>('0' + d.year / 10 % 10), static_cast<char>('0' + d.year % 10), '-',
                  static_cast<char>('0' + d.month / 10), static_cast<char>('0' + d.month % 10), '-',
                  static_cast<char>('0' + d.day / 10), static_cast<char>('0' + d.day % 10)};
  return std::string(buf, sizeof buf);
}

// "[RUSGOV 2012-05-07..2024-05-07]", "[KAZGOV from 2019-03-20]", "[ARM]"; appended to `s`.
void AppendDescription(const DatedCode& c, std::string* s) {
  *s += '[';
  *s += c.code;
  if (c.dated) {
    constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
    constexpr int32_t kMax = std::numeric_limits<int32_t>::max();
    if (c.from != kMin && c.to != kMax) {
      *s += ' ';
      *s += DateText(c.from);
      *s += "..";
      *s += DateText(c.to);
    } else if (c.from != kMin) {
      *s += " from ";
      *s += DateText(c.from);
    } else {
      *s += " until ";
      *s += DateText(c.to);
    }
  }
  *s += ']';
}

// Why `c` was chosen: `before` + description + " (line N)" + `after`.
std::string Why(std::string_view before, const DatedCode& c, bool line, std::string_view after) {
  std::string s;
  s.reserve(before.size() + c.code.size() + after.size() + 48);
  s += before;
  AppendDescription(c, &s);
  if (line) {
    s += " (line ";
    s += std::to_string(c.line);
    s += ')';
  }
  s += after;
  return s;
}

bool IsTransnational(std::string_view country) {
  return country == "IGO" || country == "NGO" || country == "NGM" || country == "IMG" ||
         country == "MNC" || country == "UIS";
}

// A place: every code names a country or territory (possibly with a sub-unit, "SCGSRB"), with
// no role and no transnational type. Only such entries get plural demonyms.
bool IsPlace(const ActorEntry& e) {
  if (e.codes.empty()) return false;
  for (const auto& c : e.codes) {
    if (c.code == "---") return false;
    CodeParts parts = SplitActorCode(c.code);
    if (parts.country.size() != 3 || !parts.sector.empty()) return false;
    if (IsTransnational(parts.country)) return false;
    if (c.code.size() != 3 && c.code.size() != 6) return false;
  }
  return true;
}

// "nigerian" -> "nigerians", "israeli" -> "israelis", "afghan" -> "afghans"; "" for words whose
// plural is not a plain -s (Chinese, Swiss, Turkey, Czech) or that are too short to be a people.
std::string DemonymPlural(const std::string& unit) {
  if (unit.size() < 4) return "";
  for (char c : unit)
    if (c < 'a' || c > 'z') return "";
  auto ends = [&](std::string_view s) {
    return unit.size() > s.size() && unit.compare(unit.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("an") || ends("i")) return unit + "s";
  return "";
}

// std::isalpha in the "C" locale (the program never sets another), inline.
bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

bool IsSeparator(std::string_view u) { return u == "," || u == "and" || u == "or" || u == "&"; }

// The trie node reached from `node` by `word`, added when absent.
template <typename Node>
uint32_t ChildOrNew(EdgeTable& edges, std::vector<Node>& nodes, uint32_t node, uint32_t word) {
  uint64_t key = (uint64_t{node} << 32) | word;
  uint32_t child = edges.Find(key);
  if (child == EdgeTable::kNone) {
    child = static_cast<uint32_t>(nodes.size());
    nodes.emplace_back();
    edges.Insert(key, child);
  }
  return child;
}

}  // namespace

Resolution ResolveCode(const ActorEntry& entry, std::optional<Date> date) {
  Resolution r;
  const DatedCode* undated = nullptr;
  for (const auto& c : entry.codes)
    if (!c.dated) { undated = &c; break; }
  bool any_dated = std::any_of(entry.codes.begin(), entry.codes.end(), [](const DatedCode& c) { return c.dated; });
  if (!any_dated) {
    r.code = undated;
    return r;
  }
  if (date) {
    int32_t d = date->Days();
    const DatedCode* best = nullptr;
    for (const auto& c : entry.codes) {
      if (!c.dated || d < c.from || d > c.to) continue;
      // Overlapping roles: the one that began most recently is the current one.
      if (!best || c.from >= best->from) best = &c;
    }
    if (best) {
      r.code = best;
      r.why = Why("", *best, true, " covers " + date->ToString());
      return r;
    }
    if (undated) {
      r.code = undated;
      r.why = Why("no dated role covers " + date->ToString() + "; default ", *undated, true, "");
      return r;
    }
    int64_t best_gap = 0;
    for (const auto& c : entry.codes) {
      int64_t gap = d < c.from ? int64_t{c.from} - d : int64_t{d} - c.to;
      if (!best || gap < best_gap) { best = &c; best_gap = gap; }
    }
    r.code = best;
    r.why = Why("no role covers " + date->ToString() + "; nearest ", *best, true, "");
    return r;
  }
  // Undated text is almost always current news: a role that has not ended is the person's role
  // now, and it beats the default that Phoenix gives for "outside every dated role".
  const DatedCode* current = nullptr;
  for (const auto& c : entry.codes)
    if (c.dated && c.to == std::numeric_limits<int32_t>::max() && (!current || c.from > current->from)) current = &c;
  if (current) {
    r.code = current;
    r.why = Why("no event date; current role ", *current, true, "");
    return r;
  }
  if (undated) {
    r.code = undated;
    r.why = Why("no event date; role without date bounds ", *undated, false, "");
    return r;
  }
  const DatedCode* best = nullptr;
  for (const auto& c : entry.codes)
    if (!best || c.to > best->to || (c.to == best->to && c.from > best->from)) best = &c;
  r.code = best;
  r.why = Why("no event date; most recent role ", *best, true, "");
  return r;
}

CompiledDictionary::CompiledDictionary(DictionaryModel model, Lexicon lexicon,
                                       std::vector<bool> overlay_files)
    : model_(std::move(model)), lexicon_(std::move(lexicon)), overlay_files_(std::move(overlay_files)) {
  overlay_files_.resize(model_.files.size(), false);
  // Country codes ISO 3166 withdrew when it renamed the code (not the state): Phoenix writes
  // East Timor TMP (TLS since 2002) while using the current codes of every other country (ROU,
  // COD, MMR). Rewritten once here so that every mention reports the current ISO code.
  static constexpr std::pair<std::string_view, std::string_view> kRenamed[] = {
      {"TMP", "TLS"}, {"ROM", "ROU"}, {"ZAR", "COD"}};
  for (auto& a : model_.actors)
    for (auto& c : a.codes)
      for (const auto& [old_code, current] : kRenamed)
        if (c.code.size() >= 3 && std::string_view(c.code).substr(0, 3) == old_code)
          c.code.replace(0, 3, current);
  nodes_.emplace_back();
  size_t phrase_count = model_.agents.size() * 2 + model_.discards.size();
  for (const auto& a : model_.actors) phrase_count += a.phrases.size();
  words_.Reserve(lexicon_.size() + phrase_count);
  edges_.Reserve(phrase_count * 2);
  nodes_.reserve(phrase_count * 2);
  for (const auto& w : lexicon_.words()) words_.Insert(w).flags |= WordTable::kCommon;
  person_.assign(model_.actors.size(), false);
  std::vector<std::pair<uint32_t, Stem>> pending_stems;

  // A phrase defined twice: the later definition wins (PETRARCH keeps the last one it reads;
  // overlays rely on it). Replacements are counted apart for overlays and base files.
  auto insert = [&](const Phrase& phrase, Kind kind, uint32_t index, bool overlay) {
    std::vector<std::string> units = Units(phrase.words);
    if (units.empty()) return;
    size_t exact = units.size() - (phrase.last_is_stem ? 1 : 0);
    uint32_t node = 0;
    for (size_t i = 0; i < exact; ++i) {
      node = ChildOrNew(edges_, nodes_, node, AddWord(units[i]));
    }
    if (phrase.last_is_stem) {
      uint32_t leaf = static_cast<uint32_t>(nodes_.size());
      nodes_.emplace_back();
      pending_stems.emplace_back(node, Stem{units.back(), leaf});
      node = leaf;
    }
    Node& n = nodes_[node];
    uint32_t* slot = kind == kActor ? &n.actor : kind == kAgent ? &n.agent : &n.discard;
    if (*slot != kNone) ++(overlay ? overridden_ : duplicates_);
    else ++phrases_;
    *slot = index;
    if (kind == kActor) {
      n.actor_line = phrase.line;
      n.needs_capital = units.size() == 1 && !phrase.last_is_stem && lexicon_.Contains(units[0]);
    }
  };

  for (uint32_t i = 0; i < model_.actors.size(); ++i) {
    const ActorEntry& a = model_.actors[i];
    bool replace = overlay_files_[a.file];
    for (const auto& p : a.phrases) insert(p, kActor, i, replace);
    // A person: a name of two to four words that are not common English words, with a role
    // code (country + sector) or a date-bounded one.
    const auto& root = a.phrases.front().words;
    bool name_like = root.size() >= 2 && root.size() <= 4;
    std::string lower;
    for (size_t k = 0; k < root.size() && name_like; ++k) {
      const std::string& w = root[k];
      lower.assign(w);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const WordTable::Entry* e = words_.Find(lower);
      bool common = e && (e->flags & WordTable::kCommon);
      if (!IsNameWord(w) || (common && w.size() > 2)) name_like = false;
    }
    bool role = std::any_of(a.codes.begin(), a.codes.end(),
                            [](const DatedCode& c) { return c.dated || c.code.size() > 3; });
    person_[i] = name_like && role;
    if (!person_[i] || lexicon_.empty()) continue;
    for (const auto& p : a.phrases) {
      bool ok = true;
      std::string key;
      for (const auto& u : Units(p.words)) {
        if (!IsNameWord(u) || u.size() < 2) { ok = false; break; }
        key += NameKey(u);
      }
      // Single surnames ("TOKAYEV_") too, when long enough to be distinctive.
      if (!ok || key.size() < (p.words.size() < 2 ? 5u : 6u)) continue;
      name_keys_.Insert(key).id = i;  // a later definition wins
    }
  }
  for (uint32_t i = 0; i < model_.agents.size(); ++i) {
    const AgentEntry& g = model_.agents[i];
    bool replace = overlay_files_[g.file];
    insert(g.phrase, kAgent, i, replace);
    for (const auto& p : g.plurals) insert(p, kAgent, i, replace);
    if (g.regular_plurals && !g.phrase.last_is_stem) {
      Phrase plural = g.phrase;
      plural.words.back() = RegularPlural(plural.words.back());
      insert(plural, kAgent, i, replace);
    }
  }
  discard_nodes_.emplace_back();
  std::vector<std::pair<uint32_t, Stem>> pending_discard_stems;
  for (uint32_t i = 0; i < model_.discards.size(); ++i) {
    const DiscardEntry& d = model_.discards[i];
    insert(d.phrase, kDiscard, i, overlay_files_[d.file]);
    std::vector<std::string> units = Units(d.phrase.words);
    if (units.empty()) continue;
    size_t exact = units.size() - (d.phrase.last_is_stem ? 1 : 0);
    uint32_t node = 0;
    for (size_t k = 0; k < exact; ++k) {
      WordTable::Entry& e = discard_words_.Insert(units[k]);
      if (e.id == WordTable::kNoId) e.id = next_discard_word_++;
      node = ChildOrNew(discard_edges_, discard_nodes_, node, e.id);
    }
    if (d.phrase.last_is_stem) {
      uint32_t leaf = static_cast<uint32_t>(discard_nodes_.size());
      discard_nodes_.emplace_back();
      pending_discard_stems.emplace_back(node, Stem{units.back(), leaf});
      node = leaf;
    }
    discard_nodes_[node].discard = i;
  }
  // Plural demonyms: the Phoenix country entries list "NIGERIAN_", "ISRAELI_", "PALESTINIAN_"
  // but never "Nigerians", "Israelis", "Palestinians", the usual way the press names a people.
  // Added after every explicit phrase, so they never replace a definition.
  for (uint32_t i = 0; i < model_.actors.size(); ++i) {
    if (person_[i] || !IsPlace(model_.actors[i])) continue;
    for (const auto& p : model_.actors[i].phrases) {
      if (p.last_is_stem) continue;
      std::vector<std::string> units = Units(p.words);
      if (units.size() != 1) continue;
      std::string plural = DemonymPlural(units[0]);
      if (plural.empty() || lexicon_.Contains(plural)) continue;  // "splits", "turkeys"
      uint32_t node = 0;
      uint64_t key = uint64_t{AddWord(plural)};
      uint32_t child = edges_.Find(key);
      if (child == EdgeTable::kNone) {
        child = static_cast<uint32_t>(nodes_.size());
        nodes_.emplace_back();
        edges_.Insert(key, child);
      }
      node = child;
      Node& n = nodes_[node];
      if (n.actor != kNone || n.agent != kNone) continue;
      n.actor = i;
      n.actor_line = p.line;
      n.needs_capital = true;  // a people's name is written with a capital
      ++phrases_;
    }
  }
  AttachStems(&pending_stems, &nodes_, &stems_);
  file_names_.reserve(model_.files.size());
  for (const auto& f : model_.files) file_names_.push_back(Basename(f.path));
  agent_descriptions_.reserve(model_.agents.size());
  agent_alone_why_.reserve(model_.agents.size());
  for (const AgentEntry& g : model_.agents) {
    agent_descriptions_.push_back(std::string("agent '") + g.phrase.text() + "' [" +
                                  (g.prefix ? g.code + "~" : "~" + g.code) + "] (" + file_names_[g.file] +
                                  ":" + std::to_string(g.line) + ")");
    agent_alone_why_.push_back(agent_descriptions_.back() + " without a country");
  }
  surname_keys_.resize(model_.actors.size());
  for (size_t a = 0; a < model_.actors.size(); ++a)
    if (person_[a]) surname_keys_[a] = NameKey(model_.actors[a].phrases.front().words.back());
  dated_.resize(model_.actors.size());
  undated_code_.resize(model_.actors.size(), nullptr);
  for (size_t a = 0; a < model_.actors.size(); ++a) {
    const auto& codes = model_.actors[a].codes;
    dated_[a] = std::any_of(codes.begin(), codes.end(), [](const DatedCode& c) { return c.dated; });
    if (!dated_[a] && !codes.empty()) undated_code_[a] = &codes.front();
  }
  AttachStems(&pending_discard_stems, &discard_nodes_, &discard_stems_);
  next_word_id_ = RenumberWords(&words_, next_word_id_, &edges_, nodes_.size());
  next_discard_word_ = RenumberWords(&discard_words_, next_discard_word_, &discard_edges_, discard_nodes_.size());
  words_.Compact();
  edges_.Compact();
  index_ = MakeIndex(words_, next_word_id_, edges_, nodes_);
  discard_index_ = MakeIndex(discard_words_, next_discard_word_, discard_edges_, discard_nodes_);
}

uint32_t CompiledDictionary::RenumberWords(WordTable* words, uint32_t word_count, EdgeTable* edges,
                                           size_t node_count) {
  std::vector<uint32_t> renumbered(word_count, kNone);
  edges->ForEach([&](uint64_t key, uint32_t child) {
    if ((key >> 32) == 0) renumbered[static_cast<uint32_t>(key)] = child;
  });
  uint32_t next = static_cast<uint32_t>(node_count);
  for (uint32_t& id : renumbered)
    if (id == kNone) id = next++;
  std::vector<std::string_view> spelled;
  words->ForEach([&](std::string_view w, const WordTable::Entry& e) {
    if (e.id != WordTable::kNoId) spelled.push_back(w);
  });
  // Copies: Insert may move the table's own storage.
  std::vector<std::string> copies(spelled.begin(), spelled.end());
  for (const std::string& w : copies) {
    WordTable::Entry& e = words->Insert(w);
    e.id = renumbered[e.id];
  }
  EdgeTable fresh;
  fresh.Reserve(edges->size());
  edges->ForEach([&](uint64_t key, uint32_t child) {
    fresh.Insert((key & 0xffffffff00000000ull) | renumbered[static_cast<uint32_t>(key)], child);
  });
  *edges = std::move(fresh);
  return next;
}

CompiledDictionary::TrieIndex CompiledDictionary::MakeIndex(const WordTable& words, uint32_t word_count,
                                                            const EdgeTable& edges,
                                                            const std::vector<Node>& nodes) {
  TrieIndex index;
  index.flags.assign(nodes.size(), 0);
  size_t first_words = 0;
  edges.ForEach([&](uint64_t key, uint32_t) {
    uint32_t parent = static_cast<uint32_t>(key >> 32);
    index.flags[parent] |= kHasChildren;
    first_words += parent == 0;
  });
  std::vector<uint64_t> hash_of(word_count, 0);
  words.ForEach([&](std::string_view w, const WordTable::Entry& e) {
    if (e.id != WordTable::kNoId) hash_of[e.id] = WordEnds(w).Hash(w.size());
  });
  index.first_words = WordFilter(first_words);
  index.edges = WordFilter(edges.size() - first_words);
  edges.ForEach([&](uint64_t key, uint32_t) {
    uint32_t parent = static_cast<uint32_t>(key >> 32);
    uint64_t word_hash = hash_of[static_cast<uint32_t>(key)];
    if (parent == 0) index.first_words.Add(word_hash);
    else index.edges.Add(EdgeHash(parent, word_hash));
  });
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    uint8_t& f = index.flags[i];
    if (n.actor != kNone) f |= kActorNode;
    if (n.agent != kNone) f |= kAgentNode;
    if (n.discard != kNone) f |= kDiscardNode;
    if (n.needs_capital) f |= kNeedsCapital;
    if (n.stems_begin != n.stems_end) f |= kHasStems;
  }
  return index;
}

void CompiledDictionary::FindRoots(const TrieIndex& index, const WordTable& words, std::span<Unit> units) {
  for (Unit& u : units) {
    if (u.root_child == kNone) continue;
    LookUp(words, &u);
    // A word that begins a phrase has the id of the root's child for it (RenumberWords).
    u.root_child = u.id < index.flags.size() ? u.id : kNone;
  }
}

void CompiledDictionary::AttachStems(std::vector<std::pair<uint32_t, Stem>>* pending, std::vector<Node>* nodes,
                                     std::vector<Stem>* stems) {
  std::stable_sort(pending->begin(), pending->end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < pending->size();) {
    uint32_t parent = (*pending)[i].first;
    (*nodes)[parent].stems_begin = static_cast<uint32_t>(stems->size());
    for (; i < pending->size() && (*pending)[i].first == parent; ++i)
      stems->push_back(std::move((*pending)[i].second));
    (*nodes)[parent].stems_end = static_cast<uint32_t>(stems->size());
  }
}

size_t CompiledDictionary::MemoryBytes() const {
  return nodes_.capacity() * sizeof(Node) + edges_.MemoryBytes() + words_.MemoryBytes();
}

uint32_t CompiledDictionary::AddWord(std::string_view w) {
  WordTable::Entry& e = words_.Insert(w);
  if (e.id == WordTable::kNoId) e.id = next_word_id_++;
  return e.id;
}

uint32_t CompiledDictionary::WordId(std::string_view w, bool* common) const {
  const WordTable::Entry* e = words_.Find(w);
  if (!e) {
    *common = false;
    return kNone;
  }
  *common = e->flags & WordTable::kCommon;
  return e->id;
}

uint32_t CompiledDictionary::Child(uint32_t node, uint32_t word) const {
  return edges_.Find((uint64_t{node} << 32) | word);
}

std::span<CompiledDictionary::Unit> CompiledDictionary::BuildUnits(const std::vector<Token>& tokens,
                                                                   const WordFilter& first_words,
                                                                   std::string* arena, UnitBuffer* buffer) {
  thread_local std::vector<std::pair<uint32_t, uint32_t>> spans;  // split units: (offset, size)
  thread_local std::vector<uint32_t> split_units;                 // index of each span's unit
  arena->clear();
  spans.clear();
  split_units.clear();
  // Room for `needed` units, keeping the first `kept`.
  auto reserve = [&](size_t needed, size_t kept) {
    if (buffer->capacity >= needed) return;
    size_t capacity = std::max(needed, buffer->capacity * 2);
    auto data = std::make_unique<Unit[]>(capacity);
    std::copy(buffer->data.get(), buffer->data.get() + kept, data.get());
    buffer->data = std::move(data);
    buffer->capacity = capacity;
  };
  reserve(tokens.size(), 0);
  size_t count = 0;
  auto add = [&](uint32_t t, std::string_view text, uint64_t hash) {
    Unit& u = buffer->data[count++];
    u.text = text;
    u.hash = hash;
    u.token = t;
    u.id = kNone;
    u.root_child = first_words.MayContain(hash) ? 0 : kNone;  // 0: a candidate for FindRoots
    u.common = false;
    u.looked_up = false;
  };
  for (uint32_t t = 0; t < tokens.size(); ++t) {
    std::string_view norm = tokens[t].norm;
    // The integers loaded for the hash hold every byte of a word of up to 16 bytes: the test for
    // bytes that need splitting reads them instead of the bytes one by one.
    WordEnds ends(norm);
    bool split = norm.size() <= 16 ? HasSplitByte(ends.head) || HasSplitByte(ends.tail) : NeedsSplitting(norm);
    if (!split) {
      if (!norm.empty()) add(t, norm, ends.Hash(norm.size()));
      continue;
    }
    size_t first = spans.size();
    AppendMatchUnits(norm, arena, &spans);
    reserve(count + (spans.size() - first) + (tokens.size() - t - 1), count);
    for (size_t k = first; k < spans.size(); ++k) {
      split_units.push_back(static_cast<uint32_t>(count));
      add(t, std::string_view(), 0);
    }
  }
  // The arena no longer grows: the split units' views into it are stable.
  for (size_t k = 0; k < spans.size(); ++k) {
    Unit& u = buffer->data[split_units[k]];
    u.text = std::string_view(arena->data() + spans[k].first, spans[k].second);
    u.hash = WordEnds(u.text).Hash(u.text.size());
    u.root_child = first_words.MayContain(u.hash) ? 0 : kNone;
  }
  return std::span<Unit>(buffer->data.get(), count);
}

bool CompiledDictionary::Capitalized(std::string_view sentence, const std::vector<Token>& tokens,
                                     uint32_t t) const {
  if (tokens[t].begin >= sentence.size()) return false;
  unsigned char c = static_cast<unsigned char>(sentence[tokens[t].begin]);
  return c >= 'A' && c <= 'Z';
}

std::vector<ActorMention> CompiledDictionary::FindActors(const std::vector<Token>& tokens,
                                                         std::optional<Date> date) const {
  return FindActors(std::string_view(), tokens, date, nullptr);
}

std::vector<ActorMention> CompiledDictionary::FindActors(std::string_view sentence,
                                                         const std::vector<Token>& tokens,
                                                         std::optional<Date> date,
                                                         DocumentContext* doc) const {
  thread_local std::string arena;
  thread_local UnitBuffer buffer;
  thread_local std::vector<Match> matches;
  const std::span<Unit> units = BuildUnits(tokens, index_.first_words, &arena, &buffer);
  FindRoots(index_, words_, units);
  matches.clear();
  const bool cased = !sentence.empty();
  const bool fuzzy = cased && !lexicon_.empty();
  // A token that may be part of a name: capitalized, letters only, not a common English word.
  auto name_token = [&](Unit& u) {
    if (!Capitalized(sentence, tokens, u.token) || u.text.size() < 2) return false;
    for (unsigned char c : u.text)
      if (!IsAsciiLetter(c)) return false;
    LookUp(words_, &u);
    return !u.common;
  };
  // Transliteration keys of the units, each computed once: (offset in key_arena, size).
  thread_local std::string key_arena;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> unit_keys;
  key_arena.clear();
  unit_keys.assign(units.size(), {0, UINT32_MAX});
  auto name_key = [&](uint32_t u) -> std::string_view {
    auto& [offset, size] = unit_keys[u];
    if (size == UINT32_MAX) {
      offset = static_cast<uint32_t>(key_arena.size());
      AppendNameKey(units[u].text, &key_arena);
      size = static_cast<uint32_t>(key_arena.size() - offset);
    }
    return std::string_view(key_arena).substr(offset, size);
  };

  // Persons named in full are remembered for the rest of the document (this sentence included),
  // so that a later surname alone resolves to them.
  auto remember = [&](const Match& m) {
    if (!doc || m.actor == kNone || !person_[m.actor] || m.end_unit - m.first_unit < 2) return;
    std::string key(name_key(m.end_unit - 1));
    if (key.size() < 3) return;
    std::string name;
    uint32_t b = tokens[units[m.first_unit].token].begin, e = tokens[units[m.end_unit - 1].token].end;
    if (cased && b <= e && e <= sentence.size()) {
      name = std::string(sentence.substr(b, e - b));
    } else {
      name = model_.actors[m.actor].phrases.front().text();
    }
    auto same = [&](const DocumentContext::Person& p) { return p.surname_key == key; };
    doc->persons.erase(std::remove_if(doc->persons.begin(), doc->persons.end(), same), doc->persons.end());
    doc->persons.push_back({key, m.actor, std::move(name)});
    // The dictionary's own spelling of the surname too ("Lukashenko" after "Lukashenka").
    const std::string& root_key = surname_keys_[m.actor];
    if (root_key != key && root_key.size() >= 3)
      doc->persons.push_back({root_key, m.actor, doc->persons.back().name});
  };

  const uint32_t n = static_cast<uint32_t>(units.size());
  // The longest phrase starting at unit i: (end unit, terminal node) or (0, kNone).
  auto longest = [&](uint32_t i) -> std::pair<uint32_t, uint32_t> {
    uint32_t node = 0, best_end = 0, best_node = kNone;
    for (uint32_t j = i; j < n; ++j) {
      Unit& u = units[j];
      const uint8_t flags = index_.flags[node];
      if (flags & kHasStems) {
        const Node& cur = nodes_[node];
        for (uint32_t s = cur.stems_begin; s < cur.stems_end; ++s) {
          const Stem& st = stems_[s];
          const Node& leaf = nodes_[st.node];
          if ((leaf.actor != kNone || leaf.agent != kNone) && u.text.size() >= st.text.size() &&
              u.text.compare(0, st.text.size(), st.text) == 0 && j + 1 > best_end) {
            best_end = j + 1;
            best_node = st.node;
          }
        }
      }
      if (!(flags & kHasChildren)) break;
      uint32_t child;
      if (node == 0) {
        child = u.root_child;
      } else {
        if (!index_.edges.MayContain(EdgeHash(node, u.hash))) break;
        LookUp(words_, &u);
        if (u.id == kNone) break;
        child = Child(node, u.id);
      }
      if (child == kNone) break;
      node = child;
      const uint8_t c = index_.flags[node];
      bool actor_ok = (c & kActorNode) && !(cased && (c & kNeedsCapital) && !Capitalized(sentence, tokens, u.token));
      if (actor_ok || (c & kAgentNode)) {
        best_end = j + 1;
        best_node = node;
      }
    }
    return {best_end, best_node};
  };
  for (uint32_t i = 0; i < n;) {
    auto [best_end, best_node] = longest(i);
    // Leftmost-longest, except that a longer phrase starting one word later, inside this one,
    // wins: "the UN Secretary-General" is UN_SECRETARY_GENERAL, not THE_UN and a stray title.
    if (best_node != kNone && i + 1 < best_end) {
      auto [next_end, next_node] = longest(i + 1);
      if (next_node != kNone && next_end - (i + 1) > best_end - i) { ++i; continue; }
    }
    if (best_node != kNone) {
      const Node& c = nodes_[best_node];
      Match m{i, best_end, best_node};
      bool actor_ok = c.actor != kNone &&
                      !(cased && c.needs_capital && !Capitalized(sentence, tokens, units[i].token));
      if (actor_ok) m.actor = c.actor;
      else m.agent = c.agent;
      if (m.actor == kNone && m.agent == kNone) { ++i; continue; }
      matches.push_back(std::move(m));
      remember(matches.back());
      i = best_end;
      continue;
    }
    if (fuzzy && name_token(units[i])) {
      // Spelling-tolerant person names: the longest run of name tokens whose joined
      // transliteration key is a known person's.
      thread_local std::string key;
      key.clear();
      uint32_t hit_end = 0, hit_actor = kNone;
      for (uint32_t j = i; j < n && j < i + 4 && name_token(units[j]); ++j) {
        key += name_key(j);
        if (const WordTable::Entry* e = name_keys_.Find(key)) { hit_end = j + 1; hit_actor = e->id; }
      }
      if (hit_actor != kNone) {
        Match m{i, hit_end, kNone};
        m.actor = hit_actor;
        m.how = "spelling-tolerant";
        matches.push_back(std::move(m));
        remember(matches.back());
        i = hit_end;
        continue;
      }
      if (doc) {
        std::string_view k = name_key(i);
        for (auto p = doc->persons.rbegin(); p != doc->persons.rend(); ++p) {
          if (p->surname_key == k) {
            Match m{i, i + 1, kNone};
            m.actor = p->actor;
            m.how = "surname of " + p->name + ", named earlier in the document";
            matches.push_back(std::move(m));
            break;
          }
        }
        if (!matches.empty() && matches.back().first_unit == i) { ++i; continue; }
      }
    }
    ++i;
  }
  return Compose(sentence, tokens, units, matches, date);
}

std::vector<ActorMention> CompiledDictionary::Compose(std::string_view sentence,
                                                      const std::vector<Token>& tokens,
                                                      std::span<const Unit> units,
                                                      std::vector<Match>& matches,
                                                      std::optional<Date> date) const {
  std::vector<ActorMention> out;
  const size_t k = matches.size();
  if (k == 0) return out;
  out.reserve(k);
  // Resolved codes of the actor matches ("" for agents, "---" for null codes).
  thread_local std::vector<Resolution> res;
  res.assign(k, Resolution{});
  for (size_t i = 0; i < k; ++i) {
    const uint32_t a = matches[i].actor;
    if (a == kNone) continue;
    if (dated_[a]) res[i] = ResolveCode(model_.actors[a], date);
    else res[i].code = undated_code_[a];  // what ResolveCode answers for any date
  }
  static const std::string kNoCode;
  auto code_of = [&](size_t i) -> const std::string& { return res[i].code ? res[i].code->code : kNoCode; };
  // A country, or a territory of one ("SCGSRB", Serbia within Serbia and Montenegro): codes
  // that an agent noun extends ("Serbian forces" -> SCGSRBMIL). Asked several times per match.
  thread_local std::vector<char> level;
  level.assign(k, 0);
  for (size_t i = 0; i < k; ++i) {
    if (matches[i].actor == kNone) continue;
    const std::string& c = code_of(i);
    if (c.size() != 3 && c.size() != 6) continue;
    if (!std::all_of(c.begin(), c.end(), [](char ch) { return IsAsciiLetter(static_cast<unsigned char>(ch)); }))
      continue;
    if (c.size() == 3) {
      level[i] = 1;
      continue;
    }
    CodeSplit parts = SplitCode(c);
    level[i] = parts.sector.empty() && !IsTransnational(parts.country);
  }
  auto country_level = [&](size_t i) { return level[i] != 0; };
  // Units strictly between two matches.
  struct Gap {
    const Unit* first;
    size_t n;
    size_t size() const { return n; }
    bool empty() const { return n == 0; }
    std::string_view operator[](size_t i) const { return first[i].text; }
    bool Separators() const {
      for (size_t i = 0; i < n; ++i)
        if (!IsSeparator(first[i].text)) return false;
      return true;
    }
  };
  auto between = [&](size_t a_end, size_t b_first) {
    return Gap{units.data() + a_end, b_first > a_end ? b_first - a_end : 0};
  };
  auto one_word_between = [&](size_t a_end, size_t b_first, std::string_view word) {
    return b_first == a_end + 1 && units[a_end].text == word;
  };
  auto adjacent = [&](size_t a_end, size_t b_first) {
    Gap v = between(a_end, b_first);
    return v.empty() || (v.size() == 1 && v[0] == "'s");
  };
  auto span_text = [&](uint32_t first_token, uint32_t last_token) {
    uint32_t b = tokens[first_token].begin, e = tokens[last_token - 1].end;
    if (!sentence.empty() && b <= e && e <= sentence.size()) return std::string(sentence.substr(b, e - b));
    std::string s;
    for (uint32_t t = first_token; t < last_token; ++t) {
      if (!s.empty()) s += ' ';
      s += tokens[t].norm;
    }
    return s;
  };
  auto make = [&](size_t first_match, size_t last_match, const std::string& code) {
    ActorMention m;
    m.first_token = units[matches[first_match].first_unit].token;
    m.last_token = units[matches[last_match].end_unit - 1].token + 1;
    m.text = span_text(m.first_token, m.last_token);
    m.code = code;
    CodeSplit parts = SplitCode(code);
    m.country = parts.country;
    m.sector = parts.sector;
    return m;
  };
  auto actor_source = [&](size_t i, ActorMention* m) {
    const ActorEntry& e = model_.actors[matches[i].actor];
    m->dict_file = file_names_[e.file];
    m->dict_line = matches[i].node != kNone ? nodes_[matches[i].node].actor_line : e.line;
    if (matches[i].how.empty()) {
      m->why = res[i].why;
      return;
    }
    std::string how = matches[i].how == "spelling-tolerant"
                          ? "spelling-tolerant match of '" + e.phrases.front().text() + "'"
                          : matches[i].how;
    m->why = res[i].why.empty() ? how : how + "; " + res[i].why;
  };
  auto agent_desc = [&](size_t i) -> const std::string& { return agent_descriptions_[matches[i].agent]; };
  auto compose_code = [&](const std::string& country, const AgentEntry& g) {
    return g.prefix ? g.code + country : country + g.code;
  };

  thread_local std::vector<char> used;
  used.assign(k, false);
  for (size_t i = 0; i < k; ++i) {
    if (used[i]) continue;
    const Match& m = matches[i];
    if (m.actor != kNone) {
      // A country (or list of countries) followed by an agent: "Kazakh President",
      // "his Belarusian, Kyrgyz, Russian, and Tajik counterparts".
      if (country_level(i)) {
        size_t j = i;
        bool list_ok = true;
        while (list_ok && j + 1 < k && country_level(j + 1)) {
          auto sep = between(matches[j].end_unit, matches[j + 1].first_unit);
          list_ok = !sep.empty() && sep.size() <= 2 && sep.Separators();
          if (list_ok) ++j;
        }
        size_t g = j + 1;
        bool agent_follows = g < k && matches[g].agent != kNone && matches[g].actor == kNone &&
                             adjacent(matches[j].end_unit, matches[g].first_unit);
        if (agent_follows) {
          const AgentEntry& ag = model_.agents[matches[g].agent];
          // A person right after the title ("Kazakh President Tokayev") is the actor.
          bool person_next = g + 1 < k && matches[g + 1].actor != kNone && person_[matches[g + 1].actor] &&
                             adjacent(matches[g].end_unit, matches[g + 1].first_unit);
          if (person_next && j == i) {
            size_t p = g + 1;
            ActorMention am = make(i, p, code_of(p));
            actor_source(p, &am);
            std::string note = "title '" + span_text(units[matches[i].first_unit].token,
                                                      units[matches[g].end_unit - 1].token + 1) +
                               "' before the name";
            am.why = am.why.empty() ? note : note + "; " + am.why;
            if (code_of(p) != "---") out.push_back(std::move(am));
            used[i] = used[g] = used[p] = true;
            continue;
          }
          for (size_t a = i; a <= j; ++a) {
            if (code_of(a) == "---") continue;
            ActorMention am = make(a, a == j ? g : a, compose_code(code_of(a), ag));
            am.is_agent = true;
            actor_source(a, &am);
            std::string note = code_of(a) + " + " + agent_desc(g);
            am.why = am.why.empty() ? note : note + "; " + am.why;
            out.push_back(std::move(am));
            used[a] = true;
          }
          used[g] = true;
          continue;
        }
      }
      used[i] = true;
      if (code_of(i).empty() || code_of(i) == "---") {
        if (i + 1 < k && matches[i + 1].agent != kNone && adjacent(m.end_unit, matches[i + 1].first_unit))
          used[i + 1] = true;
        continue;
      }
      // An organization or institution followed by a role noun ("U.N. envoy", "Kremlin
      // spokesman"): the role belongs to it and the code stays the organization's. After a
      // person ("Erdogan's foreign minister") the role is someone else's.
      size_t last = i;
      std::string note;
      if (!person_[m.actor] && i + 1 < k && matches[i + 1].agent != kNone && matches[i + 1].actor == kNone &&
          adjacent(m.end_unit, matches[i + 1].first_unit)) {
        last = i + 1;
        used[last] = true;
        note = agent_desc(last) + " of " + code_of(i);
      }
      ActorMention am = make(i, last, code_of(i));
      am.is_agent = last != i;
      actor_source(i, &am);
      if (!note.empty()) am.why = am.why.empty() ? note : note + "; " + am.why;
      out.push_back(std::move(am));
      // "Masimov's cabinet": the role belongs to the person's country.
      if (person_[m.actor] && i + 1 < k && matches[i + 1].agent != kNone && matches[i + 1].actor == kNone &&
          one_word_between(m.end_unit, matches[i + 1].first_unit, "'s") &&
          !(i + 2 < k && matches[i + 2].actor != kNone && person_[matches[i + 2].actor] &&
            adjacent(matches[i + 1].end_unit, matches[i + 2].first_unit))) {
        CodeParts parts = SplitActorCode(code_of(i));
        const AgentEntry& ag = model_.agents[matches[i + 1].agent];
        if (parts.country.size() == 3 && parts.country != "IGO" && parts.country != "NGO" &&
            parts.country != "NGM" && parts.country != "IMG" && parts.country != "MNC" && !ag.code.empty()) {
          ActorMention r = make(i + 1, i + 1, compose_code(parts.country, ag));
          r.is_agent = true;
          r.dict_file = file_names_[ag.file];
          r.dict_line = ag.line;
          r.why = agent_desc(i + 1) + " of " + parts.country + ", the country of " + out.back().text;
          out.push_back(std::move(r));
          used[i + 1] = true;
        }
      }
      continue;
    }
    // An agent: "President of Kazakhstan", "President Tokayev", or on its own.
    const AgentEntry& ag = model_.agents[m.agent];
    used[i] = true;
    if (ag.code.empty()) continue;  // `[~]`: a noun the dictionary marks as no actor
    if (i + 1 < k && country_level(i + 1)) {
      // "President of Kazakhstan", "parliamentarians from Belarus, Kazakhstan, and Iran".
      auto sep = between(m.end_unit, matches[i + 1].first_unit);
      bool of = (sep.size() == 1 && (sep[0] == "of" || sep[0] == "from")) ||
                (sep.size() == 2 && (sep[0] == "of" || sep[0] == "from") && sep[1] == "the");
      if (of) {
        size_t last = i + 1;
        while (last + 1 < k && country_level(last + 1)) {
          auto gap = between(matches[last].end_unit, matches[last + 1].first_unit);
          if (gap.empty() || gap.size() > 2 || !gap.Separators())
            break;
          ++last;
        }
        for (size_t a = i + 1; a <= last; ++a) {
          used[a] = true;
          if (code_of(a) == "---") continue;
          ActorMention am = make(a == i + 1 ? i : a, a, compose_code(code_of(a), ag));
          am.is_agent = true;
          actor_source(a, &am);
          std::string note = agent_desc(i) + " " + std::string(sep[0]) + " " + code_of(a);
          am.why = am.why.empty() ? note : note + "; " + am.why;
          out.push_back(std::move(am));
        }
        continue;
      }
    }
    // "the military government of President Prosper Avril", "supporters of Pashinyan": the
    // role belongs to the person's country, as with "Masimov's cabinet".
    if (i + 1 < k && one_word_between(m.end_unit, matches[i + 1].first_unit, "of") &&
        !(matches[i + 1].actor != kNone && country_level(i + 1))) {
      size_t p = i + 1;
      // A title between "of" and the name ("of President Avril") belongs to the name.
      if (matches[p].agent != kNone && matches[p].actor == kNone && p + 1 < k &&
          adjacent(matches[p].end_unit, matches[p + 1].first_unit))
        ++p;
      // A person: a dictionary person, or any actor named right after a title ("of President
      // Prosper Avril": "Prosper" is an English word, so the entry is not known as a person).
      bool person = matches[p].actor != kNone && (person_[matches[p].actor] || p == i + 2);
      if (person && code_of(p) != "---") {
        CodeParts parts = SplitActorCode(code_of(p));
        if (parts.country.size() == 3 && !IsTransnational(parts.country)) {
          for (size_t u = i + 1; u <= p; ++u) used[u] = true;
          ActorMention am = make(i, p, compose_code(parts.country, ag));
          am.is_agent = true;
          actor_source(p, &am);
          std::string note = agent_desc(i) + " of " + parts.country + ", the country of " +
                             span_text(units[matches[p].first_unit].token,
                                       units[matches[p].end_unit - 1].token + 1);
          am.why = am.why.empty() ? note : note + "; " + am.why;
          out.push_back(std::move(am));
          continue;
        }
      }
    }
    if (i + 1 < k && matches[i + 1].actor != kNone && person_[matches[i + 1].actor] &&
        adjacent(m.end_unit, matches[i + 1].first_unit)) {
      size_t p = i + 1;
      used[p] = true;
      if (code_of(p) == "---") continue;
      ActorMention am = make(i, p, code_of(p));
      actor_source(p, &am);
      std::string note = "title '" + span_text(units[m.first_unit].token, units[m.end_unit - 1].token + 1) +
                         "' before the name";
      am.why = am.why.empty() ? note : note + "; " + am.why;
      out.push_back(std::move(am));
      continue;
    }
    // "Demonstrators in Baghdad", "police in Cairo": a group named only by its role is coded
    // with the country it is in, as CAMEO coders do.
    if (i + 1 < k && one_word_between(m.end_unit, matches[i + 1].first_unit, "in") &&
        country_level(i + 1) && !ag.prefix && code_of(i + 1) != "---") {
      used[i + 1] = true;
      ActorMention am = make(i, i + 1, compose_code(code_of(i + 1), ag));
      am.is_agent = true;
      actor_source(i + 1, &am);
      std::string note = agent_desc(i) + " in " + code_of(i + 1);
      am.why = am.why.empty() ? note : note + "; " + am.why;
      out.push_back(std::move(am));
      continue;
    }
    ActorMention am = make(i, i, "");
    am.is_agent = true;
    am.sector = ag.code.substr(0, 3);  // the agent's own role, e.g. GOV, MIL, PPL
    am.dict_file = file_names_[ag.file];
    am.dict_line = ag.line;
    am.why = agent_alone_why_[m.agent];
    out.push_back(std::move(am));
  }
  return out;
}

bool CompiledDictionary::IsDiscarded(const std::vector<Token>& tokens) const {
  // One pass over the words with every walk that is still in the discard trie (a walk starts at
  // each word), so that no word is stored: most words start no walk and continue none.
  thread_local std::vector<uint32_t> active, next;
  thread_local std::string arena;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> spans;
  active.clear();
  // Advances every walk by the word `text`; true when one completes a discard phrase.
  auto step = [&](std::string_view text) {
    const WordEnds ends(text);
    const uint64_t hash = ends.Hash(text.size());
    uint32_t id = kNone;
    bool looked_up = false;
    auto word_id = [&] {
      if (!looked_up) {
        looked_up = true;
        if (const WordTable::Entry* e = discard_words_.Find(text, ends, hash)) id = e->id;
      }
      return id;
    };
    next.clear();
    active.push_back(0);  // the walk that starts at this word
    for (uint32_t node : active) {
      const uint8_t flags = discard_index_.flags[node];
      if (flags & kHasStems) {
        const Node& cur = discard_nodes_[node];
        for (uint32_t s = cur.stems_begin; s < cur.stems_end; ++s)
          if (text.starts_with(discard_stems_[s].text)) return true;
      }
      if (!(flags & kHasChildren)) continue;
      uint32_t child;
      if (node == 0) {
        if (!discard_index_.first_words.MayContain(hash)) continue;
        child = word_id() < discard_index_.flags.size() ? id : kNone;  // RenumberWords
      } else {
        if (!discard_index_.edges.MayContain(EdgeHash(node, hash)) || word_id() == kNone) continue;
        child = discard_edges_.Find((uint64_t{node} << 32) | id);
      }
      if (child == kNone) continue;
      if (discard_index_.flags[child] & kDiscardNode) return true;
      next.push_back(child);
    }
    active.swap(next);
    return false;
  };
  for (const Token& t : tokens) {
    std::string_view norm = t.norm;
    WordEnds ends(norm);
    bool split = norm.size() <= 16 ? HasSplitByte(ends.head) || HasSplitByte(ends.tail) : NeedsSplitting(norm);
    if (!split) {
      if (!norm.empty() && step(norm)) return true;
      continue;
    }
    arena.clear();
    spans.clear();
    AppendMatchUnits(norm, &arena, &spans);
    for (auto [offset, size] : spans)
      if (step(std::string_view(arena).substr(offset, size))) return true;
  }
  return false;
}

}  // namespace communique::dict
