// The event store: documents, sentences, aggregated events, their mentions and actors, in one
// SQLite file (default) or a PostgreSQL database, with the same schema and behaviour.
//
// In: batches of prepared Documents with the Events the coder found in them. Out: plain structs
// for queries, aggregates, organization timelines, documents with event spans and actor profiles.
//
// Writes are transactional per batch and idempotent: a document already stored with the same
// content hash is skipped, a document whose content changed is replaced. Near-duplicate
// documents (the same story on another site) join a duplicate group; their events become
// mentions of the events already stored, never new events (see docs/store.md).
//
// Every value coming from a user reaches the database as a bound parameter, never as SQL text.
// A Store may be used from several threads at once: reads run on a pool of connections while
// writes are serialized. With SQLite, other processes may read while one process writes (WAL).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "communique/document.h"
#include "communique/event.h"

namespace communique::store {

// Any failure to open, read or write the store; the message names the store and the cause.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct OpenOptions {
  bool read_only = false;       // readers (serve, query) open read-only
  int busy_timeout_ms = 10000;  // SQLite: how long a writer waits for another writer
  int read_connections = 4;     // size of the reader pool
};

// ---------------------------------------------------------------------------------------------
// Writing

// One document and every event coded from it. `doc` must have been through text::Prepare so
// that sentences are known; events refer to sentences by index.
struct DocumentEvents {
  Document doc;
  std::vector<Event> events;
};

struct WriteStats {
  uint64_t documents_added = 0;
  uint64_t documents_replaced = 0;   // same id, different content hash
  uint64_t documents_unchanged = 0;  // same id and content hash: nothing written
  uint64_t near_duplicates = 0;      // added documents that joined an existing duplicate group
  uint64_t events_added = 0;         // new aggregated event rows
  uint64_t mentions_added = 0;       // event mentions (one per coded event in a document)
};

// ---------------------------------------------------------------------------------------------
// Reading

enum class SortField { kDate, kGoldstein, kMentions, kSources, kId };

struct QueryFilter {
  std::vector<std::string> actors;     // actor code prefixes on either side ("KAZ", "IGOEURCSTO")
  std::vector<std::string> countries;  // 3-letter country codes on either side
  std::string source;                  // dyad: source code prefix (empty: any)
  std::string target;                  // dyad: target code prefix (empty: any)
  std::string cameo_prefix;            // "04", "036"
  std::string plover;                  // PLOVER type, exact ("CONSULT")
  int quad_class = 0;                  // 1..4, 0: any
  std::optional<Date> from;            // inclusive
  std::optional<Date> to;              // inclusive
  std::string text;                    // case-insensitive substring of an evidence sentence
  std::string outlet;                  // reported by this outlet (host name)
  std::string doc_id;                  // reported by this document
  std::vector<int64_t> event_ids;      // only these events (empty: any)

  SortField sort = SortField::kDate;
  bool descending = false;
  uint32_t limit = 100;                // page size; 0 means no limit
  uint64_t offset = 0;
};

struct ActorRef {
  std::string code;     // "KAZGOV"
  std::string country;  // "KAZ"
  std::string name;     // the words most often used for it
  std::string sector;   // "GOV"
};

// One aggregated event: all mentions of the same (date, source, target, CAMEO, location).
struct EventRow {
  int64_t id = 0;
  std::optional<Date> date;
  ActorRef source;
  ActorRef target;
  std::string cameo;
  std::string plover;
  int quad_class = 0;
  double goldstein = 0;
  std::string location_name;
  std::string location_country;
  std::optional<double> lat, lon;
  int64_t num_mentions = 0;
  int64_t num_sources = 0;    // distinct outlets
  int64_t num_documents = 0;
  std::string first_doc_id;   // the earliest document that reported it
  std::string url;            // that document's URL
  std::string evidence;       // that document's sentence
  std::string verb;
  std::vector<std::string> outlets;  // every outlet that reported it, sorted
};

// One sentence that reported an event (raw coder output, never aggregated away).
struct MentionRow {
  int64_t event_id = 0;
  std::string event_uid;  // the coder's Event::event_id
  std::string doc_id;
  std::string url;
  std::string outlet;
  std::optional<Date> published;
  uint32_t sentence = 0;
  std::optional<Date> date;  // the date this mention gave the event
  std::string date_source;
  bool has_source = false, has_target = false;  // the coder named a source / target actor
  std::string source_text, target_text;
  std::string source_sector, target_sector;
  std::string evidence;   // sentence text
  std::string verb;
  std::string pattern;
  uint32_t begin = 0, end = 0;  // sentence span in the document's raw bytes
  bool in_duplicate = false;    // the document is a near-duplicate of an earlier one
  double confidence = 1.0;      // how well the mention supports the event (1: coded directly)
};

enum class Period { kNone, kDay, kWeek, kMonth, kYear };

enum class GroupBy {
  kDyad,       // source x target (x period when period != kNone)
  kQuadClass,  // quad class (x period)
  kCameoRoot,  // two-digit CAMEO root (x period)
  kPeriod,     // period only
  kActor,      // top actors, on either side
  kSource,     // top source actors
  kTarget,     // top target actors
};

struct AggregateRequest {
  QueryFilter filter;  // limit/offset/sort of the filter are ignored
  GroupBy group = GroupBy::kDyad;
  Period period = Period::kMonth;
  uint32_t limit = 0;  // 0: all groups; otherwise the groups with most events first
};

struct AggregateRow {
  std::string period;  // day "2024-11-28", week (its Monday) "2024-11-25", month "2024-11", year "2024"
  std::string source;  // kDyad, kSource
  std::string target;  // kDyad, kTarget
  std::string actor;   // kActor
  std::string key;     // kCameoRoot: "04"; kQuadClass: "1".."4"
  int quad_class = 0;
  int64_t events = 0;
  int64_t mentions = 0;
  double goldstein_sum = 0;
  double goldstein_mean = 0;
};

// The organization timeline: events where the organization or one of its members is source or
// target, in date order, each classified for a reader.
struct TimelineRequest {
  std::string code;                  // "IGOEURCSTO"
  std::vector<std::string> members;  // member country codes; empty: from the store's member table
  std::optional<Date> from, to;
  bool members_only_with_org = true;  // member events count only when their evidence names the
                                      // organization (otherwise every Russian event would appear)
};

struct TimelineEntry {
  std::optional<Date> date;
  std::string kind;  // "meeting", "declaration", "participation", "absence", "suspension",
                     // "statement", "cooperation", "conflict", "other"
  std::string role;  // "organization" or the member's code ("ARM")
  EventRow event;    // with evidence and outlets
};

struct EventSpan {
  int64_t event_id = 0;
  uint32_t sentence = 0;
  uint32_t begin = 0, end = 0;  // sentence span in `raw`
  std::string cameo;
  std::string source_text, verb, target_text;  // to highlight inside the sentence
};

struct SentenceRow {
  uint32_t index = 0;
  uint32_t begin = 0, end = 0;  // byte offsets in `text`
  uint32_t raw_begin = 0, raw_end = 0;
  std::string text;
};

struct DocumentView {
  std::string id, url, outlet, title, language, content_hash, input_path;
  std::optional<Date> published;
  std::string date_source;
  int64_t duplicate_group = 0;  // the id (rowid) of the group's first document
  std::vector<std::string> duplicates;  // ids of the other documents in its group
  std::string raw, text;
  std::vector<SentenceRow> sentences;
  std::vector<EventSpan> events;
};

struct ActorSummary {
  ActorRef actor;
  int64_t as_source = 0;
  int64_t as_target = 0;
  std::optional<Date> first, last;
};

struct ActorProfile {
  ActorSummary summary;
  std::vector<std::string> names;               // every surface form seen
  std::vector<std::string> members;             // for organizations with a member table entry
  std::vector<AggregateRow> partners;           // top counterpart actors (actor field)
  std::vector<AggregateRow> quad_classes;       // by quad class and month
  std::vector<EventRow> recent;                 // latest events
};

struct StoreStats {
  int64_t documents = 0, duplicate_groups = 0, sentences = 0, events = 0, mentions = 0, actors = 0;
};

class Store {
 public:
  // `location`: a file path (SQLite, created when missing unless read-only) or a
  // postgresql:// / postgres:// URI. Throws StoreError.
  static std::unique_ptr<Store> Open(const std::string& location, const OpenOptions& options = {});
  virtual ~Store() = default;

  // One transaction: all of the batch is stored or none of it. Throws StoreError.
  virtual WriteStats Write(const std::vector<DocumentEvents>& batch) = 0;
  // Replaces the member list of an organization (used by timelines and profiles).
  virtual void SetMembers(const std::string& org_code, const std::vector<std::string>& members) = 0;

  virtual std::vector<EventRow> Events(const QueryFilter& filter) = 0;
  virtual int64_t CountEvents(const QueryFilter& filter) = 0;
  // Calls `row` for every event matching the filter in id order (limit/offset honoured);
  // streams, for exports of millions of rows. Stop by returning false.
  virtual void ScanEvents(const QueryFilter& filter,
                          const std::function<bool(const EventRow&)>& row) = 0;
  virtual std::vector<MentionRow> Mentions(const QueryFilter& filter) = 0;
  virtual void ScanMentions(const QueryFilter& filter,
                            const std::function<bool(const MentionRow&)>& row) = 0;
  virtual std::vector<AggregateRow> Aggregate(const AggregateRequest& request) = 0;
  virtual std::vector<TimelineEntry> Timeline(const TimelineRequest& request) = 0;
  virtual std::optional<DocumentView> GetDocument(const std::string& id) = 0;
  virtual std::vector<ActorSummary> SearchActors(const std::string& text, uint32_t limit) = 0;
  virtual std::optional<ActorProfile> GetActor(const std::string& code) = 0;
  virtual StoreStats Stats() = 0;

  virtual std::string backend() const = 0;  // "sqlite" or "postgresql"
};

// "2024-11", "2024-W48"... as used in AggregateRow::period; exposed for the web page's axes.
std::string PeriodLabel(Period p, const Date& d);
std::optional<Period> ParsePeriod(const std::string& s);  // "day", "week", "month", "year", "none"
std::optional<GroupBy> ParseGroupBy(const std::string& s);  // "dyad", "quad", "cameo", "period",
                                                            // "actor", "source", "target"
std::optional<SortField> ParseSortField(const std::string& s);  // "date", "goldstein", ...

}  // namespace communique::store
