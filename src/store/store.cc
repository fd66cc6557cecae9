// The event store over Db (SQLite or PostgreSQL): batch writes with deduplication and GDELT-style
// aggregation, and every read the CLI and the web API need. See store.h and docs/store.md.
#include "store/store.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "store/db.h"
#include "store/minhash.h"
#include "text/fingerprint.h"
#include "store/schema.h"

namespace communique::store {

namespace {

using text::Fingerprint;
using text::Hex64;


struct DayKeys {
  int64_t day = kNoDay, week = kNoDay, month = 0, year = 0;
};

DayKeys KeysOf(const std::optional<Date>& d) {
  DayKeys k;
  k.week = kNoDay;
  if (!d) return k;
  k.day = d->Days();
  // 1970-01-01 was a Thursday: Monday of the week is day - ((day + 3) mod 7).
  k.week = k.day - (((k.day + 3) % 7) + 7) % 7;
  k.month = d->year * 100 + d->month;
  k.year = d->year;
  return k;
}

std::optional<Date> DayToDate(int64_t day) {
  if (day == kNoDay) return std::nullopt;
  return Date::FromDays(static_cast<int32_t>(day));
}

std::string ToUpper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string ToLower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A LIKE pattern that matches `s` literally (escape character '\').
std::string LikeEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The smallest string greater than every string starting with `prefix`, or "" when there is none
// (the prefix is all 0xFF bytes). Prefix filters become ranges so that indexes on the code columns
// answer them; LIKE 'X%' would scan the whole table.
std::string PrefixEnd(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
  return prefix;
}

// Builds a WHERE clause with numbered placeholders; values go to `params`, never into the SQL.
struct SqlBuilder {
  std::vector<Value> params;
  std::vector<std::string> conds;
  std::string P(Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  }
  // "column starts with prefix" as an index-friendly range.
  std::string Prefix(const std::string& column, const std::string& prefix) {
    std::string end = PrefixEnd(prefix);
    std::string c = "(" + column + " >= " + P(prefix);
    if (!end.empty()) c += " AND " + column + " < " + P(end);
    return c + ")";
  }
  std::string Where() const {
    if (conds.empty()) return "";
    std::string s = " WHERE ";
    for (size_t i = 0; i < conds.size(); ++i) s += (i ? " AND " : "") + conds[i];
    return s;
  }
};

void AddFilter(SqlBuilder& b, const QueryFilter& f) {
  if (!f.actors.empty()) {
    std::string c = "(";
    for (size_t i = 0; i < f.actors.size(); ++i) {
      std::string code = ToUpper(f.actors[i]);
      c += (i ? " OR " : "") + b.Prefix("e.source", code) + " OR " + b.Prefix("e.target", code);
    }
    b.conds.push_back(c + ")");
  }
  if (!f.countries.empty()) {
    std::string c = "(";
    for (size_t i = 0; i < f.countries.size(); ++i) {
      std::string p = b.P(ToUpper(f.countries[i]));
      c += (i ? " OR " : "") + std::string("e.source_country = ") + p + " OR e.target_country = " + p;
    }
    b.conds.push_back(c + ")");
  }
  if (!f.source.empty())
    b.conds.push_back(b.Prefix("e.source", ToUpper(f.source)));
  if (!f.target.empty())
    b.conds.push_back(b.Prefix("e.target", ToUpper(f.target)));
  if (!f.cameo_prefix.empty())
    b.conds.push_back(b.Prefix("e.cameo", f.cameo_prefix));
  if (!f.plover.empty()) b.conds.push_back("e.plover = " + b.P(ToUpper(f.plover)));
  if (f.quad_class) b.conds.push_back("e.quad_class = " + b.P(int64_t{f.quad_class}));
  if (f.from) b.conds.push_back("e.day >= " + b.P(int64_t{f.from->Days()}));
  // Undated events are stored below every real day: a date range never includes them.
  if (f.to) b.conds.push_back("e.day <= " + b.P(int64_t{f.to->Days()}) + " AND e.day > " + b.P(kNoDay));
  if (!f.text.empty())
    b.conds.push_back(
        "EXISTS (SELECT 1 FROM mentions tm WHERE tm.event = e.id AND lower(tm.evidence) LIKE " +
        b.P("%" + LikeEscape(ToLower(f.text)) + "%") + " ESCAPE '\\')");
  if (!f.outlet.empty())
    b.conds.push_back(
        "EXISTS (SELECT 1 FROM mentions om JOIN documents od ON od.id = om.doc WHERE om.event = e.id "
        "AND od.outlet = " + b.P(ToLower(f.outlet)) + ")");
  if (!f.doc_id.empty())
    b.conds.push_back(
        "EXISTS (SELECT 1 FROM mentions dm JOIN documents dd ON dd.id = dm.doc WHERE dm.event = e.id "
        "AND dd.doc_id = " + b.P(f.doc_id) + ")");
  if (!f.event_ids.empty()) {
    std::string c = "e.id IN (";
    for (size_t i = 0; i < f.event_ids.size(); ++i) c += (i ? "," : "") + b.P(f.event_ids[i]);
    b.conds.push_back(c + ")");
  }
}

// Streams rows chunk by chunk (keyset pagination keeps memory flat on millions of rows), honouring
// the filter's offset and limit; `next_chunk` appends the next chunk, nothing when done.
template <typename T>
void ScanInChunks(const QueryFilter& f, const std::function<bool(const T&)>& row,
                  const std::function<void(std::vector<T>*)>& next_chunk) {
  uint64_t skipped = 0, emitted = 0;
  for (;;) {
    std::vector<T> chunk;
    next_chunk(&chunk);
    if (chunk.empty()) return;
    for (auto& item : chunk) {
      if (skipped < f.offset) {
        ++skipped;
        continue;
      }
      if (f.limit && emitted >= f.limit) return;
      ++emitted;
      if (!row(item)) return;
    }
  }
}

constexpr const char* kEventColumns =
    "SELECT e.id, e.day, e.source, e.source_country, e.target, e.target_country, e.cameo, e.plover, "
    "e.quad_class, e.goldstein, e.location, e.location_country, e.lat, e.lon, e.num_mentions, "
    "e.num_sources, e.num_documents, fd.doc_id, fd.url, fm.evidence, fm.verb, sa.name, ta.name, sa.sector, ta.sector "
    "FROM events e LEFT JOIN mentions fm ON fm.id = e.first_mention "
    "LEFT JOIN documents fd ON fd.id = fm.doc "
    "LEFT JOIN actors sa ON sa.code = e.source LEFT JOIN actors ta ON ta.code = e.target";

EventRow EventFromRow(const Row& r) {
  EventRow e;
  e.id = r.Int(0);
  e.date = DayToDate(r.Int(1));
  e.source = {r.Str(2), r.Str(3), r.Str(21), r.Str(23)};
  e.target = {r.Str(4), r.Str(5), r.Str(22), r.Str(24)};
  e.cameo = r.Str(6);
  e.plover = r.Str(7);
  e.quad_class = static_cast<int>(r.Int(8));
  e.goldstein = r.Real(9);
  e.location_name = r.Str(10);
  e.location_country = r.Str(11);
  if (!r.Null(12)) e.lat = r.Real(12);
  if (!r.Null(13)) e.lon = r.Real(13);
  e.num_mentions = r.Int(14);
  e.num_sources = r.Int(15);
  e.num_documents = r.Int(16);
  e.first_doc_id = r.Str(17);
  e.url = r.Str(18);
  e.evidence = r.Str(19);
  e.verb = r.Str(20);
  return e;
}

std::string OrderBy(const QueryFilter& f) {
  const char* dir = f.descending ? " DESC" : " ASC";
  switch (f.sort) {
    case SortField::kGoldstein: return std::string(" ORDER BY e.goldstein") + dir + ", e.id" + dir;
    case SortField::kMentions: return std::string(" ORDER BY e.num_mentions") + dir + ", e.id" + dir;
    case SortField::kSources: return std::string(" ORDER BY e.num_sources") + dir + ", e.id" + dir;
    case SortField::kId: return std::string(" ORDER BY e.id") + dir;
    case SortField::kDate: break;
  }
  return std::string(" ORDER BY e.day") + dir + ", e.id" + dir;
}

constexpr const char* kMentionColumns =
    "SELECT m.event, m.event_uid, d.doc_id, d.url, d.outlet, d.published_day, m.sentence, "
    "m.date_source, m.source_text, m.target_text, m.evidence, m.verb, m.pattern, m.raw_begin, "
    "m.raw_end, m.in_duplicate, m.confidence, m.id, m.day, m.source_sector, m.target_sector "
    "FROM mentions m JOIN documents d ON d.id = m.doc JOIN events e ON e.id = m.event";

MentionRow MentionFromRow(const Row& r) {
  MentionRow m;
  m.event_id = r.Int(0);
  m.event_uid = r.Str(1);
  m.doc_id = r.Str(2);
  m.url = r.Str(3);
  m.outlet = r.Str(4);
  if (!r.Null(5)) m.published = DayToDate(r.Int(5));
  m.sentence = static_cast<uint32_t>(r.Int(6));
  m.date_source = r.Str(7);
  m.source_text = r.Str(8);
  m.target_text = r.Str(9);
  m.evidence = r.Str(10);
  m.verb = r.Str(11);
  m.pattern = r.Str(12);
  m.begin = static_cast<uint32_t>(r.Int(13));
  m.end = static_cast<uint32_t>(r.Int(14));
  m.in_duplicate = r.Int(15) != 0;
  m.confidence = r.Real(16);
  m.date = DayToDate(r.Int(18));
  m.has_source = !r.Null(8);
  m.has_target = !r.Null(9);
  m.source_sector = r.Str(19);
  m.target_sector = r.Str(20);
  return m;
}

// The article text used for near-duplicate detection: the sentences the coder reads when the
// document was segmented (page furniture excluded), else the whole cleaned text.
std::string ArticleText(const Document& d) {
  if (d.sentences.empty()) return d.text.empty() ? d.raw : d.text;
  std::string s;
  for (const auto& sen : d.sentences) {
    if (sen.end <= d.text.size() && sen.begin <= sen.end) {
      s.append(d.text, sen.begin, sen.end - sen.begin);
      s += '\n';
    }
  }
  return s;
}

std::string Language(const Document& d) {
  std::map<std::string, size_t> bytes;
  for (const auto& p : d.paragraphs)
    if (!p.boilerplate && !p.lang.empty()) bytes[p.lang] += p.end - p.begin;
  std::string best;
  size_t n = 0;
  for (auto& [lang, b] : bytes)
    if (b > n) best = lang, n = b;
  return best;
}

// PostgreSQL text cannot hold NUL bytes; SQLite could, but both stores must agree.
std::string NoNul(std::string_view s) {
  std::string out(s);
  out.erase(std::remove(out.begin(), out.end(), '\0'), out.end());
  return out;
}

// A pool of reader connections; writes use their own connection under a mutex.
class Pool {
 public:
  Pool(std::function<std::unique_ptr<Db>()> open, int size) : open_(std::move(open)), max_(size) {}
  class Lease {
   public:
    Lease(Pool* p, std::unique_ptr<Db> db) : pool_(p), db_(std::move(db)) {}
    ~Lease() { pool_->Release(std::move(db_)); }
    Db* operator->() { return db_.get(); }
    Db& operator*() { return *db_; }
   private:
    Pool* pool_;
    std::unique_ptr<Db> db_;
  };
  Lease Acquire() {
    std::unique_lock lock(mu_);
    for (;;) {
      if (!free_.empty()) {
        auto db = std::move(free_.back());
        free_.pop_back();
        return Lease(this, std::move(db));
      }
      if (open_count_ < max_) {
        ++open_count_;
        lock.unlock();
        try {
          return Lease(this, open_());
        } catch (...) {
          std::lock_guard relock(mu_);
          --open_count_;
          throw;
        }
      }
      cv_.wait(lock);
    }
  }

 private:
  void Release(std::unique_ptr<Db> db) {
    std::lock_guard lock(mu_);
    free_.push_back(std::move(db));
    cv_.notify_one();
  }
  std::function<std::unique_ptr<Db>()> open_;
  int max_;
  int open_count_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Db>> free_;
};

// What one batch accumulates before its rows are copied and its events' counts recomputed.
struct BatchState {
  std::set<int64_t> touched;                                          // events whose counts change
  std::map<std::string, std::pair<std::string, std::string>> actors;  // code -> country, sector
  std::map<std::pair<std::string, std::string>, int64_t> names;       // (code, words) -> times seen
  std::unordered_map<std::string, int64_t> group_events;  // "group|src|tgt|cameo|loc" -> event id
  std::unordered_set<std::string> doc_ids;
  std::vector<std::vector<Value>> sentences, mentions, bands;
  std::unordered_map<int64_t, std::vector<int64_t>> band_docs;  // band key -> documents of the batch
  std::unordered_map<int64_t, std::pair<MinHash, int64_t>> signatures;  // document -> signature, group
};

class StoreImpl : public Store {
 public:
  StoreImpl(std::string location, const OpenOptions& options)
      : location_(std::move(location)),
        options_(options),
        pg_(location_.rfind("postgresql://", 0) == 0 || location_.rfind("postgres://", 0) == 0),
        pool_([this] { return OpenDb(true); }, std::max(1, options.read_connections)) {
    if (!options_.read_only) {
      writer_ = OpenDb(false);
      writer_->Exec(SchemaSql(pg_));
      writer_->Run(pg_ ? "INSERT INTO meta(key, value) VALUES('schema_version', $1) ON CONFLICT DO NOTHING"
                       : "INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', $1)",
                   {std::to_string(kSchemaVersion)});
      writer_->Exec("CREATE TEMP TABLE IF NOT EXISTS touched(id BIGINT PRIMARY KEY)");
    } else {
      auto lease = pool_.Acquire();  // fail now, with the store's name, when it is not there
      Value v = lease->One("SELECT value FROM meta WHERE key = 'schema_version'", {});
      if (std::holds_alternative<std::monostate>(v))
        throw StoreError(location_ + ": not a communique store (no schema version)");
    }
  }

  std::string backend() const override { return pg_ ? "postgresql" : "sqlite"; }

  // ------------------------------------------------------------------------------- writing

  WriteStats Write(const std::vector<DocumentEvents>& batch) override {
    if (!writer_) throw StoreError(location_ + ": store opened read-only");
    std::lock_guard lock(write_mu_);
    WriteStats stats;
    Db& db = *writer_;
    db.Begin();
    try {
      db.Run("DELETE FROM touched", {});
      BatchState state;
      for (const auto& de : batch) WriteDocument(db, de, stats, state);
      FlushRows(db, state);
      FinishBatch(db, state.touched, state.actors, state.names, stats);
      db.Commit();
    } catch (...) {
      db.Rollback();
      throw;
    }
    return stats;
  }

  void SetMembers(const std::string& org, const std::vector<std::string>& members) override {
    if (!writer_) throw StoreError(location_ + ": store opened read-only");
    std::lock_guard lock(write_mu_);
    writer_->Begin();
    try {
      writer_->Run("DELETE FROM members WHERE org = $1", {ToUpper(org)});
      for (const auto& m : members)
        writer_->Run("INSERT INTO members(org, member) VALUES($1, $2) ON CONFLICT DO NOTHING",
                     {ToUpper(org), ToUpper(m)});
      writer_->Commit();
    } catch (...) {
      writer_->Rollback();
      throw;
    }
  }

  // ------------------------------------------------------------------------------- reading

  std::vector<EventRow> Events(const QueryFilter& f) override {
    auto db = pool_.Acquire();
    SqlBuilder b;
    AddFilter(b, f);
    std::string sql = kEventColumns + b.Where() + OrderBy(f);
    if (f.limit) sql += " LIMIT " + b.P(int64_t{f.limit}) + " OFFSET " + b.P(static_cast<int64_t>(f.offset));
    std::vector<EventRow> out;
    db->Query(sql, b.params, [&](const Row& r) {
      out.push_back(EventFromRow(r));
      return true;
    });
    FillOutlets(*db, out);
    return out;
  }

  int64_t CountEvents(const QueryFilter& f) override {
    auto db = pool_.Acquire();
    SqlBuilder b;
    AddFilter(b, f);
    Row r;
    r.values.push_back(db->One("SELECT count(*) FROM events e" + b.Where(), b.params));
    return r.Int(0);
  }

  void ScanEvents(const QueryFilter& f, const std::function<bool(const EventRow&)>& row) override {
    auto db = pool_.Acquire();
    int64_t last = -1;
    ScanInChunks<EventRow>(f, row, [&](std::vector<EventRow>* chunk) {
      SqlBuilder b;
      AddFilter(b, f);
      b.conds.push_back("e.id > " + b.P(last));
      db->Query(kEventColumns + b.Where() + " ORDER BY e.id LIMIT 2000", b.params, [&](const Row& r) {
        chunk->push_back(EventFromRow(r));
        return true;
      });
      if (!chunk->empty()) last = chunk->back().id;
      FillOutlets(*db, *chunk);
    });
  }

  std::vector<MentionRow> Mentions(const QueryFilter& f) override {
    std::vector<MentionRow> out;
    auto db = pool_.Acquire();
    SqlBuilder b;
    AddFilter(b, f);
    std::string sql = kMentionColumns + b.Where() + " ORDER BY m.event, m.id";
    if (f.limit) sql += " LIMIT " + b.P(int64_t{f.limit}) + " OFFSET " + b.P(static_cast<int64_t>(f.offset));
    db->Query(sql, b.params, [&](const Row& r) {
      out.push_back(MentionFromRow(r));
      return true;
    });
    return out;
  }

  void ScanMentions(const QueryFilter& f, const std::function<bool(const MentionRow&)>& row) override {
    auto db = pool_.Acquire();
    int64_t last = -1;
    ScanInChunks<MentionRow>(f, row, [&](std::vector<MentionRow>* chunk) {
      SqlBuilder b;
      AddFilter(b, f);
      b.conds.push_back("m.id > " + b.P(last));
      db->Query(kMentionColumns + b.Where() + " ORDER BY m.id LIMIT 2000", b.params, [&](const Row& r) {
        chunk->push_back(MentionFromRow(r));
        last = r.Int(17);
        return true;
      });
    });
  }

  std::vector<AggregateRow> Aggregate(const AggregateRequest& req) override {
    auto db = pool_.Acquire();
    SqlBuilder b;
    AddFilter(b, req.filter);
    std::string period_col;
    switch (req.period) {
      case Period::kDay: period_col = "e.day"; break;
      case Period::kWeek: period_col = "e.week"; break;
      case Period::kMonth: period_col = "e.month"; break;
      case Period::kYear: period_col = "e.year"; break;
      case Period::kNone: break;
    }
    // Undated events have no period; the test is on the period column itself so that an index
    // holding it still covers the query.
    if (!period_col.empty())
      b.conds.push_back(period_col + " > " +
                        b.P(req.period == Period::kDay || req.period == Period::kWeek ? kNoDay : int64_t{0}));
    // Group keys as they appear in the SELECT list (first the period, then the key columns).
    std::vector<std::string> keys;
    if (!period_col.empty()) keys.push_back(period_col);
    std::string from = "events e";
    enum Kind { kP, kS, kT, kA, kQ, kC };
    std::vector<Kind> kinds;
    if (!period_col.empty()) kinds.push_back(kP);
    std::string sql;
    const std::string measures = "count(*), sum(e.num_mentions), sum(e.goldstein)";
    if (req.group == GroupBy::kActor && period_col.empty()) {
      // Either side, without a period: one streaming aggregate per side over its index, merged.
      std::map<std::string, AggregateRow> by_actor;
      for (const char* side : {"source", "target"}) {
        SqlBuilder sb;
        AddFilter(sb, req.filter);
        sb.conds.push_back(std::string("e.") + side + " <> ''");
        db->Query(std::string("SELECT e.") + side + ", count(*), sum(e.num_mentions), sum(e.goldstein) FROM events e" +
                      sb.Where() + " GROUP BY e." + side,
                  sb.params, [&](const Row& r) {
                    AggregateRow& a = by_actor[r.Str(0)];
                    a.events += r.Int(1);
                    a.mentions += r.Int(2);
                    a.goldstein_sum += r.Real(3);
                    return true;
                  });
      }
      std::vector<AggregateRow> out;
      out.reserve(by_actor.size());
      for (auto& [actor, a] : by_actor) {
        a.actor = actor;
        a.goldstein_mean = a.events ? a.goldstein_sum / a.events : 0;
        out.push_back(std::move(a));
      }
      if (req.limit) {
        std::stable_sort(out.begin(), out.end(),
                         [](const AggregateRow& x, const AggregateRow& y) { return x.events > y.events; });
        if (out.size() > req.limit) out.resize(req.limit);
      }
      return out;
    }
    if (req.group == GroupBy::kActor) {
      // Either side: one row per (event, side) so an actor counts wherever it appears.
      std::string where = b.Where();
      std::string pc = period_col.empty() ? "0" : period_col;
      std::string inner = "SELECT e.source AS actor, " + pc + " AS p, e.num_mentions, e.goldstein FROM events e" +
                          where + (where.empty() ? " WHERE " : " AND ") + "e.source <> '' UNION ALL " +
                          "SELECT e.target AS actor, " + pc + " AS p, e.num_mentions, e.goldstein FROM events e" +
                          where + (where.empty() ? " WHERE " : " AND ") + "e.target <> ''";
      sql = "SELECT " + std::string(period_col.empty() ? "" : "x.p, ") +
            "x.actor, count(*), sum(x.num_mentions), sum(x.goldstein) FROM (" + inner +
            ") x GROUP BY " + (period_col.empty() ? "" : "x.p, ") + "x.actor";
      kinds.push_back(kA);
      sql += req.limit ? " ORDER BY count(*) DESC, x.actor LIMIT " + b.P(int64_t{req.limit})
                       : " ORDER BY " + std::string(period_col.empty() ? "" : "x.p, ") + "x.actor";
    } else {
      switch (req.group) {
        case GroupBy::kDyad: keys.push_back("e.source"); keys.push_back("e.target");
          kinds.push_back(kS); kinds.push_back(kT); break;
        case GroupBy::kSource: keys.push_back("e.source"); kinds.push_back(kS); break;
        case GroupBy::kTarget: keys.push_back("e.target"); kinds.push_back(kT); break;
        case GroupBy::kQuadClass: keys.push_back("e.quad_class"); kinds.push_back(kQ); break;
        case GroupBy::kCameoRoot: keys.push_back("e.cameo_root"); kinds.push_back(kC); break;
        default: break;
      }
      // Dyad groups keep the index order (source, target, period) so SQLite aggregates while
      // scanning the covering index, without a sort.
      std::vector<std::string> group_order = keys;
      if (req.group == GroupBy::kDyad && !period_col.empty()) {
        // The month determines the year, so grouping by both gives the same groups and follows
        // the index (source, target, year, month, ...).
        if (req.period == Period::kMonth) group_order = {"e.source", "e.target", "e.year", "e.month"};
        else if (req.period == Period::kYear) group_order = {"e.source", "e.target", "e.year"};
        else group_order = {"e.source", "e.target", period_col};
      }
      std::string gl;
      for (size_t i = 0; i < group_order.size(); ++i) gl += (i ? ", " : "") + group_order[i];
      std::string sl;
      for (const auto& k : keys) sl += k + ", ";
      sql = "SELECT " + sl + measures + " FROM events e" + b.Where();
      if (!gl.empty()) sql += " GROUP BY " + gl;
      if (req.limit) sql += " ORDER BY count(*) DESC" + (gl.empty() ? "" : ", " + gl) + " LIMIT " + b.P(int64_t{req.limit});
      else if (!gl.empty()) sql += " ORDER BY " + gl;
    }
    std::vector<AggregateRow> out;
    db->Query(sql, b.params, [&](const Row& r) {
      AggregateRow a;
      size_t i = 0;
      for (Kind k : kinds) {
        switch (k) {
          case kP: a.period = PeriodValueLabel(req.period, r.Int(i)); break;
          case kS: a.source = r.Str(i); break;
          case kT: a.target = r.Str(i); break;
          case kA: a.actor = r.Str(i); break;
          case kQ: a.quad_class = static_cast<int>(r.Int(i)); a.key = r.Str(i); break;
          case kC: a.key = r.Str(i); break;
        }
        ++i;
      }
      a.events = r.Int(i);
      a.mentions = r.Int(i + 1);
      a.goldstein_sum = r.Real(i + 2);
      a.goldstein_mean = a.events ? a.goldstein_sum / static_cast<double>(a.events) : 0;
      out.push_back(std::move(a));
      return true;
    });
    return out;
  }

  std::vector<TimelineEntry> Timeline(const TimelineRequest& req) override {
    auto db = pool_.Acquire();
    const std::string org = ToUpper(req.code);
    std::vector<std::string> members = req.members;
    if (members.empty()) {
      db->Query("SELECT member FROM members WHERE org = $1 ORDER BY member", {org}, [&](const Row& r) {
        members.push_back(r.Str(0));
        return true;
      });
    }
    SqlBuilder b;
    std::string org_cond = "(" + b.Prefix("e.source", org) + " OR " + b.Prefix("e.target", org) + ")";
    std::string cond = org_cond;
    if (!members.empty()) {
      std::string in;
      for (size_t i = 0; i < members.size(); ++i) in += (i ? "," : "") + b.P(ToUpper(members[i]));
      std::string member_cond = "(e.source_country IN (" + in + ") OR e.target_country IN (" + in + "))";
      if (req.members_only_with_org) {
        // A member's event belongs to the organization's timeline when a document that reported
        // it also reported an event of the organization.
        member_cond += " AND EXISTS (SELECT 1 FROM mentions m1 JOIN mentions m2 ON m2.doc = m1.doc "
                       "JOIN events e2 ON e2.id = m2.event WHERE m1.event = e.id AND (" +
                       b.Prefix("e2.source", org) + " OR " + b.Prefix("e2.target", org) + "))";
      }
      cond = "(" + org_cond + " OR (" + member_cond + "))";
    }
    b.conds.push_back(cond);
    if (req.from) b.conds.push_back("e.day >= " + b.P(int64_t{req.from->Days()}));
    if (req.to) b.conds.push_back("e.day <= " + b.P(int64_t{req.to->Days()}) + " AND e.day > " + b.P(kNoDay));
    std::vector<EventRow> rows;
    db->Query(kEventColumns + b.Where() + " ORDER BY e.day, e.id", b.params, [&](const Row& r) {
      rows.push_back(EventFromRow(r));
      return true;
    });
    FillOutlets(*db, rows);
    // Undated events (no date in the text, no publication date) go after the dated ones.
    std::stable_partition(rows.begin(), rows.end(), [](const EventRow& e) { return e.date.has_value(); });
    std::vector<TimelineEntry> out;
    for (auto& e : rows) {
      TimelineEntry t;
      t.date = e.date;
      bool is_org = e.source.code.rfind(org, 0) == 0 || e.target.code.rfind(org, 0) == 0;
      if (is_org && e.source.code.rfind(org, 0) == 0) t.role = "organization";
      else if (!e.source.country.empty() &&
               std::find(members.begin(), members.end(), e.source.country) != members.end())
        t.role = e.source.country;
      else if (is_org) t.role = "organization";
      else t.role = e.target.country;
      t.kind = ClassifyTimelineEvent(e, t.role != "organization");
      t.event = std::move(e);
      out.push_back(std::move(t));
    }
    return out;
  }

  std::optional<DocumentView> GetDocument(const std::string& id) override {
    auto db = pool_.Acquire();
    std::optional<DocumentView> v;
    int64_t pk = 0;
    db->Query("SELECT id, doc_id, url, outlet, title, language, content_hash, input_path, published_day, "
              "date_source, dup_group, raw, text FROM documents WHERE doc_id = $1",
              {id}, [&](const Row& r) {
                v.emplace();
                pk = r.Int(0);
                v->id = r.Str(1);
                v->url = r.Str(2);
                v->outlet = r.Str(3);
                v->title = r.Str(4);
                v->language = r.Str(5);
                v->content_hash = r.Str(6);
                v->input_path = r.Str(7);
                if (!r.Null(8)) v->published = DayToDate(r.Int(8));
                v->date_source = r.Str(9);
                v->duplicate_group = r.Int(10);
                v->raw = r.Str(11);
                v->text = r.Str(12);
                return false;
              });
    if (!v) return v;
    db->Query("SELECT doc_id FROM documents WHERE dup_group = $1 AND id <> $2 ORDER BY id",
              {v->duplicate_group, pk}, [&](const Row& r) {
                v->duplicates.push_back(r.Str(0));
                return true;
              });
    db->Query("SELECT idx, begin_off, end_off, raw_begin, raw_end, text FROM sentences WHERE doc = $1 ORDER BY idx",
              {pk}, [&](const Row& r) {
                v->sentences.push_back({static_cast<uint32_t>(r.Int(0)), static_cast<uint32_t>(r.Int(1)),
                                        static_cast<uint32_t>(r.Int(2)), static_cast<uint32_t>(r.Int(3)),
                                        static_cast<uint32_t>(r.Int(4)), r.Str(5)});
                return true;
              });
    db->Query("SELECT m.event, m.sentence, m.raw_begin, m.raw_end, e.cameo, m.source_text, m.verb, m.target_text "
              "FROM mentions m JOIN events e ON e.id = m.event WHERE m.doc = $1 ORDER BY m.sentence, m.id",
              {pk}, [&](const Row& r) {
                v->events.push_back({r.Int(0), static_cast<uint32_t>(r.Int(1)), static_cast<uint32_t>(r.Int(2)),
                                     static_cast<uint32_t>(r.Int(3)), r.Str(4), r.Str(5), r.Str(6), r.Str(7)});
                return true;
              });
    return v;
  }

  std::vector<ActorSummary> SearchActors(const std::string& text, uint32_t limit) override {
    auto db = pool_.Acquire();
    std::vector<ActorSummary> out;
    SqlBuilder b;
    std::string code = b.P(LikeEscape(ToUpper(text)) + "%");
    std::string name = b.P("%" + LikeEscape(ToLower(text)) + "%");
    std::string sql =
        "SELECT a.code, a.country, a.name, "
        "(SELECT count(*) FROM events s WHERE s.source = a.code), "
        "(SELECT count(*) FROM events t WHERE t.target = a.code), a.sector "
        "FROM actors a WHERE a.code LIKE " + code + " ESCAPE '\\' OR EXISTS (SELECT 1 FROM actor_names n "
        "WHERE n.code = a.code AND lower(n.name) LIKE " + name + " ESCAPE '\\') ORDER BY a.code";
    if (limit) sql += " LIMIT " + b.P(int64_t{limit});
    db->Query(sql, b.params, [&](const Row& r) {
      ActorSummary s;
      s.actor = {r.Str(0), r.Str(1), r.Str(2), r.Str(5)};
      s.as_source = r.Int(3);
      s.as_target = r.Int(4);
      out.push_back(std::move(s));
      return true;
    });
    std::sort(out.begin(), out.end(), [](const ActorSummary& a, const ActorSummary& b) {
      return a.as_source + a.as_target > b.as_source + b.as_target;
    });
    return out;
  }

  std::optional<ActorProfile> GetActor(const std::string& code_in) override {
    const std::string code = ToUpper(code_in);
    std::optional<ActorProfile> p;
    {
      auto db = pool_.Acquire();
      db->Query("SELECT a.code, a.country, a.name, "
                "(SELECT count(*) FROM events s WHERE s.source = a.code), "
                "(SELECT count(*) FROM events t WHERE t.target = a.code), "
                "(SELECT min(day) FROM events f WHERE (f.source = a.code OR f.target = a.code) AND f.day > $2), "
                "(SELECT max(day) FROM events l WHERE l.source = a.code OR l.target = a.code), a.sector "
                "FROM actors a WHERE a.code = $1",
                {code, kNoDay}, [&](const Row& r) {
                  p.emplace();
                  p->summary.actor = {r.Str(0), r.Str(1), r.Str(2), r.Str(7)};
                  p->summary.as_source = r.Int(3);
                  p->summary.as_target = r.Int(4);
                  if (!r.Null(5)) p->summary.first = DayToDate(r.Int(5));
                  if (!r.Null(6) && r.Int(6) != kNoDay) p->summary.last = DayToDate(r.Int(6));
                  return false;
                });
      if (!p) return p;
      db->Query("SELECT name FROM actor_names WHERE code = $1 ORDER BY n DESC, name", {code}, [&](const Row& r) {
        p->names.push_back(r.Str(0));
        return true;
      });
      db->Query("SELECT member FROM members WHERE org = $1 ORDER BY member", {code}, [&](const Row& r) {
        p->members.push_back(r.Str(0));
        return true;
      });
      db->Query("SELECT x.partner, count(*), sum(x.num_mentions), sum(x.goldstein), avg(x.goldstein) FROM ("
                "SELECT target AS partner, num_mentions, goldstein FROM events WHERE source = $1 AND target <> '' "
                "UNION ALL SELECT source AS partner, num_mentions, goldstein FROM events WHERE target = $1 AND source <> '') x "
                "GROUP BY x.partner ORDER BY count(*) DESC, x.partner LIMIT 20",
                {code}, [&](const Row& r) {
                  AggregateRow a;
                  a.actor = r.Str(0);
                  a.events = r.Int(1);
                  a.mentions = r.Int(2);
                  a.goldstein_sum = r.Real(3);
                  a.goldstein_mean = r.Real(4);
                  p->partners.push_back(std::move(a));
                  return true;
                });
    }
    AggregateRequest q;
    q.filter.actors = {code};
    q.group = GroupBy::kQuadClass;
    q.period = Period::kMonth;
    p->quad_classes = Aggregate(q);
    QueryFilter recent;
    recent.actors = {code};
    recent.descending = true;
    recent.limit = 20;
    p->recent = Events(recent);
    // Prefix matching also found sub-actors; a profile is about this exact code.
    return p;
  }

  StoreStats Stats() override {
    auto db = pool_.Acquire();
    StoreStats s;
    auto count = [&](const std::string& sql) {
      Row r;
      r.values.push_back(db->One(sql, {}));
      return r.Int(0);
    };
    s.documents = count("SELECT count(*) FROM documents");
    s.duplicate_groups = count("SELECT count(DISTINCT dup_group) FROM documents");
    s.sentences = count("SELECT count(*) FROM sentences");
    s.events = count("SELECT count(*) FROM events");
    s.mentions = count("SELECT count(*) FROM mentions");
    s.actors = count("SELECT count(*) FROM actors");
    return s;
  }

 private:
  std::unique_ptr<Db> OpenDb(bool reader) {
    if (pg_) return OpenPostgres(location_);
    return OpenSqlite(location_, reader && options_.read_only, options_.busy_timeout_ms);
  }

  static std::string PeriodValueLabel(Period p, int64_t v) {
    switch (p) {
      case Period::kDay:
      case Period::kWeek: return Date::FromDays(static_cast<int32_t>(v)).ToString();
      case Period::kMonth: {
        // Called once per result row of month aggregates (hundreds of thousands): no printf.
        std::string s = "0000-00";
        int y = static_cast<int>(v / 100), m = static_cast<int>(v % 100);
        for (int i = 3; i >= 0; --i, y /= 10) s[i] = static_cast<char>('0' + y % 10);
        s[5] = static_cast<char>('0' + m / 10);
        s[6] = static_cast<char>('0' + m % 10);
        return s;
      }
      case Period::kYear: return std::to_string(v);
      case Period::kNone: break;
    }
    return "";
  }

  static std::string ClassifyTimelineEvent(const EventRow& e, bool member) {
    std::string ev = ToLower(e.evidence);
    auto has = [&](const char* w) { return ev.find(w) != std::string::npos; };
    const std::string& c = e.cameo;
    auto root = c.substr(0, std::min<size_t>(2, c.size()));
    if (has("did not take part") || has("did not attend") || has("not participat") || has("absent") ||
        has("boycott") || has("skipped"))
      return "absence";
    if (root == "16" || has("suspend") || has("freez")) return "suspension";
    if (c == "057" || has("declaration")) return "declaration";
    if (root == "04" || c == "036") return member ? "participation" : "meeting";
    if (root == "01" || root == "02") return "statement";
    if (root == "03" || root == "05" || root == "06" || root == "07" || root == "08") return "cooperation";
    if (root >= "09" && !root.empty()) return "conflict";
    return "other";
  }

  void FillOutlets(Db& db, std::vector<EventRow>& rows) {
    if (rows.empty()) return;
    std::unordered_map<int64_t, EventRow*> by_id;
    SqlBuilder b;
    std::string in;
    for (auto& e : rows) {
      by_id[e.id] = &e;
      in += (in.empty() ? "" : ",") + b.P(e.id);
    }
    db.Query("SELECT DISTINCT m.event, d.outlet FROM mentions m JOIN documents d ON d.id = m.doc "
             "WHERE m.event IN (" + in + ") AND d.outlet <> '' ORDER BY m.event, d.outlet",
             b.params, [&](const Row& r) {
               by_id[r.Int(0)]->outlets.push_back(r.Str(1));
               return true;
             });
  }

  void WriteDocument(Db& db, const DocumentEvents& de, WriteStats& stats, BatchState& batch) {
    const Document& d = de.doc;
    if (d.id.empty()) throw StoreError(location_ + ": document without an id (from " + d.input_path + ")");
    const std::string hash = "fnv1a64:" + Hex64(Fingerprint(d.raw.empty() ? d.text : d.raw));
    int64_t pk = 0;
    std::string old_hash;
    db.Query("SELECT id, content_hash FROM documents WHERE doc_id = $1", {d.id}, [&](const Row& r) {
      pk = r.Int(0);
      old_hash = r.Str(1);
      return false;
    });
    if (pk && old_hash == hash) {
      ++stats.documents_unchanged;
      return;
    }
    // The same document twice in one batch: what the first copy left pending must be in the
    // tables before the second replaces it.
    if (!batch.doc_ids.insert(d.id).second) FlushRows(db, batch);
    const DayKeys pub = KeysOf(d.published);
    Value published = d.published ? Value(d.published->ToString()) : Value();
    Value published_day = d.published ? Value(pub.day) : Value();
    std::vector<Value> doc_values = {d.id, NoNul(d.url), ToLower(d.outlet), NoNul(d.title), published,
                                     published_day, d.date_source, hash, Language(d), NoNul(d.input_path),
                                     d.format, NoNul(d.raw), NoNul(d.text)};
    if (pk) {
      // Same document, new content: drop what the old version contributed, keep its row id so
      // duplicate groups that point at it stay valid.
      db.Query("SELECT DISTINCT event FROM mentions WHERE doc = $1", {pk}, [&](const Row& r) {
        batch.touched.insert(r.Int(0));
        return true;
      });
      db.Run("DELETE FROM mentions WHERE doc = $1", {pk});
      db.Run("DELETE FROM sentences WHERE doc = $1", {pk});
      db.Run("DELETE FROM doc_bands WHERE doc = $1", {pk});
      doc_values.push_back(pk);
      db.Run("UPDATE documents SET doc_id = $1, url = $2, outlet = $3, title = $4, published = $5, "
             "published_day = $6, date_source = $7, content_hash = $8, language = $9, input_path = $10, "
             "format = $11, raw = $12, text = $13 WHERE id = $14",
             doc_values);
      ++stats.documents_replaced;
    } else {
      Value id = db.One("INSERT INTO documents(doc_id, url, outlet, title, published, published_day, date_source, "
                        "content_hash, language, input_path, format, raw, text) "
                        "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
                        doc_values);
      Row r;
      r.values.push_back(id);
      pk = r.Int(0);
      ++stats.documents_added;
    }

    // Near-duplicates: candidates share at least one LSH band; the most similar above the
    // threshold gives the group.
    MinHash mh = ComputeMinHash(ArticleText(d));
    std::vector<int64_t> bands = BandKeys(mh);
    int64_t group = pk;
    double similarity = 1;
    if (!bands.empty()) {
      SqlBuilder b;
      std::string in;
      for (int64_t k : bands) in += (in.empty() ? "" : ",") + b.P(k);
      std::string self = b.P(pk);
      double best = 0;
      int64_t best_group = 0, best_pk = 0;
      db.Query("SELECT d.id, d.dup_group, d.minhash FROM documents d WHERE d.id IN "
               "(SELECT DISTINCT doc FROM doc_bands WHERE band_key IN (" + in + ")) AND d.id <> " + self +
               " ORDER BY d.id",
               b.params, [&](const Row& r) {
                 double s = EstimateJaccard(mh, DecodeMinHash(r.Str(2)));
                 if (s > best) best = s, best_group = r.Int(1), best_pk = r.Int(0);
                 return true;
               });
      // Documents of this batch: their bands are still in memory.
      std::set<int64_t> in_batch;
      for (int64_t k : bands)
        if (auto it = batch.band_docs.find(k); it != batch.band_docs.end())
          in_batch.insert(it->second.begin(), it->second.end());
      for (int64_t other : in_batch) {
        if (other == pk) continue;
        const auto& [sig, other_group] = batch.signatures.at(other);
        double s = EstimateJaccard(mh, sig);
        if (s > best || (s == best && other < best_pk)) best = s, best_group = other_group, best_pk = other;
      }
      if (best >= kDuplicateThreshold && best_pk) {
        group = best_group;
        similarity = best;
        ++stats.near_duplicates;
      }
      for (int64_t k : bands) {
        batch.bands.push_back({k, pk});
        batch.band_docs[k].push_back(pk);
      }
    }
    batch.signatures[pk] = {mh, group};
    db.Run("UPDATE documents SET dup_group = $1, dup_similarity = $2, minhash = $3 WHERE id = $4",
           {group, similarity, EncodeMinHash(mh), pk});

    for (const auto& s : d.sentences) {
      if (s.end > d.text.size() || s.begin > s.end) continue;
      uint32_t rb = s.begin, re = s.end;
      if (d.text_to_raw.size() == d.text.size() + 1) std::tie(rb, re) = d.RawSpan(s.begin, s.end);
      batch.sentences.push_back({pk, int64_t{s.index}, int64_t{s.begin}, int64_t{s.end}, int64_t{rb}, int64_t{re},
                               int64_t{s.paragraph}, NoNul(d.SentenceText(s))});
    }

    std::unordered_set<std::string> uids;
    const bool duplicate = group != pk;
    struct Pending {
      const Event* ev;
      std::string uid, src, tgt, src_c, tgt_c, loc;
      DayKeys k;
      int64_t eid = 0;
    };
    std::vector<Pending> pending;
    for (const auto& ev : de.events) {
      Pending p{&ev};
      p.uid = ev.event_id;
      if (p.uid.empty()) {
        p.uid = Hex64(Fingerprint(d.id + "|" + std::to_string(ev.sentence) + "|" +
                            (ev.source ? ev.source->code : "") + "|" + (ev.target ? ev.target->code : "") +
                            "|" + ev.cameo));
      }
      if (!uids.insert(p.uid).second) continue;  // the coder reported the same event twice
      p.k = KeysOf(ev.date);
      p.src = ev.source ? ToUpper(ev.source->code) : "";
      p.tgt = ev.target ? ToUpper(ev.target->code) : "";
      p.src_c = ev.source ? ToUpper(ev.source->country) : "";
      p.tgt_c = ev.target ? ToUpper(ev.target->country) : "";
      p.loc = ev.location ? NoNul(ev.location->name) : "";
      if (duplicate) {
        // The same story from another site: its events are mentions of the group's events,
        // whatever date this copy gave them.
        const std::string gkey = std::to_string(group) + "|" + p.src + "|" + p.tgt + "|" + ev.cameo + "|" + p.loc;
        if (auto it = batch.group_events.find(gkey); it != batch.group_events.end()) {
          p.eid = it->second;
        } else {
          db.Query("SELECT e.id FROM events e JOIN mentions m ON m.event = e.id JOIN documents gd ON gd.id = m.doc "
                   "WHERE gd.dup_group = $1 AND e.source = $2 AND e.target = $3 AND e.cameo = $4 AND e.location = $5 "
                   "ORDER BY e.id LIMIT 1",
                   {group, p.src, p.tgt, ev.cameo, p.loc}, [&](const Row& r) {
                     p.eid = r.Int(0);
                     return false;
                   });
        }
      }
      pending.push_back(std::move(p));
    }

    // New events of this document in one statement per 500: ON CONFLICT leaves existing rows
    // alone, RETURNING gives the ids of the rows created.
    auto key_of = [](int64_t day, const std::string& src, const std::string& tgt, const std::string& cameo,
                     const std::string& loc) {
      return std::to_string(day) + '\x1f' + src + '\x1f' + tgt + '\x1f' + cameo + '\x1f' + loc;
    };
    std::unordered_map<std::string, int64_t> ids;
    std::vector<const Pending*> fresh;
    {
      std::unordered_set<std::string> seen;
      for (const auto& p : pending)
        if (!p.eid && seen.insert(key_of(p.k.day, p.src, p.tgt, p.ev->cameo, p.loc)).second) fresh.push_back(&p);
    }
    for (size_t at = 0; at < fresh.size(); at += 500) {
      const size_t n = std::min<size_t>(500, fresh.size() - at);
      SqlBuilder b;
      std::string sql =
          "INSERT INTO events(day, week, month, year, source, source_country, target, target_country, cameo, "
          "cameo_root, plover, quad_class, goldstein, location, location_country, lat, lon) VALUES ";
      for (size_t i = 0; i < n; ++i) {
        const Pending& p = *fresh[at + i];
        const Event& ev = *p.ev;
        sql += (i ? ", (" : "(");
        const Value vals[] = {p.k.day, p.k.week, p.k.month, p.k.year, p.src, p.src_c, p.tgt, p.tgt_c, ev.cameo,
                              ev.cameo.substr(0, std::min<size_t>(2, ev.cameo.size())), ev.plover,
                              int64_t{ev.quad_class}, ev.goldstein, p.loc, ev.location ? ev.location->country : "",
                              ev.location ? Value(ev.location->lat) : Value(),
                              ev.location ? Value(ev.location->lon) : Value()};
        bool first = true;
        for (const auto& v : vals) {
          sql += (first ? "" : ", ") + b.P(v);
          first = false;
        }
        sql += ")";
      }
      sql += " ON CONFLICT(day, source, target, cameo, location) DO NOTHING "
             "RETURNING id, day, source, target, cameo, location";
      db.Query(sql, b.params, [&](const Row& r) {
        ids[key_of(r.Int(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5))] = r.Int(0);
        ++stats.events_added;
        return true;
      });
    }
    for (const Pending* p : fresh) {
      const std::string key = key_of(p->k.day, p->src, p->tgt, p->ev->cameo, p->loc);
      if (ids.count(key)) continue;
      Row r;
      r.values.push_back(db.One("SELECT id FROM events WHERE day = $1 AND source = $2 AND target = $3 AND "
                                "cameo = $4 AND location = $5",
                                {p->k.day, p->src, p->tgt, p->ev->cameo, p->loc}));
      ids[key] = r.Int(0);
    }

    for (auto& p : pending) {
      const Event& ev = *p.ev;
      if (!p.eid) p.eid = ids[key_of(p.k.day, p.src, p.tgt, ev.cameo, p.loc)];
      batch.group_events.emplace(std::to_string(group) + "|" + p.src + "|" + p.tgt + "|" + ev.cameo + "|" + p.loc,
                                 p.eid);
      batch.touched.insert(p.eid);
      batch.mentions.push_back({p.eid, pk, int64_t{ev.sentence}, p.uid, p.k.day, ev.date_source,
                                ev.source ? Value(NoNul(ev.source->text)) : Value(),
                                ev.source ? Value(ev.source->sector) : Value(),
                                ev.target ? Value(NoNul(ev.target->text)) : Value(),
                                ev.target ? Value(ev.target->sector) : Value(),
                                NoNul(ev.evidence.verb), NoNul(ev.evidence.pattern), NoNul(ev.evidence.sentence),
                                int64_t{ev.evidence.begin}, int64_t{ev.evidence.end}, int64_t{duplicate ? 1 : 0},
                                1.0});
      for (const auto* a : {ev.source ? &*ev.source : nullptr, ev.target ? &*ev.target : nullptr}) {
        if (!a || a->code.empty()) continue;
        batch.actors.emplace(ToUpper(a->code), std::make_pair(ToUpper(a->country), ToUpper(a->sector)));
        if (!a->text.empty()) ++batch.names[{ToUpper(a->code), NoNul(a->text)}];
      }
    }
    stats.mentions_added += pending.size();
  }

  // Rows written with COPY once per batch (or before a document of the batch is replaced).
  void FlushRows(Db& db, BatchState& batch) {
    db.Copy("sentences", {"doc", "idx", "begin_off", "end_off", "raw_begin", "raw_end", "paragraph", "text"},
            batch.sentences);
    db.Copy("mentions",
            {"event", "doc", "sentence", "event_uid", "day", "date_source", "source_text", "source_sector",
             "target_text", "target_sector", "verb", "pattern", "evidence", "raw_begin", "raw_end", "in_duplicate",
             "confidence"},
            batch.mentions);
    db.Copy("doc_bands", {"band_key", "doc"}, batch.bands);
    batch.sentences.clear();
    batch.mentions.clear();
    batch.bands.clear();
    batch.band_docs.clear();
  }

  void FinishBatch(Db& db, const std::set<int64_t>& touched,
                   const std::map<std::string, std::pair<std::string, std::string>>& actors,
                   const std::map<std::pair<std::string, std::string>, int64_t>& names, WriteStats&) {
    std::vector<std::vector<Value>> ids;
    ids.reserve(touched.size());
    for (int64_t id : touched) ids.push_back({id});
    db.Copy("touched", {"id"}, ids);
    db.Run("UPDATE events SET "
           "num_mentions = (SELECT count(*) FROM mentions m WHERE m.event = events.id), "
           "num_documents = (SELECT count(DISTINCT m.doc) FROM mentions m WHERE m.event = events.id), "
           "num_sources = (SELECT count(DISTINCT d.outlet) FROM mentions m JOIN documents d ON d.id = m.doc "
           "WHERE m.event = events.id AND d.outlet <> ''), "
           "first_mention = (SELECT m.id FROM mentions m JOIN documents d ON d.id = m.doc WHERE m.event = events.id "
           "ORDER BY COALESCE(d.published_day, 2147483647), m.in_duplicate, m.id LIMIT 1) "
           "WHERE id IN (SELECT id FROM touched)",
           {});
    db.Run("DELETE FROM events WHERE id IN (SELECT id FROM touched) AND num_mentions = 0", {});
    db.Run("DELETE FROM touched", {});
    for (const auto& [code, cs] : actors)
      db.Run("INSERT INTO actors(code, country, sector) VALUES($1, $2, $3) ON CONFLICT(code) DO NOTHING",
             {code, cs.first, cs.second});
    std::set<std::string> renamed;
    for (const auto& [key, n] : names) {
      db.Run("INSERT INTO actor_names(code, name, n) VALUES($1, $2, $3) "
             "ON CONFLICT(code, name) DO UPDATE SET n = actor_names.n + excluded.n",
             {key.first, key.second, n});
      renamed.insert(key.first);
    }
    for (const auto& code : renamed)
      db.Run("UPDATE actors SET name = (SELECT n.name FROM actor_names n WHERE n.code = $1 "
             "ORDER BY n.n DESC, n.name LIMIT 1) WHERE code = $1",
             {code});
  }

  std::string location_;
  OpenOptions options_;
  bool pg_;
  Pool pool_;
  std::mutex write_mu_;
  std::unique_ptr<Db> writer_;
};

}  // namespace

std::unique_ptr<Store> Store::Open(const std::string& location, const OpenOptions& options) {
  if (location.empty()) throw StoreError("no store given (--db PATH or postgresql://...)");
  return std::make_unique<StoreImpl>(location, options);
}

std::string PeriodLabel(Period p, const Date& d) {
  char buf[32];
  switch (p) {
    case Period::kDay: return d.ToString();
    case Period::kWeek: {
      int64_t day = d.Days();
      return Date::FromDays(static_cast<int32_t>(day - (((day + 3) % 7) + 7) % 7)).ToString();
    }
    case Period::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month); return buf;
    case Period::kYear: return std::to_string(d.year);
    case Period::kNone: break;
  }
  return "";
}

std::optional<Period> ParsePeriod(const std::string& s) {
  if (s == "day") return Period::kDay;
  if (s == "week") return Period::kWeek;
  if (s == "month") return Period::kMonth;
  if (s == "year") return Period::kYear;
  if (s == "none" || s.empty()) return Period::kNone;
  return std::nullopt;
}

std::optional<GroupBy> ParseGroupBy(const std::string& s) {
  if (s == "dyad") return GroupBy::kDyad;
  if (s == "quad" || s == "quadclass") return GroupBy::kQuadClass;
  if (s == "cameo") return GroupBy::kCameoRoot;
  if (s == "period") return GroupBy::kPeriod;
  if (s == "actor") return GroupBy::kActor;
  if (s == "source") return GroupBy::kSource;
  if (s == "target") return GroupBy::kTarget;
  return std::nullopt;
}

std::optional<SortField> ParseSortField(const std::string& s) {
  if (s == "date") return SortField::kDate;
  if (s == "goldstein") return SortField::kGoldstein;
  if (s == "mentions") return SortField::kMentions;
  if (s == "sources") return SortField::kSources;
  if (s == "id") return SortField::kId;
  return std::nullopt;
}

}  // namespace communique::store
