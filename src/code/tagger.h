// Part-of-speech tagger: a bigram hidden Markov model decoded with Viterbi.
//
// Input: the lexicon of Debian's liblingua-en-tagger-perl (words.yml: word -> tag counts,
// tags.yml: P(tag | previous tag), unknown.yml: tag counts for classes of unknown words such as
// "-cap-" or "-ing-"), read at load time. Output: a Penn Treebank tag in Token::tag for every
// token of a sentence. Immutable after Load and safe to share between threads.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "communique/token.h"

namespace communique::code {

class PosTagger {
 public:
  static constexpr int kMaxTags = 48;

  // Reads words.yml, tags.yml and unknown.yml from `dir`. Throws std::runtime_error when a file
  // cannot be read; malformed lines are skipped (the files are generated, not hand-edited).
  static std::unique_ptr<PosTagger> Load(const std::string& dir);
  // The lexicon directory: data_dir/tagger when present, else the Debian package's.
  static std::string DefaultDir(const std::string& data_dir);

  // Tags `tokens` (offsets into `sentence`) in place.
  void Tag(std::string_view sentence, std::vector<Token>& tokens) const;

  size_t lexicon_size() const { return lexicon_.size(); }

 private:
  // Tables read at random by every lookup are 2 MB aligned and advised to the kernel as huge-page
  // memory: with 4 KB pages nearly every lookup would also miss the TLB.
  static void* AllocateHuge(size_t bytes);
  static void FreeHuge(void* p);
  static constexpr size_t kHugeFrom = size_t{256} << 10;
  template <typename T>
  struct HugePageAllocator {
    using value_type = T;
    HugePageAllocator() = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U>&) {}
    T* allocate(size_t n) {
      if (n * sizeof(T) < kHugeFrom) return std::allocator<T>().allocate(n);
      return static_cast<T*>(AllocateHuge(n * sizeof(T)));
    }
    void deallocate(T* p, size_t n) {
      if (n * sizeof(T) < kHugeFrom) return std::allocator<T>().deallocate(p, n);
      FreeHuge(p);
    }
    template <typename U>
    bool operator==(const HugePageAllocator<U>&) const { return true; }
  };

  struct Candidate {
    uint8_t tag;
    float score;  // log P(tag | word) - log P(tag): the emission up to a per-word constant
  };
  struct Entry {
    uint32_t first = 0;  // range in candidates_
    uint16_t count = 0;  // 0 only in an empty table slot
  };

  // Word -> Entry, open addressing with linear probing over a power-of-two slot array. A slot
  // holds the key's hash and, for words of up to 16 bytes (nearly all), the word itself, so a
  // lookup usually touches one cache line; longer words live in an arena.
  class WordTable {
   public:
    void Build(const std::vector<std::pair<std::string, Entry>>& words);
    static uint64_t Hash(std::string_view word);
    const Entry* Find(std::string_view word) const { return Find(word, Hash(word)); }
    const Entry* Find(std::string_view word, uint64_t hash) const;
    // Starts loading the slot a later Find(word, hash) reads first.
    void Prefetch(uint64_t hash) const {
      if (!slots_.empty()) __builtin_prefetch(&slots_[hash & mask_]);
    }
    size_t size() const { return size_; }

   private:
    static constexpr size_t kInline = 16;
    struct Slot {
      uint32_t hash = 0;
      uint32_t length = 0;
      Entry entry;
      char text[kInline] = {};  // the word, or its offset in arena_ when longer than kInline
    };
    std::vector<Slot, HugePageAllocator<Slot>> slots_;
    std::string arena_;
    size_t mask_ = 0;
    size_t size_ = 0;
  };

  // Classes of unknown words (unknown.yml keys), resolved to entries at load.
  enum UnknownClass : uint8_t {
    kLrb, kRrb, kNum, kOrd, kSym, kAbr, kHypAdj, kHyp, kCap, kIng, kS, kTion, kLy, kEd, kUnknown,
    kClassCount
  };

  int TagIndex(std::string_view lingua_tag);
  const Entry* Lookup(std::string_view word) const { return lexicon_.Find(word); }
  const Entry* Classify(std::string_view word, bool first_in_sentence) const;
  Entry AddEntry(const std::vector<std::pair<int, double>>& counts);

  std::vector<std::string> lingua_tags_;
  std::vector<std::string> penn_tags_;
  std::array<std::array<float, kMaxTags>, kMaxTags> transition_{};  // log P(to | from)
  std::array<std::array<float, kMaxTags>, kMaxTags> transition_into_{};  // [to][from]
  std::array<double, kMaxTags> tag_total_{};
  int start_tag_ = 0;  // sentence-final punctuation: what precedes a sentence's first word
  int jj_tag_ = -1;    // adjective: decides "-hyp-adj-" for hyphenated words
  std::vector<Candidate, HugePageAllocator<Candidate>> candidates_;
  WordTable lexicon_;
  std::array<Entry, kClassCount> unknown_{};
};

}  // namespace communique::code
