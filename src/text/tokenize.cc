// Tokenize: sentence text -> Tokens with byte offsets and a normalized form for dictionary lookup.
//
// In: one sentence (UTF-8, normally cleaned by text::Clean). Out: words and punctuation marks.
// Abbreviations keep their period (U.S., Gen., Nov., a.m.), initials too (J. R. R. Tolkien);
// numbers (1,200.5), hyphenated words (Russia-led), names with an apostrophe (O'Brien) and URLs
// stay whole; clitics split off Penn-Treebank style ('s 're 've 'll 'd 'm n't). ASCII is
// classified by table; other characters by ICU, so punctuation and spaces from any script are
// told apart from letters. `norm` is lower-cased with apostrophes and hyphens unified.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
#include <string>

#include "communique/token.h"

namespace communique {
namespace {

enum : uint8_t { kSpaceC = 1, kAlphaC = 2, kDigitC = 4, kUpperC = 8 };

constexpr std::array<uint8_t, 128> MakeAscii() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    uint8_t k = 0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') k = kSpaceC;
    if (c >= 'a' && c <= 'z') k = kAlphaC;
    if (c >= 'A' && c <= 'Z') k = kAlphaC | kUpperC;
    if (c >= '0' && c <= '9') k = kDigitC;
    t[c] = k;
  }
  return t;
}
constexpr std::array<uint8_t, 128> kAscii = MakeAscii();

inline bool IsAsciiAlpha(char c) { return c >= 0 && (kAscii[static_cast<unsigned char>(c)] & kAlphaC); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline char Lower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c + 32) : c; }

// What the character at s[i] is, and its length in bytes.
enum class Char { kSpace, kWord, kPunct, kIgnore };

[[gnu::always_inline]] inline Char Classify(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    uint8_t k = kAscii[c];
    if (k & kSpaceC) return Char::kSpace;
    if (k & (kAlphaC | kDigitC)) return Char::kWord;
    return c < 0x20 || c == 0x7F ? Char::kIgnore : Char::kPunct;
  }
  int32_t j = static_cast<int32_t>(i);
  UChar32 cp;
  U8_NEXT(s.data(), j, static_cast<int32_t>(s.size()), cp);
  *len = static_cast<size_t>(j) - i;
  if (cp < 0) return Char::kPunct;  // invalid byte: a token of its own, never glued to a word
  if (u_isUWhiteSpace(cp)) return Char::kSpace;
  int8_t type = u_charType(cp);
  if (type == U_FORMAT_CHAR || type == U_CONTROL_CHAR) return Char::kIgnore;
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK ||
      u_isalnum(cp) || type == U_MODIFIER_LETTER)
    return Char::kWord;
  return Char::kPunct;
}

// U+2019 / U+2018 / ASCII apostrophe at i.
inline size_t ApostropheLen(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '\'') return 1;
  if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' && (s[i + 2] == '\x99' || s[i + 2] == '\x98'))
    return 3;
  return 0;
}

// Equality with a literal, the length known at compile time so the comparison inlines.
template <size_t N>
inline bool Is(std::string_view w, const char (&lit)[N]) {
  return w.size() == N - 1 && std::memcmp(w.data(), lit, N - 1) == 0;
}

bool IsAbbreviation(std::string_view w) {
  switch (w.size()) {
    case 2:
      return Is(w, "Mr") || Is(w, "Ms") || Is(w, "Dr") || Is(w, "Lt") || Is(w, "St") || Is(w, "Mt") || Is(w, "Ft") ||
             Is(w, "Jr") || Is(w, "Sr") || Is(w, "Co") || Is(w, "No") || Is(w, "vs") || Is(w, "pp") || Is(w, "cf");
    case 3:
      return Is(w, "Mrs") || Is(w, "Gen") || Is(w, "Col") || Is(w, "Maj") || Is(w, "Sgt") || Is(w, "Adm") || Is(w, "Gov") ||
             Is(w, "Sen") || Is(w, "Rep") || Is(w, "Rev") || Is(w, "Inc") || Is(w, "Ltd") || Is(w, "Nos") || Is(w, "Vol") ||
             Is(w, "etc") || Is(w, "Jan") || Is(w, "Feb") || Is(w, "Mar") || Is(w, "Apr") || Is(w, "Jun") || Is(w, "Jul") ||
             Is(w, "Aug") || Is(w, "Sep") || Is(w, "Oct") || Is(w, "Nov") || Is(w, "Dec") || Is(w, "Amb") || Is(w, "Cpl") ||
             Is(w, "Pvt") || Is(w, "Ave") || Is(w, "est") || Is(w, "Hon") || Is(w, "Bros");
    case 4:
      return Is(w, "Capt") || Is(w, "Prof") || Is(w, "Corp") || Is(w, "Sept") || Is(w, "Pres") || Is(w, "Dept") ||
             Is(w, "Univ") || Is(w, "Gens") || Is(w, "Sens") || Is(w, "Reps") || Is(w, "Cmdr") || Is(w, "Brig") ||
             Is(w, "Supt") || Is(w, "Bros");
    case 6:
      return Is(w, "approx") || Is(w, "Messrs");
    default:
      return false;
  }
}

// "U.S.", "a.m.", "U.N.", "e.g.": single letters each followed by a period, two to eight (the
// bound keeps a long "a.a.a..." run linear).
size_t DottedEnd(std::string_view s, size_t i) {
  size_t j = i;
  int letters = 0;
  while (j + 1 < s.size() && IsAsciiAlpha(s[j]) && s[j + 1] == '.' && letters < 8) {
    j += 2;
    ++letters;
  }
  if (letters < 2) return i;
  if (j < s.size() && (IsAsciiAlpha(s[j]) || IsAsciiDigit(s[j]))) return i;  // "U.S.A" is handled letter by letter
  return j;
}

size_t UrlEnd(std::string_view s, size_t i) {
  auto starts = [&](std::string_view p) { return s.compare(i, p.size(), p) == 0; };
  if (!(starts("http://") || starts("https://") || starts("www."))) return i;
  size_t j = i;
  while (j < s.size() && static_cast<unsigned char>(s[j]) > 0x20 && s[j] != 0x7F) ++j;
  while (j > i && (s[j - 1] == '.' || s[j - 1] == ',' || s[j - 1] == ';' || s[j - 1] == ':' ||
                   s[j - 1] == ')' || s[j - 1] == '"' || s[j - 1] == '\'' || s[j - 1] == '!' || s[j - 1] == '?'))
    --j;
  return j;
}

void AppendNorm(std::string_view w, std::string* out) {
  out->reserve(w.size());
  for (size_t i = 0; i < w.size();) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c < 0x80) {
      out->push_back(Lower(static_cast<char>(c)));
      ++i;
      continue;
    }
    int32_t j = static_cast<int32_t>(i);
    UChar32 cp;
    U8_NEXT(w.data(), j, static_cast<int32_t>(w.size()), cp);
    size_t len = static_cast<size_t>(j) - i;
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
      out->push_back('\'');
    } else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) {
      out->push_back('-');
    } else if (cp >= 0 && !(cp >= 0x2000 && cp <= 0x206F)) {
      UChar32 low = u_tolower(cp);
      char buf[4];
      int32_t k = 0;
      U8_APPEND_UNSAFE(buf, k, low);
      out->append(buf, static_cast<size_t>(k));
    } else {
      out->append(w.substr(i, len));
    }
    i += len;
  }
}

bool IsAsciiOnly(std::string_view w) {
  for (char c : w)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Clitic after an apostrophe at position a (apostrophe length alen): "'s", "'re", "'ve", "'ll",
// "'d", "'m" followed by a non-word character. Returns the clitic's length without the apostrophe.
size_t CliticLen(std::string_view s, size_t a, size_t alen) {
  size_t b = a + alen;
  auto end_at = [&](size_t e) { return e >= s.size() || !(IsAsciiAlpha(s[e]) || IsAsciiDigit(s[e])); };
  auto lower_at = [&](size_t k) { return k < s.size() ? Lower(s[k]) : '\0'; };
  char c0 = lower_at(b), c1 = lower_at(b + 1);
  if ((c0 == 's' || c0 == 'd' || c0 == 'm') && end_at(b + 1)) return 1;
  if (((c0 == 'r' && c1 == 'e') || (c0 == 'v' && c1 == 'e') || (c0 == 'l' && c1 == 'l')) && end_at(b + 2)) return 2;
  return 0;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 4);
  auto push = [&](size_t b, size_t e) {
    Token& t = out.emplace_back();
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    std::string_view w = s.substr(b, e - b);
    if (IsAsciiOnly(w)) {
      t.norm.resize(w.size());
      for (size_t k = 0; k < w.size(); ++k) t.norm[k] = w[k] == '`' ? '\'' : Lower(w[k]);
    } else {
      AppendNorm(w, &t.norm);
    }
  };
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    size_t len;
    Char kind = Classify(s, i, &len);
    if (kind == Char::kSpace || kind == Char::kIgnore) {
      i += len;
      continue;
    }
    if (kind == Char::kPunct) {
      // Clitic after a word: "Russia's", "they're".
      if (size_t alen = ApostropheLen(s, i); alen && !out.empty() && out.back().end == i) {
        if (size_t cl = CliticLen(s, i, alen)) {
          push(i, i + alen + cl);
          i += alen + cl;
          continue;
        }
      }
      size_t e = i + len;
      if (s[i] == '.' || s[i] == '-' || s[i] == '!' || s[i] == '?') {
        while (e < n && s[e] == s[i]) ++e;  // "...", "--", "?!"-runs of one mark
      }
      push(i, e);
      i = e;
      continue;
    }
    // A word.
    if (size_t u = UrlEnd(s, i); u > i) {
      push(i, u);
      i = u;
      continue;
    }
    if (size_t d = DottedEnd(s, i); d > i) {
      push(i, d);
      i = d;
      continue;
    }
    size_t j = i + len;
    while (j < n) {
      // ASCII letters and digits: the common case, without the general classifier.
      while (j < n && static_cast<unsigned char>(s[j]) < 0x80 &&
             (kAscii[static_cast<unsigned char>(s[j])] & (kAlphaC | kDigitC)))
        ++j;
      if (j >= n) break;
      size_t l;
      Char k = Classify(s, j, &l);
      if (k == Char::kWord) {
        j += l;
        continue;
      }
      if (k == Char::kIgnore) break;
      char c = s[j];
      // Inner hyphen, slash or ampersand between word characters: "Russia-led", "24/7", "AT&T".
      // Inner period or comma between digits: "1,200.5".
      if (j + 1 < n && (c == '-' || c == '/' || c == '&' || c == '.' || c == ',')) {
        size_t l2;
        if (Classify(s, j + 1, &l2) == Char::kWord) {
          if ((c == '.' || c == ',') && !(IsAsciiDigit(s[j - 1]) && IsAsciiDigit(s[j + 1]))) break;
          j += 1;
          continue;
        }
      }
      // Apostrophe inside a name: "O'Brien" (but not a clitic or n't).
      if (size_t alen = ApostropheLen(s, j); alen && j + alen < n && IsAsciiAlpha(s[j + alen]) &&
                                             !CliticLen(s, j, alen) &&
                                             !(Lower(s[j + alen]) == 't' && Lower(s[j - 1]) == 'n')) {
        j += alen;
        continue;
      }
      break;
    }
    // "n't" goes with what follows the stem: "didn't" -> "did" "n't".
    if (size_t alen = ApostropheLen(s, j); alen && j - i > 1 && Lower(s[j - 1]) == 'n' && j + alen < n &&
                                           Lower(s[j + alen]) == 't' &&
                                           (j + alen + 1 >= n || !IsAsciiAlpha(s[j + alen + 1]))) {
      push(i, j - 1);
      push(j - 1, j + alen + 1);
      i = j + alen + 1;
      continue;
    }
    // Abbreviations and initials keep their period.
    if (j < n && s[j] == '.') {
      std::string_view w = s.substr(i, j - i);
      bool initial = w.size() == 1 && IsAsciiUpper(w[0]) && j + 1 < n;
      if (IsAbbreviation(w) || initial) ++j;
    }
    push(i, j);
    i = j;
  }
  return out;
}

}  // namespace communique
