// The store's tables and indexes, in one text for both SQLite and PostgreSQL (column types are
// the only difference). docs/store.md explains every table.
#pragma once

#include <string>

namespace communique::store {

inline constexpr int kSchemaVersion = 1;
// An event without a known date: far outside any real day so date filters never match it.
inline constexpr int64_t kNoDay = -10000000;

std::string SchemaSql(bool postgres);

}  // namespace communique::store
