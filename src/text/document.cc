// Small helpers on the Document and InputError structs.
#include <algorithm>
#include <string>

#include "communique/document.h"

namespace communique {

std::pair<uint32_t, uint32_t> Document::RawSpan(uint32_t text_begin, uint32_t text_end) const {
  if (text_to_raw.empty()) return {text_begin, text_end};
  auto clamp = [&](uint32_t i) { return std::min<size_t>(i, text_to_raw.size() - 1); };
  uint32_t b = text_to_raw[clamp(text_begin)];
  // The end maps through the last byte of the span, so a span never swallows removed markup.
  uint32_t e = text_end > text_begin ? text_to_raw[clamp(text_end - 1)] + 1 : b;
  return {b, std::max(b, e)};
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
