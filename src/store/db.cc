// SQLite and PostgreSQL implementations of Db. SQLite runs in WAL mode with a busy timeout so
// that readers never block the single writer; prepared statements are cached per connection.
// PostgreSQL goes through libpqxx; bulk appends use COPY.
#include "store/db.h"

#include <sqlite3.h>

#include <pqxx/pqxx>
#include <pqxx/tablewriter>
#include <regex>
#include <sstream>
#include <unordered_map>

#include "store/store.h"

namespace communique::store {

int64_t Row::Int(size_t i) const {
  const Value& v = values[i];
  if (auto p = std::get_if<int64_t>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return static_cast<int64_t>(*p);
  if (auto p = std::get_if<std::string>(&v)) return p->empty() ? 0 : std::stoll(*p);
  return 0;
}

double Row::Real(size_t i) const {
  const Value& v = values[i];
  if (auto p = std::get_if<double>(&v)) return *p;
  if (auto p = std::get_if<int64_t>(&v)) return static_cast<double>(*p);
  if (auto p = std::get_if<std::string>(&v)) return p->empty() ? 0 : std::stod(*p);
  return 0;
}

std::string Row::Str(size_t i) const {
  const Value& v = values[i];
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) {
    std::ostringstream os;
    os << *p;
    return os.str();
  }
  return "";
}

Value Db::One(const std::string& sql, const std::vector<Value>& params) {
  Value out;
  Query(sql, params, [&](const Row& r) {
    if (!r.values.empty()) out = r.values[0];
    return false;
  });
  return out;
}

namespace {

// ------------------------------------------------------------------------------------- SQLite

class SqliteDb : public Db {
 public:
  SqliteDb(const std::string& path, bool read_only, int busy_timeout_ms) : path_(path) {
    int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw StoreError(path + ": cannot open SQLite store: " + msg);
    }
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    sqlite3_extended_result_codes(db_, 1);
    if (!read_only) {
      Exec("PRAGMA journal_mode=WAL");
      Exec("PRAGMA synchronous=NORMAL");
    }
    Exec("PRAGMA foreign_keys=ON");
    Exec("PRAGMA temp_store=MEMORY");
    Exec("PRAGMA cache_size=-65536");
  }
  ~SqliteDb() override {
    for (auto& [sql, st] : cache_) sqlite3_finalize(st);
    if (db_) sqlite3_close(db_);
  }

  void Exec(const std::string& sql) override {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      throw StoreError(path_ + ": " + msg);
    }
  }

  void Query(const std::string& sql, const std::vector<Value>& params,
             const std::function<bool(const Row&)>& row) override {
    sqlite3_stmt* st = Prepare(sql);
    struct Resetter {
      sqlite3_stmt* st;
      ~Resetter() {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
      }
    } resetter{st};
    for (size_t i = 0; i < params.size(); ++i) Bind(st, static_cast<int>(i + 1), params[i]);
    Row r;
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_DONE) return;
      if (rc != SQLITE_ROW) throw StoreError(path_ + ": " + sqlite3_errmsg(db_));
      int n = sqlite3_column_count(st);
      r.values.resize(n);
      for (int c = 0; c < n; ++c) {
        switch (sqlite3_column_type(st, c)) {
          case SQLITE_INTEGER: r.values[c] = static_cast<int64_t>(sqlite3_column_int64(st, c)); break;
          case SQLITE_FLOAT: r.values[c] = sqlite3_column_double(st, c); break;
          case SQLITE_NULL: r.values[c] = std::monostate{}; break;
          default: {
            const char* p = reinterpret_cast<const char*>(sqlite3_column_blob(st, c));
            r.values[c] = std::string(p ? p : "", sqlite3_column_bytes(st, c));
          }
        }
      }
      if (!row(r)) return;
    }
  }

  void Copy(const std::string& table, const std::vector<std::string>& columns,
            const std::vector<std::vector<Value>>& rows) override {
    if (rows.empty()) return;
    std::string sql = "INSERT INTO " + table + "(";
    std::string vals;
    for (size_t i = 0; i < columns.size(); ++i) {
      sql += (i ? "," : "") + columns[i];
      vals += (i ? ",$" : "$") + std::to_string(i + 1);
    }
    sql += ") VALUES(" + vals + ")";
    for (const auto& r : rows) Run(sql, r);
  }

  void Begin() override { Exec("BEGIN IMMEDIATE"); }
  void Commit() override { Exec("COMMIT"); }
  void Rollback() override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  bool postgres() const override { return false; }

 private:
  sqlite3_stmt* Prepare(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it != cache_.end()) return it->second;
    static const std::regex placeholder(R"(\$(\d+))");
    std::string native = std::regex_replace(sql, placeholder, "?$1");
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, native.c_str(), -1, &st, nullptr) != SQLITE_OK)
      throw StoreError(path_ + ": " + sqlite3_errmsg(db_) + " in: " + sql);
    cache_.emplace(sql, st);
    return st;
  }

  static void Bind(sqlite3_stmt* st, int i, const Value& v) {
    if (auto p = std::get_if<int64_t>(&v)) sqlite3_bind_int64(st, i, *p);
    else if (auto p = std::get_if<double>(&v)) sqlite3_bind_double(st, i, *p);
    else if (auto p = std::get_if<std::string>(&v))
      sqlite3_bind_text(st, i, p->data(), static_cast<int>(p->size()), SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, i);
  }

  std::string path_;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// --------------------------------------------------------------------------------- PostgreSQL

class PostgresDb : public Db {
 public:
  explicit PostgresDb(const std::string& uri) : uri_(Redact(uri)) {
    try {
      conn_ = std::make_unique<pqxx::connection>(uri);
      pqxx::nontransaction t(*conn_);
      t.exec("SET client_min_messages = warning");
    } catch (const std::exception& e) {
      throw StoreError(uri_ + ": cannot connect to PostgreSQL: " + e.what());
    }
  }
  ~PostgresDb() override {
    work_.reset();
  }

  void Exec(const std::string& sql) override {
    Guard([&] {
      if (work_) {
        work_->exec(sql);
      } else {
        pqxx::nontransaction t(*conn_);
        t.exec(sql);
      }
    });
  }

  void Query(const std::string& sql, const std::vector<Value>& params,
             const std::function<bool(const Row&)>& row) override {
    std::vector<std::string> storage(params.size());
    std::vector<const char*> ptrs(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::monostate>(v)) continue;
      if (auto p = std::get_if<int64_t>(&v)) storage[i] = std::to_string(*p);
      else if (auto p = std::get_if<double>(&v)) storage[i] = pqxx::to_string(*p);
      else storage[i] = std::get<std::string>(v);
      ptrs[i] = storage[i].c_str();
    }
    pqxx::result res;
    Guard([&] {
      if (work_) {
        res = work_->exec_params(sql, pqxx::prepare::make_dynamic_params(ptrs));
      } else {
        pqxx::nontransaction t(*conn_);
        res = t.exec_params(sql, pqxx::prepare::make_dynamic_params(ptrs));
      }
    });
    Row r;
    const int ncols = res.columns();
    std::vector<int> kinds(ncols);  // 0 text, 1 int, 2 float, 3 bytea
    for (int c = 0; c < ncols; ++c) {
      switch (res.column_type(c)) {
        case 20: case 21: case 23: case 16: kinds[c] = 1; break;  // int8 int2 int4 bool
        case 700: case 701: case 1700: kinds[c] = 2; break;        // float4 float8 numeric
        case 17: kinds[c] = 3; break;
        default: kinds[c] = 0;
      }
    }
    for (const auto& pr : res) {
      r.values.resize(ncols);
      for (int c = 0; c < ncols; ++c) {
        const auto& f = pr[c];
        if (f.is_null()) {
          r.values[c] = std::monostate{};
        } else if (kinds[c] == 1) {
          std::string s = f.c_str();
          r.values[c] = static_cast<int64_t>(s == "t" ? 1 : s == "f" ? 0 : std::stoll(s));
        } else if (kinds[c] == 2) {
          r.values[c] = std::stod(f.c_str());
        } else if (kinds[c] == 3) {
          r.values[c] = pqxx::binarystring(f).str();
        } else {
          r.values[c] = std::string(f.c_str(), f.size());
        }
      }
      if (!row(r)) return;
    }
  }

  void Copy(const std::string& table, const std::vector<std::string>& columns,
            const std::vector<std::vector<Value>>& rows) override {
    if (rows.empty()) return;
    if (!work_) throw StoreError(uri_ + ": COPY outside a transaction");
    Guard([&] {
      // tablewriter is the one libpqxx 6 class that takes a ready COPY line; the escaping
      // (backslash, tab, newline, carriage return) is done here and is byte-safe for UTF-8.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
      pqxx::tablewriter stream(*work_, table, columns.begin(), columns.end());
#pragma GCC diagnostic pop
      std::string line;
      for (const auto& r : rows) {
        line.clear();
        for (size_t i = 0; i < r.size(); ++i) {
          if (i) line += '\t';
          const Value& v = r[i];
          if (std::holds_alternative<std::monostate>(v)) line += "\\N";
          else if (auto p = std::get_if<int64_t>(&v)) line += std::to_string(*p);
          else if (auto p = std::get_if<double>(&v)) line += pqxx::to_string(*p);
          else AppendCopyEscaped(line, std::get<std::string>(v));
        }
        stream.write_raw_line(line);
      }
      stream.complete();
    });
  }

  void Begin() override {
    Guard([&] { work_ = std::make_unique<pqxx::work>(*conn_); });
  }
  void Commit() override {
    Guard([&] {
      work_->commit();
      work_.reset();
    });
  }
  void Rollback() override {
    try {
      if (work_) work_->abort();
    } catch (...) {
    }
    work_.reset();
  }
  bool postgres() const override { return true; }

 private:
  template <typename F>
  void Guard(F&& f) {
    try {
      f();
    } catch (const StoreError&) {
      throw;
    } catch (const std::exception& e) {
      throw StoreError(uri_ + ": " + e.what());
    }
  }

  static void AppendCopyEscaped(std::string& out, const std::string& s) {
    for (char c : s) {
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\0': break;  // PostgreSQL text cannot hold NUL
        default: out += c;
      }
    }
  }

  // Never print a password in an error message.
  static std::string Redact(const std::string& uri) {
    static const std::regex pw(R"(://([^:/@]*):[^@]*@)");
    return std::regex_replace(uri, pw, "://$1:***@");
  }

  std::string uri_;
  std::unique_ptr<pqxx::connection> conn_;
  std::unique_ptr<pqxx::work> work_;
};

}  // namespace

std::unique_ptr<Db> OpenSqlite(const std::string& path, bool read_only, int busy_timeout_ms) {
  return std::make_unique<SqliteDb>(path, read_only, busy_timeout_ms);
}

std::unique_ptr<Db> OpenPostgres(const std::string& uri) {
  return std::make_unique<PostgresDb>(uri);
}

}  // namespace communique::store
