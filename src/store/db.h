// A thin database layer under the event store: one interface over SQLite and PostgreSQL so that
// the store's SQL is written once. Statements use $1..$N placeholders (rewritten to ?N for
// SQLite); every value is bound, never spliced into SQL text.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace communique::store {

using Value = std::variant<std::monostate, int64_t, double, std::string>;

struct Row {
  std::vector<Value> values;
  bool Null(size_t i) const { return std::holds_alternative<std::monostate>(values[i]); }
  int64_t Int(size_t i) const;
  double Real(size_t i) const;
  std::string Str(size_t i) const;
};

class Db {
 public:
  virtual ~Db() = default;
  // Runs one or more statements without parameters (schema).
  virtual void Exec(const std::string& sql) = 0;
  // Runs one statement; calls `row` for each result row until it returns false.
  virtual void Query(const std::string& sql, const std::vector<Value>& params,
                     const std::function<bool(const Row&)>& row) = 0;
  void Run(const std::string& sql, const std::vector<Value>& params) {
    Query(sql, params, [](const Row&) { return true; });
  }
  // The first column of the first row, or nullopt-like monostate.
  Value One(const std::string& sql, const std::vector<Value>& params);
  // Appends rows to a table: COPY on PostgreSQL, a prepared INSERT on SQLite.
  virtual void Copy(const std::string& table, const std::vector<std::string>& columns,
                    const std::vector<std::vector<Value>>& rows) = 0;
  virtual void Begin() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;
  virtual bool postgres() const = 0;
};

std::unique_ptr<Db> OpenSqlite(const std::string& path, bool read_only, int busy_timeout_ms);
std::unique_ptr<Db> OpenPostgres(const std::string& uri);

}  // namespace communique::store
