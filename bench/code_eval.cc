// code_eval: codes evaluation inputs for scripts/accuracy.sh until `communique code` reads them.
// Input: JSON Lines {"id","date","text"} (the eval *.input.jsonl files); each text is coded as a
// one-sentence document. Output: one event per line in the scorer's format (doc_id, source,
// target, cameo, plover) plus the evidence. Usage: code_eval INPUT.jsonl [-o OUT.jsonl] [--data-dir D]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "code/coder.h"

using namespace communique;

int main(int argc, char** argv) {
  std::string input, output, data_dir = COMMUNIQUE_DATA_DIR;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-o" && i + 1 < argc) output = argv[++i];
    else if (a == "--data-dir" && i + 1 < argc) data_dir = argv[++i];
    else input = a;
  }
  if (input.empty()) {
    std::fprintf(stderr, "usage: code_eval INPUT.jsonl [-o OUT.jsonl] [--data-dir DIR]\n");
    return 2;
  }
  auto errors = [](const InputError& e) { std::fprintf(stderr, "%s\n", e.ToString().c_str()); };
  code::CoderOptions options;
  options.data_dir = data_dir;
  auto coder = code::Coder::Load(options, errors);
  std::ifstream in(input);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", input.c_str());
    return 3;
  }
  std::ofstream file;
  if (!output.empty()) file.open(output);
  std::ostream& out = output.empty() ? std::cout : file;
  std::string line;
  uint64_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty()) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s:%llu: %s\n", input.c_str(), static_cast<unsigned long long>(lineno), e.what());
      continue;
    }
    Document doc;
    doc.id = j.value("id", "");
    doc.published = Date::Parse(j.value("date", ""));
    doc.raw = doc.text = j.value("text", "");
    doc.text_to_raw.resize(doc.text.size() + 1);
    for (size_t k = 0; k <= doc.text.size(); ++k) doc.text_to_raw[k] = static_cast<uint32_t>(k);
    doc.sentences.push_back({0, 0, static_cast<uint32_t>(doc.text.size()), 0});
    for (const Event& e : coder->CodeDocument(doc)) {
      nlohmann::json o;
      o["doc_id"] = e.doc_id;
      o["source"] = e.source ? nlohmann::json{{"code", e.source->code}} : nlohmann::json(nullptr);
      o["target"] = e.target ? nlohmann::json{{"code", e.target->code}} : nlohmann::json(nullptr);
      o["cameo"] = e.cameo;
      o["plover"] = e.plover.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.plover);
      o["verb"] = e.evidence.verb;
      o["pattern"] = e.evidence.pattern;
      out << o.dump() << "\n";
    }
  }
  return 0;
}
