// compat_report: prints the TABARI and PETRARCH2 validation results record by record (expected
// and coded events) followed by the per-category tables. Usage:
//   compat_report [tabari|petrarch|all] [--failures] [--explain ID] [--fixtures DIR] [--data-dir DIR]
// --explain ID (repeatable) also prints the coder's analysis of the records with that id.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "compat/compat_harness.h"

using namespace communique;

int main(int argc, char** argv) {
  std::string which = "all", fixtures = COMMUNIQUE_FIXTURES, data = COMMUNIQUE_DATA_DIR_DEFAULT;
  bool failures_only = false;
  std::vector<std::string> explain;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--failures") failures_only = true;
    else if (a == "--explain" && i + 1 < argc) explain.push_back(argv[++i]);
    else if (a == "--fixtures" && i + 1 < argc) fixtures = argv[++i];
    else if (a == "--data-dir" && i + 1 < argc) data = argv[++i];
    else if (a == "tabari" || a == "petrarch" || a == "all") which = a;
    else {
      std::fprintf(stderr, "usage: %s [tabari|petrarch|all] [--failures] [--explain ID] [--fixtures DIR] [--data-dir DIR]\n",
                   argv[0]);
      return 2;
    }
  }
  ErrorSink errors = [](const InputError& e) { std::fprintf(stderr, "%s\n", e.ToString().c_str()); };
  std::vector<compat::SuiteReport> reports;
  try {
    if (which != "petrarch") reports.push_back(compat::RunTabariSuite(fixtures, data, errors));
    if (which != "tabari") reports.push_back(compat::RunPetrarchSuite(fixtures, data, errors));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "compat_report: %s\n", e.what());
    return 1;
  }
  for (auto& r : reports) {
    std::printf("==== %s ====\n", r.suite.c_str());
    if (failures_only) {
      std::erase_if(r.results, [](const compat::RecordResult& x) { return x.pass; });
    }
    std::printf("%s\n", r.Details().c_str());
    for (const auto& x : r.results)
      if (std::find(explain.begin(), explain.end(), x.record.id) != explain.end()) {
        std::printf("---- %s %s: the coder's analysis\n", r.suite.c_str(), x.record.id.c_str());
        for (const auto& n : x.notes) std::printf("  %s\n", n.c_str());
      }
  }
  for (const auto& r : reports) std::printf("%s\n", r.Table().c_str());
  return 0;
}
