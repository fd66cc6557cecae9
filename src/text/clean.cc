// Clean: rewrites Document::text into normalized plain text and composes Document::text_to_raw
// so every output byte still points at the raw byte it came from.
//
// In: doc.text (+ doc.text_to_raw from the reader; identity when empty, doc.raw when text is
// empty). Out: doc.text in NFKC with typographic quotes, dashes and odd spaces made plain,
// zero-width and control characters gone, runs of spaces collapsed, lines trimmed, at most one
// blank line between paragraphs; doc.text_to_raw of size text.size() + 1.
//
// ASCII goes through a byte loop; other characters are classified once through a table built
// from ICU (BMP) and only characters that NFKC actually changes reach the ICU normalizer, one
// normalization segment at a time, so the offset map stays exact at character granularity.
// Bytes that are not valid UTF-8 are read as Windows-1252, the usual culprit in scraped text.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "text/clean.h"

namespace communique::text {
namespace {

// What to do with one code point.
enum Kind : uint8_t {
  kPlain = 0,      // copy as is
  kNormalize = 1,  // NFKC changes it, or it combines with its neighbour
  kSpace = 2,      // any space separator, tab
  kNewline = 3,    // line separator
  kParagraph = 4,  // paragraph separator
  kDrop = 5,       // zero-width, format, control, noncharacter
  kApostrophe = 6,
  kQuote = 7,
  kHyphen = 8,     // hyphens, en dash, minus: "-"
  kLongDash = 9,   // em dash, horizontal bar: " - "
};
constexpr uint8_t kBoundaryBefore = 0x80;  // flag: a normalization segment may start here

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfkc;
}

uint8_t Classify(UChar32 c) {
  const icu::Normalizer2* nfkc = Nfkc();
  uint8_t boundary = (!nfkc || nfkc->hasBoundaryBefore(c)) ? kBoundaryBefore : 0;
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
    case 0x2039: case 0x203A: case 0x02BC: case 0x00B4: case 0xFF07:
      return kApostrophe | kBoundaryBefore;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x2036:
    case 0x00AB: case 0x00BB: case 0x301D: case 0x301E: case 0xFF02:
      return kQuote | kBoundaryBefore;
    case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B: case 0xFE58:
      return kLongDash | kBoundaryBefore;
    case 0x2212: case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0xFE63: case 0xFF0D:
      return kHyphen | kBoundaryBefore;
    case 0x0085: case 0x2028:
      return kNewline | kBoundaryBefore;
    case 0x2029:
      return kParagraph | kBoundaryBefore;
    case 0x00A0: case 0x202F: case 0x2007: case 0x3000: case 0x1680:
      return kSpace | kBoundaryBefore;
    default:
      break;
  }
  if (c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF)) return kDrop | kBoundaryBefore;
  switch (u_charType(c)) {
    case U_SPACE_SEPARATOR: return kSpace | kBoundaryBefore;
    case U_LINE_SEPARATOR: return kNewline | kBoundaryBefore;
    case U_PARAGRAPH_SEPARATOR: return kParagraph | kBoundaryBefore;
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR: return kDrop | kBoundaryBefore;
    case U_DASH_PUNCTUATION: return kHyphen | kBoundaryBefore;
    default: break;
  }
  if (!nfkc) return kPlain | kBoundaryBefore;
  icu::UnicodeString decomposition;
  if (!boundary || nfkc->getDecomposition(c, decomposition)) return kNormalize | boundary;
  return kPlain | boundary;
}

// Classes of the Basic Multilingual Plane, computed once; other planes ask ICU directly.
const std::array<uint8_t, 0x10000>& BmpKinds() {
  static const auto* table = [] {
    auto* t = new std::array<uint8_t, 0x10000>();
    for (UChar32 c = 0; c < 0x10000; ++c) {
      (*t)[c] = (c >= 0xD800 && c <= 0xDFFF) ? (kDrop | kBoundaryBefore) : Classify(c);
    }
    return t;
  }();
  return *table;
}

inline uint8_t KindOf(UChar32 c, const std::array<uint8_t, 0x10000>& bmp) {
  return c < 0x10000 ? bmp[c] : Classify(c);
}

// Windows-1252 for 0x80..0x9F; 0 where undefined.
constexpr uint16_t kCp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

// Decodes one character at s[i]; invalid UTF-8 is read as one Windows-1252 byte. Returns the
// code point (-1 for a byte to drop) and sets *len.
inline UChar32 Decode(const char* s, size_t n, size_t i, size_t* len) {
  UChar32 c;
  int32_t j = static_cast<int32_t>(i);
  int32_t limit = static_cast<int32_t>(std::min<size_t>(n, i + 4));
  U8_NEXT(s, j, limit, c);
  if (c >= 0) {
    *len = static_cast<size_t>(j) - i;
    return c;
  }
  *len = 1;
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b >= 0xA0) return b;
  if (b >= 0x80) return kCp1252[b - 0x80] ? kCp1252[b - 0x80] : -1;
  return -1;
}

class Cleaner {
 public:
  Cleaner(std::string_view in, const std::vector<uint32_t>* in_map)
      : in_(in), in_map_(in_map), bmp_(BmpKinds()) {
    out_.reserve(in.size() + 16);
    map_.reserve(in.size() + 17);
  }

  void Run() {
    const char* s = in_.data();
    const size_t n = in_.size();
    size_t i = 0;
    while (i < n) {
      unsigned char b = static_cast<unsigned char>(s[i]);
      if (b > 0x20 && b < 0x7F) {
        // Printable ASCII with single spaces inside: the hot path for English text, copied as is.
        size_t j = i + 1;
        for (;;) {
          while (j < n && static_cast<unsigned char>(s[j]) > 0x20 && static_cast<unsigned char>(s[j]) < 0x7F) ++j;
          if (j + 1 < n && s[j] == ' ' && static_cast<unsigned char>(s[j + 1]) > 0x20 &&
              static_cast<unsigned char>(s[j + 1]) < 0x7F) {
            j += 2;
            continue;
          }
          break;
        }
        FlushSpace();
        const size_t len = j - i;
        last_begin_out_ = out_.size() + len - 1;
        last_end_src_ = j;
        last_begin_src_ = j - 1;
        out_.append(s + i, len);
        size_t base = map_.size();
        map_.resize(base + len);
        uint32_t* m = map_.data() + base;
        if (in_map_) {
          std::memcpy(m, in_map_->data() + i, len * sizeof(uint32_t));
        } else {
          for (size_t k = 0; k < len; ++k) m[k] = static_cast<uint32_t>(i + k);
        }
        i = j;
        continue;
      }
      if (b < 0x80) {
        if (b == ' ' || b == '\t') {
          Space(i);
        } else if (b == '\n' || b == '\v' || b == '\f') {
          Newline(i, 1);
        } else if (b == '\r') {
          Newline(i, 1);
          if (i + 1 < n && s[i + 1] == '\n') ++i;
        }  // other C0 controls and DEL are dropped
        ++i;
        continue;
      }
      size_t len;
      UChar32 c = Decode(s, n, i, &len);
      if (c < 0) {
        i += len;
        continue;
      }
      uint8_t k = KindOf(c, bmp_);
      if ((k & 0x7F) == kNormalize) {
        i = NormalizeSegment(i, c, len, k);
        continue;
      }
      EmitCodePoint(c, k & 0x7F, i, len, (len == 1 && c >= 0x80) ? nullptr : s + i);
      i += len;
    }
    while (!out_.empty() && out_.back() == '\n') {
      out_.pop_back();
      map_.pop_back();
    }
    map_.push_back(MapOf(n));
  }

  std::string TakeText() { return std::move(out_); }
  std::vector<uint32_t> TakeMap() { return std::move(map_); }

 private:
  uint32_t MapOf(size_t src) const {
    if (!in_map_) return static_cast<uint32_t>(src);
    return (*in_map_)[std::min(src, in_map_->size() - 1)];
  }

  void Space(size_t src) {
    if (out_.empty() || out_.back() == '\n' || pending_space_) return;
    pending_space_ = true;
    space_src_ = src;
  }
  void FlushSpace() {
    if (pending_space_) {
      pending_space_ = false;
      out_.push_back(' ');
      map_.push_back(MapOf(space_src_));
    }
  }
  void Newline(size_t src, int count) {
    pending_space_ = false;
    last_end_src_ = SIZE_MAX;
    if (out_.empty()) return;
    for (int c = 0; c < count; ++c) {
      size_t nl = 0;
      while (nl < 2 && nl < out_.size() && out_[out_.size() - 1 - nl] == '\n') ++nl;
      if (nl >= 2) return;
      out_.push_back('\n');
      map_.push_back(MapOf(src));
    }
  }
  void Byte(char c, size_t src) {
    out_.push_back(c);
    map_.push_back(MapOf(src));
  }

  // Emits one character of a given kind; `bytes` (its UTF-8 form) is used for kPlain.
  void EmitCodePoint(UChar32 c, uint8_t kind, size_t src, size_t len, const char* bytes) {
    switch (kind) {
      case kSpace: Space(src); return;
      case kNewline: Newline(src, 1); return;
      case kParagraph: Newline(src, 2); return;
      case kDrop: return;
      case kApostrophe: FlushSpace(); Unretractable(); Byte('\'', src); return;
      case kQuote: FlushSpace(); Unretractable(); Byte('"', src); return;
      case kHyphen: FlushSpace(); Unretractable(); Byte('-', src); return;
      case kLongDash:
        Space(src);
        FlushSpace();
        Unretractable();
        Byte('-', src);
        Space(src);
        return;
      default: break;
    }
    FlushSpace();
    last_begin_out_ = out_.size();
    last_begin_src_ = src;
    last_end_src_ = src + len;
    char buf[4];
    if (!bytes) {
      int32_t k = 0;
      U8_APPEND_UNSAFE(buf, k, c);
      len = static_cast<size_t>(k);
      bytes = buf;
      for (size_t b = 0; b < len; ++b) Byte(bytes[b], src);
      last_end_src_ = SIZE_MAX;  // a normalized output is not retractable
      return;
    }
    for (size_t b = 0; b < len; ++b) Byte(bytes[b], src + b);
  }
  // A replaced character cannot take a following combining mark back; it keeps its replacement.
  void Unretractable() { last_end_src_ = SIZE_MAX; }

  // Normalizes the segment that starts at (or, for a combining character, just before) src.
  size_t NormalizeSegment(size_t src, UChar32 first, size_t first_len, uint8_t kind) {
    const char* s = in_.data();
    const size_t n = in_.size();
    size_t seg_begin = src;
    icu::UnicodeString seg;
    if (!(kind & kBoundaryBefore) && last_end_src_ == src) {
      // A combining character: take back the character it attaches to.
      seg_begin = last_begin_src_;
      out_.resize(last_begin_out_);
      map_.resize(last_begin_out_);
      size_t len;
      UChar32 prev = Decode(s, n, seg_begin, &len);
      if (prev >= 0) seg.append(prev);
    }
    seg.append(first);
    size_t i = src + first_len;
    while (i < n && seg.length() < 64) {
      size_t len;
      if (static_cast<unsigned char>(s[i]) < 0x80) break;  // ASCII always starts a segment
      UChar32 c = Decode(s, n, i, &len);
      if (c < 0 || (KindOf(c, bmp_) & kBoundaryBefore)) break;
      seg.append(c);
      i += len;
    }
    const icu::Normalizer2* nfkc = Nfkc();
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString norm = nfkc ? nfkc->normalize(seg, status) : seg;
    if (U_FAILURE(status)) norm = seg;
    if (norm == seg) {
      // Unchanged (a combining sequence that has no composed form): keep the bytes one to one.
      for (size_t b = seg_begin; b < i;) {
        size_t len;
        UChar32 c = Decode(s, n, b, &len);
        if (c >= 0) {
          uint8_t k = KindOf(c, bmp_) & 0x7F;
          EmitCodePoint(c, k == kNormalize ? uint8_t{kPlain} : k, b, len, c < 0x80 || len > 1 ? s + b : nullptr);
        }
        b += len;
      }
    } else {
      for (int32_t k = 0; k < norm.length();) {
        UChar32 c = norm.char32At(k);
        k += U16_LENGTH(c);
        uint8_t kk = KindOf(c, bmp_) & 0x7F;
        EmitCodePoint(c, kk == kNormalize ? uint8_t{kPlain} : kk, seg_begin, 0, nullptr);
      }
    }
    last_end_src_ = SIZE_MAX;
    return i;
  }

  std::string_view in_;
  const std::vector<uint32_t>* in_map_;
  const std::array<uint8_t, 0x10000>& bmp_;
  std::string out_;
  std::vector<uint32_t> map_;
  bool pending_space_ = false;
  size_t space_src_ = 0;
  // The last plain character emitted, so a following combining mark can take it back.
  size_t last_begin_out_ = 0;
  size_t last_begin_src_ = 0;
  size_t last_end_src_ = SIZE_MAX;
};

}  // namespace

void Clean(Document& doc) {
  if (doc.text.empty() && doc.text_to_raw.empty() && !doc.raw.empty()) doc.text = doc.raw;
  const std::vector<uint32_t>* in_map =
      doc.text_to_raw.size() == doc.text.size() + 1 ? &doc.text_to_raw : nullptr;
  Cleaner cleaner(doc.text, in_map);
  cleaner.Run();
  doc.text = cleaner.TakeText();
  doc.text_to_raw = cleaner.TakeMap();
}

}  // namespace communique::text
