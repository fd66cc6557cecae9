// FindDates: date expressions in one sentence, resolved against the publication date.
//
// In: sentence text, optional publication date. Out: DateMentions with byte offsets in the
// sentence, the words as written, the resolved date (first day of the period for weeks, months
// and years), granularity, and how it was resolved ("explicit", "publication-year",
// "relative-to-publication", or "unknown" when there is no publication date to resolve against).
//
// A hand-written scanner over the sentence's words: it runs on every sentence, and most
// sentences hold no date, so a word loop with small keyword tables beats a regex engine here.
//
// Month-day without a year takes the publication year, or the adjacent year when that puts the
// day much nearer to publication (a January article's "December 28" is last year's; a late
// December article's "January 15" is next year's). Future days count three times their distance,
// because news mostly reports what has happened.
#include <array>
#include <string>
#include <vector>

#include "text/dates.h"

namespace communique::text {
namespace {

struct Word {
  uint32_t b, e;
};

inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlnum(char c) { return IsUpper(c) || IsLower(c) || IsDigit(c); }
inline char Lower(char c) { return IsUpper(c) ? static_cast<char>(c + 32) : c; }

bool EqLower(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (Lower(w[i]) != lower[i]) return false;
  return true;
}

// "November", "NOVEMBER" (not "november": too often not a date in lower case).
bool NameEq(std::string_view w, std::string_view name) {
  if (w.size() != name.size() || w[0] != name[0]) return false;
  bool all_upper = w.size() > 1 && IsUpper(w[1]);
  for (size_t i = 1; i < w.size(); ++i)
    if (w[i] != (all_upper ? static_cast<char>(name[i] - 32) : name[i])) return false;
  return true;
}

constexpr std::array<std::string_view, 12> kMonths = {"January", "February", "March",     "April",
                                                      "May",     "June",     "July",      "August",
                                                      "September", "October", "November", "December"};
constexpr std::array<std::string_view, 13> kMonthAbbr = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                                         "Aug", "Sep", "Oct", "Nov", "Dec", "Sept"};
constexpr std::array<std::string_view, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};

// 1..12, 0 if not a month name. *abbr is set for "Nov", "Sept".
int MonthOf(std::string_view w, bool* abbr) {
  if (w.size() < 3 || w.size() > 9 || !IsUpper(w[0])) return 0;
  // Candidates by first letter, so most capitalized words cost one switch.
  static constexpr int kByLetter[26][3] = {
      {4, 8, 0},  {0, 0, 0}, {0, 0, 0}, {12, 0, 0}, {0, 0, 0}, {2, 0, 0},  {0, 0, 0},
      {0, 0, 0},  {0, 0, 0}, {1, 6, 7}, {0, 0, 0},  {0, 0, 0}, {3, 5, 0}, {11, 0, 0},
      {10, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0},  {9, 0, 0}, {0, 0, 0},  {0, 0, 0},
      {0, 0, 0},  {0, 0, 0}, {0, 0, 0}, {0, 0, 0},  {0, 0, 0}};
  for (int m : kByLetter[w[0] - 'A']) {
    if (m == 0) break;
    if (NameEq(w, kMonths[m - 1])) {
      *abbr = false;
      return m;
    }
    if (NameEq(w, kMonthAbbr[m - 1]) || (m == 9 && NameEq(w, "Sept"))) {
      *abbr = m != 5;  // "May" is the full name
      return m;
    }
  }
  return 0;
}

int WeekdayOf(std::string_view w) {
  if (w.size() < 6 || w.size() > 9 || !IsUpper(w[0])) return -1;
  switch (w[0]) {
    case 'S': return NameEq(w, kWeekdays[0]) ? 0 : NameEq(w, kWeekdays[6]) ? 6 : -1;
    case 'M': return NameEq(w, kWeekdays[1]) ? 1 : -1;
    case 'T': return NameEq(w, kWeekdays[2]) ? 2 : NameEq(w, kWeekdays[4]) ? 4 : -1;
    case 'W': return NameEq(w, kWeekdays[3]) ? 3 : -1;
    case 'F': return NameEq(w, kWeekdays[5]) ? 5 : -1;
    default: return -1;
  }
}

// A plain number ("28", "28th"); -1 otherwise.
int NumberOf(std::string_view w) {
  size_t i = 0;
  int v = 0;
  while (i < w.size() && IsDigit(w[i]) && i < 6) v = v * 10 + (w[i++] - '0');
  if (i == 0) return -1;
  if (i == w.size()) return v;
  std::string_view suffix = w.substr(i);
  if (EqLower(suffix, "st") || EqLower(suffix, "nd") || EqLower(suffix, "rd") || EqLower(suffix, "th"))
    return v;
  return -1;
}

int CountWord(std::string_view w) {
  int n = NumberOf(w);
  if (n >= 0 && n == static_cast<int>(n) && w.size() <= 3) return n;
  static constexpr std::array<std::string_view, 13> kCounts = {
      "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"};
  for (int i = 0; i < 13; ++i)
    if (EqLower(w, kCounts[i])) return i == 0 ? 1 : i;
  if (EqLower(w, "an")) return 1;
  return -1;
}

bool IsYear(std::string_view w, int* y) {
  if (w.size() != 4) return false;
  for (char c : w)
    if (!IsDigit(c)) return false;
  *y = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
  return *y >= 1900 && *y <= 2099;
}

bool ValidDay(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  if (m == 2 && d == 29) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return true;
}

Date FirstOfMonth(int y, int m) {
  while (m < 1) { m += 12; --y; }
  while (m > 12) { m -= 12; ++y; }
  return Date{y, m, 1};
}

// The year that puts month/day nearest to publication, future distances counting thrice.
std::optional<Date> NearestYear(int m, int d, const Date& pub) {
  std::optional<Date> best;
  int64_t best_cost = INT64_MAX;
  for (int y = pub.year - 1; y <= pub.year + 1; ++y) {
    if (!ValidDay(y, m, d)) continue;
    Date c{y, m, d};
    int64_t diff = static_cast<int64_t>(c.Days()) - pub.Days();
    int64_t cost = diff <= 0 ? -diff : 3 * diff;
    if (cost < best_cost) {
      best_cost = cost;
      best = c;
    }
  }
  return best;
}

Date NearestMonth(int m, const Date& pub) {
  Date best{};
  int best_cost = INT32_MAX;
  for (int y = pub.year - 1; y <= pub.year + 1; ++y) {
    int diff = (y * 12 + m) - (pub.year * 12 + pub.month);
    int cost = diff <= 0 ? -diff : 3 * diff;
    if (cost < best_cost) {
      best_cost = cost;
      best = Date{y, m, 1};
    }
  }
  return best;
}

Date Monday(const Date& d) { return Date::FromDays(d.Days() - (d.Weekday() + 6) % 7); }

constexpr uint32_t Initials(std::string_view letters) {
  uint32_t m = 0;
  for (char c : letters) m |= 1u << (c - 'a');
  return m;
}
// First letters of: a an one two three four five six seven eight nine ten eleven twelve (counts
// before "ago"), today tonight tomorrow yesterday, last this next past, earlier later early late.
constexpr uint32_t kKeywordInitials = Initials("aotfsenytlp");

class Scanner {
 public:
  Scanner(std::string_view s, std::optional<Date> pub, std::vector<DateMention>* out)
      : s_(s), pub_(pub), out_(out) {}

  void Run() {
    static thread_local std::vector<Word> words;
    words.clear();
    const size_t n = s_.size();
    for (size_t i = 0; i < n;) {
      if (!IsAlnum(s_[i])) {
        ++i;
        continue;
      }
      size_t b = i;
      while (i < n && IsAlnum(s_[i])) ++i;
      words.push_back(Word{static_cast<uint32_t>(b), static_cast<uint32_t>(i)});
    }
    w_ = &words;
    size_t consumed = 0;
    for (size_t k = 0; k < words.size(); ++k) {
      if (words[k].b < consumed) continue;
      size_t end = Match(k);
      if (end) consumed = end;
    }
  }

 private:
  std::string_view W(size_t k) const {
    const auto& w = (*w_)[k];
    return s_.substr(w.b, w.e - w.b);
  }
  size_t Count() const { return w_->size(); }
  // Text between word k and word k+1.
  std::string_view Gap(size_t k) const {
    return s_.substr((*w_)[k].e, (*w_)[k + 1].b - (*w_)[k].e);
  }
  bool GapIs(size_t k, std::initializer_list<std::string_view> allowed) const {
    if (k + 1 >= Count()) return false;
    std::string_view g = Gap(k);
    for (auto a : allowed)
      if (g == a) return true;
    return false;
  }
  bool SpaceGap(size_t k) const { return GapIs(k, {" "}); }
  // The lower-cased word before k, when only a space separates them.
  bool PrevIs(size_t k, std::initializer_list<std::string_view> words) const {
    if (k == 0 || !SpaceGap(k - 1)) return false;
    std::string_view p = W(k - 1);
    for (auto w : words)
      if (EqLower(p, w)) return true;
    return false;
  }

  void Emit(uint32_t b, uint32_t e, std::optional<Date> date, const char* granularity, const char* source) {
    DateMention m;
    m.begin = b;
    m.end = e;
    m.expression = std::string(s_.substr(b, e - b));
    m.date = date;
    m.granularity = granularity;
    m.source = date ? source : "unknown";
    out_->push_back(std::move(m));
  }

  std::optional<Date> Rel(int days) const {
    if (!pub_) return std::nullopt;
    return Date::FromDays(pub_->Days() + days);
  }

  // Tries every pattern at word k; returns the end offset of a match, 0 if none.
  size_t Match(size_t k) {
    std::string_view w = W(k);
    const Word& wk = (*w_)[k];
    const char c0 = w[0];

    if (IsDigit(c0)) {
      int y;
      // 2024-11-28
      if (IsYear(w, &y) && wk.e + 6 <= s_.size() && s_[wk.e] == '-' && IsDigit(s_[wk.e + 1]) &&
          IsDigit(s_[wk.e + 2]) && s_[wk.e + 3] == '-' && IsDigit(s_[wk.e + 4]) && IsDigit(s_[wk.e + 5]) &&
          (wk.e + 6 == s_.size() || !IsAlnum(s_[wk.e + 6]))) {
        auto d = Date::Parse(s_.substr(wk.b, 10));
        if (!d) return 0;
        Emit(wk.b, wk.e + 6, d, "day", "explicit");
        return wk.e + 6;
      }
      // 28 November [2024]
      int day = NumberOf(w);
      bool abbr;
      if (day >= 1 && day <= 31 && k + 1 < Count() && SpaceGap(k)) {
        size_t mk = k + 1;
        // "28th of November"
        if (EqLower(W(mk), "of") && mk + 1 < Count() && SpaceGap(mk) && !IsDigit(w.back())) ++mk;
        if (int m = MonthOf(W(mk), &abbr)) {
          uint32_t e = (*w_)[mk].e;
          if (abbr && e < s_.size() && s_[e] == '.') ++e;
          return DayMonth(k, (*w_)[k].b, m, day, mk, e);
        }
      }
      // in 2020, back in 2020, since 2020
      if (IsYear(w, &y) && PrevIs(k, {"in", "since", "by", "from", "until", "till", "during", "of",
                                        "before", "after", "around", "early", "late", "mid", "year",
                                        "through", "throughout"})) {
        uint32_t b = (*w_)[k - 1].b;
        if (k >= 2 && EqLower(W(k - 1), "in") && SpaceGap(k - 2) && EqLower(W(k - 2), "back")) b = (*w_)[k - 2].b;
        Emit(b, wk.e, Date{y, 1, 1}, "year", "explicit");
        return wk.e;
      }
      // two days ago
      if (size_t e = Ago(k)) return e;
      return 0;
    }

    if (IsUpper(c0)) {
      int wd = WeekdayOf(w);
      if (wd >= 0) return Weekday(k, wd);
      bool abbr;
      if (int m = MonthOf(w, &abbr)) {
        uint32_t b = wk.b;
        if (PrevIs(k, {"early", "late", "mid", "last", "next", "this"}) || (k > 0 && W(k - 1) == "mid" && GapIs(k - 1, {"-"})))
          b = (*w_)[k - 1].b;
        return Month(k, b, m, abbr);
      }
    }
    // Every remaining keyword starts with one of these letters (a, an, one ... twelve, earlier,
    // last, next, past, this, today, yesterday ...): most words stop here.
    const char first = Lower(c0);
    if (first < 'a' || first > 'z' || !((kKeywordInitials >> (first - 'a')) & 1)) return 0;
    if (w.size() <= 6 && k + 2 < Count())
      if (size_t e = Ago(k)) return e;

    switch (w.size()) {
      case 5:
        if (EqLower(w, "today")) return Simple(k, 0);
        break;
      case 7:
        if (EqLower(w, "tonight")) return Simple(k, 0);
        break;
      case 8:
        if (EqLower(w, "tomorrow")) return Simple(k, 1);
        break;
      case 9:
        if (EqLower(w, "yesterday")) return Simple(k, -1);
        break;
      default:
        break;
    }
    // last week, this month, earlier this year, next year
    if (EqLower(w, "last") || EqLower(w, "this") || EqLower(w, "next") || EqLower(w, "past")) {
      if (k + 1 < Count() && SpaceGap(k)) return Period(k, k + 1, Lower(c0));
    }
    if ((EqLower(w, "earlier") || EqLower(w, "later") || EqLower(w, "early") || EqLower(w, "late")) &&
        k + 2 < Count() && SpaceGap(k) && EqLower(W(k + 1), "this") && SpaceGap(k + 1)) {
      return Period(k, k + 2, 't');
    }
    return 0;
  }

  size_t Simple(size_t k, int delta) {
    const Word& wk = (*w_)[k];
    Emit(wk.b, wk.e, Rel(delta), "day", "relative-to-publication");
    return wk.e;
  }

  // "last|this|next|past" (kind 'l','t','n','p') + week|month|year at word u; starts at word k.
  size_t Period(size_t k, size_t u, char kind) {
    std::string_view unit = W(u);
    int offset = kind == 'l' ? -1 : kind == 'n' ? 1 : 0;
    if (kind == 'p') {
      if (!PrevIs(k, {"the"})) return 0;
      offset = -1;
    }
    uint32_t b = (*w_)[k].b, e = (*w_)[u].e;
    if (EqLower(unit, "week") || EqLower(unit, "weekend")) {
      std::optional<Date> d;
      if (pub_) d = Date::FromDays(Monday(*pub_).Days() + 7 * offset + (EqLower(unit, "weekend") ? 5 : 0));
      Emit(b, e, d, "week", "relative-to-publication");
      return e;
    }
    if (EqLower(unit, "month")) {
      std::optional<Date> d;
      if (pub_) d = FirstOfMonth(pub_->year, pub_->month + offset);
      Emit(b, e, d, "month", "relative-to-publication");
      return e;
    }
    if (EqLower(unit, "year")) {
      std::optional<Date> d;
      if (pub_) d = Date{pub_->year + offset, 1, 1};
      Emit(b, e, d, "year", "relative-to-publication");
      return e;
    }
    return 0;
  }

  // "two days ago", "a week ago", "three years ago" at word k.
  size_t Ago(size_t k) {
    if (k + 2 >= Count() || !SpaceGap(k) || !SpaceGap(k + 1) || !EqLower(W(k + 2), "ago")) return 0;
    int count = CountWord(W(k));
    if (count < 0) return 0;
    std::string_view unit = W(k + 1);
    uint32_t b = (*w_)[k].b, e = (*w_)[k + 2].e;
    std::optional<Date> d;
    const char* gran;
    if (EqLower(unit, "day") || EqLower(unit, "days")) {
      gran = "day";
      if (pub_) d = Rel(-count);
    } else if (EqLower(unit, "week") || EqLower(unit, "weeks")) {
      gran = "week";
      if (pub_) d = Date::FromDays(Monday(*pub_).Days() - 7 * count);
    } else if (EqLower(unit, "month") || EqLower(unit, "months")) {
      gran = "month";
      if (pub_) d = FirstOfMonth(pub_->year, pub_->month - count);
    } else if (EqLower(unit, "year") || EqLower(unit, "years")) {
      gran = "year";
      if (pub_) d = Date{pub_->year - count, 1, 1};
    } else {
      return 0;
    }
    Emit(b, e, d, gran, "relative-to-publication");
    return e;
  }

  // "on Thursday", "last Friday", and "Thursday, November 28" (the date decides).
  size_t Weekday(size_t k, int wd) {
    uint32_t b = (*w_)[k].b;
    char mod = 0;
    if (PrevIs(k, {"on", "since", "until", "by", "from"})) {
      b = (*w_)[k - 1].b;
    } else if (PrevIs(k, {"last", "next", "this"})) {
      b = (*w_)[k - 1].b;
      mod = Lower(W(k - 1)[0]);
    }
    bool abbr;
    if (k + 2 < Count() && GapIs(k, {", ", " "})) {
      if (int m = MonthOf(W(k + 1), &abbr)) {
        int day = NumberOf(W(k + 2));
        if (day >= 1 && day <= 31 && (GapIs(k + 1, {" ", ". "}))) return Month(k + 1, b, m, abbr);
      }
    }
    uint32_t e = (*w_)[k].e;
    std::optional<Date> d;
    if (pub_) {
      int back = (pub_->Weekday() - wd + 7) % 7;
      int delta = -back;
      if (mod == 'l' && back == 0) delta = -7;
      if (mod == 'n') delta = (wd - pub_->Weekday() + 7) % 7 == 0 ? 7 : (wd - pub_->Weekday() + 7) % 7;
      d = Rel(delta);
    }
    Emit(b, e, d, "day", "relative-to-publication");
    return e;
  }

  // A month name at word k; the expression starts at b.
  size_t Month(size_t k, uint32_t b, int m, bool abbr) {
    uint32_t e = (*w_)[k].e;
    size_t next = k + 1;
    bool dot = abbr && e < s_.size() && s_[e] == '.';
    bool gap_ok = next < Count() && (GapIs(k, {" "}) || (dot && GapIs(k, {". "})));
    if (gap_ok) {
      int day = NumberOf(W(next));
      int y;
      if (IsYear(W(next), &y)) {
        // November 2024
        e = (*w_)[next].e;
        Emit(b, e, Date{y, m, 1}, "month", "explicit");
        return e;
      }
      if (day >= 1 && day <= 31 && W(next).size() <= 4) {
        e = (*w_)[next].e;
        if (next + 1 < Count() && GapIs(next, {", ", " "}) && IsYear(W(next + 1), &y)) {
          e = (*w_)[next + 1].e;
          Emit(b, e, ValidDay(y, m, day) ? std::optional<Date>(Date{y, m, day}) : std::nullopt, "day",
               "explicit");
          return e;
        }
        std::optional<Date> d = pub_ ? NearestYear(m, day, *pub_) : std::nullopt;
        Emit(b, e, d, "day", "publication-year");
        return e;
      }
    }
    if (abbr) return 0;
    // "in November", "last March", "early December": needs a word that makes it a time.
    if (k > 0 && (SpaceGap(k - 1) || (W(k - 1) == "mid" && GapIs(k - 1, {"-"})))) {
      std::string_view p = W(k - 1);
      bool time_word = false;
      for (auto x : {"in", "since", "until", "by", "from", "of", "during", "through", "early", "late",
                     "mid", "last", "next", "this", "before", "after"})
        if (EqLower(p, x)) time_word = true;
      if (time_word) {
        std::optional<Date> d;
        if (pub_) {
          if (EqLower(p, "last")) {
            d = Date{m < pub_->month ? pub_->year : pub_->year - 1, m, 1};
          } else if (EqLower(p, "next")) {
            d = Date{m > pub_->month ? pub_->year : pub_->year + 1, m, 1};
          } else if (EqLower(p, "this")) {
            d = Date{pub_->year, m, 1};
          } else {
            d = NearestMonth(m, *pub_);
          }
        }
        Emit(b, e, d, "month", "publication-year");
        return e;
      }
    }
    return 0;
  }

  // "28 November", "28 November 2024", starting at word k (the day).
  size_t DayMonth(size_t k, uint32_t b, int m, int day, size_t mk, uint32_t e) {
    int y;
    if (mk + 1 < Count() && (GapIs(mk, {" ", ", "}) || GapIs(mk, {". "})) && IsYear(W(mk + 1), &y)) {
      e = (*w_)[mk + 1].e;
      Emit(b, e, ValidDay(y, m, day) ? std::optional<Date>(Date{y, m, day}) : std::nullopt, "day", "explicit");
      return e;
    }
    std::optional<Date> d = pub_ ? NearestYear(m, day, *pub_) : std::nullopt;
    Emit(b, e, d, "day", "publication-year");
    return e;
  }

  std::string_view s_;
  std::optional<Date> pub_;
  std::vector<DateMention>* out_;
  const std::vector<Word>* w_ = nullptr;
};

}  // namespace

std::vector<DateMention> FindDates(std::string_view sentence, std::optional<Date> published) {
  std::vector<DateMention> out;
  Scanner(sentence, published, &out).Run();
  return out;
}

}  // namespace communique::text
