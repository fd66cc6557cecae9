// POST /api/ingest for `communique serve --allow-ingest`: read, prepare, code and store the
// documents carried by one request, as `communique ingest` does for files.
//
// In: the request body and its Content-Type (application/x-ndjson or application/jsonl: JSON
// Lines documents; text/html: one HTML page; text/plain: one article, optionally starting with a
// " date YYYY-MM-DD URL" line; anything else is detected from the bytes). Out: a JSON report
// {"documents", "events", "added", "replaced", "unchanged", "near_duplicates", "events_added",
// "mentions_added", "errors": [...]}; the whole request is one store transaction.
#pragma once

#include "code/coder.h"
#include "serve/server.h"
#include "store/store.h"

namespace communique::serve {

// `store` and `coder` must outlive the handler.
IngestHandler MakeIngestHandler(store::Store& store, const code::Coder& coder);

}  // namespace communique::serve
