// Tokens of one sentence, shared by the actor dictionaries and the event coder.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace communique {

struct Token {
  uint32_t begin = 0;  // byte offsets in the sentence text
  uint32_t end = 0;
  std::string norm;    // lower-cased, NFKC, hyphens and apostrophes unified; "'s" is its own token
  std::string tag;     // part-of-speech tag (Penn Treebank), filled by the coder's tagger
};

// Splits a sentence into words and punctuation. Abbreviations (U.S., Gen., a.m.), numbers (1,200.5),
// hyphenated words (Russia-led) and URLs stay whole; possessive 's and n't are split off.
std::vector<Token> Tokenize(std::string_view sentence);

}  // namespace communique
