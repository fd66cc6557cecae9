// Word normalization shared by the dictionary compiler and the matcher, so that a phrase written
// in a dictionary ("KASSYM-JOMART_TOKAYEV_", "U.N.") and the same words in a sentence ("Kassym-Jomart
// Tokayev", "U.N.") meet in one form.
//
// In: a word (dictionary word or Token::norm). Out: match units (lower case, hyphen-split, with
// periods and apostrophes removed) and, for person names, a transliteration key.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace communique::dict {

// Splits `word` into match units: lower case (as the tokenizer's), split at hyphens (and the dash characters the
// tokenizer unifies to '-'), periods and apostrophes dropped ("u.n." -> "un", "o'brien" ->
// "obrien"); the possessive "'s" stays the unit "'s". Appends to `out`; a word made only of
// punctuation yields nothing.
void AppendMatchUnits(std::string_view word, std::vector<std::string>* out);
// The same into one buffer, for the matcher's hot path: appends the units' bytes to `arena` and
// their (offset, size) in it to `units`.
void AppendMatchUnits(std::string_view word, std::string* arena,
                      std::vector<std::pair<uint32_t, uint32_t>>* units);

// Bytes that make a word need AppendMatchUnits: upper case, hyphens, periods, apostrophes and
// the lead byte 0xE2 of the Unicode dashes and quotes.
inline constexpr std::array<bool, 256> kSplitBytes = [] {
  std::array<bool, 256> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  t['-'] = t['.'] = t['\''] = t['`'] = t[0xE2] = true;
  return t;
}();

// True when `word` needs AppendMatchUnits (it has upper case, hyphens, periods or apostrophes);
// most tokens do not, and the matcher then uses Token::norm as is.
inline bool NeedsSplitting(std::string_view word) {
  for (unsigned char c : word)
    if (kSplitBytes[c]) return true;
  return false;
}

// The same test on eight bytes at once (bytes of value 0 count as none of them): true when any
// byte of `x` is one of kSplitBytes. Lets the matcher test a word from the integers it loads
// for hashing anyway (WordEnds).
[[gnu::always_inline]] inline bool HasSplitByte(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto has_zero = [&](uint64_t v) { return ((v - kOnes) & ~v & kHigh) != 0; };
  auto has = [&](unsigned char c) { return has_zero(x ^ (kOnes * c)); };
  // 'A'..'Z': among bytes below 0x80, those >= 0x41 and not >= 0x5B (no carries between bytes:
  // with the high bits cleared every sum stays below 0x100).
  const uint64_t low = x & ~kHigh;
  const uint64_t upper = (low + kOnes * (0x80 - 'A')) & ~(low + kOnes * (0x80 - 'Z' - 1)) & ~x & kHigh;
  return upper != 0 || has('-') || has('.') || has('\'') || has('`') || has(0xE2);
}

// Transliteration key of a name word, for spelling-tolerant matching of person names:
// "Tokayev"/"Toqaev" -> "tokaev", "Lukashenko"/"Lukashenka" -> "lukashenko",
// "Pashinyan"/"Pashinian" -> "pashinian", "Rahmon"/"Rakhmon" -> "rahmon". Rules (in order):
// lower case, Latin diacritics dropped (Erdoğan -> erdogan), letters only; dzh/zh/dj -> j; kh -> h; q/ck -> k; x -> ks; w -> v; ph -> f;
// sch/tch -> sh/ch; y -> i; "i" between two vowels dropped; doubled letters collapsed; a final
// "-enka" read as "-enko" (Belarusian vs Russian spelling).
std::string NameKey(std::string_view word);
// The same appended to `out`, without allocating once `out` has grown.
void AppendNameKey(std::string_view word, std::string* out);

}  // namespace communique::dict
