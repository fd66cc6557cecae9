// SplitActorCode without allocating: the parts of a CAMEO/Phoenix actor code as views into it,
// for the matcher's hot path (Compose splits the code of every mention it makes).
//
// In: a full actor code. Out: country, sector and the rest (in two pieces around the sector).
#pragma once

#include <string_view>

namespace communique::dict {

struct CodeSplit {
  std::string_view country;
  std::string_view sector;
  std::string_view rest_first;   // CodeParts::rest is rest_first + rest_second
  std::string_view rest_second;
};
CodeSplit SplitCode(std::string_view code);

}  // namespace communique::dict
