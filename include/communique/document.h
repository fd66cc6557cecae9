// Documents and sentences: the plain structs that flow from ingest (readers) through text
// (cleaning, language, sentences, dates) to the coder.
//
// Offsets: `raw` keeps the document's original bytes exactly as read (a text file's bytes, a JSON
// line's decoded "text"/"html" value, a WARC record's HTTP body). `text` is the cleaned article
// text; `text_to_raw[i]` is the byte in `raw` that text byte i came from, so any span found in
// `text` can be shown to the user in the original.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace communique {

// A calendar date (proleptic Gregorian). Never "today" by default: an unknown date is nullopt.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // Parses YYYY-MM-DD, YYYYMMDD, and ISO date-times (the date part); nullopt when not a real date.
  static std::optional<Date> Parse(std::string_view s);
  static Date FromDays(int32_t days_since_epoch);
  int32_t Days() const;      // days since 1970-01-01
  int Weekday() const;       // 0 = Sunday .. 6 = Saturday
  std::string ToString() const;  // YYYY-MM-DD
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// A block of text separated by blank lines (or an HTML block element).
struct Paragraph {
  uint32_t begin = 0;  // byte offsets in Document::text
  uint32_t end = 0;
  std::string lang;    // ISO 639-1 code from language identification ("en", "ru"), "un" if unknown
  bool boilerplate = false;  // page furniture: navigation, teasers, bylines, footers
};

struct Sentence {
  uint32_t index = 0;  // 0-based among the document's sentences
  uint32_t begin = 0;  // byte offsets in Document::text
  uint32_t end = 0;
  uint32_t paragraph = 0;
};

// A date expression found in text ("on Thursday", "November 28", "in 2020") and what it means.
struct DateMention {
  uint32_t begin = 0;  // byte offsets in the sentence
  uint32_t end = 0;
  std::string expression;  // the words, as written
  std::optional<Date> date;  // resolved day (first day of the period for weeks/months/years)
  std::string granularity;   // "day", "week", "month", "year"
  std::string source;        // how it was resolved: "relative-to-publication", "explicit", ...
};

struct Document {
  std::string id;
  std::string url;
  std::string title;
  std::string outlet;       // host name of the URL when known
  std::string input_path;   // the file it came from
  std::string format;       // "text", "jsonl", "html", "warc"
  std::optional<Date> published;
  std::string date_source = "unknown";  // "header", "json", "warc", "html-meta", "unknown"

  std::string raw;
  std::string text;
  std::vector<uint32_t> text_to_raw;  // size text.size() + 1

  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;

  std::string_view SentenceText(const Sentence& s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
  // Maps a byte range of `text` back to `raw`.
  std::pair<uint32_t, uint32_t> RawSpan(uint32_t text_begin, uint32_t text_end) const;
};

// A problem with one input: which file, where, and what. Reported, never fatal for the batch.
struct InputError {
  std::string file;
  uint64_t line = 0;    // 1-based line when the format has lines, else 0
  uint64_t offset = 0;  // byte offset in the file (compressed offset for .gz)
  std::string message;
  std::string ToString() const;  // "file:line: message" or "file@offset: message"
};

using ErrorSink = std::function<void(const InputError&)>;

}  // namespace communique
