// Segment: cleaned Document::text -> paragraphs (language, boilerplate flag) -> sentences.
//
// In: doc.text after Clean (lines trimmed, at most one blank line between blocks).
// Out: doc.paragraphs (every non-empty block, with its CLD2 language and whether it is page
// furniture) and doc.sentences (only for English, non-boilerplate paragraphs).
//
// Paragraphs: each line is a paragraph (scraped pages put one paragraph per line), except that a
// line ending mid-sentence joins the next line when that one starts in lower case (hard-wrapped
// text). Short paragraphs take the document's majority language when they are in the same
// script, because CLD2 guesses on a few words are noise.
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
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text/clean.h"

namespace communique::text {
namespace {

constexpr size_t kLangSampleBytes = 2048;   // CLD2 reads at most this much of a paragraph
constexpr uint32_t kLongLetters = 40;       // fewer letters: language inherited, not guessed
constexpr size_t kMaxSentenceBytes = 4000;  // longer runs are cut at a space (junk, not prose)

inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }
inline bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
inline char Lower(char c) { return IsUpper(c) ? static_cast<char>(c + 32) : c; }

bool EqualsLower(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (Lower(w[i]) != lower[i]) return false;
  return true;
}

bool ContainsLower(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (Lower(hay[i]) != needle[0]) continue;
    size_t k = 1;
    while (k < needle.size() && Lower(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

bool StartsWithLower(std::string_view s, std::string_view lower) {
  return s.size() >= lower.size() && EqualsLower(s.substr(0, lower.size()), lower);
}

bool InList(std::string_view w, std::initializer_list<std::string_view> list) {
  for (auto x : list)
    if (w == x) return true;
  return false;
}

// Words allowed in lower case inside a title-case headline.
bool IsMinorWord(std::string_view w) {
  return InList(w, {"a", "an", "the", "and", "or", "but", "nor", "for", "of", "in", "on", "at", "to",
                    "by", "with", "from", "as", "vs", "into", "over", "after", "amid", "per", "via",
                    "than", "up", "off", "out", "is", "are", "be"});
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
  uint32_t capitalized = 0;  // words starting with an upper-case letter
  uint32_t major_lower = 0;  // lower-case words that are not minor words
  bool final_punct = false;  // ends like a sentence
  bool inner_punct = false;  // has a sentence end inside
  bool starts_upper = false;
};

Features Measure(std::string_view p) {
  Features f;
  size_t i = 0;
  const size_t n = p.size();
  while (i < n) {
    while (i < n && IsSpace(p[i])) ++i;
    if (i >= n) break;
    size_t b = i;
    while (i < n && !IsSpace(p[i])) ++i;
    std::string_view w = p.substr(b, i - b);
    ++f.words;
    size_t k = 0;
    while (k < w.size() && (w[k] == '"' || w[k] == '\'' || w[k] == '(')) ++k;
    if (k < w.size()) {
      if (IsUpper(w[k])) {
        ++f.capitalized;
      } else if (IsLower(w[k]) && w.size() <= 40) {
        char buf[40];
        size_t m = 0;
        for (size_t q = k; q < w.size() && IsAlpha(w[q]); ++q) buf[m++] = Lower(w[q]);
        if (!IsMinorWord(std::string_view(buf, m))) ++f.major_lower;
      }
      if (f.words == 1) f.starts_upper = IsUpper(w[k]) || IsDigit(w[k]) || static_cast<unsigned char>(w[k]) >= 0xC0;
    }
    for (char ch : w) {
      unsigned char u = static_cast<unsigned char>(ch);
      if (IsAlpha(ch)) {
        ++f.letters;
        ++f.latin_letters;
      } else if (u >= 0xC3 && u <= 0xC9) {  // Latin-1 supplement and Latin Extended
        ++f.letters;
        ++f.latin_letters;
      } else if ((u >= 0xCA && u <= 0xE1) || (u >= 0xE3 && u <= 0xED) || u >= 0xF0) {
        ++f.letters;  // lead byte of a letter in another script
      }
    }
    if (w.size() >= 2 && (w.back() == '.' || w.back() == '!' || w.back() == '?') && i < n &&
        i + 1 < n && IsUpper(p[i + 1]))
      f.inner_punct = true;
  }
  size_t e = n;
  while (e > 0 && (p[e - 1] == '"' || p[e - 1] == '\'' || p[e - 1] == ')' || p[e - 1] == ']')) --e;
  f.final_punct = e > 0 && (p[e - 1] == '.' || p[e - 1] == '!' || p[e - 1] == '?' ||
                            (e >= 3 && p.substr(e - 3, 3) == "\xE2\x80\xA6"));
  return f;
}

bool IsLatin(const Features& f) { return f.latin_letters * 2 >= f.letters; }

// Lines that are page furniture whatever their position.
bool IsFurnitureLine(std::string_view p, const Features& f) {
  if (p.size() > 600) return false;
  // Bylines: "By Burc Eruygur", "Reporting by ...; Editing by ...".
  if (StartsWithLower(p, "by ") && f.words <= 6 && !f.final_punct && f.capitalized + 1 >= f.words)
    return true;
  for (auto prefix : {"reporting by ", "additional reporting by ", "editing by ", "written by ",
                      "compiled by ", "photo:", "image:", "credit:", "photo credit", "file photo",
                      "this article was translated", "this article was originally",
                      "this article first appeared", "this story was originally"})
    if (StartsWithLower(p, prefix)) return true;
  if (p.find("\xC2\xA9") != std::string_view::npos) return true;  // ©
  for (auto needle : {"copyright", "all rights reserved", " appeared first on ",
                      "do not necessarily reflect", "views expressed in this", "has not verified the"})
    if (ContainsLower(p, needle)) return true;
  if (f.words <= 15) {
    for (auto needle : {"subscribe", "sign up", "newsletter", "follow us", "share this", "click here",
                        "read more", "related:", "advertisement", "cookies", "log in",
                        "download the app", "all news", "more news"})
      if (ContainsLower(p, needle)) return true;
  }
  if (f.words <= 3) {
    for (auto needle : {"logo", "menu", "search", "home"}) {
      size_t i = 0;
      while (i < p.size()) {
        while (i < p.size() && IsSpace(p[i])) ++i;
        size_t b = i;
        while (i < p.size() && !IsSpace(p[i])) ++i;
        if (EqualsLower(p.substr(b, i - b), needle)) return true;
      }
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

std::string_view WordAt(std::string_view t, size_t i, size_t end) {
  size_t e = i;
  while (e < end && (IsAlpha(t[e]) || t[e] == '\'')) ++e;
  return t.substr(i, e - i);
}

class SentenceSplitter {
 public:
  SentenceSplitter(std::string_view t, std::vector<Sentence>* out) : t_(t), out_(out) {}

  void Split(uint32_t pb, uint32_t pe, uint32_t paragraph) {
    first_in_paragraph_ = out_->size();
    paragraph_ = paragraph;
    size_t start = pb;
    size_t i = pb;
    while (i < pe) {
      char c = t_[i];
      if (c == '.' || c == '!' || c == '?') {
        size_t j = i + 1;
        while (j < pe && (t_[j] == '.' || t_[j] == '!' || t_[j] == '?')) ++j;
        size_t k = j;
        while (k < pe && IsClosingPunct(t_[k])) ++k;
        if (k >= pe) break;
        if (IsSpace(t_[k])) {
          size_t n = k;
          while (n < pe && IsSpace(t_[n])) ++n;
          if (n < pe && SplitsBefore(start, i, j, n, pe)) {
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
        if (i + w.size() < pe && t_[i + w.size()] == ' ' && IsSentenceOpener(w)) {
          Emit(start, i, false);
          start = i;
        }
      }
      if (i - start > kMaxSentenceBytes && IsSpace(c)) {
        Emit(start, i, false);
        start = i + 1;
      }
      ++i;
    }
    Emit(start, pe, false);
  }

 private:
  // Whether a sentence ends at [.!?] run [i, j) given the next sentence would start at n.
  bool SplitsBefore(size_t start, size_t i, size_t j, size_t n, size_t pe) const {
    char next = t_[n];
    size_t m = n;
    while (m < pe && IsOpeningPunct(t_[m])) ++m;
    if (m >= pe) return false;
    char first = t_[m];
    bool upper = IsUpper(first) || static_cast<unsigned char>(first) >= 0xC0;
    bool digit = IsDigit(first);
    if (!upper && !digit) return false;  // "?" he asked; "... and then"
    (void)next;
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
  // in slashes ("MOSCOW, December 8.", "/TASS/."), with no word in lower case.
  bool IsDateline(size_t b, size_t e) const {
    if (e <= b || t_[e - 1] != '.') return false;
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
  size_t first_in_paragraph_ = 0;
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

  // 1. Paragraphs: lines, with hard-wrapped lines joined.
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
      } else if (open && ContinuesOnNextLine(t, doc.paragraphs.back().begin, doc.paragraphs.back().end, b)) {
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
  std::map<std::string, std::pair<uint64_t, uint64_t>> weight;  // lang -> (letters, latin letters)
  for (size_t k = 0; k < np; ++k) {
    std::string_view p = t.substr(paras[k].begin, paras[k].end - paras[k].begin);
    feats[k] = Measure(p);
    if (feats[k].letters >= kLongLetters) {
      bool reliable = false;
      paras[k].lang = DetectLanguage(p, &reliable);
      judged[k] = true;
      if (paras[k].lang != "un") {
        auto& w = weight[paras[k].lang];
        w.first += feats[k].letters;
        w.second += feats[k].latin_letters;
      }
    }
  }
  std::string majority;
  bool majority_latin = true;
  {
    uint64_t best = 0;
    for (auto& [lang, w] : weight)
      if (w.first > best) {
        best = w.first;
        majority = lang;
        majority_latin = w.second * 2 >= w.first;
      }
    if (majority.empty()) {
      bool reliable = false;
      std::string guess = DetectLanguage(t, &reliable);
      if (guess != "un") {
        majority = guess;
        uint64_t letters = 0, latin = 0;
        for (auto& f : feats) {
          letters += f.letters;
          latin += f.latin_letters;
        }
        majority_latin = latin * 2 >= letters;
      }
    }
  }
  for (size_t k = 0; k < np; ++k) {
    if (judged[k]) continue;
    const Features& f = feats[k];
    if (!majority.empty() && (f.letters == 0 || IsLatin(f) == majority_latin)) {
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
    bool repeated = p.size() < 1000 && !seen.insert(p).second;
    furniture[k] = foreign || repeated || IsFurnitureLine(p, f);
    if (furniture[k]) continue;
    content[k] = (f.final_punct && f.words >= 6) || (f.inner_punct && f.words >= 12) || f.words >= 40;
    headline[k] = !content[k] && !f.final_punct && f.words >= 3 && f.words <= 25 && f.starts_upper;
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
