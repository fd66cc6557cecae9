// Verb patterns: the PETRARCH2 CAMEO verb dictionary (and TABARI .verbs files) compiled once into
// a VerbPatternSet.
//
// Input: dictionary files made of synonym sets (`&NAME` then `+phrase` lines), verb blocks
// (`--- NAME [code] ---` then verb lines `VERB {irregular forms} [code]` then patterns
// `- pre words * post words [code]`). Output: one hash lookup from any word form to its verb, and
// per verb the patterns, most specific first, matched against the words around a verb in a clause.
// Pattern elements: plain words (plurals included), `{A B}` consecutive words, `(PREP words)`
// prepositional phrases, `&SYNSET`, `$` source actor, `+` target actor, `%` compound (source and
// target), `^` skip an actor. A `[---]` code means "no event" and blocks the verb's default code.
// Immutable after Load; safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "communique/document.h"
#include "communique/token.h"
#include "dict/flat_tables.h"

namespace communique::code {

// A sequence of token ids that must occur consecutively; an element offers alternatives.
using WordSeq = std::vector<uint32_t>;

struct PatternElement {
  enum class Kind : uint8_t { kWords, kPrep, kSource, kTarget, kCompound, kSkip };
  Kind kind = Kind::kWords;
  std::vector<WordSeq> alternatives;      // kWords: any of these; kPrep: the preposition
  std::vector<PatternElement> children;   // kPrep: what follows the preposition
  // kWords / kPrep: bit (id % 64) set for the first word id of every alternative, so that most
  // positions are rejected with one test instead of a scan of the alternatives (a synset has
  // dozens).
  uint64_t first_mask = ~uint64_t{0};
};

struct VerbPattern {
  std::vector<PatternElement> before;  // words before the verb (the subject side)
  std::vector<PatternElement> after;   // words after the verb
  std::string code;                    // "0231", or "---" for "no event"
  std::string paired_code;             // "[042:043]": the target's reciprocal event code
  std::string text;                    // the pattern as written
  std::string file;
  uint32_t line = 0;
  int specificity = 0;                 // words and actor slots it requires
  // The pattern names a negation before the verb ("&NEGATVAUXVRB * OVER EFFORTS", "HAS NOT *"):
  // it says what the negated verb means, so a negated clause is coded with it.
  bool negated = false;
  // "%" (a compound actor): before "*" ("% * [030:030]", "Gondor and Osgiliath agree") the
  // conjoined subjects act on one another; after it ("* WITH %") the conjuncts are the targets.
  bool compound_before = false;
  bool compound_after = false;
  // "RECENTLY_*" / "*_PLEASANT": '_' ties the nearest word to the verb, with nothing between.
  bool before_touches_verb = false;
  bool after_touches_verb = false;
  // Prefilter: for every word element, the first word of each alternative. A pattern can only
  // match a sentence holding at least one word of every such set.
  std::vector<std::vector<uint32_t>> required;
};

struct VerbBlock {
  std::string name;   // "ACCELERATE", or the verb itself for TABARI files
  std::string code;   // the block's default code, "---" when the bare verb codes nothing
  std::string paired_code;
  std::vector<VerbPattern> patterns;  // most specific first

  // Whether patterns[i] can match a sentence whose words are marked in `present` (by word id):
  // its `required` sets, flattened into one array so that scanning a block's many patterns for
  // the few worth matching stays in a few cache lines.
  bool MayMatch(size_t i, const uint8_t* present) const {
    const uint32_t* p = prefilter.data() + prefilter_begin[i];
    const uint32_t* end = prefilter.data() + prefilter_begin[i + 1];
    while (p < end) {
      uint32_t n = *p++;
      bool any = false;
      for (uint32_t k = 0; k < n && !any; ++k) any = present[p[k]] != 0;
      if (!any) return false;
      p += n;
    }
    return true;
  }
  std::vector<uint32_t> prefilter;        // per pattern: (set size, word ids...)*
  std::vector<uint32_t> prefilter_begin;  // patterns.size() + 1 offsets into prefilter
};

struct VerbForm {
  uint32_t block = 0;
  std::string lemma;        // the verb as listed ("SUSPEND", "ASK_FOR")
  std::string code;         // the verb's own code when it has one, else empty
  std::string paired_code;
  WordSeq particles;        // words that must follow the verb ("for" in "asked for")
};

class VerbPatternSet {
 public:
  // Reads and compiles the files in order (later files add to earlier ones). Throws
  // std::runtime_error when a file cannot be read; malformed lines go to `errors` (file:line).
  static std::unique_ptr<VerbPatternSet> Load(const std::vector<std::string>& files,
                                             const ErrorSink& errors);
  // Same, from text already in memory (`name` is used in messages).
  static std::unique_ptr<VerbPatternSet> FromText(std::string_view text, const std::string& name,
                                                 const ErrorSink& errors);

  // The id of a normalized word (Token::norm), 0 when no pattern or verb uses it. TABARI files
  // list most verbs as stems ("RESTOR" codes "restore", "restoring"; "ACT_" only "act"): a word
  // no entry names exactly takes the id of its longest stem.
  uint32_t WordId(std::string_view norm) const {
    if (!ids_) return 0;
    if (const dict::WordTable::Entry* e = ids_->Find(norm)) return e->id;
    return has_stems_ ? StemId(norm) : 0;
  }
  // All verb readings of a word id (several when a form is listed with different particles).
  const std::vector<VerbForm>* Forms(uint32_t word_id) const;
  const VerbBlock& block(uint32_t i) const { return blocks_[i]; }
  size_t verb_form_count() const { return form_count_; }
  size_t pattern_count() const;
  size_t block_count() const { return blocks_.size(); }
  size_t word_count() const { return words_.size(); }
  std::string_view Word(uint32_t id) const { return words_[id]; }

 private:
  class Builder;
  uint32_t Intern(std::string_view word);
  uint32_t StemId(std::string_view norm) const;

  // Looked up for every token of every sentence: an open-addressing table, not a node map.
  std::unique_ptr<dict::WordTable> ids_;
  std::vector<std::string> words_{""};
  std::vector<std::vector<VerbForm>> forms_{1};  // by word id
  std::vector<VerbBlock> blocks_;
  size_t form_count_ = 0;
  bool has_stems_ = false;
  std::vector<uint8_t> stem_;  // by word id: a TABARI stem, matching any word it begins
};

}  // namespace communique::code
