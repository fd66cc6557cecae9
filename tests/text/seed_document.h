// Test helper: a Document from a text file the way the plain-text reader makes one, without
// depending on the ingest stage. An optional first line " date YYYY-MM-DD [URL]" gives the
// publication date; article text may follow on that same line when there is no URL.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "communique/document.h"

namespace communique::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline Document DocumentFromText(std::string raw, const std::string& id = "doc") {
  Document d;
  d.id = id;
  d.format = "text";
  d.raw = std::move(raw);
  size_t start = 0;
  size_t p = d.raw.size() > 0 && d.raw[0] == ' ' ? 1 : 0;
  if (d.raw.compare(p, 5, "date ") == 0 && d.raw.size() >= p + 15) {
    if (auto date = Date::Parse(d.raw.substr(p + 5, 10))) {
      d.published = date;
      d.date_source = "header";
      start = p + 15;
      while (start < d.raw.size() && d.raw[start] == ' ') ++start;
      if (d.raw.compare(start, 4, "http") == 0) {
        size_t e = d.raw.find_first_of(" \n", start);
        d.url = d.raw.substr(start, e == std::string::npos ? std::string::npos : e - start);
        size_t nl = d.raw.find('\n', start);
        start = nl == std::string::npos ? d.raw.size() : nl + 1;
      }
    }
  }
  d.text = d.raw.substr(start);
  d.text_to_raw.resize(d.text.size() + 1);
  for (size_t i = 0; i <= d.text.size(); ++i) d.text_to_raw[i] = static_cast<uint32_t>(start + i);
  return d;
}

inline Document SeedDocument(const std::string& name) {
  std::string id = name.substr(0, name.rfind('.'));
  return DocumentFromText(ReadFile(std::string(COMMUNIQUE_FIXTURES) + "/seeds/" + name), id);
}

}  // namespace communique::testing
