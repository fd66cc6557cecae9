// Codes each checked validation record with a Coder built from the suite's own dictionaries and
// compares: TABARI — the ordered list of (source, target, code) with equal count; PETRARCH — the
// set; no events / discard / reject records — an empty result (a discard also needs a discard
// phrase, a discard actor code "###" or the coder's discard note).
//
// Output rules of the old coders are applied to the coder's events, as the suites' option records
// set them: TABARI writes only events with both a source and a target, filling a missing one from
// `DEFAULT: SOURCE [X] TARGET [Y]` when that option is on (its PRIOR/AFTER refinements are not
// modelled); PETRARCH2 drops one-sided events while `require_dyad` is true (its default).
// TABARI's `SET: MINIMUM WORDS` (shorter sentences are not coded) and `SET: CONVERT AGENT` (an
// agent without its country is written ~SEC) are applied as well. A PETRARCH record whose
// <Parse> does not balance is rejected as bad input.
// communique itself keeps one-sided events (null source or target), so this is the suites' view
// of the same output, not a change to the coder.
#include "compat/compat_harness.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace communique::compat {
namespace {

std::string Str(const std::vector<ExpectedEvent>& events) {
  if (events.empty()) return "(none)";
  std::string s;
  for (const auto& e : events) {
    if (!s.empty()) s += ' ';
    s += "{" + e.source + " / " + e.target + " / " + e.code + "}";
  }
  return s;
}

std::vector<ExpectedEvent> Sorted(std::vector<ExpectedEvent> v) {
  for (auto& e : v) e.date.clear();
  auto key = [](const ExpectedEvent& e) { return std::tie(e.source, e.target, e.code); };
  std::sort(v.begin(), v.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

struct OutputRules {
  bool require_dyad = true;
  size_t minimum_words = 0;  // TABARI "SET: MINIMUM WORDS = N": shorter sentences are not coded
  // TABARI "SET: CONVERT AGENT = TRUE": an agent without its country is an actor of its own,
  // written "~MIL" (the coder's RoleWithoutCountry::kUnknown, "---MIL").
  bool convert_agent = false;
  std::string default_source, default_target;
};

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The code in "[X]" after `key` in a TABARI DEFAULT command, or "".
std::string BracketAfter(const std::string& command, const std::string& key) {
  size_t k = command.find(key);
  if (k == std::string::npos) return "";
  size_t open = command.find('[', k), close = command.find(']', k);
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  return command.substr(open + 1, close - open - 1);
}

void ApplyOption(const std::string& option, OutputRules* rules) {
  std::string o = Upper(option);
  if (o.rfind("DEFAULT:", 0) == 0) {
    if (o.find("OFF") != std::string::npos && o.find('[') == std::string::npos) {
      rules->default_source.clear();
      rules->default_target.clear();
    } else {
      rules->default_source = BracketAfter(option, "SOURCE");
      rules->default_target = BracketAfter(option, "TARGET");
    }
  } else if (o.rfind("SET:", 0) == 0 && o.find("MINIMUM WORDS") != std::string::npos) {
    size_t eq = o.find('=');
    rules->minimum_words = eq == std::string::npos ? 0 : std::strtoul(o.c_str() + eq + 1, nullptr, 10);
  } else if (o.rfind("SET:", 0) == 0 && o.find("CONVERT AGENT") != std::string::npos) {
    rules->convert_agent = o.find("TRUE") != std::string::npos;
  } else if (o.rfind("REQUIRE_DYAD=", 0) == 0) {
    rules->require_dyad = o.find("FALSE", 13) == std::string::npos;  // as PETRARCH2 reads it
  }
}

bool Discarded(const DictionarySet& dict, const code::SentenceAnalysis& a) {
  if (dict.IsDiscarded(a.tokens)) return true;
  for (const auto& m : a.actors)
    if (m.code == "###") return true;
  for (const auto& n : a.notes)
    if (n.rfind("discard", 0) == 0) return true;
  return false;
}

SuiteReport RunSuite(std::string name, const std::string& records_file, std::vector<CompatRecord> records,
                     const code::CoderOptions& options, bool ordered, const ErrorSink& errors) {
  SuiteReport report;
  report.suite = std::move(name);
  report.records = std::move(records);
  std::unique_ptr<code::Coder> coder = code::Coder::Load(options, errors);
  // The coder's own DictionarySet is internal; a second copy answers "is this a discard?".
  std::unique_ptr<DictionarySet> dict = DictionarySet::Load(options.dictionaries, nullptr);
  std::vector<std::string> options_in_effect;
  OutputRules rules;
  std::unique_ptr<code::Coder> converting;  // loaded when CONVERT AGENT is first switched on
  for (const CompatRecord& r : report.records) {
    if (r.expect == Expect::kOption) {
      options_in_effect.insert(options_in_effect.end(), r.options.begin(), r.options.end());
      for (const auto& o : r.options) ApplyOption(o, &rules);
      continue;
    }
    if (!r.checked) {
      ++report.skipped;
      continue;
    }
    RecordResult res;
    res.record = r;
    res.options_in_effect = options_in_effect;
    // Bad input is reported and not coded, as PETRARCH rejects it.
    if (!r.input_error.empty() && errors)
      errors(InputError{records_file, r.line, 0, r.id + ": " + r.input_error});
    if (rules.convert_agent && !converting) {
      code::CoderOptions o = options;
      o.role_without_country = code::CoderOptions::RoleWithoutCountry::kUnknown;
      converting = code::Coder::Load(o, errors);
    }
    const code::Coder& use = rules.convert_agent ? *converting : *coder;
    code::SentenceAnalysis a = r.input_error.empty() ? use.Explain(r.text, r.date) : code::SentenceAnalysis{};
    if (!r.input_error.empty()) res.note = "input rejected: " + r.input_error;
    res.notes = a.notes;
    // TABARI counts words as the text's blank-separated items.
    size_t words = 0;
    {
      std::istringstream in(r.text);
      for (std::string w; in >> w;) ++words;
    }
    if (words < rules.minimum_words) a.events.clear();
    for (const Event& e : a.events) {
      std::string source = e.source ? e.source->code : "";
      std::string target = e.target ? e.target->code : "";
      // TABARI's defaults complete an event that found one of its actors; a clause without any
      // actor is not an event to it.
      if (source.empty() && target.empty()) continue;
      if (rules.convert_agent) {
        if (source.rfind("---", 0) == 0 && source.size() > 3) source = "~" + source.substr(3);
        if (target.rfind("---", 0) == 0 && target.size() > 3) target = "~" + target.substr(3);
      }
      if (source.empty()) source = rules.default_source;
      if (target.empty()) target = rules.default_target;
      if (rules.require_dyad && (source.empty() || target.empty())) continue;
      res.got.push_back(ExpectedEvent{source.empty() ? "---" : source,
                                      target.empty() ? "---" : target, e.cameo, ""});
    }
    switch (r.expect) {
      case Expect::kEvents: {
        std::vector<ExpectedEvent> want = r.events;
        for (auto& e : want) e.date.clear();
        if (ordered) {
          res.pass = res.got == want;
          if (!res.pass && Sorted(res.got) == Sorted(want) && res.got.size() == want.size())
            res.note = "same events in another order";
        } else {
          res.pass = Sorted(res.got) == Sorted(want);
        }
        if (!res.pass && res.note.empty())
          res.note = res.got.empty() ? "no event coded" : "different events";
        break;
      }
      case Expect::kNoEvents:
        res.pass = res.got.empty();
        if (!res.pass) res.note = "coded events where none are expected";
        break;
      case Expect::kDiscard:
        res.pass = res.got.empty() && Discarded(*dict, a);
        res.note = res.pass ? "discarded" : res.got.empty() ? "no event, but not recognised as a discard"
                                                             : "coded a sentence that must be discarded";
        break;
      case Expect::kReject:
        res.pass = res.got.empty();
        if (!res.pass) res.note = "coded a record that must be rejected";
        break;
      case Expect::kOption:
        break;
    }
    auto count = [&](CategoryCount& c) {
      ++c.run;
      if (res.pass) ++c.pass;
    };
    count(report.by_category[r.category]);
    count(report.by_expectation[ExpectName(r.expect)]);
    report.results.push_back(std::move(res));
  }
  return report;
}

std::string Rate(int pass, int run) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%4d / %-4d %5.1f%%", pass, run, run ? 100.0 * pass / run : 0.0);
  return buf;
}

}  // namespace

const char* ExpectName(Expect e) {
  switch (e) {
    case Expect::kEvents: return "events";
    case Expect::kNoEvents: return "no events";
    case Expect::kDiscard: return "discard";
    case Expect::kReject: return "reject";
    case Expect::kOption: return "option";
  }
  return "?";
}

int SuiteReport::run() const {
  int n = 0;
  for (const auto& [cat, c] : by_category) n += c.run;
  return n;
}

int SuiteReport::passed() const {
  int n = 0;
  for (const auto& [cat, c] : by_category) n += c.pass;
  return n;
}

std::string SuiteReport::Table() const {
  std::ostringstream out;
  out << suite << " validation records: " << Rate(passed(), run()) << " passed (" << skipped
      << " not checked)\n";
  char buf[128];
  out << "  by category:\n";
  for (const auto& [cat, c] : by_category) {
    std::snprintf(buf, sizeof buf, "    %-12s %s\n", cat.c_str(), Rate(c.pass, c.run).c_str());
    out << buf;
  }
  out << "  by expected outcome:\n";
  for (const auto& [kind, c] : by_expectation) {
    std::snprintf(buf, sizeof buf, "    %-12s %s\n", kind.c_str(), Rate(c.pass, c.run).c_str());
    out << buf;
  }
  return out.str();
}

std::string SuiteReport::Details() const {
  std::ostringstream out;
  for (const auto& r : results) {
    const CompatRecord& rec = r.record;
    out << (r.pass ? "PASS " : "FAIL ") << rec.id << " (line " << rec.line << ", "
        << ExpectName(rec.expect) << ")";
    if (!r.note.empty()) out << ": " << r.note;
    out << "\n  text:     " << rec.text << "\n";
    if (rec.expect == Expect::kEvents) out << "  expected: " << Str(rec.events) << "\n";
    out << "  got:      " << Str(r.got) << "\n";
  }
  return out.str();
}

code::CoderOptions TabariOptions(const std::string& fixtures_dir, const std::string& data_dir) {
  const std::string d = fixtures_dir + "/compat/tabari/";
  code::CoderOptions o;
  o.data_dir = data_dir;
  o.future_as_intent = false;  // both coders code "will X" as X
  o.paired_events = true;      // and emit both halves of "[032:033]"
  o.role_without_country = code::CoderOptions::RoleWithoutCountry::kNone;  // no actor
  o.verb_files = {d + "TABARI.Demo.verbs"};
  o.dictionaries.actors = {d + "TABARI.Demo.actors"};
  o.dictionaries.agents = {d + "Validate.agents"};
  return o;
}

code::CoderOptions PetrarchOptions(const std::string& fixtures_dir, const std::string& data_dir) {
  const std::string d = fixtures_dir + "/compat/petrarch2/";
  code::CoderOptions o;
  o.data_dir = data_dir;
  o.future_as_intent = false;  // both coders code "will X" as X
  o.paired_events = true;      // and emit both halves of "[032:033]"
  o.role_without_country = code::CoderOptions::RoleWithoutCountry::kUnknown;  // "---GOV"
  o.verb_files = {d + "PETR.Validate.verbs.txt"};
  o.dictionaries.actors = {d + "PETR.Validate.actors.txt"};
  o.dictionaries.agents = {d + "PETR.Validate.agents.txt"};
  o.dictionaries.discards = {d + "PETR.Validate.discards.txt"};
  return o;
}

SuiteReport RunTabariSuite(const std::string& fixtures_dir, const std::string& data_dir,
                           const ErrorSink& errors) {
  const std::string file = fixtures_dir + "/compat/tabari/Validate.text";
  TabariSuite suite = ReadTabariRecords(file, errors);
  return RunSuite("TABARI", file, std::move(suite.records), TabariOptions(fixtures_dir, data_dir),
                  /*ordered=*/true, errors);
}

SuiteReport RunPetrarchSuite(const std::string& fixtures_dir, const std::string& data_dir,
                             const ErrorSink& errors) {
  const std::string file = fixtures_dir + "/compat/petrarch2/PETR.UnitTest.records.xml";
  PetrarchSuite suite = ReadPetrarchRecords(file, errors);
  return RunSuite("PETRARCH2", file, std::move(suite.records), PetrarchOptions(fixtures_dir, data_dir),
                  /*ordered=*/false, errors);
}

}  // namespace communique::compat
