// Cleaning and segmentation of a Document's text.
//
// Clean: Unicode normalization (NFKC; curly quotes, dashes, non-breaking spaces made plain) and
// removal of page furniture, keeping Document::text_to_raw exact. Segment: paragraphs with their
// language (CLD2) and a boilerplate flag, then sentences of the English, non-boilerplate paragraphs.
#pragma once

#include "communique/document.h"

namespace communique::text {

void Clean(Document& doc);
void Segment(Document& doc);

// Clean then Segment: what the coder needs.
inline void Prepare(Document& doc) {
  Clean(doc);
  Segment(doc);
}

}  // namespace communique::text
