// VerbPatternSet: reads PETRARCH2 / TABARI verb dictionaries and compiles synsets, verb forms and
// patterns into word ids. Input: dictionary text; output: the immutable pattern set.
#include "code/verb_patterns.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace communique::code {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set)
    if (w == s) return true;
  return false;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool EndsWith(std::string_view s, std::string_view x) {
  return s.size() >= x.size() && s.substr(s.size() - x.size()) == x;
}

// Consonant-vowel-consonant ending of a short word: "stop" -> "stopped" doubles.
bool DoublesFinal(const std::string& w) {
  size_t n = w.size();
  if (n < 3) return false;
  char a = w[n - 3], b = w[n - 2], c = w[n - 1];
  return !IsVowel(a) && IsVowel(b) && !IsVowel(c) && c != 'w' && c != 'x' && c != 'y';
}

// Regular inflections of a lower-case verb: base, -s, -ed, -ing (with doubling variants).
std::vector<std::string> VerbForms(const std::string& v) {
  std::vector<std::string> out{v};
  if (v.empty()) return out;
  size_t n = v.size();
  bool cons_y = n >= 2 && v[n - 1] == 'y' && !IsVowel(v[n - 2]);
  if (EndsWith(v, "s") || EndsWith(v, "x") || EndsWith(v, "z") || EndsWith(v, "ch") ||
      EndsWith(v, "sh") || EndsWith(v, "o"))
    out.push_back(v + "es");
  else if (cons_y)
    out.push_back(v.substr(0, n - 1) + "ies");
  else
    out.push_back(v + "s");
  if (EndsWith(v, "e")) out.push_back(v + "d");
  else if (cons_y) out.push_back(v.substr(0, n - 1) + "ied");
  else out.push_back(v + "ed");
  if (EndsWith(v, "ie")) out.push_back(v.substr(0, n - 2) + "ying");
  else if (EndsWith(v, "e") && !EndsWith(v, "ee") && !EndsWith(v, "ye") && !EndsWith(v, "oe") && n > 2)
    out.push_back(v.substr(0, n - 1) + "ing");
  else out.push_back(v + "ing");
  if (DoublesFinal(v)) {
    out.push_back(v + v.back() + "ed");
    out.push_back(v + v.back() + "ing");
  }
  return out;
}

// Singular and plural of a noun (both directions: patterns list either).
std::vector<std::string> NounForms(const std::string& w) {
  std::vector<std::string> out{w};
  size_t n = w.size();
  if (n < 3 || !std::isalpha(static_cast<unsigned char>(w.back()))) return out;
  if (EndsWith(w, "ies")) out.push_back(w.substr(0, n - 3) + "y");
  else if (EndsWith(w, "ses") || EndsWith(w, "xes") || EndsWith(w, "ches") || EndsWith(w, "shes"))
    out.push_back(w.substr(0, n - 2));
  else if (EndsWith(w, "s") && !EndsWith(w, "ss")) out.push_back(w.substr(0, n - 1));
  else if (w.back() == 'y' && !IsVowel(w[n - 2])) out.push_back(w.substr(0, n - 1) + "ies");
  else if (EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "ch") || EndsWith(w, "sh"))
    out.push_back(w + "es");
  else out.push_back(w + "s");
  return out;
}

// Words of a dictionary phrase, tokenized like sentences so that "DIDN'T" -> "did" "n't".
std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::string text(phrase);
  for (char& c : text)
    if (c == '_' || c == '~') c = ' ';
  // PETRARCH writes contractions split as the Penn Treebank does ("DID N'T"): rejoin them so the
  // tokenizer splits them as it does in sentences.
  for (size_t k = 1; k + 3 <= text.size(); ++k)
    if (text[k - 1] == ' ' && (text[k] == 'N' || text[k] == 'n') && text[k + 1] == '\'' &&
        (text[k + 2] == 'T' || text[k + 2] == 't') && (k + 3 == text.size() || text[k + 3] == ' '))
      text.erase(k - 1, 1);
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(t.norm);
  return out;
}

bool ParseCode(std::string_view inside, std::string* code, std::string* paired) {
  std::string s = Trim(inside);
  // A trailing '!' (CAMEO.2.0) or '?' (TABARI: a code to review) carries no meaning for coding.
  if (!s.empty() && (s.back() == '!' || s.back() == '?')) s.pop_back();
  size_t colon = s.find(':');
  *code = Trim(s.substr(0, colon));
  *paired = colon == std::string::npos ? "" : Trim(s.substr(colon + 1));
  auto ok = [](const std::string& c) {
    if (c.empty()) return false;
    if (c == "---" || c == "###" || c == "+++") return true;
    for (char ch : c)
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '+' && ch != '-') return false;
    return true;
  };
  // "[:110]": only the reversed event (the subject is the one acted upon).
  if (code->empty() && !paired->empty()) *code = "---";
  return ok(*code) && (paired->empty() || ok(*paired));
}

}  // namespace

class VerbPatternSet::Builder {
 public:
  Builder(VerbPatternSet& set, const ErrorSink& errors) : set_(set), errors_(errors) {}

  void Read(std::string_view text, const std::string& name) {
    file_ = name;
    petrarch_ = text.find("\n---") != std::string_view::npos || text.rfind("---", 0) == 0;
    current_block_ = -1;
    std::string section;
    bool in_xml_comment = false;
    size_t pos = 0;
    line_ = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string raw(text.substr(pos, nl - pos));
      pos = nl + 1;
      ++line_;
      if (in_xml_comment) {
        size_t end = raw.find("-->");
        if (end == std::string::npos) continue;
        raw = raw.substr(end + 3);
        in_xml_comment = false;
      }
      if (size_t c = raw.find("<!--"); c != std::string::npos) {
        size_t end = raw.find("-->", c);
        if (end == std::string::npos) {
          in_xml_comment = true;
          raw = raw.substr(0, c);
        } else {
          raw = raw.substr(0, c) + raw.substr(end + 3);
        }
      }
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      std::string line = StripComment(raw);
      std::string t = Trim(line);
      if (t.empty()) continue;
      if (t[0] == '<') {  // TABARI sections: <SYNSETS>, <TIME>, ...
        section = Lower(t);
        continue;
      }
      if (section == "<time>") continue;  // time-shift phrases are not verbs
      if (t[0] == '&') {
        StartSynset(t);
      } else if (t[0] == '+' && current_synset_ >= 0 && !in_verbs_) {
        AddSynsetMember(t.substr(1));
      } else if (t.rfind("---", 0) == 0) {
        StartBlock(t);
      } else if (t[0] == '~') {
        continue;  // TRANSFORMATIONS: reported-speech rewrites, handled by the coder's clause rules
      } else if (t[0] == '-') {
        AddPattern(t);
      } else if (t[0] == '{' && !last_verb_.empty()) {
        continuing_ = true;  // TABARI: the forms on the line after the verb
        AddVerb(last_verb_ + " " + t);
        continuing_ = false;
      } else {
        AddVerb(t);
      }
    }
    ResolvePending();
  }

  void Finish() {
    for (VerbBlock& b : set_.blocks_) {
      std::stable_sort(b.patterns.begin(), b.patterns.end(),
                       [](const VerbPattern& a, const VerbPattern& c) {
                         return a.specificity > c.specificity;
                       });
      b.prefilter.clear();
      b.prefilter_begin.assign(1, 0);
      for (const VerbPattern& p : b.patterns) {
        for (const auto& set : p.required) {
          b.prefilter.push_back(static_cast<uint32_t>(set.size()));
          b.prefilter.insert(b.prefilter.end(), set.begin(), set.end());
        }
        b.prefilter_begin.push_back(static_cast<uint32_t>(b.prefilter.size()));
      }
    }
  }

 private:
  void MarkStem(uint32_t id) {
    if (set_.stem_.size() <= id) set_.stem_.resize(id + 1);
    set_.stem_[id] = 1;
    set_.has_stems_ = true;
  }

  void Error(const std::string& message) {
    if (errors_) errors_(InputError{file_, line_, 0, message});
  }

  // '#' starts a comment; in TABARI files ';' does too (but not inside [..] codes).
  std::string StripComment(const std::string& s) {
    // TABARI uses ';' for comments and '#' inside codes ("[###]" discards).
    size_t cut = petrarch_ ? s.find('#') : s.find(';');
    return cut == std::string::npos ? s : s.substr(0, cut);
  }

  void StartSynset(const std::string& t) {
    std::string name = Trim(t.substr(0, t.find_first_of(" \t")));
    bool no_plural = name.size() > 1 && name.back() == '_';
    if (no_plural) name.pop_back();
    current_synset_ = static_cast<int>(synsets_.size());
    synsets_.push_back({name, no_plural, {}});
    synset_index_[name] = current_synset_;
    in_verbs_ = false;
  }

  void AddSynsetMember(const std::string& member) {
    Synset& s = synsets_[current_synset_];
    std::string m = Trim(member);
    bool no_plural = s.no_plural || (!m.empty() && m.back() == '_');
    // A member may name another synset ("&TIETYPES_MEMOS"): expand it in place.
    std::vector<std::vector<std::string>> expansions{{}};
    std::string text = m;
    for (char& c : text)
      if (c == '_') c = ' ';
    std::istringstream words(text);
    std::string w, plain;
    // Plain words are tokenized together, as sentences are: "DID N'T" -> "did" "n't".
    auto flush = [&] {
      if (plain.empty()) return;
      auto pw = PhraseWords(plain);
      for (auto& e : expansions) e.insert(e.end(), pw.begin(), pw.end());
      plain.clear();
    };
    while (words >> w) {
      if (w[0] != '&') {
        plain += plain.empty() ? w : " " + w;
        continue;
      }
      flush();
      {
        auto it = synset_index_.find(w);
        if (it == synset_index_.end()) {
          Error("synset member refers to undefined synset " + w);
          return;
        }
        std::vector<std::vector<std::string>> next;
        for (auto& prefix : expansions)
          for (auto& phrase : synsets_[it->second].phrases) {
            auto p = prefix;
            p.insert(p.end(), phrase.begin(), phrase.end());
            next.push_back(std::move(p));
          }
        expansions = std::move(next);
      }
    }
    flush();
    for (auto& e : expansions) {
      if (e.empty()) continue;
      s.phrases.push_back(e);
      if (!no_plural) {
        auto forms = NounForms(e.back());
        for (size_t i = 1; i < forms.size(); ++i) {
          auto p = e;
          p.back() = forms[i];
          s.phrases.push_back(std::move(p));
        }
      }
    }
  }

  void StartBlock(const std::string& t) {
    in_verbs_ = true;
    current_synset_ = -1;
    std::string inner = Trim(std::string_view(t).substr(3));
    if (EndsWith(inner, "---")) inner = Trim(std::string_view(inner).substr(0, inner.size() - 3));
    VerbBlock b;
    size_t open = inner.find('[');
    b.name = Trim(inner.substr(0, open));
    b.code = "---";
    if (open != std::string::npos) {
      size_t close = inner.find(']', open);
      if (close == std::string::npos ||
          !ParseCode(std::string_view(inner).substr(open + 1, close - open - 1), &b.code,
                     &b.paired_code)) {
        Error("malformed verb block header: " + t);
        b.code = "---";
      }
    }
    if (b.name.empty()) {
      Error("verb block without a name: " + t);
      return;
    }
    current_block_ = static_cast<int>(set_.blocks_.size());
    set_.blocks_.push_back(std::move(b));
  }

  void AddVerb(const std::string& t) {
    in_verbs_ = true;
    current_synset_ = -1;
    std::string s = t;
    if (s[0] == '+') s = s.substr(1);
    std::string forms_text, code, paired;
    size_t brace = s.find('{');
    size_t bracket = s.find('[');
    std::string head = Trim(s.substr(0, std::min(brace, bracket)));
    if (brace != std::string::npos && (bracket == std::string::npos || brace < bracket)) {
      size_t close = s.find('}', brace);
      if (close == std::string::npos) {
        Error("unclosed { in verb line: " + t);
        return;
      }
      forms_text = s.substr(brace + 1, close - brace - 1);
    }
    if (bracket != std::string::npos) {
      size_t close = s.find(']', bracket);
      if (close == std::string::npos ||
          !ParseCode(std::string_view(s).substr(bracket + 1, close - bracket - 1), &code, &paired)) {
        Error("malformed code in verb line: " + t);
        return;
      }
    }
    if (head.empty() || !std::isalpha(static_cast<unsigned char>(head[0]))) {
      Error("not a verb, pattern, synset or block header: " + t);
      return;
    }
    bool continuation = !last_verb_.empty() && t.rfind(last_verb_ + " {", 0) == 0 && t.find('{') > 0 &&
                        t[last_verb_.size() + 1] == '{' && continuing_;
    if (!continuation) last_verb_ = head;
    if (!petrarch_ && !continuation) {  // TABARI: every verb line starts its own entry
      VerbBlock b;
      b.name = head;
      b.code = code.empty() ? "---" : code;
      b.paired_code = paired;
      current_block_ = static_cast<int>(set_.blocks_.size());
      set_.blocks_.push_back(std::move(b));
    }
    if (current_block_ < 0) {
      Error("verb outside a verb block: " + t);
      return;
    }
    auto words = PhraseWords(head);
    if (words.empty()) return;
    WordSeq particles;
    for (size_t i = 1; i < words.size(); ++i) particles.push_back(set_.Intern(words[i]));
    auto add = [&](const std::string& first, const WordSeq& parts) {
      VerbForm f;
      f.block = static_cast<uint32_t>(current_block_);
      f.lemma = head;
      f.code = code;
      f.paired_code = paired;
      f.particles = parts;
      uint32_t id = set_.Intern(first);
      auto& list = set_.forms_[id];
      for (const VerbForm& g : list)
        if (g.block == f.block && g.particles == f.particles) return;
      list.push_back(std::move(f));
      ++set_.form_count_;
    };
    for (const std::string& f : VerbForms(words[0])) add(f, particles);
    // TABARI: a verb written without a closing '_' is a stem ("RESTOR", "REFUS").
    if (!petrarch_ && !continuation && head.back() != '_' && words[0].size() >= 3)
      MarkStem(set_.Intern(words[0]));
    std::istringstream given(forms_text);
    std::string g;
    while (given >> g) {
      if (g[0] == '+') g = g.substr(1);
      auto gw = PhraseWords(g);
      if (gw.empty()) continue;
      WordSeq parts;
      for (size_t i = 1; i < gw.size(); ++i) parts.push_back(set_.Intern(gw[i]));
      add(gw[0], parts.empty() ? particles : parts);
    }
  }

  // Splits a pattern body into top-level items: words, {...} groups and (...) groups.
  // `joined`, when given, says for each item whether '_' ties it to the next ("NEW_&TIETYPES").
  bool SplitItems(const std::string& body, std::vector<std::string>* items,
                  std::vector<bool>* joined = nullptr) {
    size_t i = 0;
    while (i < body.size()) {
      char c = body[i];
      if (std::isspace(static_cast<unsigned char>(c)) || c == '_') {
        ++i;
        continue;
      }
      if (c == '{' || c == '(') {
        char close = c == '{' ? '}' : ')';
        size_t e = body.find(close, i);
        if (e == std::string::npos) return false;
        items->push_back(body.substr(i, e - i + 1));
        i = e + 1;
        continue;
      }
      if (c == '*') {  // the verb marker stands alone even when written "*WORD"
        items->push_back("*");
        ++i;
        if (joined) {
          joined->resize(items->size() - 1, false);
          joined->push_back(i < body.size() && body[i] == '_');
        }
        continue;
      }
      size_t e = i;
      while (e < body.size() && !std::isspace(static_cast<unsigned char>(body[e])) && body[e] != '*' &&
             body[e] != '{' && body[e] != '(' && body[e] != '_')
        ++e;
      // "IN_*", "SUGGESTED_+": '_' joins words in TABARI; a lone '*' or actor mark stays whole.
      items->push_back(body.substr(i, e - i));
      if (joined) {
        joined->resize(items->size() - 1, false);
        joined->push_back(e < body.size() && body[e] == '_');
      }
      i = e;
    }
    return true;
  }

  // Builds an element from a word, &SYNSET, {..} or actor mark; false when it cannot.
  bool MakeElement(const std::string& item, PatternElement* out, std::string* why) {
    if (item == "$") { out->kind = PatternElement::Kind::kSource; return true; }
    if (item == "+") { out->kind = PatternElement::Kind::kTarget; return true; }
    if (item == "%") { out->kind = PatternElement::Kind::kCompound; return true; }
    if (item == "^") { out->kind = PatternElement::Kind::kSkip; return true; }
    out->kind = PatternElement::Kind::kWords;
    if (item[0] == '(') {
      std::vector<std::string> inner;
      if (!SplitItems(item.substr(1, item.size() - 2), &inner) || inner.empty()) {
        *why = "empty or malformed prepositional phrase " + item;
        return false;
      }
      out->kind = PatternElement::Kind::kPrep;
      PatternElement prep;
      if (!MakeElement(inner[0], &prep, why)) return false;
      out->alternatives = std::move(prep.alternatives);
      for (size_t i = 1; i < inner.size(); ++i) {
        PatternElement child;
        if (!MakeElement(inner[i], &child, why)) return false;
        out->children.push_back(std::move(child));
      }
      return !out->alternatives.empty();
    }
    if (item[0] == '{') {
      std::string inner = item.substr(1, item.size() - 2);
      if (inner.find('|') != std::string::npos) {
        // TABARI: "{ SANCTIONS | BOYCOTT | EMBARGO }" is any one of the phrases. PETRARCH2 does
        // not read them and skips the pattern; so do we in its files.
        if (petrarch_) {
          *why = "disjunctive {a | b} sets are not supported (use a synset)";
          return false;
        }
        for (size_t b = 0; b <= inner.size();) {
          size_t bar = std::min(inner.find('|', b), inner.size());
          std::string option = Trim(std::string_view(inner).substr(b, bar - b));
          b = bar + 1;
          if (option.empty()) continue;
          PatternElement e;
          if (!MakeElement(option.find_first_of(" _") == std::string::npos ? option : "{" + option + "}", &e, why))
            return false;
          if (e.kind != PatternElement::Kind::kWords) {
            *why = "only words and synsets may appear inside {a | b}";
            return false;
          }
          for (auto& alt : e.alternatives) out->alternatives.push_back(std::move(alt));
        }
        return !out->alternatives.empty();
      }
      std::vector<std::string> parts;
      if (!SplitItems(inner, &parts) || parts.empty()) {
        *why = "empty noun phrase {}";
        return false;
      }
      std::vector<WordSeq> alts{{}};
      for (size_t i = 0; i < parts.size(); ++i) {
        PatternElement e;
        if (!MakeElement(parts[i], &e, why)) return false;
        if (e.kind != PatternElement::Kind::kWords) {
          *why = "only words and synsets may appear inside {}";
          return false;
        }
        std::vector<WordSeq> next;
        for (auto& a : alts)
          for (auto& b : e.alternatives) {
            // Inside a noun phrase only the last word takes a plural.
            if (i + 1 < parts.size() && parts[i][0] != '&' && &b != &e.alternatives[0]) continue;
            WordSeq s = a;
            s.insert(s.end(), b.begin(), b.end());
            next.push_back(std::move(s));
            if (next.size() > 4096) break;
          }
        alts = std::move(next);
      }
      out->alternatives = std::move(alts);
      return true;
    }
    if (item[0] == '&') {
      std::string name = item;
      if (name.size() > 1 && name.back() == '_') name.pop_back();
      auto it = synset_index_.find(name);
      if (it == synset_index_.end()) {
        *why = "undefined synset " + item;
        return false;
      }
      for (auto& phrase : synsets_[it->second].phrases) {
        WordSeq s;
        for (auto& w : phrase) s.push_back(set_.Intern(w));
        out->alternatives.push_back(std::move(s));
      }
      return !out->alternatives.empty();
    }
    bool no_plural = item.back() == '_';
    auto words = PhraseWords(item);
    if (words.empty()) {
      *why = "no word in " + item;
      return false;
    }
    if (words.size() > 1 || no_plural) {
      WordSeq s;
      for (auto& w : words) s.push_back(set_.Intern(w));
      out->alternatives.push_back(std::move(s));
    } else {
      for (auto& f : NounForms(words[0])) out->alternatives.push_back({set_.Intern(f)});
    }
    return true;
  }

  static int Specificity(const std::vector<PatternElement>& elements) {
    int n = 0;
    for (auto& e : elements) {
      if (e.kind == PatternElement::Kind::kWords)
        n += e.alternatives.empty() ? 1 : static_cast<int>(e.alternatives[0].size()) * 2;
      else if (e.kind == PatternElement::Kind::kPrep)
        n += 2 + Specificity(e.children);
      else
        n += 1;
    }
    return n;
  }

  void AddPattern(const std::string& t) {
    if (current_block_ < 0) {
      Error("pattern outside a verb block: " + t);
      return;
    }
    size_t open = t.rfind('[');
    size_t close = t.rfind(']');
    if (open == std::string::npos || close == std::string::npos || close < open) {
      Error("pattern without a [code]: " + t);
      return;
    }
    VerbPattern p;
    if (!ParseCode(std::string_view(t).substr(open + 1, close - open - 1), &p.code,
                   &p.paired_code)) {
      Error("malformed code in pattern: " + t);
      return;
    }
    std::string body = t.substr(1, open - 1);
    // "**" is an older spelling of the verb marker.
    for (size_t k; (k = body.find("**")) != std::string::npos;) body.replace(k, 2, "*");
    std::vector<std::string> split;
    std::vector<bool> joined;
    if (!SplitItems(body, &split, &joined)) {
      Error("unbalanced brackets in pattern: " + t);
      return;
    }
    joined.resize(split.size(), false);
    // Words tied by '_' ("NEW_&TIETYPES_RELATIONS") must be consecutive, as in a {..} phrase;
    // words apart may have a few words between them.
    std::vector<std::string> items;
    auto plain = [](const std::string& x) {
      return !x.empty() && (std::isalnum(static_cast<unsigned char>(x[0])) || x[0] == '&');
    };
    bool touches_before = false, touches_after = false;
    for (size_t i = 0; i < split.size(); ++i) {
      // "RECENTLY_*", "*_PLEASANT": the word is right next to the verb.
      if (split[i] == "*") {
        touches_before = i > 0 && joined[i - 1] && plain(split[i - 1]);
        touches_after = joined[i] && i + 1 < split.size() && plain(split[i + 1]);
      }
      if (!(plain(split[i]) && joined[i] && i + 1 < split.size() && plain(split[i + 1]))) {
        items.push_back(split[i]);
        continue;
      }
      std::string group = "{" + split[i];
      while (i + 1 < split.size() && joined[i] && plain(split[i + 1])) group += " " + split[++i];
      items.push_back(group + "}");
    }
    bool seen_verb = false;
    for (const std::string& item : items) {
      if (item == "*") {
        if (seen_verb) {
          Error("pattern has two verb markers '*': " + t);
          return;
        }
        seen_verb = true;
        continue;
      }
      PatternElement e;
      std::string why;
      if (!MakeElement(item, &e, &why)) {
        // Synsets may be defined later in the file: retry at the end before reporting.
        if (why.rfind("undefined synset", 0) == 0) {
          pending_.push_back({t, file_, line_, current_block_});
          return;
        }
        // Disjunctive sets are legacy TABARI syntax that PETRARCH also skips: not an error.
        if (why.find("disjunctive") == std::string::npos) Error(why + ": " + t);
        return;
      }
      (seen_verb ? p.after : p.before).push_back(std::move(e));
    }
    if (!seen_verb) {
      Error("pattern without the verb marker '*': " + t);
      return;
    }
    p.before_touches_verb = touches_before && !p.before.empty();
    p.after_touches_verb = touches_after && !p.after.empty();
    auto masks = [](std::vector<PatternElement>& els, auto& self) -> void {
      for (PatternElement& e : els) {
        self(e.children, self);
        if (e.kind != PatternElement::Kind::kWords && e.kind != PatternElement::Kind::kPrep) continue;
        e.first_mask = 0;
        for (const WordSeq& alt : e.alternatives)
          e.first_mask |= alt.empty() ? ~uint64_t{0} : uint64_t{1} << (alt[0] & 63);
      }
    };
    masks(p.before, masks);
    masks(p.after, masks);
    p.text = Trim(t.substr(0, open));
    p.file = file_;
    p.line = static_cast<uint32_t>(line_);
    p.specificity = Specificity(p.before) + Specificity(p.after);
    auto has_compound = [](const std::vector<PatternElement>& els, auto& self) -> bool {
      for (const PatternElement& e : els)
        if (e.kind == PatternElement::Kind::kCompound || self(e.children, self)) return true;
      return false;
    };
    p.compound_before = has_compound(p.before, has_compound);
    p.compound_after = has_compound(p.after, has_compound);
    for (const PatternElement& e : p.before)
      for (const WordSeq& alt : e.alternatives)
        for (uint32_t w : alt)
          if (In(set_.Word(w), {"not", "n't", "never"})) p.negated = true;
    auto collect = [&](const std::vector<PatternElement>& els, auto& self) -> void {
      for (const PatternElement& e : els) {
        if (e.kind != PatternElement::Kind::kWords && e.kind != PatternElement::Kind::kPrep) continue;
        std::vector<uint32_t> firsts;
        for (const WordSeq& alt : e.alternatives)
          if (!alt.empty()) firsts.push_back(alt[0]);
        std::sort(firsts.begin(), firsts.end());
        firsts.erase(std::unique(firsts.begin(), firsts.end()), firsts.end());
        if (!firsts.empty()) p.required.push_back(std::move(firsts));
        if (e.kind == PatternElement::Kind::kPrep) self(e.children, self);
      }
    };
    collect(p.before, collect);
    collect(p.after, collect);
    set_.blocks_[current_block_].patterns.push_back(std::move(p));
  }

  void ResolvePending() {
    auto pending = std::move(pending_);
    pending_.clear();
    for (auto& pp : pending) {
      int saved_block = current_block_;
      uint64_t saved_line = line_;
      current_block_ = pp.block;
      line_ = pp.line;
      retrying_ = true;
      AddPatternFinal(pp.text);
      retrying_ = false;
      current_block_ = saved_block;
      line_ = saved_line;
    }
  }

  void AddPatternFinal(const std::string& t) {
    size_t before = pending_.size();
    AddPattern(t);
    if (pending_.size() > before) {
      pending_.pop_back();
      Error("pattern uses an undefined synset: " + t);
    }
  }

  struct Synset {
    std::string name;
    bool no_plural = false;
    std::vector<std::vector<std::string>> phrases;
  };
  struct Pending {
    std::string text;
    std::string file;
    uint64_t line;
    int block;
  };

  VerbPatternSet& set_;
  const ErrorSink& errors_;
  std::string file_;
  uint64_t line_ = 0;
  bool petrarch_ = true;
  bool in_verbs_ = false;
  bool retrying_ = false;
  bool continuing_ = false;
  std::string last_verb_;
  int current_block_ = -1;
  int current_synset_ = -1;
  std::vector<Synset> synsets_;
  std::unordered_map<std::string, int> synset_index_;
  std::vector<Pending> pending_;
};

uint32_t VerbPatternSet::Intern(std::string_view word) {
  if (!ids_) ids_ = std::make_unique<dict::WordTable>();
  dict::WordTable::Entry& e = ids_->Insert(word);
  if (e.id != dict::WordTable::kNoId) return e.id;
  e.id = static_cast<uint32_t>(words_.size());
  words_.emplace_back(word);
  forms_.emplace_back();
  return e.id;
}

uint32_t VerbPatternSet::StemId(std::string_view norm) const {
  for (size_t n = norm.size(); n-- > 2;) {
    const dict::WordTable::Entry* e = ids_->Find(norm.substr(0, n));
    if (e && e->id < stem_.size() && stem_[e->id]) return e->id;
  }
  return 0;
}

const std::vector<VerbForm>* VerbPatternSet::Forms(uint32_t word_id) const {
  if (word_id >= forms_.size() || forms_[word_id].empty()) return nullptr;
  return &forms_[word_id];
}

size_t VerbPatternSet::pattern_count() const {
  size_t n = 0;
  for (auto& b : blocks_) n += b.patterns.size();
  return n;
}

std::unique_ptr<VerbPatternSet> VerbPatternSet::FromText(std::string_view text,
                                                         const std::string& name,
                                                         const ErrorSink& errors) {
  auto set = std::unique_ptr<VerbPatternSet>(new VerbPatternSet());
  Builder b(*set, errors);
  b.Read(text, name);
  b.Finish();
  return set;
}

std::unique_ptr<VerbPatternSet> VerbPatternSet::Load(const std::vector<std::string>& files,
                                                     const ErrorSink& errors) {
  auto set = std::unique_ptr<VerbPatternSet>(new VerbPatternSet());
  Builder b(*set, errors);
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read verb dictionary " + f);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    b.Read(text, f);
  }
  b.Finish();
  return set;
}

}  // namespace communique::code
