// Dates in text: finds date expressions in a sentence and resolves them against the publication
// date ("on Thursday" = the most recent Thursday on or before publication; "yesterday"; "last week";
// "earlier this year"; "November 28"; "in 2020"). Without a publication date, relative expressions
// stay unresolved (date nullopt) — never today's date.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "communique/document.h"

namespace communique::text {

// Mentions in sentence order, offsets into `sentence`. Each has:
//   granularity  "day", "week" (date = its Monday), "month" (the 1st), "year" (January 1st);
//   source       "explicit"                 the text gives the full date or year ("Nov. 28, 2024", "in 2020")
//                "publication-year"         month and day or month alone; the year is the one that puts
//                                           it nearest the publication date (past preferred)
//                "relative-to-publication"  weekdays, yesterday/today/tomorrow, last/this/next
//                                           week/month/year, "earlier this year", "two days ago"
//                "unknown"                  nothing to resolve against: date is nullopt
// A weekday alone or after "on" is the most recent such day on or before publication ("on
// Thursday" published on a Thursday is that day); "last Thursday" is strictly before, "next
// Thursday" strictly after. "Thursday, November 28" is one mention resolved by its date.
std::vector<DateMention> FindDates(std::string_view sentence, std::optional<Date> published);

}  // namespace communique::text
