// Request parameters of the HTTP API, validated and turned into store requests.
//
// In: the query string of a request as name/value pairs. Out: store::QueryFilter,
// store::AggregateRequest and the like, or a ParamError naming the parameter and what is wrong
// with it (the server answers 400 with it). Unknown parameters are errors too, so a typo never
// silently widens a query. Values reach the store as data only; the store binds them as SQL
// parameters.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace communique::serve {

class ParamError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// name -> every value given for it, in order (a parameter may repeat: actor=RUS&actor=KAZ).
using Params = std::multimap<std::string, std::string>;

inline constexpr uint32_t kDefaultPageSize = 50;
inline constexpr uint32_t kMaxPageSize = 500;
inline constexpr uint64_t kMaxOffset = 10'000'000;
inline constexpr uint32_t kMaxAggregateRows = 10'000;
inline constexpr size_t kMaxTextLength = 200;

// Parameters accepted by /api/events and /api/aggregates to select events.
// actor, country (repeatable or comma-separated), source, target, dyad=SOURCE-TARGET, cameo,
// plover, quad, from, to, text, outlet, doc.
store::QueryFilter ParseFilter(const Params& params);

// /api/events: the filter plus sort=[-]date|goldstein|mentions|sources|id, limit, offset.
store::QueryFilter ParseEventQuery(const Params& params);

// /api/aggregates: the filter plus group=dyad|quad|cameo|period|actor|source|target,
// period=day|week|month|year|none, limit.
store::AggregateRequest ParseAggregateQuery(const Params& params);

// /api/actors: q (free text, may be empty) and limit.
struct ActorSearch {
  std::string text;
  uint32_t limit = 20;
};
ActorSearch ParseActorSearch(const Params& params);

// /api/organizations/{code}/timeline: from, to, members (country codes, comma-separated),
// all_member_events, limit (entries returned, 1..10,000; default 2,000).
struct TimelineQuery {
  store::TimelineRequest request;
  uint32_t limit = 2000;
};
TimelineQuery ParseTimelineQuery(std::string_view code, const Params& params);

// An actor code as found in a path or parameter: letters and digits only, at most 40; lower
// case is accepted and upper-cased.
std::string ParseActorCode(std::string_view what, std::string_view value);

// Throws ParamError when a parameter outside `allowed` is present.
void RejectUnknown(const Params& params, const std::vector<std::string_view>& allowed);

}  // namespace communique::serve
