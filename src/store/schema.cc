// Schema text (see schema.h, docs/store.md).
#include "store/schema.h"

#include <string>

namespace communique::store {

namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  id {ID},
  doc_id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL DEFAULT '',
  outlet TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  published TEXT,
  published_day INTEGER,
  date_source TEXT NOT NULL DEFAULT 'unknown',
  content_hash TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT '',
  input_path TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL DEFAULT '',
  dup_group BIGINT NOT NULL DEFAULT 0,
  dup_similarity {REAL} NOT NULL DEFAULT 1,
  minhash TEXT NOT NULL DEFAULT '',
  raw TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS documents_group ON documents(dup_group);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet);
CREATE TABLE IF NOT EXISTS doc_bands(band_key BIGINT NOT NULL, doc BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS doc_bands_key ON doc_bands(band_key);
CREATE INDEX IF NOT EXISTS doc_bands_doc ON doc_bands(doc);
CREATE TABLE IF NOT EXISTS sentences(
  doc BIGINT NOT NULL,
  idx INTEGER NOT NULL,
  begin_off INTEGER NOT NULL,
  end_off INTEGER NOT NULL,
  raw_begin INTEGER NOT NULL,
  raw_end INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY(doc, idx));
CREATE TABLE IF NOT EXISTS actors(
  code TEXT PRIMARY KEY,
  country TEXT NOT NULL DEFAULT '',
  sector TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS actor_names(
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  n BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY(code, name));
CREATE TABLE IF NOT EXISTS events(
  id {ID},
  day INTEGER NOT NULL,
  week INTEGER NOT NULL,
  month INTEGER NOT NULL,
  year INTEGER NOT NULL,
  source TEXT NOT NULL,
  source_country TEXT NOT NULL,
  target TEXT NOT NULL,
  target_country TEXT NOT NULL,
  cameo TEXT NOT NULL,
  cameo_root TEXT NOT NULL,
  plover TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein {REAL} NOT NULL,
  location TEXT NOT NULL,
  location_country TEXT NOT NULL,
  lat {REAL},
  lon {REAL},
  num_mentions INTEGER NOT NULL DEFAULT 0,
  num_sources INTEGER NOT NULL DEFAULT 0,
  num_documents INTEGER NOT NULL DEFAULT 0,
  first_mention BIGINT,
  UNIQUE(day, source, target, cameo, location));
CREATE INDEX IF NOT EXISTS events_dyad_month ON events(source, target, year, month, goldstein, num_mentions);
CREATE INDEX IF NOT EXISTS events_target ON events(target, day, goldstein, num_mentions);
CREATE INDEX IF NOT EXISTS events_day ON events(day);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo, day);
CREATE INDEX IF NOT EXISTS events_quad ON events(quad_class, month, goldstein, num_mentions);
CREATE INDEX IF NOT EXISTS events_source_country ON events(source_country, day);
CREATE INDEX IF NOT EXISTS events_target_country ON events(target_country, day);
CREATE INDEX IF NOT EXISTS events_plover ON events(plover, day);
CREATE TABLE IF NOT EXISTS mentions(
  id {ID},
  event BIGINT NOT NULL,
  doc BIGINT NOT NULL,
  sentence INTEGER NOT NULL,
  event_uid TEXT NOT NULL,
  day INTEGER NOT NULL,
  date_source TEXT NOT NULL,
  source_text TEXT,
  source_sector TEXT,
  target_text TEXT,
  target_sector TEXT,
  verb TEXT NOT NULL,
  pattern TEXT NOT NULL,
  evidence TEXT NOT NULL,
  raw_begin INTEGER NOT NULL,
  raw_end INTEGER NOT NULL,
  in_duplicate INTEGER NOT NULL DEFAULT 0,
  confidence {REAL} NOT NULL DEFAULT 1,
  UNIQUE(doc, event_uid));
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event);
CREATE TABLE IF NOT EXISTS members(
  org TEXT NOT NULL,
  member TEXT NOT NULL,
  PRIMARY KEY(org, member));
)SQL";

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
}

}  // namespace

std::string SchemaSql(bool postgres) {
  std::string s = kSchema;
  ReplaceAll(s, "{ID}", postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY");
  ReplaceAll(s, "{REAL}", postgres ? "DOUBLE PRECISION" : "REAL");
  return s;
}

}  // namespace communique::store
