// The ingest handler (see ingest.h): the same reader, cleaning and coder as `communique ingest`.
#include "serve/ingest.h"

#include "ingest/reader.h"
#include "serve/params.h"
#include "text/clean.h"

namespace communique::serve {
namespace {

ingest::Format FormatOf(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  std::string t(type);
  for (char& c : t) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (t == "application/x-ndjson" || t == "application/jsonl" || t == "application/x-jsonlines" ||
      t == "application/json-lines") {
    return ingest::Format::kJsonLines;
  }
  if (t == "text/html" || t == "application/xhtml+xml") return ingest::Format::kHtml;
  if (t == "text/plain") return ingest::Format::kText;
  if (t == "application/warc") return ingest::Format::kWarc;
  return ingest::Format::kUnknown;
}

}  // namespace

IngestHandler MakeIngestHandler(store::Store& store, const code::Coder& coder) {
  return [&store, &coder](std::string_view body, std::string_view content_type) {
    nlohmann::json errors = nlohmann::json::array();
    std::vector<store::DocumentEvents> batch;
    uint64_t events = 0;
    ingest::ReadStats read = ingest::ReadBytes(
        body, "request", FormatOf(content_type),
        [&](Document&& doc) {
          text::Prepare(doc);
          store::DocumentEvents de;
          de.events = coder.CodeDocument(doc);
          events += de.events.size();
          de.doc = std::move(doc);
          batch.push_back(std::move(de));
          return batch.size() < 10000;
        },
        [&](const InputError& e) {
          if (errors.size() < 100) errors.push_back(e.ToString());
        });
    if (batch.empty()) {
      std::string why = errors.empty() ? std::string("no documents in the request body")
                                       : errors.front().get<std::string>();
      throw ParamError(why);
    }
    store::WriteStats w = store.Write(batch);
    return nlohmann::json{{"documents", read.documents},
                          {"skipped", read.skipped},
                          {"events", events},
                          {"added", w.documents_added},
                          {"replaced", w.documents_replaced},
                          {"unchanged", w.documents_unchanged},
                          {"near_duplicates", w.near_duplicates},
                          {"events_added", w.events_added},
                          {"mentions_added", w.mentions_added},
                          {"errors", errors}};
  };
}

}  // namespace communique::serve
