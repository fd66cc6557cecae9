// A bounded cache of API response bodies, emptied whenever the store changes.
//
// The store only changes through an ingest (this server's POST /api/ingest or another process
// writing the same SQLite file), so a response is valid until then. StoreVersion tells the two
// apart cheaply: for an SQLite file it is the size and modification time of the database and its
// write-ahead log; for a server database it changes every few seconds, bounding staleness.
#pragma once

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace communique::serve {

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The cached body for `key` if it was stored under the same store version.
  std::shared_ptr<const std::string> Get(const std::string& key, uint64_t version);
  void Put(const std::string& key, uint64_t version, std::shared_ptr<const std::string> body);
  void Clear();

  size_t bytes() const;
  size_t entries() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const std::string> body;
  };
  void ClearLocked();

  const size_t max_bytes_;
  mutable std::mutex mu_;
  uint64_t version_ = 0;
  size_t bytes_ = 0;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

// A number that changes whenever the store at `location` may have changed.
class StoreVersion {
 public:
  explicit StoreVersion(std::string location);
  uint64_t Current() const;
  // Called after this process wrote to the store.
  void Bump() { local_writes_.fetch_add(1, std::memory_order_relaxed); }

 private:
  std::string db_path_, wal_path_;  // empty for a server database
  std::atomic<uint64_t> local_writes_{0};
};

}  // namespace communique::serve
