// The compiled, immutable DictionarySet: every actor, agent and discard phrase in one trie over
// word ids, plus the transliteration-key index of person names.
//
// In: a DictionaryModel (dictionary_format.h) and the English lexicon. Out: FindActors /
// IsDiscarded answers. Internal to src/dict; other stages use include/communique/actor.h.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "communique/actor.h"
#include "dict/dictionary_format.h"
#include "dict/flat_tables.h"
#include "dict/lexicon.h"

namespace communique::dict {

inline constexpr uint32_t kNone = UINT32_MAX;

// A code chosen for a date, and why.
struct Resolution {
  const DatedCode* code = nullptr;
  std::string why;
};
Resolution ResolveCode(const ActorEntry& entry, std::optional<Date> date);

class CompiledDictionary final : public DictionarySet {
 public:
  CompiledDictionary(DictionaryModel model, Lexicon lexicon, std::vector<bool> overlay_files);

  std::vector<ActorMention> FindActors(const std::vector<Token>& tokens,
                                       std::optional<Date> date) const override;
  std::vector<ActorMention> FindActors(std::string_view sentence, const std::vector<Token>& tokens,
                                       std::optional<Date> date,
                                       DocumentContext* doc) const override;
  bool IsDiscarded(const std::vector<Token>& tokens) const override;
  size_t size() const override { return phrases_; }

  const DictionaryModel& model() const { return model_; }
  const Lexicon& lexicon() const { return lexicon_; }
  bool IsPerson(uint32_t actor) const { return person_[actor]; }
  // Phrases that replaced an earlier definition (overlays) / duplicates ignored (base files).
  size_t overridden() const { return overridden_; }
  size_t duplicates() const { return duplicates_; }
  size_t MemoryBytes() const;

 private:
  struct Node {
    uint32_t actor = kNone;
    uint32_t agent = kNone;
    uint32_t discard = kNone;
    uint32_t actor_line = 0;     // line of the phrase (root or synonym) that made this terminal
    uint32_t stems_begin = 0;    // TABARI stems that may follow this node: stems_[begin, end)
    uint32_t stems_end = 0;
    bool needs_capital = false;  // one common English word: an actor only when capitalized
  };
  struct Stem {
    std::string text;
    uint32_t node;
  };
  // One word of the sentence as the matcher sees it. The word table is consulted only for the
  // words that need it (LookUp): most words begin no phrase, and the first-word filter says so.
  struct Unit {
    std::string_view text;
    uint64_t hash = 0;       // WordEnds(text).Hash(text.size())
    uint32_t token = 0;      // index of the token it came from
    uint32_t id = kNone;     // vocabulary id, kNone when no phrase has this word (after LookUp)
    uint32_t root_child = kNone;  // the root's child for this word (after FindRoots)
    bool common = false;     // an ordinary English word, from the lexicon (after LookUp)
    bool looked_up = false;
  };
  [[gnu::always_inline]] static void LookUp(const WordTable& words, Unit* u) {
    if (u->looked_up) return;
    u->looked_up = true;
    if (const WordTable::Entry* e = words.Find(u->text, WordEnds(u->text), u->hash)) {
      u->id = e->id;
      u->common = (e->flags & WordTable::kCommon) != 0;
    }
  }
  // What the walk needs of a node, one byte each so that the array stays in cache.
  enum NodeFlag : uint8_t {
    kActorNode = 1,
    kAgentNode = 2,
    kNeedsCapital = 4,
    kHasChildren = 8,
    kHasStems = 16,
    kDiscardNode = 32,
  };
  // A trie's fast paths: which words begin a phrase (filter, and their child of the root by word
  // id) and each node's flags.
  struct TrieIndex {
    WordFilter first_words;            // words that begin a phrase, by word hash (every word asks)
    WordFilter edges;                  // (node, word) pairs below the root: EdgeHash
    std::vector<uint8_t> flags;        // by node
  };
  // Sets Unit::root_child of every unit, with word table lookups only for the words the filter
  // passed in BuildUnits. One loop over the sentence, so that the memory reads of different words
  // overlap.
  static void FindRoots(const TrieIndex& index, const WordTable& words, std::span<Unit> units);
  static uint64_t EdgeHash(uint32_t node, uint64_t word_hash) {
    return Mix(word_hash ^ (uint64_t{node} * 0x9e3779b97f4a7c15ull));
  }
  // Gives each word that begins a phrase the id of the root's child for it, and every other word
  // an id past the last node, so that a word's id is its first step in the trie. Returns the
  // number of ids.
  static uint32_t RenumberWords(WordTable* words, uint32_t word_count, EdgeTable* edges, size_t node_count);
  static TrieIndex MakeIndex(const WordTable& words, uint32_t word_count, const EdgeTable& edges,
                             const std::vector<Node>& nodes);
  struct Match {
    Match(uint32_t first, uint32_t end, uint32_t terminal) : first_unit(first), end_unit(end), node(terminal) {}
    uint32_t first_unit, end_unit;
    uint32_t node;     // terminal node (kNone for fuzzy or remembered matches)
    uint32_t actor = kNone;
    uint32_t agent = kNone;
    std::string how;   // "", "spelling-tolerant", "surname"
  };

  uint32_t WordId(std::string_view w, bool* common) const;
  uint32_t AddWord(std::string_view w);
  uint32_t Child(uint32_t node, uint32_t word) const;
  void Insert(const Phrase& phrase, int kind, uint32_t index, bool replace);
  // Gives each node its stems (pending: (node, stem)), stored contiguously per node.
  static void AttachStems(std::vector<std::pair<uint32_t, Stem>>* pending, std::vector<Node>* nodes,
                          std::vector<Stem>* stems);
  // The sentence's match units (not yet looked up); unit text that differs from Token::norm lives
  // in `arena`.
  // Per-thread storage of units, grown and never shrunk: building a sentence's units is plain
  // stores.
  struct UnitBuffer {
    std::unique_ptr<Unit[]> data;
    size_t capacity = 0;
  };
  // Unit::root_child is 0 for the units that `first_words` passes (FindRoots looks them up),
  // kNone for the others.
  static std::span<Unit> BuildUnits(const std::vector<Token>& tokens, const WordFilter& first_words,
                                    std::string* arena, UnitBuffer* buffer);
  bool Capitalized(std::string_view sentence, const std::vector<Token>& tokens, uint32_t t) const;
  std::vector<ActorMention> Compose(std::string_view sentence, const std::vector<Token>& tokens,
                                    std::span<const Unit> units, std::vector<Match>& matches,
                                    std::optional<Date> date) const;

  DictionaryModel model_;
  Lexicon lexicon_;
  std::vector<bool> overlay_files_;
  WordTable words_;   // dictionary words (ids) and lexicon words (kCommon)
  uint32_t next_word_id_ = 0;
  EdgeTable edges_;
  std::vector<Node> nodes_;
  std::vector<Stem> stems_;
  // The discard phrases again, in a trie of their own over a small vocabulary: the discard
  // check looks words up in a table that stays in cache and stops at the first word that begins
  // no discard phrase, instead of walking actor phrases.
  WordTable discard_words_;
  uint32_t next_discard_word_ = 0;
  EdgeTable discard_edges_;
  std::vector<Node> discard_nodes_;
  std::vector<Stem> discard_stems_;
  TrieIndex index_;
  TrieIndex discard_index_;
  std::vector<bool> person_;
  std::vector<std::string> file_names_;          // per model file: "phoenix/Phoenix.agents.txt"
  std::vector<std::string> agent_descriptions_;  // per agent, as `why` names it
  std::vector<std::string> agent_alone_why_;     // per agent: `why` of the agent without a country
  // Per actor: whether a code is date-bounded; if none is, the code (ResolveCode's answer).
  std::vector<bool> dated_;
  std::vector<std::string> surname_keys_;  // per person: name key of the root phrase's last word
  std::vector<const DatedCode*> undated_code_;
  // Transliteration key of a person's full name (name keys of its words, concatenated) -> actor.
  WordTable name_keys_;  // Entry::id is the actor
  size_t phrases_ = 0;
  size_t overridden_ = 0;
  size_t duplicates_ = 0;
};

}  // namespace communique::dict
