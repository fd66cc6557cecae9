// Response cache and store version (see cache.h).
#include "serve/cache.h"

#include <sys/stat.h>

#include <chrono>

namespace communique::serve {

std::shared_ptr<const std::string> ResponseCache::Get(const std::string& key, uint64_t version) {
  std::lock_guard lock(mu_);
  if (version != version_) {
    ClearLocked();
    version_ = version;
    return nullptr;
  }
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->body;
}

void ResponseCache::Put(const std::string& key, uint64_t version,
                        std::shared_ptr<const std::string> body) {
  size_t size = key.size() + body->size();
  if (max_bytes_ == 0 || size > max_bytes_ / 8) return;  // one answer never crowds out the rest
  std::lock_guard lock(mu_);
  if (version != version_) {
    ClearLocked();
    version_ = version;
  }
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->key.size() + it->second->body->size();
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.push_front({key, std::move(body)});
  index_[key] = lru_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    const Entry& last = lru_.back();
    bytes_ -= last.key.size() + last.body->size();
    index_.erase(last.key);
    lru_.pop_back();
  }
}

void ResponseCache::Clear() {
  std::lock_guard lock(mu_);
  ClearLocked();
}

void ResponseCache::ClearLocked() {
  lru_.clear();
  index_.clear();
  bytes_ = 0;
}

size_t ResponseCache::bytes() const {
  std::lock_guard lock(mu_);
  return bytes_;
}

size_t ResponseCache::entries() const {
  std::lock_guard lock(mu_);
  return lru_.size();
}

StoreVersion::StoreVersion(std::string location) {
  bool server = location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
  if (!server) {
    db_path_ = location;
    wal_path_ = location + "-wal";
  }
}

namespace {
uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}
uint64_t FileState(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return 1;
  uint64_t h = Mix(static_cast<uint64_t>(st.st_size), static_cast<uint64_t>(st.st_ino));
  h = Mix(h, static_cast<uint64_t>(st.st_mtim.tv_sec));
  return Mix(h, static_cast<uint64_t>(st.st_mtim.tv_nsec));
}
}  // namespace

uint64_t StoreVersion::Current() const {
  uint64_t h = local_writes_.load(std::memory_order_relaxed);
  if (db_path_.empty()) {
    // A server database gives no cheap change signal: answers may be at most 2 s old.
    auto now = std::chrono::steady_clock::now().time_since_epoch();
    return Mix(h, static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(now).count() / 2));
  }
  return Mix(Mix(h, FileState(db_path_)), FileState(wal_path_));
}

}  // namespace communique::serve
