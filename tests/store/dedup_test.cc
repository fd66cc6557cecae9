// Near-duplicate grouping measured on the seed articles and variants built from them: page
// furniture added or removed, another outlet's header, paragraphs reordered (same story) and the
// other seeds (different stories). Prints the precision/recall sweep recorded in docs/store.md.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "store/minhash.h"
#include "tests/store/store_fixture.h"

namespace communique::store::testing {
namespace {

namespace fs = std::filesystem;

struct Variant {
  std::string name;
  int story = 0;
  std::vector<std::string> lines;
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (line.find_first_not_of(" \t\r") != std::string::npos) out.push_back(line);
  return out;
}

std::vector<std::string> Seeds() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(std::string(COMMUNIQUE_FIXTURES) + "/seeds"))
    files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
  }
  return texts;
}

const std::vector<std::string> kRussianFurniture = {
    "Добавить новость", "Главная | Новости | В мире | Политика", "Подписаться на рассылку",
    "Читать далее", "Все новости", "© 2024 Все права защищены"};
const std::vector<std::string> kOtherHeader = {" date 2024-11-29 https://news.other-outlet.example/world/123",
                                               "Other Outlet — World News", "Home  World  Politics  Opinion"};
const std::vector<std::string> kEnglishFurniture = {"Share on Facebook", "Share on X", "Related articles",
                                                     "Subscribe to our newsletter", "Most read"};

std::vector<Variant> BuildVariants() {
  std::vector<Variant> out;
  auto seeds = Seeds();
  EXPECT_EQ(seeds.size(), 5u);
  for (size_t s = 0; s < seeds.size(); ++s) {
    const int story = static_cast<int>(s);
    auto lines = Lines(seeds[s]);
    out.push_back({"seed", story, lines});
    // Furniture added around the article.
    auto v = kRussianFurniture;
    v.insert(v.end(), lines.begin(), lines.end());
    v.insert(v.end(), kEnglishFurniture.begin(), kEnglishFurniture.end());
    out.push_back({"furniture-added", story, v});
    // Furniture removed: the first and last short lines dropped.
    std::vector<std::string> trimmed;
    for (size_t i = 0; i < lines.size(); ++i)
      if (lines[i].size() > 60 || (i > 2 && i + 2 < lines.size())) trimmed.push_back(lines[i]);
    out.push_back({"furniture-removed", story, trimmed});
    // Another outlet's header and footer.
    v = kOtherHeader;
    v.insert(v.end(), lines.begin(), lines.end());
    v.push_back("Originally published by Anadolu Agency. All rights reserved.");
    out.push_back({"other-outlet", story, v});
    // Paragraphs reordered: halves swapped and the two first paragraphs exchanged.
    v.assign(lines.begin() + lines.size() / 2, lines.end());
    v.insert(v.end(), lines.begin(), lines.begin() + lines.size() / 2);
    if (v.size() > 2) std::swap(v[0], v[1]);
    out.push_back({"reordered", story, v});
  }
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

struct Counts {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1; }
};

TEST(Dedup, ThresholdSweepOnSeedVariants) {
  auto variants = BuildVariants();
  std::vector<MinHash> sigs;
  for (const auto& v : variants) sigs.push_back(ComputeMinHash(Join(v.lines)));
  std::printf("threshold  TP  FP  FN  TN  precision  recall   (pairs of %zu documents)\n", variants.size());
  Counts at_threshold;
  double min_pos = 1, max_neg = 0;
  for (double t : {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
    Counts c;
    for (size_t i = 0; i < variants.size(); ++i)
      for (size_t j = i + 1; j < variants.size(); ++j) {
        double sim = EstimateJaccard(sigs[i], sigs[j]);
        bool same = variants[i].story == variants[j].story;
        if (same) min_pos = std::min(min_pos, sim);
        else max_neg = std::max(max_neg, sim);
        bool grouped = sim >= t;
        (same ? (grouped ? c.tp : c.fn) : (grouped ? c.fp : c.tn))++;
      }
    std::printf("%9.1f %3d %3d %3d %3d %10.3f %7.3f\n", t, c.tp, c.fp, c.fn, c.tn, c.precision(), c.recall());
    if (std::abs(t - kDuplicateThreshold) < 1e-9) at_threshold = c;
  }
  std::printf("lowest same-story similarity %.3f, highest different-story similarity %.3f\n", min_pos, max_neg);
  EXPECT_EQ(at_threshold.fp, 0);
  EXPECT_DOUBLE_EQ(at_threshold.precision(), 1.0);
  EXPECT_GE(at_threshold.recall(), 0.95);
  EXPECT_LT(max_neg, kDuplicateThreshold);
}

TEST(Dedup, MinHashEstimatesJaccard) {
  auto seeds = Seeds();
  auto lines = Lines(seeds[1]);
  std::string a = Join(lines);
  std::string b = Join(std::vector<std::string>(lines.begin(), lines.begin() + lines.size() * 2 / 3));
  double exact = ExactJaccard(a, b);
  double est = EstimateJaccard(ComputeMinHash(a), ComputeMinHash(b));
  EXPECT_NEAR(est, exact, 0.12);
  EXPECT_DOUBLE_EQ(EstimateJaccard(ComputeMinHash(a), ComputeMinHash(a)), 1.0);
  EXPECT_DOUBLE_EQ(EstimateJaccard(ComputeMinHash(""), ComputeMinHash("")), 0.0);
  auto m = ComputeMinHash(a);
  EXPECT_EQ(DecodeMinHash(EncodeMinHash(m)), m);
  EXPECT_EQ(BandKeys(m).size(), static_cast<size_t>(kBands));
}

// The store's grouping of the same variants: every story one group, no two stories together.
TEST(Dedup, StoreGroupsSeedVariantsByStory) {
  auto variants = BuildVariants();
  auto store = Store::Open(TempDir() + "/dedup.sqlite");
  std::vector<DocumentEvents> batch;
  for (size_t i = 0; i < variants.size(); ++i) {
    DocumentEvents de;
    de.doc = MakeDocument("v" + std::to_string(i), "https://outlet" + std::to_string(i) + ".example/a",
                          "2024-11-28", variants[i].lines);
    batch.push_back(std::move(de));
  }
  auto stats = store->Write(batch);
  EXPECT_EQ(stats.near_duplicates, variants.size() - 5);
  std::map<int64_t, std::set<int>> stories_of_group;
  std::map<int, std::set<int64_t>> groups_of_story;
  for (size_t i = 0; i < variants.size(); ++i) {
    auto d = store->GetDocument("v" + std::to_string(i));
    ASSERT_TRUE(d);
    stories_of_group[d->duplicate_group].insert(variants[i].story);
    groups_of_story[variants[i].story].insert(d->duplicate_group);
  }
  EXPECT_EQ(stories_of_group.size(), 5u);
  for (auto& [g, stories] : stories_of_group) EXPECT_EQ(stories.size(), 1u) << "group " << g;
  for (auto& [s, groups] : groups_of_story) EXPECT_EQ(groups.size(), 1u) << "story " << s;
}

}  // namespace
}  // namespace communique::store::testing
