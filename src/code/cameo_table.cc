// Reads data/cameo_codes.tsv into a code -> CameoCode map and applies the PLOVER rules the table
// leaves implicit (02x -> REQUEST, root 08 split). Input: the TSV file; output: CameoTable.
#include "code/cameo_table.h"

#include <charconv>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace communique::code {
namespace {

constexpr std::string_view kPloverTypes[] = {
    "AGREE",   "CONSULT", "SUPPORT",  "CONCEDE", "COOPERATE", "AID",      "RETREAT", "REQUEST",
    "ACCUSE",  "REJECT",  "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE",  "ASSAULT"};

bool IsPloverType(std::string_view s) {
  for (auto t : kPloverTypes)
    if (s == t) return true;
  return false;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

bool IsCameoCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool ParseDouble(std::string_view s, double* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return !s.empty() && ec == std::errc() && p == s.data() + s.size();
}

// The table leaves 02x empty (CAMEO2PLOVER drops appeals) but PLOVER defines REQUEST as all
// requests and appeals, so 02x codes as REQUEST. A root written "A|B" (08: CONCEDE|RETREAT) is
// coded like its unspecified child 080, the first alternative.
std::string PloverForCode(std::string_view code, std::string_view table_plover) {
  if (code.substr(0, 2) == "01") return "";
  if (code.substr(0, 2) == "02") return "REQUEST";
  size_t bar = table_plover.find('|');
  return std::string(table_plover.substr(0, bar));
}

}  // namespace

CameoTable CameoTable::Load(const std::string& path, const ErrorSink& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read the CAMEO code table");
  CameoTable table;
  std::string line;
  uint64_t line_no = 0;
  bool header_seen = false;
  auto report = [&](const std::string& message) {
    if (errors) errors(InputError{path, line_no, 0, message});
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto f = SplitTabs(line);
    if (!header_seen) {
      if (f.size() < 5 || f[0] != "code" || f[1] != "name" || f[2] != "goldstein" ||
          f[3] != "quad_class" || f[4] != "plover")
        throw std::runtime_error(path + ":" + std::to_string(line_no) +
                                 ": expected the header row code, name, goldstein, quad_class, "
                                 "plover, ...");
      header_seen = true;
      continue;
    }
    if (f.size() < 5 || f.size() > 8) {
      report("expected 5 to 8 tab-separated columns, found " + std::to_string(f.size()));
      continue;
    }
    CameoCode c;
    c.code = std::string(f[0]);
    if (!IsCameoCode(c.code)) {
      report("bad CAMEO code '" + c.code + "' (2 to 4 digits expected)");
      continue;
    }
    c.name = std::string(f[1]);
    if (!ParseDouble(f[2], &c.goldstein) || c.goldstein < -10 || c.goldstein > 10) {
      report("bad Goldstein value '" + std::string(f[2]) + "' for code " + c.code);
      continue;
    }
    if (f[3].size() != 1 || f[3][0] < '1' || f[3][0] > '4') {
      report("bad QuadClass '" + std::string(f[3]) + "' for code " + c.code + " (1-4 expected)");
      continue;
    }
    c.quad_class = f[3][0] - '0';
    std::string_view plover = f[4];
    bool plover_ok = plover.empty() || IsPloverType(plover);
    if (!plover_ok) {
      size_t bar = plover.find('|');
      plover_ok = bar != std::string_view::npos && IsPloverType(plover.substr(0, bar)) &&
                  IsPloverType(plover.substr(bar + 1));
    }
    if (!plover_ok) {
      report("unknown PLOVER type '" + std::string(plover) + "' for code " + c.code);
      continue;
    }
    c.plover = PloverForCode(c.code, plover);
    if (f.size() > 5) c.plover_mode = std::string(f[5]);
    if (f.size() > 6) c.plover_context = std::string(f[6]);
    std::string key = c.code;
    if (!table.codes_.emplace(std::move(key), std::move(c)).second) {
      report("duplicate CAMEO code " + std::string(f[0]));
      continue;
    }
  }
  if (!header_seen) throw std::runtime_error(path + ": no header row (empty CAMEO code table?)");
  return table;
}

CameoTable CameoTable::LoadDefault(const std::string& data_dir, const ErrorSink& errors) {
  return Load(data_dir + "/cameo_codes.tsv", errors);
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  std::string key(code);
  while (key.size() >= 2) {
    auto it = codes_.find(key);
    if (it != codes_.end()) return &it->second;
    key.pop_back();
  }
  return nullptr;
}

}  // namespace communique::code
