// `communique actors` and `communique discover` through the binary: explanation fields, date
// resolution, user overlays overriding the shipped ones, bad options, discovery on the seeds.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/cli_run.h"

namespace communique {
namespace {

// stderr is dropped: these tests read only what the commands print on stdout.
testing::CliResult RunCli(const std::string& args) { return testing::RunCli(args + " 2>/dev/null"); }

TEST(DictCli, ActorsExplainsCodesSourcesAndDates) {
  auto r = RunCli("actors \"Kazakh President Kassym-Jomart Tokayev met his Belarusian counterparts in Yerevan.\" --date 2024-11-28");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("Kazakh President Kassym-Jomart Tokayev\n  code     KAZGOV\n  country  KAZ\n  sector   GOV"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("from     overlay/csto-world-2019-2026.txt:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[KAZGOV from 2019-03-20]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("covers 2024-11-28"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Belarusian counterparts\n  code     BLRGOV"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Yerevan\n  code     ARM"), std::string::npos) << r.out;

  auto old = RunCli("actors \"Tokayev met the delegation.\" --date 2015-06-01");
  EXPECT_NE(old.out.find("code     KAZLEG"), std::string::npos) << old.out;
}

TEST(DictCli, LaterDictionaryFilesOverrideEarlierOnes) {
  auto dir = std::filesystem::temp_directory_path() / ("communique-dict-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.txt") << "TOKAYEV_ [KAZAAA] # source: test\n";
  std::ofstream(dir / "b.txt") << "TOKAYEV_ [KAZBBB] # source: test\n";
  std::ofstream(dir / "bad.txt") << "TOKAYEV_ [KAZCCC 2004017-20061201]\n";
  auto a = RunCli("actors Tokayev --dictionary " + (dir / "a.txt").string());
  EXPECT_NE(a.out.find("code     KAZAAA"), std::string::npos) << a.out;
  auto ab = RunCli("actors Tokayev --dictionary " + (dir / "a.txt").string() + " --dictionary " + (dir / "b.txt").string());
  EXPECT_NE(ab.out.find("code     KAZBBB"), std::string::npos) << ab.out;
  EXPECT_NE(ab.out.find("from     "), std::string::npos);
  // A malformed entry in the user's file: reported, skipped (the shipped entry stays), exit 1.
  auto bad = RunCli("actors Tokayev --dictionary " + (dir / "bad.txt").string());
  EXPECT_EQ(bad.status, 1);
  EXPECT_EQ(bad.out.find("KAZCCC"), std::string::npos) << bad.out;
  std::filesystem::remove_all(dir);
}

TEST(DictCli, BadDateIsAUsageError) {
  EXPECT_EQ(RunCli("actors Tokayev --date 2024-13-01").status, 2);
}

TEST(DictCli, DiscoverListsUnknownNamesOfTheSeeds) {
  auto r = RunCli("discover --min-count 1 " + std::string(COMMUNIQUE_FIXTURES) + "/seeds");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out.rfind("count\tkind\tname\texample\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\tAl-Watan\t"), std::string::npos) << r.out;
  // Known actors are not "unknown".
  EXPECT_EQ(r.out.find("\tTASS\t"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\tCSTO\t"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\tTasmagambetov\t"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace communique
