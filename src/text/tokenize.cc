// Tokenize: sentence text -> Tokens with byte offsets and a normalized form for dictionary lookup.
// Works on UTF-8 bytes: anything non-ASCII is treated as a letter, so names in any script stay whole.
#include <cctype>
#include <string>

#include "communique/token.h"

namespace communique {
namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// "U.S.", "a.m.", "U.N." : single letters separated by periods.
size_t AbbreviationEnd(std::string_view s, size_t i) {
  size_t j = i;
  int letters = 0;
  while (j + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[j])) && s[j + 1] == '.') {
    j += 2;
    ++letters;
    if (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j])) &&
        (j + 1 >= s.size() || !IsWordByte(static_cast<unsigned char>(s[j + 1])))) {
      if (j + 1 < s.size() && s[j + 1] == '.') continue;
    }
  }
  return letters >= 2 ? j : i;
}

std::string Normalize(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    // U+2019 RIGHT SINGLE QUOTATION MARK -> apostrophe; U+2010..U+2015 dashes -> hyphen.
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(w[i + 2]);
      if (d == 0x99 || d == 0x98) { out += '\''; i += 2; continue; }
      if (d >= 0x90 && d <= 0x95) { out += '-'; i += 2; continue; }
    }
    out += c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
  }
  return out;
}

bool IsApostropheAt(std::string_view s, size_t i, size_t* len) {
  if (s[i] == '\'') { *len = 1; return true; }
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 && static_cast<unsigned char>(s[i + 2]) == 0x99) {
    *len = 3;
    return true;
  }
  return false;
}

// Length of a multi-byte punctuation character at i (general punctuation block: dashes, curly
// quotes, ellipsis), else 0.
size_t UnicodePunctuation(std::string_view s, size_t i) {
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char e = static_cast<unsigned char>(s[i + 2]);
    if ((e >= 0x90 && e <= 0x9F) || e == 0xA6) return 3;
  }
  if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2) {
    unsigned char e = static_cast<unsigned char>(s[i + 1]);
    if (e == 0xAB || e == 0xBB) return 2;  // guillemets
  }
  return 0;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  auto push = [&](size_t b, size_t e) {
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.norm = Normalize(s.substr(b, e - b));
    out.push_back(std::move(t));
  };
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c)) { ++i; continue; }
    // Non-breaking space U+00A0.
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) { i += 2; continue; }
    if (size_t plen = UnicodePunctuation(s, i)) {
      push(i, i + plen);
      i += plen;
      continue;
    }
    if (!IsWordByte(c)) {
      size_t len = 1;
      if (c == '\'' && i + 1 < s.size() && (s[i + 1] == 's' || s[i + 1] == 'S') &&
                 (i + 2 >= s.size() || !IsWordByte(static_cast<unsigned char>(s[i + 2]))) && !out.empty() &&
                 out.back().end == i) {
        len = 2;  // possessive after a word: "Russia's"
      } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
        len = 2;
      }
      push(i, i + len);
      i += len;
      continue;
    }
    size_t abbr = AbbreviationEnd(s, i);
    if (abbr > i) { push(i, abbr); i = abbr; continue; }
    size_t j = i;
    while (j < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[j]);
      size_t alen = 0;
      if (d == 0xE2 && IsApostropheAt(s, j, &alen)) {
        // Possessive or contraction with a curly apostrophe: stop the word here.
        break;
      }
      if (UnicodePunctuation(s, j)) break;
      if (d == 0xC2 && j + 1 < s.size() && static_cast<unsigned char>(s[j + 1]) == 0xA0) break;
      if (IsWordByte(d)) { ++j; continue; }
      // Inner hyphen, period or comma between word characters: "Russia-led", "1,200.5", "e.g".
      if ((d == '-' || d == '.' || d == ',' || d == '/' || d == '&') && j + 1 < s.size() &&
          IsWordByte(static_cast<unsigned char>(s[j + 1])) && j > i) {
        if ((d == ',' || d == '.') && !(std::isdigit(static_cast<unsigned char>(s[j - 1])) &&
                                        std::isdigit(static_cast<unsigned char>(s[j + 1]))))
          break;
        ++j;
        continue;
      }
      if (d == '\'') break;
      break;
    }
    // "n't" belongs to the next token: "didn't" -> "did" "n't".
    if (j - i > 1 && j < s.size() && s[j] == '\'' && j + 1 < s.size() && s[j + 1] == 't' &&
        (s[j - 1] == 'n' || s[j - 1] == 'N') && (j + 2 >= s.size() || !IsWordByte(static_cast<unsigned char>(s[j + 2])))) {
      push(i, j - 1);
      push(j - 1, j + 2);
      i = j + 2;
      continue;
    }
    push(i, j);
    i = j;
    size_t alen = 0;
    // Curly-apostrophe possessive: "Kazakhstan’s".
    if (i < s.size() && IsApostropheAt(s, i, &alen) && alen == 3 && i + alen < s.size() &&
        (s[i + alen] == 's' || s[i + alen] == 'S') &&
        (i + alen + 1 >= s.size() || !IsWordByte(static_cast<unsigned char>(s[i + alen + 1])))) {
      push(i, i + alen + 1);
      i += alen + 1;
    }
  }
  return out;
}

}  // namespace communique
