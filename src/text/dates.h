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

std::vector<DateMention> FindDates(std::string_view sentence, std::optional<Date> published);

}  // namespace communique::text
