// Text renderings of store results for the command line: aligned tables, CSV and JSON, and the
// organization member file (data/organizations.tsv).
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.h"

namespace communique::store {

enum class OutputFormat { kTable, kCsv, kJson };

// Rows of cells under a header: aligned columns (long cells cut to `max_width` bytes at a UTF-8
// boundary), RFC 4180 CSV, or a JSON array of objects keyed by the header.
void PrintRows(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
               OutputFormat format, std::ostream& out, size_t max_width = 60);

// One CSV field, quoted only when it must be (RFC 4180).
std::string CsvField(const std::string& s);

// Rows as one indented JSON array; invalid UTF-8 in the text is replaced, never an exception.
template <typename Rows, typename ToJson>
void PrintJsonArray(const Rows& rows, ToJson to_json, std::ostream& out) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& r : rows) arr.push_back(to_json(r));
  out << arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

nlohmann::json EventJson(const EventRow& e);
nlohmann::json MentionJson(const MentionRow& m);
nlohmann::json AggregateJson(const AggregateRow& a);
nlohmann::json TimelineJson(const TimelineEntry& t);

// Organization code -> member codes, from a file of "CODE<TAB>M1,M2,...<TAB>source" lines.
// Malformed lines throw StoreError naming file and line.
std::map<std::string, std::vector<std::string>> LoadOrganizations(const std::string& path);

}  // namespace communique::store
