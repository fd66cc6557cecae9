// Dictionary file readers (PETRARCH2/Phoenix and TABARI formats) -> DictionaryModel.
#include "dict/dictionary_format.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace communique::dict {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) || s.front() == '\x1a'))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

struct Reader {
  std::string_view path;
  DictFormat format;
  FileKind kind;
  DictionaryModel* model;
  const ErrorSink& errors;
  uint32_t file_index = 0;
  uint32_t line_no = 0;
  bool in_xml_comment = false;

  // Actor block being read.
  bool block_open = false;
  bool block_saw_code = false;  // a [code] was written for the open block (even a malformed one)
  ActorEntry block;

  // Agent substitution sets: "!PERSON!" -> {"MAN", "MEN", ...}.
  std::vector<std::pair<std::string, std::vector<std::string>>> substitutions;

  FileStats& stats() { return model->files[file_index]; }

  void Error(uint32_t line, const std::string& message) {
    ++stats().errors;
    if (errors) errors(InputError{std::string(path), line, 0, message});
  }

  // Removes comments; returns the remaining text and the first comment's text.
  std::string_view StripComments(std::string_view line, std::string* comment) {
    std::string_view s = line;
    if (in_xml_comment) {
      size_t end = s.find("-->");
      if (end == std::string_view::npos) return {};
      in_xml_comment = false;
      s.remove_prefix(end + 3);
    }
    // Inline and opening XML comments; only whole-line content before them is kept.
    for (size_t start; (start = s.find("<!--")) != std::string_view::npos;) {
      size_t end = s.find("-->", start + 4);
      if (end == std::string_view::npos) {
        in_xml_comment = true;
        s = s.substr(0, start);
        break;
      }
      // Keep text on both sides of a one-line comment.
      std::string_view before = s.substr(0, start);
      std::string_view after = s.substr(end + 3);
      if (Trim(after).empty()) { s = before; break; }
      if (Trim(before).empty()) { s = after; continue; }
      // Rare: text on both sides; keep the first part only, the rest is reported as ignored.
      s = before;
      break;
    }
    // `#` starts a comment except inside a code ("[### <890101]" is TABARI's discard code).
    size_t cut = std::string_view::npos;
    int depth = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '[') ++depth;
      else if (s[i] == ']' && depth > 0) --depth;
      else if (depth == 0 && (s[i] == '#' || (s[i] == ';' && format == DictFormat::kTabari))) {
        cut = i;
        break;
      }
    }
    if (cut != std::string_view::npos) {
      if (comment) *comment = std::string(Trim(s.substr(cut + 1)));
      s = s.substr(0, cut);
    }
    return s;
  }

  // Splits a phrase into words. Returns false (after reporting) when nothing is left.
  bool ParsePhrase(std::string_view text, Phrase* phrase) {
    phrase->words.clear();
    phrase->line = line_no;
    std::string cur;
    bool ended_with_underscore = false;
    auto flush = [&] {
      if (cur.empty()) return;
      std::string w = Upper(cur);
      if (w.size() > 2 && (EndsWith(w, "'S") || EndsWith(w, "\xE2\x80\x99S"))) {
        size_t cut = EndsWith(w, "'S") ? w.size() - 2 : w.size() - 4;
        phrase->words.push_back(w.substr(0, cut));
        phrase->words.push_back("'S");
      } else {
        phrase->words.push_back(std::move(w));
      }
      cur.clear();
    };
    for (char c : text) {
      if (c == '_' || c == ' ' || c == '\t' || c == '+' || c == '=') {
        if (c == '_') ended_with_underscore = true;
        flush();
        continue;
      }
      if (c == '\x1a') continue;  // encoding damage in the Phoenix files
      ended_with_underscore = false;
      cur += c;
    }
    flush();
    if (phrase->words.empty()) {
      Error(line_no, "empty phrase");
      return false;
    }
    phrase->last_is_stem = format == DictFormat::kTabari && !ended_with_underscore;
    return true;
  }

  // Parses the inside of one [...] code. Returns false (after reporting) when malformed.
  bool ParseCode(std::string_view inside, DatedCode* out) {
    std::string_view s = Trim(inside);
    size_t sp = 0;
    while (sp < s.size() && !std::isspace(static_cast<unsigned char>(s[sp])) && s[sp] != '<' &&
           s[sp] != '>')
      ++sp;
    std::string code = Upper(s.substr(0, sp));
    std::string rest;
    for (char c : s.substr(sp))
      if (!std::isspace(static_cast<unsigned char>(c))) rest += c;
    if (code.empty() || std::isdigit(static_cast<unsigned char>(code[0]))) {
      Error(line_no, "code missing in [" + std::string(inside) + "]");
      return false;
    }
    for (char c : code) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '~' || c == '/' || c == '-' ||
            c == '#' || c == '+')) {
        Error(line_no, "bad character in code [" + std::string(inside) + "]");
        return false;
      }
    }
    out->code = code;
    out->line = line_no;
    out->restriction = rest;
    if (rest.empty()) return true;
    out->dated = true;
    auto date = [&](std::string_view d, int32_t* days) {
      auto parsed = ParseDictionaryDate(d);
      if (!parsed) {
        Error(line_no, "bad date '" + std::string(d) + "' in [" + std::string(inside) + "]");
        return false;
      }
      *days = parsed->Days();
      return true;
    };
    if (rest[0] == '>') return date(std::string_view(rest).substr(1), &out->from);
    if (rest[0] == '<') return date(std::string_view(rest).substr(1), &out->to);
    size_t dash = rest.find('-');
    if (dash == std::string::npos) {
      Error(line_no, "bad date restriction in [" + std::string(inside) + "]");
      return false;
    }
    if (!date(std::string_view(rest).substr(0, dash), &out->from) ||
        !date(std::string_view(rest).substr(dash + 1), &out->to))
      return false;
    if (out->from > out->to) {
      Error(line_no, "date range ends before it starts in [" + std::string(inside) + "]");
      return false;
    }
    return true;
  }

  // Reads every [...] in `s` into `codes`; returns the text before the first '['.
  std::string_view TakeCodes(std::string_view s, std::vector<DatedCode>* codes, bool* ok) {
    *ok = true;
    size_t first = s.find('[');
    if (first == std::string_view::npos) return s;
    std::string_view head = s.substr(0, first);
    size_t pos = first;
    while (pos != std::string_view::npos && pos < s.size()) {
      size_t close = s.find(']', pos);
      if (close == std::string_view::npos) {
        Error(line_no, "unclosed [ in code");
        *ok = false;
        return head;
      }
      DatedCode code;
      if (ParseCode(s.substr(pos + 1, close - pos - 1), &code)) {
        codes->push_back(std::move(code));
      } else {
        *ok = false;
      }
      pos = s.find('[', close + 1);
    }
    return head;
  }

  void CloseBlock() {
    if (!block_open) return;
    block_open = false;
    if (block.codes.empty()) {
      Error(block.line, "actor '" + block.phrases.front().text() + "' has no code; skipped");
      return;
    }
    ++stats().entries;
    stats().phrases += block.phrases.size();
    stats().codes += block.codes.size();
    model->actors.push_back(std::move(block));
  }

  void AddAgent(std::string_view text, const DatedCode& code, std::string_view plurals_text,
                bool has_braces) {
    AgentEntry agent;
    agent.file = file_index;
    agent.line = line_no;
    std::string c = code.code;
    size_t tilde = c.find('~');
    if (tilde == std::string::npos) {
      Error(line_no, "agent code without ~ [" + c + "]");
      return;
    }
    agent.prefix = tilde + 1 == c.size() && tilde > 0;
    c.erase(tilde, 1);
    agent.code = c;
    if (code.dated) {
      Error(line_no, "agent codes cannot be date-restricted [" + code.code + " " + code.restriction + "]");
      return;
    }
    agent.regular_plurals = !has_braces;
    for (size_t start = 0; has_braces && start < plurals_text.size();) {
      size_t comma = plurals_text.find(',', start);
      std::string_view one = Trim(plurals_text.substr(start, comma == std::string_view::npos
                                                                   ? std::string_view::npos
                                                                   : comma - start));
      if (!one.empty()) {
        Phrase p;
        if (ParsePhrase(one, &p)) agent.plurals.push_back(std::move(p));
      }
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    // Expand substitution sets (!PERSON!, !MINIST!) into one entry per alternative.
    std::vector<std::string> variants{std::string(text)};
    // Phoenix writes about 350 agents with the set's name without its marks as the last word
    // ("DEFENSE_MINIST", "FOREIGN_MINIST"): taken literally they would match only the word
    // "minist", so such a last word stands for the set.
    {
      std::string v = variants.front();
      while (!v.empty() && (v.back() == '_' || v.back() == ' ')) v.pop_back();
      size_t cut = v.find_last_of("_ ");
      std::string last = cut == std::string::npos ? "" : "!" + Upper(v.substr(cut + 1)) + "!";
      for (const auto& sub : substitutions)
        if (sub.first == last) {
          variants.front() = v.replace(cut + 1, std::string::npos, last);
          break;
        }
    }
    for (const auto& [name, alternatives] : substitutions) {
      std::vector<std::string> next;
      for (const auto& v : variants) {
        size_t at = v.find(name);
        if (at == std::string::npos) { next.push_back(v); continue; }
        for (const auto& alt : alternatives) {
          std::string e = v;
          e.replace(at, name.size(), alt);
          next.push_back(std::move(e));
        }
      }
      variants = std::move(next);
    }
    bool any = false;
    for (const auto& v : variants) {
      if (v.find('!') != std::string::npos) {
        Error(line_no, "unknown substitution set in '" + std::string(text) + "'");
        break;
      }
      AgentEntry e = agent;
      if (!ParsePhrase(v, &e.phrase)) continue;
      any = true;
      ++stats().phrases;
      model->agents.push_back(std::move(e));
    }
    if (any) {
      ++stats().entries;
      ++stats().codes;
    }
  }

  // "HEAD {PLURALS} [CODE]" or "HEAD [CODE]".
  void AgentLine(std::string_view s) {
    std::vector<DatedCode> codes;
    bool ok = true;
    std::string_view head = TakeCodes(s, &codes, &ok);
    if (!ok) return;
    if (codes.size() != 1) {
      Error(line_no, codes.empty() ? "agent without a code" : "agent with more than one code");
      return;
    }
    std::string_view plurals;
    bool braces = false;
    size_t open = head.find('{');
    if (open != std::string_view::npos) {
      size_t close = head.find('}', open);
      if (close == std::string_view::npos) {
        Error(line_no, "unclosed { in agent plurals");
        return;
      }
      braces = true;
      plurals = head.substr(open + 1, close - open - 1);
      head = head.substr(0, open);
    }
    AddAgent(Trim(head), codes[0], plurals, braces);
  }

  void SubstitutionLine(std::string_view s) {
    size_t eq = s.find('=');
    std::string name = Upper(Trim(s.substr(0, eq)));
    std::vector<std::string> alternatives;
    std::string_view rest = s.substr(eq + 1);
    for (size_t start = 0; start <= rest.size();) {
      size_t comma = rest.find(',', start);
      std::string_view one = Trim(rest.substr(start, comma == std::string_view::npos
                                                          ? std::string_view::npos
                                                          : comma - start));
      if (!one.empty()) alternatives.push_back(Upper(one));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    if (name.size() < 3 || name.back() != '!' || alternatives.empty()) {
      Error(line_no, "bad substitution set");
      return;
    }
    substitutions.emplace_back(std::move(name), std::move(alternatives));
  }

  void ActorLine(std::string_view raw, std::string_view s, const std::string& comment) {
    bool indented = !raw.empty() && (raw[0] == '\t' || raw[0] == ' ');
    std::string_view t = Trim(s);
    if (t.empty()) return;
    if (t[0] == '[') {
      if (!block_open) {
        Error(line_no, "code line without a phrase before it");
        return;
      }
      bool ok = true;
      block_saw_code = true;
      TakeCodes(t, &block.codes, &ok);
      return;
    }
    (void)indented;
    bool synonym = t[0] == '+';
    if (synonym) t.remove_prefix(1);
    ++stats().phrase_lines;
    std::vector<DatedCode> codes;
    bool ok = true;
    std::string_view head = TakeCodes(t, &codes, &ok);
    // An entry whose code has `~` is an agent (overlays mix both).
    if (!synonym && !codes.empty() && codes[0].code.find('~') != std::string::npos) {
      CloseBlock();
      std::string_view plurals;
      bool braces = false;
      size_t open = head.find('{');
      if (open != std::string_view::npos) {
        size_t close = head.find('}', open);
        braces = close != std::string_view::npos;
        if (braces) plurals = head.substr(open + 1, close - open - 1);
        head = head.substr(0, open);
      }
      if (codes.size() != 1) {
        Error(line_no, "agent with more than one code");
        return;
      }
      AddAgent(Trim(head), codes[0], plurals, braces);
      return;
    }
    Phrase phrase;
    if (!ParsePhrase(Trim(head), &phrase)) return;
    const bool has_code = t.find('[') != std::string_view::npos;
    if (synonym) {
      block_saw_code = block_saw_code || has_code;
      if (!block_open) {
        Error(line_no, "synonym without a phrase before it");
        return;
      }
      block.phrases.push_back(std::move(phrase));
      for (auto& c : codes) block.codes.push_back(std::move(c));
      return;
    }
    // Consecutive root phrases with no code between them share the codes that follow, as in
    // PETRARCH2's reader: "LEONID_BREZHNEV_" then "SECRETARY_BREZHNEV" then the dated code lines.
    if (block_open && !block_saw_code) {
      block_saw_code = t.find('[') != std::string_view::npos;
      block.phrases.push_back(std::move(phrase));
      for (auto& c : codes) block.codes.push_back(std::move(c));
      return;
    }
    CloseBlock();
    block = ActorEntry{};
    block_open = true;
    block_saw_code = has_code;
    block.file = file_index;
    block.line = line_no;
    block.comment = comment;
    block.phrases.push_back(std::move(phrase));
    for (auto& c : codes) block.codes.push_back(std::move(c));
    // A phrase whose malformed code was reported keeps its valid codes; if none is left the
    // block is reported again as code-less when it closes.
    (void)ok;
  }

  void DiscardLine(std::string_view s) {
    std::string_view t = Trim(s);
    if (t.empty()) return;
    ++stats().phrase_lines;
    DiscardEntry d;
    d.file = file_index;
    d.line = line_no;
    if (t[0] == '+') {
      d.story = true;
      t.remove_prefix(1);
    }
    if (!ParsePhrase(Trim(t), &d.phrase)) return;
    ++stats().entries;
    ++stats().phrases;
    model->discards.push_back(std::move(d));
  }

  void Run(std::string_view content) {
    file_index = static_cast<uint32_t>(model->files.size());
    model->files.push_back(FileStats{std::string(path)});
    bool in_tabari_section = false;
    size_t pos = 0;
    while (pos < content.size()) {
      size_t nl = content.find('\n', pos);
      std::string_view raw = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      pos = nl == std::string_view::npos ? content.size() : nl + 1;
      ++line_no;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      if (format == DictFormat::kTabari) {
        std::string_view t = Trim(raw);
        if (t.starts_with("~~FINISH")) break;
        if (t == "<NOUN>" || t == "<ADJECTIVE>") { in_tabari_section = true; continue; }
        if (t == "</NOUN>" || t == "</ADJECTIVE>") { in_tabari_section = false; continue; }
        if (in_tabari_section) continue;
      }
      std::string comment;
      std::string_view s = StripComments(raw, &comment);
      // PETRARCH: a line beginning with '<' is a comment (also the malformed "<! -- ... -->").
      if (!Trim(s).empty() && Trim(s)[0] == '<' && !(format == DictFormat::kTabari && Trim(s).size() > 1 && Trim(s)[1] != '!')) continue;
      if (Trim(s).empty()) continue;
      switch (kind) {
        case FileKind::kActors:
          ActorLine(raw, s, comment);
          break;
        case FileKind::kAgents: {
          std::string_view t = Trim(s);
          if (t[0] == '!' && t.find('=') != std::string_view::npos) {
            SubstitutionLine(t);
          } else {
            ++stats().phrase_lines;
            AgentLine(t);
          }
          break;
        }
        case FileKind::kDiscards:
          DiscardLine(s);
          break;
      }
    }
    if (in_xml_comment) Error(line_no, "unterminated <!-- comment");
    CloseBlock();
  }
};

}  // namespace

std::string Phrase::text() const {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty() && w != "'S") out += ' ';
    out += w;
  }
  return out;
}

DictFormat FormatForPath(std::string_view path) {
  if (EndsWith(path, ".actors") || EndsWith(path, ".agents") || EndsWith(path, ".options"))
    return DictFormat::kTabari;
  return DictFormat::kPetrarch;
}

std::optional<Date> ParseDictionaryDate(std::string_view d) {
  for (char c : d)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  std::string ymd;
  if (d.size() == 6) {
    int yy = (d[0] - '0') * 10 + (d[1] - '0');
    ymd = (yy <= 30 ? "20" : "19") + std::string(d);
  } else if (d.size() == 8) {
    ymd = std::string(d);
  } else {
    return std::nullopt;
  }
  return Date::Parse(ymd);
}

void ReadDictionary(std::string_view path, std::string_view content, FileKind kind,
                    DictFormat format, DictionaryModel* model, const ErrorSink& errors) {
  Reader reader{path, format, kind, model, errors, 0, 0, false, false, false, {}, {}};
  reader.Run(content);
}

void ReadDictionaryFile(const std::string& path, FileKind kind, DictionaryModel* model,
                        const ErrorSink& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    model->files.push_back(FileStats{path});
    ++model->files.back().errors;
    if (errors) errors(InputError{path, 0, 0, "cannot read dictionary file"});
    return;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  ReadDictionary(path, buffer.str(), kind, FormatForPath(path), model, errors);
}

}  // namespace communique::dict
