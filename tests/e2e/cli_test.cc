// End-to-end tests of the `communique` binary on the bundled CSTO sample: what a user types, what
// comes out, and how bad input is reported.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs the binary with a shell command line; stdout and stderr captured separately.
Result RunCli(const std::string& args) {
  fs::path dir = fs::temp_directory_path() / ("communique-e2e-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path out = dir / "out", err = dir / "err";
  std::string cmd = std::string(COMMUNIQUE_BINARY) + " " + args + " >" + out.string() + " 2>" + err.string();
  Result r;
  int rc = std::system(cmd.c_str());
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

std::vector<nlohmann::json> Lines(const std::string& s) {
  std::vector<nlohmann::json> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

const std::string kSeeds = std::string(COMMUNIQUE_FIXTURES) + "/seeds";

TEST(CliTest, VersionAndHelpOnEverySubcommand) {
  Result v = RunCli("--version");
  EXPECT_EQ(v.status, 0);
  EXPECT_NE(v.out.find("communique "), std::string::npos);
  Result h = RunCli("--help");
  EXPECT_EQ(h.status, 0);
  std::vector<std::string> commands;
  bool in_list = false;
  std::istringstream in(h.out);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Subcommands:", 0) == 0) { in_list = true; continue; }
    if (in_list && line.size() > 2 && line[0] == ' ') {
      std::istringstream w(line);
      std::string name;
      w >> name;
      commands.push_back(name);
    }
  }
  ASSERT_FALSE(commands.empty()) << h.out;
  EXPECT_NE(std::find(commands.begin(), commands.end(), "code"), commands.end());
  for (const auto& c : commands) {
    Result r = RunCli(c + " --help");
    EXPECT_EQ(r.status, 0) << c;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << c;
  }
  EXPECT_EQ(RunCli("no-such-command").status, 2);
}

TEST(CliTest, SeedsAreReadDatedAndSplitWithoutFurniture) {
  Result r = RunCli("code --sentences -q " + kSeeds);
  ASSERT_EQ(r.status, 0) << r.err;
  std::map<std::string, nlohmann::json> docs;
  std::map<std::string, int> sentences;
  for (const auto& j : Lines(r.out)) {
    if (j["type"] == "document") docs[j["doc_id"]] = j;
    if (j["type"] == "sentence") {
      sentences[j["doc_id"]]++;
      std::string text = j["text"];
      for (unsigned char c : text) EXPECT_FALSE(c == 0xD0 || c == 0xD1) << "Cyrillic in " << text;
      EXPECT_EQ(text.find("Rss.plus"), std::string::npos);
      // The span points at the sentence in the original file (after the header line).
      std::string raw = Slurp(kSeeds + "/" + std::string(j["doc_id"]) + ".txt");
      size_t b = j["span"][0], e = j["span"][1];
      ASSERT_LE(e, raw.size());
      // Cleaning straightens quotes, so compare the first run of letters and digits.
      size_t w = 0;
      while (w < text.size() && !std::isalnum(static_cast<unsigned char>(text[w]))) ++w;
      size_t we = w;
      while (we < text.size() && std::isalnum(static_cast<unsigned char>(text[we]))) ++we;
      std::string first_word = text.substr(w, we - w);
      ASSERT_FALSE(first_word.empty()) << text;
      EXPECT_LT(raw.substr(b, e - b).find(first_word), 4u) << text;
    }
  }
  ASSERT_EQ(docs.size(), 5u);
  EXPECT_EQ(docs["000_8a343dba91a3a968"]["date"], "2024-11-28");
  EXPECT_EQ(docs["000_8a343dba91a3a968"]["date_source"], "header");
  EXPECT_NE(std::string(docs["000_8a343dba91a3a968"]["url"]).find("sputnikglobe.com"), std::string::npos);
  EXPECT_EQ(docs["004_f30e7b23c5d14025"]["date"], "2025-12-08");
  EXPECT_TRUE(docs["001_017e027ff2ca2f39"]["date"].is_null());
  EXPECT_EQ(docs["001_017e027ff2ca2f39"]["date_source"], "unknown");
  for (const auto& [id, n] : sentences) EXPECT_GT(n, 3) << id;
}

TEST(CliTest, BadInputIsReportedAndTheBatchGoesOn) {
  fs::path dir = fs::temp_directory_path() / ("communique-bad-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(kSeeds)) fs::copy_file(e.path(), dir / e.path().filename());
  {
    std::ofstream junk(dir / "junk.bin", std::ios::binary);
    for (int i = 0; i < 4096; ++i) junk.put(static_cast<char>((i * 7919) & 0xFF));
    std::ofstream bad(dir / "broken.jsonl");
    bad << "{\"id\": \"ok-1\", \"text\": \"Russia and Belarus signed an agreement on Monday.\"}\n"
        << "{\"id\": \"bad\", \"text\": \n"
        << "{\"id\": \"ok-2\", \"text\": \"Armenia suspended its participation in the CSTO.\"}\n";
    std::ofstream gz(dir / "truncated.warc.gz", std::ios::binary);
    gz << "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03";
  }
  Result r = RunCli("code --sentences -q " + dir.string());
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("junk.bin"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("broken.jsonl:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("truncated.warc.gz"), std::string::npos) << r.err;
  std::set<std::string> ids;
  for (const auto& j : Lines(r.out)) {
    if (j["type"] == "document") ids.insert(j["doc_id"]);
  }
  EXPECT_EQ(ids.size(), 7u);
  EXPECT_TRUE(ids.count("ok-1") && ids.count("ok-2"));
  fs::remove_all(dir);
}

TEST(CliTest, CodedEventsFollowTheSchema) {
  Result r = RunCli("code -q " + kSeeds);
  ASSERT_EQ(r.status, 0) << r.err;
  auto events = Lines(r.out);
  ASSERT_FALSE(events.empty());
  for (const auto& e : events) {
    for (const char* k : {"event_id", "doc_id", "sentence", "date", "date_source", "source", "target", "cameo",
                          "plover", "quad_class", "goldstein", "location", "url", "evidence"})
      EXPECT_TRUE(e.contains(k)) << k << " missing in " << e.dump();
    EXPECT_TRUE(e["cameo"].is_string());
    EXPECT_TRUE(e["evidence"]["span"].is_array());
    // Seed 001 has no header date: no event may carry a date unless the text itself gives one.
    if (e["doc_id"] == "001_017e027ff2ca2f39" && e["date_source"] != "text") EXPECT_TRUE(e["date"].is_null());
  }
}

}  // namespace
