// SplitActorCode: a CAMEO/Phoenix actor code -> country (or transnational type), primary
// sector, rest. Conventions in data/dictionaries/README.md.
#include <array>
#include <cstdint>
#include <string_view>

#include "communique/actor.h"
#include "dict/code_parts.h"

namespace communique {

namespace {

// Three code letters as one integer, so that recognizing a role or a transnational type is a
// few integer comparisons rather than a string compare per candidate.
constexpr uint32_t Pack(std::string_view s) {
  return uint32_t{static_cast<unsigned char>(s[0])} | uint32_t{static_cast<unsigned char>(s[1])} << 8 |
         uint32_t{static_cast<unsigned char>(s[2])} << 16;
}

// CAMEO primary and secondary role codes (CAMEO manual, actor codebook, "roles").
constexpr std::array<uint32_t, 27> kSectors = {
    Pack("GOV"), Pack("MIL"), Pack("REB"), Pack("OPP"), Pack("PTY"), Pack("COP"), Pack("JUD"),
    Pack("SPY"), Pack("LEG"), Pack("MED"), Pack("EDU"), Pack("BUS"), Pack("CRM"), Pack("CVL"),
    Pack("ELI"), Pack("LAB"), Pack("HLH"), Pack("REF"), Pack("AGR"), Pack("DEV"), Pack("HRI"),
    Pack("ENV"), Pack("UAF"), Pack("INS"), Pack("SEP"), Pack("MOD"), Pack("RAD")};

// Codes that stand where a country would: organizations and groups above or across states.
constexpr std::array<uint32_t, 6> kTransnational = {Pack("IGO"), Pack("NGO"), Pack("NGM"),
                                                    Pack("IMG"), Pack("MNC"), Pack("UIS")};

// `s` has exactly three characters.
bool IsSector(std::string_view s) {
  const uint32_t p = Pack(s);
  for (uint32_t x : kSectors)
    if (x == p) return true;
  return false;
}

bool IsTransnational(std::string_view s) {
  const uint32_t p = Pack(s);
  for (uint32_t x : kTransnational)
    if (x == p) return true;
  return false;
}


}  // namespace

namespace dict {

CodeSplit SplitCode(std::string_view code) {
  CodeSplit split;
  if (code.size() < 3 || code == "---") return split;
  std::string_view head = code.substr(0, 3);
  if (IsSector(head)) {  // a bare role such as "ELI" or an agent code "GOVMIL"
    split.sector = head;
    split.rest_first = code.substr(3);
    return split;
  }
  split.country = head;
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
    split.rest_first = tail;
  } else {
    split.sector = tail.substr(sector_at, 3);
    split.rest_first = tail.substr(0, sector_at);
    split.rest_second = tail.substr(sector_at + 3);
  }
  return split;
}

}  // namespace dict

CodeParts SplitActorCode(std::string_view code) {
  dict::CodeSplit split = dict::SplitCode(code);
  CodeParts parts;
  parts.country = std::string(split.country);
  parts.sector = std::string(split.sector);
  parts.rest = std::string(split.rest_first) + std::string(split.rest_second);
  return parts;
}

}  // namespace communique
