// The CAMEO event code table: for a code such as "0841", its name, Goldstein value, QuadClass and
// PLOVER type. Input: data/cameo_codes.tsv (tab-separated, '#' comment header, then a header row).
// Loaded once, immutable, safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "communique/document.h"

namespace communique::code {

struct CameoCode {
  std::string code;     // "0841", with leading zeros
  std::string name;     // "Release persons or property"
  double goldstein = 0;
  int quad_class = 0;   // 1 verbal cooperation .. 4 material conflict
  std::string plover;   // PLOVER type, empty for CAMEO 01x (statements)
  std::string plover_mode;
  std::string plover_context;
};

class CameoTable {
 public:
  // Reads the table. Throws std::runtime_error when the file cannot be read or has no header
  // row; a malformed line is reported through `errors` as "file:line: message" and skipped.
  static CameoTable Load(const std::string& path, const ErrorSink& errors);
  // data_dir/cameo_codes.tsv
  static CameoTable LoadDefault(const std::string& data_dir, const ErrorSink& errors);

  // The entry for `code`, or for its nearest listed parent ("0861x" -> "0861" -> "086" -> "08");
  // nullptr when not even the two-digit root is known.
  const CameoCode* Find(std::string_view code) const;
  // True when `code` itself is listed (no fallback to a parent).
  bool Contains(std::string_view code) const { return codes_.count(std::string(code)) > 0; }

  size_t size() const { return codes_.size(); }

 private:
  std::unordered_map<std::string, CameoCode> codes_;
};

}  // namespace communique::code
