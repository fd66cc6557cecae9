// Word normalization for dictionary matching: match units and transliteration keys of names.
#include "dict/normalize.h"

#include <cctype>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace communique::dict {

namespace {

bool IsHyphenLike(std::string_view w, size_t i, size_t* len) {
  if (w[i] == '-') { *len = 1; return true; }
  // U+2010..U+2015 (hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar).
  if (i + 2 < w.size() && static_cast<unsigned char>(w[i]) == 0xE2 &&
      static_cast<unsigned char>(w[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(w[i + 2]);
    if (d >= 0x90 && d <= 0x95) { *len = 3; return true; }
  }
  return false;
}

bool IsApostrophe(std::string_view w, size_t i, size_t* len) {
  if (w[i] == '\'' || w[i] == '`') { *len = 1; return true; }
  if (i + 2 < w.size() && static_cast<unsigned char>(w[i]) == 0xE2 &&
      static_cast<unsigned char>(w[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(w[i + 2]);
    if (d == 0x98 || d == 0x99) { *len = 3; return true; }
  }
  return false;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

void AppendMatchUnits(std::string_view w, std::string* arena,
                      std::vector<std::pair<uint32_t, uint32_t>>* units) {
  // The possessive and contraction tokens keep their apostrophe: they are words of their own.
  if (w == "'s" || w == "'S" || w == "\xE2\x80\x99s" || w == "\xE2\x80\x99S") {
    units->emplace_back(static_cast<uint32_t>(arena->size()), 2);
    arena->append("'s");
    return;
  }
  size_t start = arena->size();
  auto flush = [&] {
    if (arena->size() > start)
      units->emplace_back(static_cast<uint32_t>(start), static_cast<uint32_t>(arena->size() - start));
    start = arena->size();
  };
  for (size_t i = 0; i < w.size();) {
    size_t len = 0;
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (IsHyphenLike(w, i, &len)) { flush(); i += len; continue; }
    if (IsApostrophe(w, i, &len)) { i += len; continue; }
    if (c == '.') { ++i; continue; }
    if (c < 0x80) {
      arena->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
      ++i;
      continue;
    }
    // Lower case beyond ASCII the way the tokenizer does (u_tolower per code point).
    int32_t j = static_cast<int32_t>(i);
    UChar32 cp;
    U8_NEXT(w.data(), j, static_cast<int32_t>(w.size()), cp);
    if (cp < 0) {
      arena->push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    char buf[4];
    int32_t k = 0;
    U8_APPEND_UNSAFE(buf, k, u_tolower(cp));
    arena->append(buf, static_cast<size_t>(k));
    i = static_cast<size_t>(j);
  }
  flush();
}

void AppendMatchUnits(std::string_view w, std::vector<std::string>* out) {
  std::string arena;
  std::vector<std::pair<uint32_t, uint32_t>> units;
  AppendMatchUnits(w, &arena, &units);
  for (auto [begin, size] : units) out->push_back(arena.substr(begin, size));
}

// Latin letters with diacritics as the English press drops them: Erdoğan -> Erdogan.
char FoldLatin(UChar32 cp) {
  switch (u_tolower(cp)) {
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE4: case 0xE5: case 0x101: case 0x103: return 'a';
    case 0xE7: case 0x107: case 0x10D: return 'c';
    case 0x10F: case 0x111: return 'd';
    case 0xE8: case 0xE9: case 0xEA: case 0xEB: case 0x113: case 0x117: case 0x11B: case 0x259: return 'e';
    case 0x11F: return 'g';
    case 0xEC: case 0xED: case 0xEE: case 0xEF: case 0x12B: case 0x131: return 'i';
    case 0x142: return 'l';
    case 0xF1: case 0x144: case 0x148: return 'n';
    case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF6: case 0xF8: case 0x14D: case 0x151: return 'o';
    case 0x159: return 'r';
    case 0x15B: case 0x15F: case 0x161: return 's';
    case 0x163: case 0x165: return 't';
    case 0xF9: case 0xFA: case 0xFB: case 0xFC: case 0x16B: case 0x16F: case 0x171: return 'u';
    case 0xFD: case 0xFF: return 'y';
    case 0x17A: case 0x17C: case 0x17E: return 'z';
    default: return 0;
  }
}

void AppendNameKey(std::string_view word, std::string* out) {
  // Scratch kept per thread and written through pointers: the matcher asks for the keys of many
  // capitalized words per sentence.
  thread_local std::string s_buffer, t_buffer;
  s_buffer.resize(word.size() + 3);  // at most one letter per byte, then three '\0' to look ahead
  char* s = s_buffer.data();
  size_t sn = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(word.size());) {
    UChar32 cp;
    U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), cp);
    if (cp >= 0 && cp < 0x80) {
      // std::isalpha / std::tolower of the "C" locale (the program never sets another), inline.
      if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') s[sn++] = static_cast<char>(cp | 0x20);
    } else if (char folded = cp > 0 ? FoldLatin(cp) : 0) {
      s[sn++] = folded;
    }
  }
  s[sn] = s[sn + 1] = s[sn + 2] = '\0';
  t_buffer.resize(2 * sn + 1);  // "x" -> "ks" at most doubles
  char* t = t_buffer.data();
  size_t tn = 0;
  for (size_t i = 0; i < sn; ++i) {
    const char c = s[i], c1 = s[i + 1], c2 = s[i + 2];
    if (c == 'd' && c1 == 'z' && c2 == 'h') { t[tn++] = 'j'; i += 2; continue; }
    if (c == 'd' && c1 == 'j') { t[tn++] = 'j'; i += 1; continue; }
    if (c == 'z' && c1 == 'h') { t[tn++] = 'j'; i += 1; continue; }
    if (c == 'k' && c1 == 'h') { t[tn++] = 'h'; i += 1; continue; }
    if (c == 's' && c1 == 'c' && c2 == 'h') { t[tn++] = 's'; t[tn++] = 'h'; i += 2; continue; }
    if (c == 't' && c1 == 'c' && c2 == 'h') { t[tn++] = 'c'; t[tn++] = 'h'; i += 2; continue; }
    if (c == 'p' && c1 == 'h') { t[tn++] = 'f'; i += 1; continue; }
    if (c == 'c' && c1 == 'k') { t[tn++] = 'k'; i += 1; continue; }
    if (c == 'q') { t[tn++] = 'k'; continue; }
    if (c == 'x') { t[tn++] = 'k'; t[tn++] = 's'; continue; }
    if (c == 'w') { t[tn++] = 'v'; continue; }
    if (c == 'y') { t[tn++] = 'i'; continue; }
    t[tn++] = c;
  }
  // "i" between two vowels is a glide the transliterations disagree on: Tokayev / Toqaev.
  const size_t start = out->size();
  out->resize(start + tn);
  char* o = out->data() + start;
  size_t on = 0;
  for (size_t i = 0; i < tn; ++i) {
    if (t[i] == 'i' && i > 0 && i + 1 < tn && IsVowel(t[i - 1]) && IsVowel(t[i + 1]) && t[i - 1] != 'i' &&
        t[i + 1] != 'i')
      continue;
    if (on > 0 && o[on - 1] == t[i]) continue;  // doubled letters
    o[on++] = t[i];
  }
  out->resize(start + on);
  if (on > 4 && out->compare(out->size() - 4, 4, "enka") == 0) out->back() = 'o';
}

std::string NameKey(std::string_view word) {
  std::string key;
  AppendNameKey(word, &key);
  return key;
}

}  // namespace communique::dict
