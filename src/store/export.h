// Exports of the event store in published layouts: our JSON Lines (one coded event per line, as
// `communique code` writes it), CSV/TSV of aggregated events, Phoenix (26 columns), ICEWS
// (20 columns), GDELT 2.0 Events (61 columns) and Mentions (16 columns), PLOVER JSON Lines.
// Every tabular layout starts with a header row. docs/store.md lists each layout's columns.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "store/store.h"

namespace communique::code {
class CameoTable;
}

namespace communique::store {

enum class ExportFormat { kJsonl, kCsv, kTsv, kPhoenix, kIcews, kGdelt, kGdeltMentions, kPlover };

std::optional<ExportFormat> ParseExportFormat(const std::string& name);
// Column names of a tabular layout (empty for JSON layouts).
std::vector<std::string> ExportColumns(ExportFormat format);

struct ExportOptions {
  ExportFormat format = ExportFormat::kJsonl;
  QueryFilter filter;                           // which events; limit 0 = all
  const code::CameoTable* cameo = nullptr;      // event names for ICEWS / PLOVER, optional
  std::string coder = "communique";             // PLOVER "coder" field
};

// Writes the export; returns the number of records written (header row not counted).
uint64_t Export(Store& store, const ExportOptions& options, std::ostream& out);

}  // namespace communique::store
