// JSON views of store results for the HTTP API (see docs/serve.md for the shapes).
//
// In: store structs (EventRow, MentionRow, AggregateRow, TimelineEntry, DocumentView, actors).
// Out: nlohmann::json values. Evidence sentences carry "highlights": byte spans of the source,
// verb and target words inside the sentence, so a page can mark them without guessing.
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.h"

namespace communique::serve {

struct Highlight {
  std::string_view role;  // "source", "verb", "target"
  size_t begin = 0;       // byte offsets in the sentence
  size_t end = 0;
};

// Where the source, verb and target words occur in `sentence` (exact match first, then ASCII
// case-insensitive); roles whose words are not found are left out. Spans never overlap: a later
// role is looked for outside the earlier ones.
std::vector<Highlight> FindHighlights(std::string_view sentence, std::string_view source,
                                      std::string_view verb, std::string_view target);

nlohmann::json ToJson(const store::ActorRef& a);
nlohmann::json ToJson(const store::EventRow& e);
nlohmann::json ToJson(const store::MentionRow& m);
nlohmann::json ToJson(const store::AggregateRow& r, store::GroupBy group);
nlohmann::json ToJson(const store::TimelineEntry& t);
nlohmann::json ToJson(const store::ActorSummary& s);
nlohmann::json ToJson(const store::ActorProfile& p);
nlohmann::json ToJson(const store::StoreStats& s);
// The document's cleaned text with its sentences and event spans; `with_raw` adds the original
// bytes (may be HTML) and raw offsets stay in every span either way.
nlohmann::json ToJson(const store::DocumentView& d, bool with_raw);

std::string_view GroupName(store::GroupBy g);
std::string_view PeriodName(store::Period p);
std::string_view SortName(store::SortField s);

}  // namespace communique::serve
