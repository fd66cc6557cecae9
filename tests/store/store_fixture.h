// Test support for the store: synthetic documents and events, and the two backends (a temporary
// SQLite file, a fresh database on the test PostgreSQL server) for typed tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "communique/document.h"
#include "communique/event.h"
#include "store/store.h"

namespace communique::store::testing {

// A temporary directory removed at exit.
std::string TempDir();

// A document whose lines are its sentences (one paragraph per line).
Document MakeDocument(const std::string& id, const std::string& url, const std::string& date,
                      const std::vector<std::string>& lines);

Event MakeEvent(const Document& doc, uint32_t sentence, const std::string& source, const std::string& target,
                const std::string& cameo, const std::string& date, int quad_class = 1, double goldstein = 1.0,
                const std::string& plover = "");

// PostgreSQL server URI for tests (started by ctest's fixture or on demand); empty when it could
// not be started. `why` says why.
std::string PostgresServer(std::string* why);
// A URI of a new, empty database on that server; empty when unavailable.
std::string NewPostgresDatabase(std::string* why);
bool SkipPostgres();  // COMMUNIQUE_SKIP_PG=1

struct SqliteBackend {
  static constexpr const char* kName = "SQLite";
  static std::string NewStore(std::string* why);
};
struct PostgresBackend {
  static constexpr const char* kName = "PostgreSQL";
  static std::string NewStore(std::string* why) { return NewPostgresDatabase(why); }
};

// Opens a new empty store of backend B, or fails (PostgreSQL missing) / skips (COMMUNIQUE_SKIP_PG=1).
template <typename B>
class BackendTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    location_ = B::NewStore(&why);
    if (location_.empty()) {
      if (SkipPostgres()) GTEST_SKIP() << "COMMUNIQUE_SKIP_PG=1: " << why;
      FAIL() << B::kName << " store unavailable: " << why
             << " (set COMMUNIQUE_SKIP_PG=1 to skip the PostgreSQL tests)";
    }
    store_ = Store::Open(location_);
  }
  std::string location_;
  std::unique_ptr<Store> store_;
};

struct BackendNames {
  template <typename T>
  static std::string GetName(int) {
    return T::kName;
  }
};

using Backends = ::testing::Types<SqliteBackend, PostgresBackend>;

}  // namespace communique::store::testing
