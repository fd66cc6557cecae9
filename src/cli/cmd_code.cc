// `communique code INPUT... [-o events.jsonl]`: codes documents into events, one JSON object a line.
// With --sentences it writes the documents and sentences it would code instead (to inspect
// reading, cleaning and segmentation).
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/run.h"
#include "code/coder.h"

namespace communique::cli {
namespace {

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::vector<std::string> dictionaries;
  bool sentences = false;
  bool quiet = false;
  bool dictionary_warnings = false;
  int threads = 0;
};

void WriteSentenceRecords(const Document& doc, std::ostream& out) {
  nlohmann::json d = {{"type", "document"},
                      {"doc_id", doc.id},
                      {"url", doc.url},
                      {"title", doc.title},
                      {"outlet", doc.outlet},
                      {"format", doc.format},
                      {"date", doc.published ? nlohmann::json(doc.published->ToString()) : nlohmann::json()},
                      {"date_source", doc.date_source},
                      {"sentences", doc.sentences.size()}};
  out << d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  for (const auto& s : doc.sentences) {
    auto [b, e] = doc.RawSpan(s.begin, s.end);
    nlohmann::json j = {{"type", "sentence"},
                        {"doc_id", doc.id},
                        {"sentence", s.index},
                        {"text", doc.SentenceText(s)},
                        {"lang", s.paragraph < doc.paragraphs.size() ? doc.paragraphs[s.paragraph].lang : ""},
                        {"span", {b, e}}};
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
}

int RunCode(const CodeOptions& o) {
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!o.output.empty() && o.output != "-") {
    file.open(o.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "communique code: cannot write " << o.output << "\n";
      return kExitFailure;
    }
    out = &file;
  }
  ErrorSink errors = StderrErrors();
  std::unique_ptr<code::Coder> coder;
  if (!o.sentences) coder = LoadCoder(o.dictionaries, o.dictionary_warnings, o.quiet);
  RunOptions ropts{o.inputs, o.threads, !o.quiet};
  std::string line;  // one document's events, reused
  RunSummary summary = RunPipeline(ropts, coder.get(), [&](Document& doc, std::vector<Event>& events) {
    if (o.sentences) {
      WriteSentenceRecords(doc, *out);
      return;
    }
    line.clear();
    for (const auto& e : events) {
      AppendEventJson(e, &line);
      line.push_back('\n');
    }
    out->write(line.data(), static_cast<std::streamsize>(line.size()));
  }, errors);
  out->flush();
  if (!o.quiet) PrintSummary(summary, std::cerr);
  if (!*out) {
    std::cerr << "communique code: error writing output\n";
    return kExitFailure;
  }
  return summary.skipped > 0 ? kExitSkipped : kExitOk;
}

Registration reg("code", "Code news documents into CAMEO/PLOVER events (JSON Lines)", [](CLI::App* app) {
  auto o = std::make_shared<CodeOptions>();
  app->add_option("inputs", o->inputs,
                  "Text, JSON Lines, HTML or WARC(.gz) files or directories; - reads stdin")
      ->required();
  app->add_option("-o,--output", o->output, "Write events here instead of stdout");
  app->add_option("--dictionary", o->dictionaries,
                  "Extra actor dictionary file (Phoenix format), applied after the defaults; repeatable");
  app->add_flag("--sentences", o->sentences,
                "Write document and sentence records instead of events (inspect reading and splitting)");
  app->add_flag("--dictionary-warnings", o->dictionary_warnings,
                "List every malformed entry of the shipped dictionaries (skipped when loading)");
  app->add_option("-j,--threads", o->threads, "Worker threads (default: all cores)");
  app->add_flag("-q,--quiet", o->quiet, "No progress line or summary on stderr");
  app->footer(
      "Exit status: 0 all inputs read, 1 some inputs or records skipped (see stderr), 2 usage error,\n"
      "3 failure (e.g. dictionaries missing).");
  return [o] { return RunCode(*o); };
});

}  // namespace
}  // namespace communique::cli
