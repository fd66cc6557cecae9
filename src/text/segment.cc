// Segment: cleaned Document::text -> paragraphs (language, boilerplate flag) -> sentences.
//
// In: doc.text after Clean (lines trimmed, at most one blank line between blocks).
// Out: doc.paragraphs (every non-empty block, with its CLD2 language and whether it is page
// furniture) and doc.sentences (only for English, non-boilerplate paragraphs).
//
// Paragraphs: each line is a paragraph (scraped pages put one paragraph per line), except that a
// line ending mid-sentence joins the next line when that one starts in lower case, and that in
// hard-wrapped text (most long lines run on) paragraphs are the blocks between blank lines. Short paragraphs take the document's majority language when they are in the same
// script, because CLD2 guesses on a few words are noise; so do plain-ASCII lines of up to a
// hundred letters (headlines) in a Latin-script document — a line in another Latin-script
// language almost always carries a letter outside ASCII and still goes to CLD2.
//
// Boilerplate uses general signals only: a language other than the document's; lines that are
// bylines, copyright, subscription, feed or translation notices, logos; repeated lines; and the
// article's extent — the run from the first to the last paragraph that reads as running prose.
// Outside it everything is furniture except the headline just before it; inside it, very short
// fragments and runs of title-case link lines are furniture.
//
// Sentences: a scanner over the paragraph that splits after . ! ? (and closing quotes) when the
// next word can start a sentence, keeping abbreviations (U.S., Gen., Nov. 28), initials
// (J. R. R. Tolkien) and decimals together, splitting sentences glued by scrapers
// ("on Thursday.The CSTO", "Strip ViolenceThe member states"), and keeping a dateline
// ("MOSCOW, December 8. /TASS/.") with the sentence it introduces. A headline (a paragraph or
// glued heading without final punctuation) is its own sentence: the coder codes headlines.
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>
#include <re2/re2.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text/clean.h"

namespace communique::text {
namespace {

constexpr size_t kLangSampleBytes = 1024;   // CLD2 reads at most this much of a paragraph
constexpr uint32_t kLongLetters = 40;       // fewer letters: language inherited, not guessed
constexpr uint32_t kMidLetters = 100;       // fewer, and plain ASCII: inherited from a Latin-script majority
constexpr size_t kMaxSentenceBytes = 4000;  // longer runs are cut at a space (junk, not prose)

inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }
inline bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
inline char Lower(char c) { return IsUpper(c) ? static_cast<char>(c + 32) : c; }

// Equality with a literal, the length known at compile time so the comparison inlines.
template <size_t N>
inline bool Is(std::string_view w, const char (&lit)[N]) {
  return w.size() == N - 1 && std::memcmp(w.data(), lit, N - 1) == 0;
}

bool InList(std::string_view w, std::initializer_list<std::string_view> list) {
  for (auto x : list)
    if (w == x) return true;
  return false;
}

// Words allowed in lower case inside a title-case headline (given in lower case).
bool IsMinorWord(std::string_view w) {
  switch (w.size()) {
    case 1: return Is(w, "a");
    case 2: return Is(w, "an") || Is(w, "or") || Is(w, "of") || Is(w, "in") || Is(w, "on") || Is(w, "at") || Is(w, "to") ||
                   Is(w, "by") || Is(w, "as") || Is(w, "vs") || Is(w, "up") || Is(w, "is") || Is(w, "be");
    case 3: return Is(w, "the") || Is(w, "and") || Is(w, "but") || Is(w, "nor") || Is(w, "for") || Is(w, "per") ||
                   Is(w, "via") || Is(w, "off") || Is(w, "out") || Is(w, "are");
    case 4: return Is(w, "with") || Is(w, "from") || Is(w, "into") || Is(w, "over") || Is(w, "amid") || Is(w, "than");
    case 5: return Is(w, "after");
    default: return false;
  }
}

// Words that commonly open an English sentence; used where the evidence is otherwise ambiguous
// (after "Inc." or "U.S.", and to split a heading glued to the next sentence).
bool IsSentenceOpener(std::string_view w) {
  return InList(w, {"The", "He", "She", "It", "They", "We", "In", "On", "At", "But", "This", "That",
                    "These", "Those", "Its", "His", "Her", "Their", "An", "After", "According",
                    "Meanwhile", "However", "Also", "Additionally", "Earlier", "Later", "Last",
                    "As", "While", "When", "If", "There", "Some", "Many", "Both", "During",
                    "Following", "Since", "Despite", "Under", "For", "With", "Moreover",
                    "Furthermore", "Officials", "Members", "Leaders"});
}

// Abbreviations that are never the end of a sentence: titles and "No. 5", "Nov. 28".
bool IsTitleAbbreviation(std::string_view w) {
  return InList(w, {"Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Adm",
                    "Gov", "Sen", "Rep", "Rev", "Prof", "St", "Mt", "Ft", "Pres", "Amb", "Hon",
                    "Gens", "Messrs", "Sens", "Reps", "Cmdr", "Cdr", "Brig", "Supt", "Insp", "Det",
                    "Fr", "Pvt", "Cpl", "No", "Nos", "Vol", "Vols", "Art", "Fig", "Op", "pp",
                    "Ch", "Sec", "vs", "v", "ca", "approx", "Dept", "Gov't", "Lieut", "Sgt",
                    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
                    "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
                    "e.g", "i.e", "cf", "al", "Ave", "Blvd", "Rd", "Univ", "Assn", "Ref"});
}

// Abbreviations that may also end a sentence ("... of Apple Inc."): split only before an opener.
bool IsFinalAbbreviation(std::string_view w) {
  return InList(w, {"Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "Bros", "Plc", "etc", "Esq", "Sq"});
}

struct Features {
  uint32_t words = 0;
  uint32_t letters = 0;
  uint32_t latin_letters = 0;
  uint32_t non_ascii_bytes = 0;
  uint32_t english_markers = 0;  // words only English uses this often: "the", "and", "was", ...
  uint32_t capitalized = 0;      // words starting with an upper-case letter
  uint32_t major_lower = 0;      // lower-case words that are not minor words
  uint32_t detail_words = 0;     // words the word-level counts above were taken from
  bool final_punct = false;      // ends like a sentence
  bool inner_punct = false;      // has a sentence end inside
  bool starts_upper = false;
};

// Function words frequent in English and rare as words in other languages written in Latin
// script (so not "in", "a", "de", "on", "die"). A paragraph dense with them is English without
// asking CLD2, which is the expensive part of segmentation.
bool IsEnglishMarker(std::string_view w) {
  switch (w.size()) {
    case 2: return Is(w, "of") || Is(w, "to") || Is(w, "by") || Is(w, "be") || Is(w, "it");
    case 3: return Is(w, "the") || Is(w, "and") || Is(w, "for") || Is(w, "was") || Is(w, "has") || Is(w, "its") ||
                   Is(w, "are") || Is(w, "The") || Is(w, "had") || Is(w, "not") || Is(w, "who");
    case 4: return Is(w, "that") || Is(w, "with") || Is(w, "from") || Is(w, "have") || Is(w, "were") || Is(w, "this") ||
                   Is(w, "said") || Is(w, "will") || Is(w, "been") || Is(w, "they") || Is(w, "also") || Is(w, "than");
    case 5: return Is(w, "which") || Is(w, "their") || Is(w, "would") || Is(w, "there") || Is(w, "about");
    default: return false;
  }
}

constexpr uint32_t kDetailWords = 26;    // word-level signals come from this many first words
constexpr uint32_t kHeadlineWords = 25;  // longer lines are never headlines

// Byte classes for Measure.
enum ByteClass : uint8_t { kOther = 0, kSpaceByte = 1, kAsciiLetter = 2, kLatinLead = 3, kScriptLead = 4, kNonAscii = 5 };

constexpr std::array<uint8_t, 256> MakeByteClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    uint8_t k = kOther;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') k = kSpaceByte;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = kAsciiLetter;
    else if (c >= 0xC3 && c <= 0xC9) k = kLatinLead;  // Latin-1 supplement and Latin Extended
    else if ((c >= 0xCA && c <= 0xE1) || (c >= 0xE3 && c <= 0xED) || c >= 0xF0) k = kScriptLead;
    else if (c >= 0x80) k = kNonAscii;
    t[c] = k;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kByteClass = MakeByteClasses();

constexpr std::array<uint64_t, 256> MakeLanes(bool letter_lanes) {
  std::array<uint64_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    uint8_t k = kByteClass[c];
    t[c] = letter_lanes ? (k == kAsciiLetter ? 1ull : 0) | (k == kLatinLead ? 1ull << 32 : 0)
                        : (k == kScriptLead ? 1ull : 0) | (k >= kLatinLead ? 1ull << 32 : 0);
  }
  return t;
}
constexpr std::array<uint64_t, 256> kLetterLanes = MakeLanes(true);
constexpr std::array<uint64_t, 256> kOtherLanes = MakeLanes(false);

Features Measure(std::string_view p) {
  Features f;
  const size_t n = p.size();
  // Byte classes are summed in two registers of two 32-bit lanes each (ASCII letters | Latin
  // lead bytes, other-script lead bytes | non-ASCII bytes): two adds per byte, no histogram
  // array whose increments would serialize through memory.
  uint64_t letters = 0, others = 0;
  size_t i = 0;
  uint32_t words = 0;
  // The first words one by one: enough to tell a headline, a byline or English prose.
  while (i < n && words < kDetailWords) {
    while (i < n && IsSpace(p[i])) ++i;
    if (i >= n) break;
    size_t b = i;
    while (i < n && !IsSpace(p[i])) {
      const uint8_t u = static_cast<unsigned char>(p[i]);
      letters += kLetterLanes[u];
      others += kOtherLanes[u];
      ++i;
    }
    std::string_view w = p.substr(b, i - b);
    ++words;
    size_t q = 0;
    while (q < w.size() && (w[q] == '"' || w[q] == '\'' || w[q] == '(')) ++q;
    if (q >= w.size()) continue;
    size_t e = w.size();
    while (e > q && !IsAlpha(w[e - 1])) --e;
    std::string_view core = w.substr(q, e - q);
    if (core.size() <= 5 && IsEnglishMarker(core)) ++f.english_markers;
    if (IsUpper(w[q])) {
      ++f.capitalized;
    } else if (IsLower(w[q]) && !IsMinorWord(core)) {
      ++f.major_lower;
    }
    if (words == 1) f.starts_upper = IsUpper(w[q]) || IsDigit(w[q]) || static_cast<unsigned char>(w[q]) >= 0xC0;
    char last = w.back();
    if ((last == '.' || last == '!' || last == '?') && w.size() >= 2 && i + 1 < n && IsUpper(p[i + 1]))
      f.inner_punct = true;
  }
  f.detail_words = words;
  // The rest byte by byte: classes and word starts only.
  uint32_t in_space = 0;
  for (; i < n; ++i) {
    const uint8_t u = static_cast<unsigned char>(p[i]);
    letters += kLetterLanes[u];
    others += kOtherLanes[u];
    const uint32_t space = kByteClass[u] == kSpaceByte;
    words += in_space & (space ^ 1);
    in_space = space;
  }
  f.words = words;
  f.latin_letters = static_cast<uint32_t>((letters & 0xFFFFFFFF) + (letters >> 32));
  f.letters = f.latin_letters + static_cast<uint32_t>(others & 0xFFFFFFFF);
  f.non_ascii_bytes = static_cast<uint32_t>(others >> 32);
  size_t e = n;
  while (e > 0 && (p[e - 1] == '"' || p[e - 1] == '\'' || p[e - 1] == ')' || p[e - 1] == ']')) --e;
  f.final_punct = e > 0 && (p[e - 1] == '.' || p[e - 1] == '!' || p[e - 1] == '?' ||
                            (e >= 3 && p.substr(e - 3, 3) == "\xE2\x80\xA6"));
  return f;
}

// Plainly English: mostly ASCII and at least one word in ten an English marker (news prose runs
// at one in four to one in six even when dense with names; other Latin-script languages at
// well under one in twenty).
bool PlainlyEnglish(const Features& f) {
  return f.words >= 8 && f.non_ascii_bytes * 50 <= f.letters && f.english_markers * 10 >= f.detail_words &&
         f.english_markers >= 3;
}

bool IsLatin(const Features& f) { return f.latin_letters * 2 >= f.letters; }

// Lines that are page furniture whatever their position.
bool IsFurnitureLine(std::string_view p, const Features& f) {
  if (p.size() > 600) return false;
  char buf[600];
  for (size_t i = 0; i < p.size(); ++i) buf[i] = Lower(p[i]);
  const std::string_view low(buf, p.size());
  auto has = [&](std::string_view needle) { return low.find(needle) != std::string_view::npos; };
  auto starts = [&](std::string_view prefix) { return low.substr(0, prefix.size()) == prefix; };
  // Bylines: "By Burc Eruygur", "Reporting by ...; Editing by ...".
  if (starts("by ") && f.words <= 6 && !f.final_punct && f.capitalized + 1 >= f.words) return true;
  for (auto prefix : {"reporting by ", "additional reporting by ", "editing by ", "written by ",
                      "compiled by ", "photo:", "image:", "credit:", "photo credit", "file photo",
                      "this article was translated", "this article was originally",
                      "this article first appeared", "this story was originally"})
    if (starts(prefix)) return true;
  // Copyright, feed and disclaimer lines: one pass of a precompiled matcher.
  static const re2::RE2 notice(
      "\xC2\xA9|copyright|all rights reserved| appeared first on |do not necessarily reflect|"
      "views expressed in this|has not verified the|we use cookies|cookie policy");
  if (re2::RE2::PartialMatch(low, notice)) return true;
  if (f.words <= 15) {
    for (auto needle : {"subscribe", "sign up", "newsletter", "follow us", "share this", "click here",
                        "read more", "read also", "see also", "also read", "related:", "advertisement",
                        "cookies", "log in", "download the app", "all news", "more news", "follow on",
                        "on telegram", "on twitter", "on facebook"})
      if (has(needle)) return true;
  }
  if (f.words <= 3) {
    size_t i = 0;
    while (i < low.size()) {
      while (i < low.size() && IsSpace(low[i])) ++i;
      size_t b = i;
      while (i < low.size() && !IsSpace(low[i])) ++i;
      std::string_view w = low.substr(b, i - b);
      if (w == "logo" || w == "menu" || w == "search" || w == "home") return true;
    }
  }
  return false;
}

// Length of the longest valid UTF-8 prefix of p, at most `limit` bytes: CLD2 wants valid input.
size_t ValidPrefix(std::string_view p, size_t limit) {
  int32_t n = static_cast<int32_t>(std::min(p.size(), limit));
  int32_t i = 0;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(p.data(), i, n, c);
    if (c < 0) return static_cast<size_t>(at);
  }
  return static_cast<size_t>(n);
}

// Language of a piece of text by CLD2: ISO code, or "un". CLD2 answers "en" by default when it
// cannot tell; its top-three summary says "un" then, which is what we report.
std::string DetectLanguage(std::string_view p, bool* reliable) {
  size_t len = ValidPrefix(p, kLangSampleBytes);
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  CLD2::DetectLanguageSummary(p.data(), static_cast<int>(len), true, top3, percent3, &text_bytes, reliable);
  if (top3[0] == CLD2::UNKNOWN_LANGUAGE || top3[0] == CLD2::TG_UNKNOWN_LANGUAGE) return "un";
  return CLD2::LanguageCode(top3[0]);
}

bool IsOpeningPunct(char c) { return c == '"' || c == '\'' || c == '(' || c == '['; }
bool IsClosingPunct(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

// The word that ends just before position `end` (exclusive), without leading quotes/brackets.
std::string_view WordBefore(std::string_view t, size_t begin, size_t end) {
  size_t b = end;
  while (b > begin && !IsSpace(t[b - 1]) && end - b < 40) --b;
  while (b < end && IsOpeningPunct(t[b])) ++b;
  return t.substr(b, end - b);
}

// The word starting at i, at most 16 bytes (enough for any opener; bounded so that a long run
// of letters costs nothing per capital inside it).
std::string_view WordAt(std::string_view t, size_t i, size_t end) {
  size_t e = i;
  end = std::min(end, i + 16);
  while (e < end && (IsAlpha(t[e]) || t[e] == '\'')) ++e;
  return t.substr(i, e - i);
}

constexpr std::array<bool, 256> MakeSentenceBytes() {
  std::array<bool, 256> t{};
  t['.'] = t['!'] = t['?'] = t['"'] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  return t;
}
constexpr std::array<bool, 256> kSentenceByte = MakeSentenceBytes();

class SentenceSplitter {
 public:
  SentenceSplitter(std::string_view t, std::vector<Sentence>* out) : t_(t), out_(out) {}

  void Split(uint32_t pb, uint32_t pe, uint32_t paragraph) {
    paragraph_ = paragraph;
    size_t start = pb;
    size_t i = pb;
    bool in_quote = false;
    const char* const p = t_.data();
    while (i < pe) {
      // Skip to the next byte that can matter: . ! ? or a capital letter.
      const size_t limit = std::min<size_t>(pe, start + kMaxSentenceBytes);
      while (i < limit && !kSentenceByte[static_cast<unsigned char>(p[i])]) ++i;
      if (i >= limit) {
        if (i >= pe) break;
        // A run this long without a sentence end is not prose: cut it at the next space.
        size_t sp = i;
        while (sp < pe && !IsSpace(p[sp])) ++sp;
        if (sp >= pe) break;
        Emit(start, sp, false);
        start = i = sp + 1;
        continue;
      }
      char c = p[i];
      if (c == '"') {
        in_quote = !in_quote;
        ++i;
        continue;
      }
      if (c == '.' || c == '!' || c == '?') {
        size_t j = i + 1;
        while (j < pe && (t_[j] == '.' || t_[j] == '!' || t_[j] == '?')) ++j;
        size_t k = j;
        while (k < pe && IsClosingPunct(t_[k])) {
          if (t_[k] == '"') in_quote = !in_quote;
          ++k;
        }
        if (k >= pe) break;
        if (IsSpace(t_[k])) {
          size_t n = k;
          while (n < pe && IsSpace(t_[n])) ++n;
          if (n < pe && SplitsBefore(start, i, j, n, pe) && !(in_quote && QuoteRunsIntoAttribution(k, pe))) {
            Emit(start, k, /*punct_end=*/true);
            start = n;
          }
          i = n;
          continue;
        }
        // Glued: "on Thursday.The CSTO" — a word, one period, then a capitalized word.
        if (c == '.' && j == i + 1 && k == j && i > pb && IsLower(t_[i - 1]) && k + 1 < pe &&
            IsUpper(t_[k]) && IsLower(t_[k + 1])) {
          std::string_view before = WordBefore(t_, start, i);
          if (before.size() >= 2 && before.find('.') == std::string_view::npos &&
              before.find('/') == std::string_view::npos && !IsTitleAbbreviation(before) &&
              !IsFinalAbbreviation(before)) {
            Emit(start, j, true);
            start = j;
          }
        }
        i = k;
        continue;
      }
      // Glued heading: "End Gaza Strip ViolenceThe member states".
      if (IsUpper(c) && i > start + 2 && IsLower(t_[i - 1]) && IsLower(t_[i - 2]) && IsLower(t_[i - 3])) {
        std::string_view w = WordAt(t_, i, pe);
        // Two-letter openers are left out: "LinkedIn on Monday" is a name, not a glued "In".
        if (w.size() >= 3 && i + w.size() < pe && t_[i + w.size()] == ' ' && IsSentenceOpener(w)) {
          Emit(start, i, false);
          start = i;
        }
      }
      ++i;
    }
    Emit(start, pe, false);
  }

 private:
  // Inside an open quotation: whether it closes with a comma ("... it must be real," he said),
  // so its sentences belong with the attribution that follows.
  bool QuoteRunsIntoAttribution(size_t k, size_t pe) const {
    size_t limit = std::min<size_t>(pe, k + 600);
    const void* q = std::memchr(t_.data() + k, '"', limit - k);
    if (!q) return false;
    size_t at = static_cast<size_t>(static_cast<const char*>(q) - t_.data());
    return at > k && t_[at - 1] == ',';
  }

  // Whether a sentence ends at [.!?] run [i, j) given the next sentence would start at n.
  bool SplitsBefore(size_t start, size_t i, size_t j, size_t n, size_t pe) const {
    size_t m = n;
    while (m < pe && IsOpeningPunct(t_[m])) ++m;
    if (m >= pe) return false;
    char first = t_[m];
    bool upper = IsUpper(first) || static_cast<unsigned char>(first) >= 0xC0;
    bool digit = IsDigit(first);
    if (!upper && !digit) return false;  // "?" he asked; "... and then"
    if (t_[i] != '.' || j - i > 1) return true;  // ! ? and ellipses before a capital
    std::string_view w = WordBefore(t_, start, i);
    if (w.empty()) return true;
    std::string_view opener = WordAt(t_, m, pe);
    // Initials: "J. R. R. Tolkien", "George W. Bush".
    if (w.size() == 1 && IsUpper(w[0])) return false;
    if (IsTitleAbbreviation(w)) return false;
    bool dotted = w.find('.') != std::string_view::npos && w.size() <= 8;  // U.S, U.N, a.m
    if (dotted || IsFinalAbbreviation(w)) return IsSentenceOpener(opener);
    return true;
  }

  void Emit(size_t b, size_t e, bool punct_end) {
    while (b < e && IsSpace(t_[b])) ++b;
    while (e > b && IsSpace(t_[e - 1])) --e;
    bool content = false;
    for (size_t k = b; k < e && !content; ++k) {
      unsigned char u = static_cast<unsigned char>(t_[k]);
      content = IsAlpha(t_[k]) || IsDigit(t_[k]) || u >= 0xC0;
    }
    if (!content) return;
    // A dateline ("MOSCOW, December 8. /TASS/.") joins the sentence it introduces.
    if (pending_dateline_) {
      b = pending_begin_;
      pending_dateline_ = false;
    }
    if (punct_end && IsDateline(b, e)) {
      pending_dateline_ = true;
      pending_begin_ = b;
      return;
    }
    Sentence s;
    s.index = static_cast<uint32_t>(out_->size());
    s.begin = static_cast<uint32_t>(b);
    s.end = static_cast<uint32_t>(e);
    s.paragraph = paragraph_;
    out_->push_back(s);
  }

  // A dateline: a short run ended by a period, opening with a place in capitals or an agency
  // in slashes ("MOSCOW, December 8.", "/TASS/."), with no word in lower case; or a list number.
  bool IsDateline(size_t b, size_t e) const {
    if (e <= b || t_[e - 1] != '.') return false;
    // A list number ("1.", "12.") introduces its item the same way.
    if (e - b <= 4) {
      size_t d = b;
      while (d < e - 1 && IsDigit(t_[d])) ++d;
      if (d == e - 1 && d > b) return true;
    }
    size_t caps = b;
    while (caps < e && IsUpper(t_[caps])) ++caps;
    if (caps - b < 3 && t_[b] != '/') return false;
    if (caps < e && IsLower(t_[caps])) return false;
    int words = 0;
    size_t i = b;
    while (i < e) {
      while (i < e && IsSpace(t_[i])) ++i;
      if (i >= e) break;
      if (IsLower(t_[i])) return false;
      if (++words > 6) return false;
      while (i < e && !IsSpace(t_[i])) ++i;
    }
    return words >= 1;
  }

 public:
  // At the end of a paragraph, a dangling dateline becomes a sentence of its own.
  void FlushParagraph(uint32_t pe) {
    if (!pending_dateline_) return;
    pending_dateline_ = false;
    size_t e = pe;
    while (e > pending_begin_ && IsSpace(t_[e - 1])) --e;
    Sentence s;
    s.index = static_cast<uint32_t>(out_->size());
    s.begin = static_cast<uint32_t>(pending_begin_);
    s.end = static_cast<uint32_t>(e);
    s.paragraph = paragraph_;
    out_->push_back(s);
  }

 private:
  std::string_view t_;
  std::vector<Sentence>* out_;
  uint32_t paragraph_ = 0;
  bool pending_dateline_ = false;
  size_t pending_begin_ = 0;
};

// Whether the line [b, e) continues on the next line (hard-wrapped prose).
bool ContinuesOnNextLine(std::string_view t, size_t b, size_t e, size_t next) {
  if (e - b < 40 || next >= t.size() || !IsLower(t[next])) return false;
  char last = t[e - 1];
  return IsAlpha(last) || IsDigit(last) || last == ',' || last == ';' || last == '-';
}

}  // namespace

void Segment(Document& doc) {
  doc.paragraphs.clear();
  doc.sentences.clear();
  const std::string_view t = doc.text;
  const size_t n = t.size();

  // 1. Paragraphs: lines, with hard-wrapped lines joined. A text whose long lines mostly run on
  // into the next line without a sentence end is hard-wrapped throughout: its paragraphs are
  // the blocks between blank lines.
  bool hard_wrapped = false;
  {
    uint32_t long_lines = 0, run_on = 0;
    size_t i = 0;
    while (i < n) {
      const char* nl = static_cast<const char*>(std::memchr(t.data() + i, '\n', n - i));
      if (!nl) break;
      size_t e = static_cast<size_t>(nl - t.data());
      if (e - i >= 40 && e + 1 < n && t[e + 1] != '\n') {
        ++long_lines;
        char last = t[e - 1];
        run_on += !(last == '.' || last == '!' || last == '?' || last == ':' || last == '"');
      }
      i = e + 1;
    }
    hard_wrapped = long_lines >= 3 && run_on * 2 >= long_lines;
  }
  {
    size_t i = 0;
    bool open = false;
    while (i < n) {
      const char* nl = static_cast<const char*>(std::memchr(t.data() + i, '\n', n - i));
      size_t e = nl ? static_cast<size_t>(nl - t.data()) : n;
      size_t b = i;
      while (b < e && (t[b] == ' ' || t[b] == '\t' || t[b] == '\r')) ++b;
      size_t le = e;
      while (le > b && (t[le - 1] == ' ' || t[le - 1] == '\t' || t[le - 1] == '\r')) --le;
      if (le == b) {
        open = false;
      } else if (open && (hard_wrapped ||
                          ContinuesOnNextLine(t, doc.paragraphs.back().begin, doc.paragraphs.back().end, b))) {
        doc.paragraphs.back().end = static_cast<uint32_t>(le);
      } else {
        Paragraph p;
        p.begin = static_cast<uint32_t>(b);
        p.end = static_cast<uint32_t>(le);
        doc.paragraphs.push_back(p);
        open = true;
      }
      i = e + 1;
    }
  }
  auto& paras = doc.paragraphs;
  const size_t np = paras.size();
  if (np == 0) return;

  // 2. Language: CLD2 on paragraphs long enough to judge; the rest inherit when in the same script.
  std::vector<Features> feats(np);
  std::vector<bool> judged(np, false);
  // lang -> (letters, latin letters), of punctuated prose and of other lines
  std::map<std::string, std::pair<uint64_t, uint64_t>> prose_weight, weight;
  for (size_t k = 0; k < np; ++k) {
    std::string_view p = t.substr(paras[k].begin, paras[k].end - paras[k].begin);
    feats[k] = Measure(p);
    const Features& f = feats[k];
    // Mid-length plain-ASCII lines (headlines mostly) wait for the majority, below.
    bool mid_ascii = f.letters < kMidLetters && f.non_ascii_bytes == 0 && !PlainlyEnglish(f);
    if (f.letters >= kLongLetters && !mid_ascii) {
      bool reliable = false;
      paras[k].lang = PlainlyEnglish(f) ? "en" : DetectLanguage(p, &reliable);
      judged[k] = true;
      if (paras[k].lang != "un") {
        // The document's language is that of its punctuated prose when it has any, so that an
        // article wins over a bigger block of unpunctuated teasers and menus.
        auto& w = (f.final_punct || f.inner_punct ? prose_weight : weight)[paras[k].lang];
        w.first += f.letters;
        w.second += f.latin_letters;
      }
    }
  }
  std::string majority;
  bool majority_latin = true;
  {
    uint64_t best = 0;
    if (!prose_weight.empty()) weight.swap(prose_weight);
    for (auto& [lang, w] : weight)
      if (w.first > best) {
        best = w.first;
        majority = lang;
        majority_latin = w.second * 2 >= w.first;
      }
    if (majority.empty()) {
      bool reliable = false;
      std::string guess = DetectLanguage(t, &reliable);
      uint64_t letters = 0, latin = 0, non_ascii = 0;
      for (auto& f : feats) {
        letters += f.letters;
        latin += f.latin_letters;
        non_ascii += f.non_ascii_bytes;
      }
      // A few plain-ASCII words CLD2 cannot place ("Putin met Xi."): English, the only language
      // coded; any other language would almost always show a letter outside ASCII.
      if (guess == "un" && letters > 0 && non_ascii == 0) guess = "en";
      if (guess != "un") {
        majority = guess;
        majority_latin = latin * 2 >= letters;
      }
    }
  }
  for (size_t k = 0; k < np; ++k) {
    if (judged[k]) continue;
    const Features& f = feats[k];
    bool inherit = f.letters < kLongLetters ? (f.letters == 0 || IsLatin(f) == majority_latin)
                                            : (majority_latin && f.non_ascii_bytes == 0);
    if (!majority.empty() && inherit) {
      paras[k].lang = majority;
    } else {
      bool reliable = false;
      paras[k].lang = DetectLanguage(t.substr(paras[k].begin, paras[k].end - paras[k].begin), &reliable);
    }
  }

  // 3. Boilerplate.
  std::vector<bool> furniture(np, false), content(np, false), headline(np, false);
  std::unordered_set<std::string_view> seen;
  for (size_t k = 0; k < np; ++k) {
    std::string_view p = t.substr(paras[k].begin, paras[k].end - paras[k].begin);
    const Features& f = feats[k];
    bool foreign = !majority.empty() && paras[k].lang != majority;
    bool repeated = p.size() < 400 && !seen.insert(p).second;
    furniture[k] = foreign || repeated || IsFurnitureLine(p, f);
    if (furniture[k]) continue;
    // Running prose: punctuated, long, or many lower-case content words (a standfirst cut off
    // without its period is still prose; a title-case menu line is not).
    bool prose = f.words >= 15 && f.major_lower * 3 >= f.detail_words;
    content[k] = (f.final_punct && f.words >= 6) || (f.inner_punct && f.words >= 12) || f.words >= 40 || prose;
    headline[k] = !content[k] && !f.final_punct && f.words >= 3 && f.words <= kHeadlineWords && f.starts_upper;
  }
  size_t first = np, last = 0;
  for (size_t k = 0; k < np; ++k)
    if (content[k]) {
      if (first == np) first = k;
      last = k;
    }
  for (size_t k = 0; k < np; ++k) {
    bool boiler = furniture[k];
    if (!boiler && first < np) {
      if (k > last) boiler = true;
      if (k < first) {
        // Keep the headline nearest the article start (skipping fragments such as a lone "0").
        size_t h = first;
        for (size_t q = first; q-- > 0 && first - q <= 4;) {
          if (headline[q]) {
            h = q;
            break;
          }
          if (feats[q].words > 2 || furniture[q]) break;
        }
        boiler = k != h;
      }
    }
    // Fragments: one or two words, no sentence punctuation ("0", "Advertisement", "WTA").
    if (!boiler && !content[k] && feats[k].words <= 2 && !feats[k].final_punct) boiler = true;
    paras[k].boilerplate = boiler;
  }
  // Runs of three or more title-case lines inside the article read as link lists.
  for (size_t k = 0; k < np;) {
    size_t e = k;
    auto title_case = [&](size_t q) {
      const Features& f = feats[q];
      return headline[q] && !paras[q].boilerplate && f.major_lower == 0;
    };
    while (e < np && title_case(e)) ++e;
    if (e - k >= 3)
      for (size_t q = k; q < e; ++q) paras[q].boilerplate = true;
    k = e > k ? e : k + 1;
  }

  // 4. Sentences of English article paragraphs.
  SentenceSplitter splitter(t, &doc.sentences);
  for (size_t k = 0; k < np; ++k) {
    if (paras[k].boilerplate || paras[k].lang != "en") continue;
    splitter.Split(paras[k].begin, paras[k].end, static_cast<uint32_t>(k));
    splitter.FlushParagraph(paras[k].end);
  }
}

std::vector<LanguageCount> CountLanguages(const Document& doc) {
  std::vector<LanguageCount> out;
  for (const Paragraph& p : doc.paragraphs) {
    auto it = std::find_if(out.begin(), out.end(), [&](const LanguageCount& c) { return c.lang == p.lang; });
    if (it == out.end()) {
      out.push_back(LanguageCount{p.lang});
      it = out.end() - 1;
    }
    if (p.boilerplate) {
      ++it->boilerplate;
    } else {
      ++it->paragraphs;
      it->bytes += p.end - p.begin;
    }
  }
  std::sort(out.begin(), out.end(), [](const LanguageCount& a, const LanguageCount& b) {
    return a.bytes != b.bytes ? a.bytes > b.bytes : a.lang < b.lang;
  });
  return out;
}

std::string DocumentLanguage(const Document& doc) {
  auto counts = CountLanguages(doc);
  for (auto& c : counts)
    if (c.paragraphs > 0 && c.lang != "un") return c.lang;
  return "un";
}

}  // namespace communique::text
