// Word normalization for dictionary matching: match units and transliteration keys of names.
#include "dict/normalize.h"

#include <cctype>

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

bool NeedsSplitting(std::string_view w) {
  for (unsigned char c : w) {
    if (c == '-' || c == '.' || c == '\'' || c == '`' || c == 0xE2 || (c >= 'A' && c <= 'Z')) return true;
  }
  return false;
}

void AppendMatchUnits(std::string_view w, std::vector<std::string>* out) {
  // The possessive and contraction tokens keep their apostrophe: they are words of their own.
  if (w == "'s" || w == "'S" || w == "\xE2\x80\x99s" || w == "\xE2\x80\x99S") {
    out->push_back("'s");
    return;
  }
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out->push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < w.size();) {
    size_t len = 0;
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (IsHyphenLike(w, i, &len)) { flush(); i += len; continue; }
    if (IsApostrophe(w, i, &len)) { i += len; continue; }
    if (c == '.') { ++i; continue; }
    cur += (c < 0x80) ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
    ++i;
  }
  flush();
}

std::string NameKey(std::string_view word) {
  std::string s;
  s.reserve(word.size());
  for (unsigned char c : word) {
    if (std::isalpha(c)) s += static_cast<char>(std::tolower(c));
  }
  std::string t;
  t.reserve(s.size() + 2);
  for (size_t i = 0; i < s.size(); ++i) {
    auto at = [&](size_t k) { return k < s.size() ? s[k] : '\0'; };
    char c = s[i];
    if (c == 'd' && at(i + 1) == 'z' && at(i + 2) == 'h') { t += 'j'; i += 2; continue; }
    if (c == 'd' && at(i + 1) == 'j') { t += 'j'; i += 1; continue; }
    if (c == 'z' && at(i + 1) == 'h') { t += 'j'; i += 1; continue; }
    if (c == 'k' && at(i + 1) == 'h') { t += 'h'; i += 1; continue; }
    if (c == 's' && at(i + 1) == 'c' && at(i + 2) == 'h') { t += "sh"; i += 2; continue; }
    if (c == 't' && at(i + 1) == 'c' && at(i + 2) == 'h') { t += "ch"; i += 2; continue; }
    if (c == 'p' && at(i + 1) == 'h') { t += 'f'; i += 1; continue; }
    if (c == 'c' && at(i + 1) == 'k') { t += 'k'; i += 1; continue; }
    if (c == 'q') { t += 'k'; continue; }
    if (c == 'x') { t += "ks"; continue; }
    if (c == 'w') { t += 'v'; continue; }
    if (c == 'y') { t += 'i'; continue; }
    t += c;
  }
  // "i" between two vowels is a glide the transliterations disagree on: Tokayev / Toqaev.
  std::string u;
  u.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == 'i' && i > 0 && i + 1 < t.size() && IsVowel(t[i - 1]) && IsVowel(t[i + 1]) &&
        t[i - 1] != 'i' && t[i + 1] != 'i')
      continue;
    if (!u.empty() && u.back() == t[i]) continue;  // doubled letters
    u += t[i];
  }
  if (u.size() > 4 && u.compare(u.size() - 4, 4, "enka") == 0) u.back() = 'o';
  return u;
}

}  // namespace communique::dict
