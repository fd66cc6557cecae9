// Cleaning and segmentation of a Document's text.
//
// Clean: Unicode normalization (NFKC; curly quotes, dashes, non-breaking spaces made plain),
// keeping Document::text_to_raw exact. Segment: paragraphs with their language (CLD2) and a
// boilerplate flag (page furniture stays in the text, flagged), then sentences of the English,
// non-boilerplate paragraphs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "communique/document.h"

namespace communique::text {

// Rewrites doc.text (doc.raw when text is empty) and composes doc.text_to_raw.
void Clean(Document& doc);
// Fills doc.paragraphs (lang, boilerplate) and doc.sentences (English article text only).
// Headlines and headings (no final punctuation) are sentences of their own.
void Segment(Document& doc);

// Paragraph counts per language of a segmented document, for the run summary; sorted by
// article bytes, largest first. `paragraphs` counts article paragraphs, `boilerplate` furniture.
struct LanguageCount {
  std::string lang;
  uint32_t paragraphs = 0;
  uint32_t boilerplate = 0;
  uint64_t bytes = 0;  // bytes of article (non-boilerplate) paragraphs
};
std::vector<LanguageCount> CountLanguages(const Document& doc);
// The language of most of the article text ("un" when none could be told).
std::string DocumentLanguage(const Document& doc);

// Clean then Segment: what the coder needs.
inline void Prepare(Document& doc) {
  Clean(doc);
  Segment(doc);
}

}  // namespace communique::text
