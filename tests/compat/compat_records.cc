// Parses TABARI Validate.text records (header line, text, /* comment */ with {...} markup) and
// PETRARCH2 validation XML (<Sentence>, <EventCoding>, <Config>; read with libxml2) into
// CompatRecords.
#include "compat/compat_records.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace communique::compat {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// Runs of whitespace (line breaks included) become one space.
std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<std::string> SplitSpace(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// "950101  DEMO-01": a date, whitespace, an id. One record has a 7-digit date ("9501201"); like
// TABARI, its first six digits are read as the date.
bool IsTabariHeader(std::string_view line) {
  size_t d = 0;
  while (d < line.size() && std::isdigit(static_cast<unsigned char>(line[d]))) ++d;
  return (d == 6 || d == 7) && d < line.size() && std::isspace(static_cast<unsigned char>(line[d])) &&
         !Trim(line.substr(d)).empty();
}

std::string Category(std::string_view id) {
  size_t dash = id.find('-');
  return std::string(id.substr(0, dash));
}

// Reads the {...} items of a TABARI comment block into `r`; false with `error` set when an item
// is neither an option, a marker nor SRC / TGT / CODE.
bool ParseTabariMarkup(std::string comment, CompatRecord* r, std::string* error) {
  // "\n" written literally is TABARI's display line break.
  for (size_t p; (p = comment.find("\\n")) != std::string::npos;) comment.replace(p, 2, " ");
  // [ ... ] is a human explanation and may itself mention braces ("coded in {}"); inside an
  // option ("{ OPTION: DEFAULT: SOURCE [DEFSRC] ... }") brackets hold the option's values.
  for (size_t from = 0, open; (open = comment.find('[', from)) != std::string::npos;) {
    size_t option = comment.rfind("{ OPTION:", open), option2 = comment.rfind("{OPTION:", open);
    if (option == std::string::npos || (option2 != std::string::npos && option2 > option)) option = option2;
    if (option != std::string::npos && comment.find('}', option) > open) {
      from = open + 1;
      continue;
    }
    size_t close = comment.find(']', open);
    if (close == std::string::npos) break;
    comment.erase(open, close - open + 1);
    from = open;
  }
  bool unchecked = false, events = false, none = false, discard = false, reject = false;
  size_t pos = 0;
  while ((pos = comment.find('{', pos)) != std::string::npos) {
    bool minus = pos > 0 && comment[pos - 1] == '-';
    size_t close = comment.find('}', pos);
    // An unclosed option ("{ OPTION: SET: MINIMUM WORDS = 4  */") runs to the comment's end.
    size_t end = close == std::string::npos ? comment.find("*/", pos) : close;
    if (end == std::string::npos) end = comment.size();
    std::string item = Trim(std::string_view(comment).substr(pos + 1, end - pos - 1));
    pos = close == std::string::npos ? comment.size() : close + 1;
    if (item.rfind("OPTION:", 0) == 0) {
      r->options.push_back(CollapseSpace(item.substr(7)));
      continue;
    }
    if (minus) {
      unchecked = true;
      continue;
    }
    if (item == "---") { none = true; continue; }
    if (item == "###") { discard = true; continue; }
    if (item == "+++") { reject = true; continue; }
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t slash; (slash = item.find('/', start)) != std::string::npos; start = slash + 1)
      parts.push_back(Trim(std::string_view(item).substr(start, slash - start)));
    parts.push_back(Trim(std::string_view(item).substr(start)));
    if (parts.size() != 3 || parts[0].empty() || parts[1].empty() || parts[2].empty()) {
      *error = "cannot read expected coding {" + item + "} (SRC / TGT / CODE expected)";
      return false;
    }
    ExpectedEvent e{parts[0], parts[1], parts[2], ""};
    // An optional YYMMDD after the braces: the expected date under time shifting.
    size_t d = pos;
    while (d < comment.size() && (comment[d] == ' ' || comment[d] == '\t')) ++d;
    if (d + 6 <= comment.size() && AllDigits(std::string_view(comment).substr(d, 6)))
      e.date = comment.substr(d, 6);
    r->events.push_back(std::move(e));
    events = true;
  }
  if (!r->options.empty()) {
    r->expect = Expect::kOption;
    r->checked = false;
    r->skip_reason = "option record";
  } else if (discard) {
    r->expect = Expect::kDiscard;
  } else if (reject) {
    r->expect = Expect::kReject;
  } else if (events) {
    r->expect = Expect::kEvents;
  } else if (none) {
    r->expect = Expect::kNoEvents;
  } else if (!unchecked) {
    *error = "no expected coding in the comment block";
    return false;
  }
  // TABARI's checker skips a record with any -{ }: a known limitation or an incomplete listing.
  if (unchecked && r->expect != Expect::kOption) {
    r->checked = false;
    r->skip_reason = "-{ } marks a known limitation, not checked";
  }
  return true;
}

}  // namespace

std::optional<Date> ParseRecordDate(std::string_view s) {
  if (s.size() == 6 && AllDigits(s)) {
    int yy = (s[0] - '0') * 10 + (s[1] - '0');
    std::string full = std::to_string(yy <= 30 ? 2000 + yy : 1900 + yy) + std::string(s.substr(2));
    return Date::Parse(full);
  }
  if (s.size() == 8 && AllDigits(s)) return Date::Parse(s);
  return std::nullopt;
}

TabariSuite ReadTabariRecords(const std::string& path, const ErrorSink& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the TABARI validation records");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  TabariSuite suite;
  bool final_seen = false;
  for (size_t i = 0; i < lines.size();) {
    if (!IsTabariHeader(lines[i])) {
      ++i;
      continue;
    }
    CompatRecord r;
    r.line = i + 1;
    std::vector<std::string> fields = SplitSpace(lines[i]);
    r.date = ParseRecordDate(std::string_view(fields[0]).substr(0, 6));
    // The id is the first field that is not a number ("950101  950101  AGENTS-11").
    r.id = fields.size() > 1 ? fields[1] : "";
    for (size_t f = 1; f < fields.size(); ++f)
      if (!AllDigits(fields[f])) {
        r.id = fields[f];
        break;
      }
    r.category = Category(r.id);
    ++i;
    std::string text, comment;
    bool in_comment = false;
    for (; i < lines.size() && !IsTabariHeader(lines[i]); ++i) {
      const std::string& line = lines[i];
      if (!in_comment) {
        size_t open = line.find("/*");
        if (open == std::string::npos) {
          if (!line.empty() && line[0] == '#') continue;
          text += line;
          text += ' ';
          continue;
        }
        text += line.substr(0, open);
        comment += line.substr(open + 2);
        comment += ' ';
        in_comment = true;
        continue;
      }
      if (!line.empty() && line[0] == '#') continue;  // a section banner before the next record
      comment += line;
      comment += ' ';
    }
    if (r.id == "FINAL-01") {
      final_seen = true;
      continue;
    }
    if (final_seen) {
      ++suite.after_final;
      continue;
    }
    r.text = CollapseSpace(text);
    std::string error;
    if (!in_comment) error = "no /* ... */ comment block with the expected coding";
    else if (!r.date) error = "bad record date '" + fields[0] + "' (YYMMDD expected)";
    if (error.empty() && !ParseTabariMarkup(comment, &r, &error)) {}
    if (!error.empty()) {
      if (errors) errors(InputError{path, r.line, 0, r.id + ": " + error});
      continue;
    }
    suite.records.push_back(std::move(r));
  }
  if (!final_seen && errors)
    errors(InputError{path, lines.size(), 0, "no FINAL-01 record: read to the end of the file"});
  return suite;
}

namespace {

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string Attr(xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return Trim(s);
}

bool HasAttr(xmlNode* node, const char* name) {
  return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::string Content(xmlNode* node) {
  xmlChar* v = xmlNodeGetContent(node);
  if (!v) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool Is(xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void CollectXmlError(void* ctx, const char* msg, ...) {
  va_list args;
  va_start(args, msg);
  char buf[512];
  vsnprintf(buf, sizeof buf, msg, args);
  va_end(args);
  static_cast<std::string*>(ctx)->append(buf);
}

}  // namespace

PetrarchSuite ReadPetrarchRecords(const std::string& path, const ErrorSink& errors) {
  std::string xml_errors;
  xmlSetGenericErrorFunc(&xml_errors, CollectXmlError);
  std::unique_ptr<xmlDoc, XmlDocDeleter> doc(
      xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOWARNING));
  xmlSetGenericErrorFunc(nullptr, nullptr);
  if (!doc) throw std::runtime_error(path + ": not a readable XML file: " + Trim(xml_errors));
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || !Is(root, "Validation"))
    throw std::runtime_error(path + ": root element <Validation> expected");

  PetrarchSuite suite;
  xmlNode* sentences = nullptr;
  for (xmlNode* n = root->children; n; n = n->next) {
    if (Is(n, "Environment")) {
      for (xmlNode* e = n->children; e; e = e->next) {
        if (Is(e, "Include")) suite.include = SplitSpace(Content(e));
        else if (Is(e, "Verbfile")) suite.verb_file = Trim(Content(e));
        else if (Is(e, "Actorfile")) suite.actor_file = Trim(Content(e));
        else if (Is(e, "Agentfile")) suite.agent_file = Trim(Content(e));
        else if (Is(e, "Discardfile")) suite.discard_file = Trim(Content(e));
      }
    } else if (Is(n, "Sentences")) {
      sentences = n;
    }
  }
  if (!sentences) throw std::runtime_error(path + ": no <Sentences> element");
  auto included = [&](const std::string& category) {
    if (suite.include.empty()) return true;
    for (const auto& c : suite.include)
      if (c == category) return true;
    return false;
  };

  for (xmlNode* n = sentences->children; n; n = n->next) {
    uint64_t line = static_cast<uint64_t>(xmlGetLineNo(n));
    if (Is(n, "Config")) {
      CompatRecord r;
      r.id = "Config";
      r.line = line;
      r.expect = Expect::kOption;
      r.checked = false;
      r.skip_reason = "config record";
      r.options.push_back(Attr(n, "option") + "=" + Attr(n, "value"));
      suite.records.push_back(std::move(r));
      continue;
    }
    if (!Is(n, "Sentence")) continue;
    CompatRecord r;
    r.line = line;
    r.id = Attr(n, "id");
    r.category = Attr(n, "category");
    auto report = [&](const std::string& message) {
      if (errors) errors(InputError{path, line, 0, (r.id.empty() ? "<Sentence>" : r.id) + ": " + message});
    };
    std::string date = Attr(n, "date");
    r.date = ParseRecordDate(date);
    if (!r.date) {
      report("bad date '" + date + "' (YYYYMMDD expected)");
      continue;
    }
    bool has_text = false, has_coding = false, bad = false;
    for (xmlNode* c = n->children; c; c = c->next) {
      if (Is(c, "Text")) {
        r.text = CollapseSpace(Content(c));
        has_text = true;
      } else if (Is(c, "Parse")) {
        // The parse tree is part of PETRARCH's input (communique does not use it): a tree whose
        // brackets do not balance is bad input, rejected before coding.
        int depth = 0;
        bool negative = false;
        for (char ch : Content(c)) {
          depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
          negative = negative || depth < 0;
        }
        if (depth != 0 || negative)
          r.input_error = "unbalanced brackets in <Parse> (line " + std::to_string(xmlGetLineNo(c)) + ")";
      } else if (Is(c, "EventCoding")) {
        has_coding = true;
        if (HasAttr(c, "noevents")) {
          r.expect = Expect::kNoEvents;
        } else if (HasAttr(c, "error")) {
          r.error = Attr(c, "error");
          r.expect = r.error.find("discard") != std::string::npos ? Expect::kDiscard : Expect::kReject;
        } else if (HasAttr(c, "eventcode")) {
          r.events.push_back(ExpectedEvent{Attr(c, "sourcecode"), Attr(c, "targetcode"),
                                           Attr(c, "eventcode"), ""});
        } else {
          report("<EventCoding> without eventcode, noevents or error");
          bad = true;
        }
      }
    }
    if (bad) continue;
    if (!has_text) {
      report("no <Text>");
      continue;
    }
    // PATTERN-06 lists no <EventCoding> at all: PETRARCH compares with the empty set.
    if (!has_coding) r.expect = Expect::kNoEvents;
    if (!r.events.empty() && r.expect != Expect::kEvents) {
      report("both expected events and noevents/error");
      continue;
    }
    if (Lower(Attr(n, "sentence")) == "false") {
      r.checked = false;
      r.skip_reason = "sentence=\"false\": not implemented by PETRARCH (expected failure)";
    } else if (!included(r.category)) {
      r.checked = false;
      r.skip_reason = "category " + r.category + " not in <Include>";
    }
    suite.records.push_back(std::move(r));
  }
  return suite;
}

}  // namespace communique::compat
