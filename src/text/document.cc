// Small helpers on the Document and InputError structs.
#include <algorithm>
#include <cctype>
#include <string>

#include "communique/document.h"

namespace communique {

namespace {

// Length of the raw unit that starts at r and produced one text character: a whole UTF-8
// character with any combining marks after it, or an HTML character reference ("&amp;").
size_t RawUnitEnd(std::string_view raw, size_t r) {
  if (r >= raw.size()) return raw.size();
  auto byte = [&](size_t i) { return static_cast<unsigned char>(raw[i]); };
  if (raw[r] == '&') {
    size_t j = r + 1;
    if (j < raw.size() && raw[j] == '#') ++j;
    size_t name = j;
    while (j < raw.size() && j - name < 32 && std::isalnum(byte(j))) ++j;
    if (j > name && j < raw.size() && raw[j] == ';') return j + 1;
  }
  size_t e = r + 1;
  for (int marks = 0; marks <= 32; ++marks) {  // bounded: a run of marks is junk, not a character
    for (int k = 0; k < 3 && e < raw.size() && (byte(e) & 0xC0) == 0x80; ++k) ++e;
    // Combining marks U+0300..U+036F (CC 80..CD AF) stay with the character before them.
    if (e + 1 < raw.size() && ((byte(e) == 0xCC) || (byte(e) == 0xCD && byte(e + 1) <= 0xAF))) {
      e += 2;
      continue;
    }
    return e;
  }
  return e;
}

}  // namespace

std::pair<uint32_t, uint32_t> Document::RawSpan(uint32_t text_begin, uint32_t text_end) const {
  if (text_to_raw.empty()) return {text_begin, text_end};
  auto clamp = [&](uint32_t i) { return std::min<size_t>(i, text_to_raw.size() - 1); };
  uint32_t b = text_to_raw[clamp(text_begin)];
  if (text_end <= text_begin) return {b, b};
  // The end is the end of the raw character the span's last byte came from (a character that
  // normalized to fewer bytes still ends after its last raw byte), but never past where the
  // next text byte came from, so a span does not swallow removed markup.
  uint32_t r = text_to_raw[clamp(text_end - 1)];
  size_t e = RawUnitEnd(raw, r);
  if (text_end < text_to_raw.size() - 1) {
    uint32_t next = text_to_raw[text_end];
    if (next > r && next < e) e = next;
  }
  e = std::min<size_t>(std::max<size_t>(e, r + 1), std::max<size_t>(raw.size(), r + 1));
  return {b, std::max<uint32_t>(b, static_cast<uint32_t>(e))};
}

std::string InputError::ToString() const {
  std::string s = file;
  if (line > 0) {
    s += ":" + std::to_string(line);
  } else {
    s += "@" + std::to_string(offset);
  }
  s += ": " + message;
  return s;
}

}  // namespace communique
