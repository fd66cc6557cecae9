// Offset-preserving HTML compaction (see html_compact.cc).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace communique::ingest {

struct CompactHtml {
  struct Segment {
    uint32_t compact;  // where a run of copied bytes starts in `html`
    uint32_t raw;      // and where it came from in the original
  };
  // A run of plain text (no markup, references, CR or NUL; well-formed UTF-8) that the compact
  // page holds as the single character kPlaceholder: the parser needs to know text is there,
  // not what it says.
  struct Placeholder {
    uint32_t compact;
    uint32_t raw_begin, raw_end;
  };
  static constexpr char kPlaceholder = 'x';
  std::string html;
  std::vector<Placeholder> placeholders;  // increasing
  std::vector<Segment> segments;  // increasing in both fields
  uint32_t raw_size = 0;

  // Original offset of compact byte c (bytes the compactor wrote itself map near their tag).
  uint32_t ToRaw(uint32_t c) const;
  // The placeholder at compact byte c, or null.
  const Placeholder* PlaceholderAt(uint32_t c) const;
};

CompactHtml Compact(std::string_view raw);

// True when a class or id value names page furniture (ads, share bars, cookie banners, comments,
// related-story teasers, menus, newsletters...).
bool FurnitureClass(std::string_view value);

}  // namespace communique::ingest
