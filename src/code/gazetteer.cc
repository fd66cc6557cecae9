// Reads data/gazetteer/places.tsv into hash maps keyed by normalized token sequences (the same
// normalization as Tokenize, so a sentence's tokens look names up directly) and finds the place
// an event happened from prepositional, capital and dateline cues.
#include "code/gazetteer.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace communique::code {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? p : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

bool ParseDouble(std::string_view s, double* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return !s.empty() && ec == std::errc() && p == s.data() + s.size();
}

bool ParseUint(std::string_view s, uint64_t* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return !s.empty() && ec == std::errc() && p == s.data() + s.size();
}

// The lookup key of a name: its tokens' normalized forms joined by single spaces. Most names are
// ASCII words separated by single spaces or inner hyphens, which Tokenize splits only at the
// spaces and lower-cases: those take a fast path (the load reads ~54,000 names).
std::string NameKey(std::string_view name) {
  bool simple = !name.empty();
  for (size_t i = 0; i < name.size() && simple; ++i) {
    char c = name[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool inner = i > 0 && i + 1 < name.size() && std::isalpha(static_cast<unsigned char>(name[i - 1])) &&
                 std::isalpha(static_cast<unsigned char>(name[i + 1]));
    simple = letter || ((c == ' ' || c == '-') && inner);
  }
  if (simple) {
    std::string key(name);
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return key;
  }
  std::string key;
  for (const Token& t : Tokenize(name)) {
    if (!key.empty()) key += ' ';
    key += t.norm;
  }
  return key;
}

std::string TokensKey(const std::vector<Token>& tokens, size_t first, size_t last) {
  std::string key;
  for (size_t i = first; i < last; ++i) {
    if (i > first) key += ' ';
    key += tokens[i].norm;
  }
  return key;
}

std::string_view TokenText(std::string_view sentence, const Token& t) {
  if (t.end > sentence.size() || t.begin > t.end) return {};
  return sentence.substr(t.begin, t.end - t.begin);
}

// Proper nouns start with a capital (non-ASCII letters are given the benefit of the doubt).
bool IsCapitalized(std::string_view sentence, const Token& t) {
  std::string_view w = TokenText(sentence, t);
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool IsAllCaps(std::string_view w) {
  bool letter = false;
  for (unsigned char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

// Dates are not places, though GeoNames has a town called March.
bool IsCalendarWord(std::string_view norm) {
  static constexpr std::string_view kWords[] = {
      "january", "february", "march",    "april",   "may",      "june",   "july",
      "august",  "september", "october", "november", "december", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday",  "jan",    "feb",
      "mar",     "apr",       "jun",     "jul",     "aug",      "sep",    "sept",
      "oct",     "nov",       "dec"};
  for (auto w : kWords)
    if (norm == w) return true;
  return false;
}

bool IsLocativePreposition(std::string_view norm) {
  return norm == "in" || norm == "at" || norm == "near" || norm == "outside" || norm == "inside";
}

bool IsDatelineEnd(std::string_view norm) {
  return norm == "," || norm == ":" || norm == "-" || norm == "--" || norm == "(" || norm == "\xE2\x80\x94" ||
         norm == "\xE2\x80\x93";
}

int KindRank(Place::Kind k) {
  switch (k) {
    case Place::Kind::kCountry: return 2;
    case Place::Kind::kCapital: return 1;
    case Place::Kind::kCity: return 0;
  }
  return 0;
}

}  // namespace

bool Gazetteer::Better(const Place& a, bool a_alt, const Place& b, bool b_alt) {
  if (KindRank(a.kind) != KindRank(b.kind)) return KindRank(a.kind) > KindRank(b.kind);
  if (a.kind != Place::Kind::kCity) {
    if (a_alt != b_alt) return !a_alt;
    return a.population > b.population;
  }
  // Between cities, a place's own name counts five times its other names: "Geneva" is the Swiss
  // city (named "Geneve" by GeoNames) rather than Geneva, Illinois, but "Independence" is the
  // Missouri city rather than an old name of Pueblo.
  double sa = static_cast<double>(a.population) * (a_alt ? 0.2 : 1.0);
  double sb = static_cast<double>(b.population) * (b_alt ? 0.2 : 1.0);
  return sa > sb;
}

void Gazetteer::AddName(std::string_view name, uint32_t place, bool alternate) {
  std::string key = NameKey(name);
  if (key.empty()) return;
  size_t n_tokens = 1 + std::count(key.begin(), key.end(), ' ');
  if (n_tokens > max_name_tokens_) max_name_tokens_ = n_tokens;
  dict::WordTable::Entry& first = first_words_.Insert(std::string_view(key).substr(0, key.find(' ')));
  if (first.id == dict::WordTable::kNoId || first.id < n_tokens) first.id = static_cast<uint32_t>(n_tokens);
  NameEntry entry{place, alternate, IsAllCaps(name)};
  auto [it, inserted] = names_.try_emplace(std::move(key), entry);
  if (!inserted && Better(places_[place], alternate, places_[it->second.place], it->second.alternate))
    it->second = entry;
}

Gazetteer Gazetteer::Load(const std::string& path, const ErrorSink& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the gazetteer");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string data = buffer.str();

  Gazetteer g;
  g.places_.reserve(data.size() / 60);
  g.names_.reserve(data.size() / 12);
  uint64_t line_no = 0;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    std::string_view line(data.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto report = [&](const std::string& message) {
      if (errors) errors(InputError{path, line_no, 0, message});
    };
    auto f = Split(line, '\t');
    if (f.size() != 9) {
      report("expected 9 tab-separated columns, found " + std::to_string(f.size()));
      continue;
    }
    Place p;
    if (f[0] == "country") p.kind = Place::Kind::kCountry;
    else if (f[0] == "capital") p.kind = Place::Kind::kCapital;
    else if (f[0] == "city") p.kind = Place::Kind::kCity;
    else {
      report("unknown place kind '" + std::string(f[0]) + "' (country, capital or city)");
      continue;
    }
    if (f[1].empty()) {
      report("empty place name");
      continue;
    }
    p.name = std::string(f[1]);
    if (f[2].size() != 3) {
      report("bad country code '" + std::string(f[2]) + "' for " + p.name + " (ISO alpha-3)");
      continue;
    }
    p.country = std::string(f[2]);
    if (!ParseDouble(f[3], &p.lat) || !ParseDouble(f[4], &p.lon) || p.lat < -90 || p.lat > 90 ||
        p.lon < -180 || p.lon > 180) {
      report("bad coordinates '" + std::string(f[3]) + "', '" + std::string(f[4]) + "' for " +
             p.name);
      continue;
    }
    if (!ParseUint(f[5], &p.population)) {
      report("bad population '" + std::string(f[5]) + "' for " + p.name);
      continue;
    }
    uint32_t index = static_cast<uint32_t>(g.places_.size());
    g.places_.push_back(std::move(p));
    const Place& place = g.places_.back();
    g.AddName(place.name, index, false);
    if (!f[7].empty())
      for (auto alt : Split(f[7], '|'))
        if (!alt.empty()) g.AddName(alt, index, true);
    if (place.kind == Place::Kind::kCountry) {
      g.countries_.emplace(place.country, index);
      if (!f[8].empty())
        for (auto adj : Split(f[8], '|'))
          if (!adj.empty()) g.adjectives_.emplace(NameKey(adj), index);
    } else if (place.kind == Place::Kind::kCapital) {
      auto [it, inserted] = g.capitals_.try_emplace(place.country, index);
      if (!inserted && place.population > g.places_[it->second].population) it->second = index;
    }
  }
  return g;
}

Gazetteer Gazetteer::LoadDefault(const std::string& data_dir, const ErrorSink& errors) {
  return Load(data_dir + "/gazetteer/places.tsv", errors);
}

const Place* Gazetteer::Lookup(std::string_view name) const {
  auto it = names_.find(NameKey(name));
  return it == names_.end() ? nullptr : &places_[it->second.place];
}

std::optional<PlaceMatch> Gazetteer::MatchAt(const std::vector<Token>& tokens, size_t first) const {
  if (first >= tokens.size()) return std::nullopt;
  // The entry's id holds the most tokens a name starting with this word has.
  const dict::WordTable::Entry* starts = first_words_.Find(tokens[first].norm);
  if (!starts) return std::nullopt;
  size_t longest = std::min<size_t>(starts->id, tokens.size() - first);
  for (size_t len = longest; len >= 1; --len) {
    auto it = names_.find(TokensKey(tokens, first, first + len));
    if (it != names_.end())
      return PlaceMatch{&places_[it->second.place], static_cast<uint32_t>(first),
                        static_cast<uint32_t>(first + len), it->second.alternate,
                        it->second.acronym};
  }
  return std::nullopt;
}

const Place* Gazetteer::Country(std::string_view iso3) const {
  auto it = countries_.find(std::string(iso3));
  return it == countries_.end() ? nullptr : &places_[it->second];
}

const Place* Gazetteer::CountryByAdjective(std::string_view adjective) const {
  auto it = adjectives_.find(NameKey(adjective));
  return it == adjectives_.end() ? nullptr : &places_[it->second];
}

const Place* Gazetteer::CapitalOf(std::string_view iso3) const {
  auto it = capitals_.find(std::string(iso3));
  return it == capitals_.end() ? nullptr : &places_[it->second];
}

namespace {

// A proper place name written in the sentence: capitalized at both ends, not a calendar word,
// and not the head of a longer name ("Central Asia", "Moscow State University").
bool IsProperPlaceMention(std::string_view sentence, const std::vector<Token>& tokens,
                          const PlaceMatch& m) {
  if (!IsCapitalized(sentence, tokens[m.first_token]) ||
      !IsCapitalized(sentence, tokens[m.last_token - 1]))
    return false;
  if (m.last_token - m.first_token == 1 && IsCalendarWord(tokens[m.first_token].norm)) return false;
  // An acronym alias ("US", "UK") only matches when written in capitals: "us" is a pronoun.
  if (m.acronym) {
    for (uint32_t i = m.first_token; i < m.last_token; ++i)
      if (!IsAllCaps(TokenText(sentence, tokens[i])) && tokens[i].norm != ".") return false;
  }
  if (m.last_token < tokens.size()) {
    const Token& next = tokens[m.last_token];
    if (IsCapitalized(sentence, next) && !IsCalendarWord(next.norm) &&
        std::isalpha(static_cast<unsigned char>(TokenText(sentence, next)[0])))
      return false;
  }
  return true;
}

}  // namespace

// "the capital of [the] COUNTRY", "COUNTRY 's capital [,] [CITY]", "the ADJ capital [,] [CITY]",
// "the capital [,] CITY" starting at token j.
std::optional<EventLocation> Gazetteer::CapitalPhrase(std::string_view sentence,
                                                      const std::vector<Token>& tokens,
                                                      size_t j) const {
  const size_t n = tokens.size();
  const Place* country = nullptr;
  size_t after = 0;  // token after "capital"
  std::string why;
  size_t k = j;
  bool the = k < n && tokens[k].norm == "the";
  if (the) ++k;
  if (k < n && tokens[k].norm == "capital") {
    if (!the) return std::nullopt;
    size_t c = k + 1;
    if (c < n && tokens[c].norm == "of") {
      size_t d = c + 1;
      if (d < n && tokens[d].norm == "the") ++d;
      auto m = MatchAt(tokens, d);
      if (!m || m->place->kind != Place::Kind::kCountry ||
          !IsCapitalized(sentence, tokens[m->first_token]))
        return std::nullopt;
      const Place* cap = CapitalOf(m->place->country);
      if (!cap) return std::nullopt;
      return EventLocation{cap->ToLocation(), static_cast<uint32_t>(j), m->last_token,
                           "the capital of " + m->place->country};
    }
    after = c;  // "the capital, Astana"
    why = "the capital";
  } else if (the && k < n && IsCapitalized(sentence, tokens[k])) {
    // "the Kazakh capital"
    if (k + 1 >= n || tokens[k + 1].norm != "capital") return std::nullopt;
    country = CountryByAdjective(tokens[k].norm);
    if (!country) return std::nullopt;
    after = k + 2;
    why = "the " + std::string(TokenText(sentence, tokens[k])) + " capital";
  } else if (!the) {
    // "Kazakhstan's capital"
    auto m = MatchAt(tokens, j);
    if (!m || m->place->kind != Place::Kind::kCountry ||
        !IsCapitalized(sentence, tokens[m->first_token]))
      return std::nullopt;
    size_t s = m->last_token;
    if (s + 1 >= n || tokens[s].norm != "'s" || tokens[s + 1].norm != "capital") return std::nullopt;
    country = m->place;
    after = s + 2;
    why = m->place->name + "'s capital";
  } else {
    return std::nullopt;
  }
  // An apposition names the city: "Kazakhstan's capital, Astana".
  size_t c = after;
  if (c < n && tokens[c].norm == ",") ++c;
  if (auto m = MatchAt(tokens, c); m && m->place->kind != Place::Kind::kCountry &&
                                   IsProperPlaceMention(sentence, tokens, *m) &&
                                   (!country || m->place->country == country->country)) {
    return EventLocation{m->place->ToLocation(), static_cast<uint32_t>(j), m->last_token,
                         why + " " + m->place->name};
  }
  if (!country) return std::nullopt;  // "the capital" alone: which one is for the document to say
  const Place* cap = CapitalOf(country->country);
  if (!cap) return std::nullopt;
  return EventLocation{cap->ToLocation(), static_cast<uint32_t>(j), static_cast<uint32_t>(after),
                       why};
}

// A place phrase right after a locative preposition: a capital phrase, a place name, or "the"
// + country ("in the United States"; a city after "the" is a modifier: "the Astana talks").
std::optional<EventLocation> Gazetteer::PlaceAfter(std::string_view sentence,
                                                   const std::vector<Token>& tokens,
                                                   size_t j, bool has_capital) const {
  if (has_capital)
    if (auto cap = CapitalPhrase(sentence, tokens, j)) return cap;
  auto m = MatchAt(tokens, j);
  if (!m && j < tokens.size() && tokens[j].norm == "the") {
    m = MatchAt(tokens, j + 1);
    if (m && m->place->kind != Place::Kind::kCountry) m.reset();
  }
  if (!m || !IsProperPlaceMention(sentence, tokens, *m)) return std::nullopt;
  // "in Armenia's decision": the place modifies a noun; not where anything happened.
  if (m->last_token < tokens.size() && tokens[m->last_token].norm == "'s") return std::nullopt;
  uint32_t end = m->last_token;
  // "in Astana, Kazakhstan": the country confirms the city.
  if (end + 1 < tokens.size() && tokens[end].norm == "," && m->place->kind != Place::Kind::kCountry) {
    if (auto c = MatchAt(tokens, end + 1); c && c->place->kind == Place::Kind::kCountry &&
                                           c->place->country == m->place->country)
      end = c->last_token;
  }
  return EventLocation{m->place->ToLocation(), static_cast<uint32_t>(j), end,
                       m->place->kind == Place::Kind::kCountry ? "country" : "city"};
}

std::optional<EventLocation> Gazetteer::FindEventLocation(std::string_view sentence,
                                                          const std::vector<Token>& tokens) const {
  // Priority: 3 a city or capital named by a cue, 2 a dateline, 1 a country after a preposition.
  std::optional<EventLocation> best;
  int best_priority = 0;
  auto offer = [&](EventLocation loc, int priority, const std::string& cue) {
    if (priority <= best_priority) return;
    loc.why = cue + loc.why;
    best = std::move(loc);
    best_priority = priority;
  };
  auto priority_of = [&](const EventLocation& loc) {
    const Place* p = Country(loc.location.country);
    bool is_country = p && p->name == loc.location.name && p->lat == loc.location.lat &&
                      p->lon == loc.location.lon;
    return is_country ? 1 : 3;
  };

  // Dateline: "ASTANA, Nov 28 (Reuters) -".
  if (!tokens.empty() && IsAllCaps(TokenText(sentence, tokens[0]))) {
    if (auto m = MatchAt(tokens, 0); m && m->last_token < tokens.size() &&
                                     IsDatelineEnd(tokens[m->last_token].norm)) {
      bool caps = true;
      for (uint32_t i = m->first_token; i < m->last_token; ++i)
        caps = caps && (IsAllCaps(TokenText(sentence, tokens[i])) ||
                        !std::isalpha(static_cast<unsigned char>(TokenText(sentence, tokens[i])[0])));
      if (caps && m->place->kind != Place::Kind::kCountry)
        offer(EventLocation{m->place->ToLocation(), m->first_token, m->last_token, ""}, 2,
              "dateline ");
    }
  }

  bool has_capital = false;
  for (const Token& t : tokens) has_capital = has_capital || t.norm == "capital";

  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& norm = tokens[i].norm;
    if (IsLocativePreposition(norm) && i + 1 < tokens.size()) {
      if (auto loc = PlaceAfter(sentence, tokens, i + 1, has_capital)) {
        loc->first_token = static_cast<uint32_t>(i);
        int pr = priority_of(*loc);
        offer(std::move(*loc), pr, "preposition '" + norm + "' + ");
        if (best_priority == 3) break;  // the first city-level cue wins
        continue;
      }
    }
    if (has_capital && (norm == "the" || IsCapitalized(sentence, tokens[i]))) {
      if (auto loc = CapitalPhrase(sentence, tokens, i)) {
        offer(std::move(*loc), 3, "");
        break;
      }
    }
  }
  return best;
}

}  // namespace communique::code
