// SplitActorCode: a CAMEO/Phoenix actor code -> country (or transnational type), primary
// sector, rest. Conventions in data/dictionaries/README.md.
#include <array>
#include <string_view>

#include "communique/actor.h"

namespace communique {

namespace {

// CAMEO primary and secondary role codes (CAMEO manual, actor codebook, "roles").
constexpr std::array<std::string_view, 27> kSectors = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "MED", "EDU", "BUS", "CRM", "CVL",
    "ELI", "LAB", "HLH", "REF", "AGR", "DEV", "HRI", "ENV", "UAF", "INS", "SEP", "MOD", "RAD"};

// Codes that stand where a country would: organizations and groups above or across states.
constexpr std::array<std::string_view, 6> kTransnational = {"IGO", "NGO", "NGM", "IMG", "MNC", "UIS"};

bool IsSector(std::string_view s) {
  for (auto x : kSectors)
    if (x == s) return true;
  return false;
}

bool IsTransnational(std::string_view s) {
  for (auto x : kTransnational)
    if (x == s) return true;
  return false;
}

}  // namespace

CodeParts SplitActorCode(std::string_view code) {
  CodeParts parts;
  if (code.size() < 3 || code == "---") return parts;
  std::string_view head = code.substr(0, 3);
  if (IsSector(head)) {  // a bare role such as "ELI" or an agent code "GOVMIL"
    parts.sector = std::string(head);
    parts.rest = std::string(code.substr(3));
    return parts;
  }
  parts.country = std::string(head);
  std::string_view tail = code.substr(3);
  size_t sector_at = std::string_view::npos;
  if (IsTransnational(head) && tail.size() >= 6 && IsSector(tail.substr(tail.size() - 3))) {
    // Organization codes are not 3-letter aligned ("IGOEURCSTOLEG"): a role comes last.
    sector_at = tail.size() - 3;
  } else {
    for (size_t i = 0; i + 3 <= tail.size(); i += 3) {
      if (IsSector(tail.substr(i, 3))) {
        sector_at = i;
        break;
      }
    }
  }
  if (sector_at == std::string_view::npos) {
    parts.rest = std::string(tail);
  } else {
    parts.sector = std::string(tail.substr(sector_at, 3));
    parts.rest = std::string(tail.substr(0, sector_at)) + std::string(tail.substr(sector_at + 3));
  }
  return parts;
}

}  // namespace communique
