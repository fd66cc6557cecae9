// CameoTable: codes, Goldstein values, QuadClass and PLOVER types from data/cameo_codes.tsv, the
// PLOVER rules the table leaves implicit, parent fallback, and file:line errors for bad lines.
#include "code/cameo_table.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace communique::code {
namespace {

const std::string kTable = std::string(COMMUNIQUE_SOURCE_DIR) + "/data/cameo_codes.tsv";

class CameoTableTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    table_ = new CameoTable(CameoTable::Load(kTable, [](const InputError& e) {
      ADD_FAILURE() << "unexpected error: " << e.ToString();
    }));
  }
  static void TearDownTestSuite() { delete table_; }
  static CameoTable* table_;
};
CameoTable* CameoTableTest::table_ = nullptr;

TEST_F(CameoTableTest, LoadsAllCodes) { EXPECT_EQ(table_->size(), 318u); }

TEST_F(CameoTableTest, NameGoldsteinQuadClass) {
  const CameoCode* c = table_->Find("036");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->code, "036");
  EXPECT_EQ(c->name, "Express intent to meet or negotiate");
  EXPECT_DOUBLE_EQ(c->goldstein, 4.0);
  EXPECT_EQ(c->quad_class, 1);
  EXPECT_EQ(c->plover, "AGREE");

  c = table_->Find("1823");
  ASSERT_NE(c, nullptr);
  EXPECT_DOUBLE_EQ(c->goldstein, -10.0);
  EXPECT_EQ(c->quad_class, 4);
  EXPECT_EQ(c->plover, "ASSAULT");

  c = table_->Find("0841");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->quad_class, 2);
  EXPECT_EQ(c->plover_mode, "release");
  EXPECT_EQ(c->plover_context, "legal");
}

TEST_F(CameoTableTest, StatementsHaveNoPloverType) {
  for (const char* code : {"01", "010", "012", "019"}) {
    const CameoCode* c = table_->Find(code);
    ASSERT_NE(c, nullptr) << code;
    EXPECT_EQ(c->plover, "") << code;
    EXPECT_EQ(c->quad_class, 1) << code;
  }
}

TEST_F(CameoTableTest, AppealsAreRequests) {
  for (const char* code : {"02", "020", "0214", "028"}) {
    const CameoCode* c = table_->Find(code);
    ASSERT_NE(c, nullptr) << code;
    EXPECT_EQ(c->plover, "REQUEST") << code;
  }
  EXPECT_EQ(table_->Find("10")->plover, "REQUEST");
  EXPECT_EQ(table_->Find("1041")->plover, "REQUEST");
}

TEST_F(CameoTableTest, YieldSplitsIntoConcedeAndRetreat) {
  EXPECT_EQ(table_->Find("08")->plover, "CONCEDE");  // as its unspecified child 080
  EXPECT_EQ(table_->Find("080")->plover, "CONCEDE");
  EXPECT_EQ(table_->Find("081")->plover, "CONCEDE");
  EXPECT_EQ(table_->Find("082")->plover, "CONCEDE");
  EXPECT_EQ(table_->Find("0832")->plover, "CONCEDE");
  EXPECT_EQ(table_->Find("084")->plover, "RETREAT");
  EXPECT_EQ(table_->Find("0841")->plover, "RETREAT");
  EXPECT_EQ(table_->Find("085")->plover, "RETREAT");
  EXPECT_EQ(table_->Find("087")->plover, "RETREAT");
}

TEST_F(CameoTableTest, RootRuleExceptions) {
  EXPECT_EQ(table_->Find("16")->plover, "SANCTION");
  EXPECT_EQ(table_->Find("163")->plover, "COERCE");
  EXPECT_EQ(table_->Find("19")->plover, "ASSAULT");
  EXPECT_EQ(table_->Find("191")->plover, "COERCE");
  EXPECT_EQ(table_->Find("192")->plover, "COERCE");
  EXPECT_EQ(table_->Find("17")->plover, "COERCE");
  EXPECT_EQ(table_->Find("1711")->plover, "COERCE");
  EXPECT_EQ(table_->Find("1712")->plover, "ASSAULT");
  EXPECT_EQ(table_->Find("175")->plover, "ASSAULT");
  EXPECT_EQ(table_->Find("20")->plover, "ASSAULT");
  EXPECT_EQ(table_->Find("201")->plover, "ASSAULT");
}

TEST_F(CameoTableTest, UnknownCodeFallsBackToNearestParent) {
  EXPECT_FALSE(table_->Contains("0369"));
  const CameoCode* c = table_->Find("0369");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->code, "036");
  c = table_->Find("199");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->code, "19");
  EXPECT_EQ(table_->Find("21"), nullptr);
  EXPECT_EQ(table_->Find("---"), nullptr);
  EXPECT_EQ(table_->Find(""), nullptr);
  EXPECT_EQ(table_->Find("0"), nullptr);
}

TEST_F(CameoTableTest, EveryCodeHasAValidRoot) {
  // Every listed code has its 2-digit root listed, with the same QuadClass.
  for (const char* code : {"0311", "0874", "1246", "1454", "1952", "2042"}) {
    const CameoCode* c = table_->Find(code);
    ASSERT_NE(c, nullptr) << code;
    const CameoCode* root = table_->Find(std::string(code).substr(0, 2));
    ASSERT_NE(root, nullptr) << code;
    EXPECT_EQ(c->quad_class, root->quad_class) << code;
  }
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(CameoTableErrors, MalformedLinesAreReportedWithFileAndLine) {
  std::string path = WriteTemp("cameo_bad.tsv",
                               "# comment\n"
                               "code\tname\tgoldstein\tquad_class\tplover\tplover_mode\tplover_context\tnotes\n"
                               "04\tCONSULT\t1.0\t1\tCONSULT\t\t\t\n"
                               "4x\tbad code\t1.0\t1\tCONSULT\t\t\t\n"
                               "041\tDiscuss by telephone\tone\t1\tCONSULT\t\t\t\n"
                               "042\tMake a visit\t1.9\t7\tCONSULT\t\t\t\n"
                               "043\tHost a visit\t2.8\t1\tMEET\t\t\t\n"
                               "044\tonly three\t2.0\n"
                               "04\tCONSULT again\t1.0\t1\tCONSULT\t\t\t\n"
                               "045\tMediate\t5.0\t1\tCONSULT\tmode\tdiplomatic\t\n");
  std::vector<InputError> errors;
  CameoTable t = CameoTable::Load(path, [&](const InputError& e) { errors.push_back(e); });
  ASSERT_EQ(errors.size(), 6u);
  std::vector<uint64_t> lines;
  for (const auto& e : errors) {
    EXPECT_EQ(e.file, path);
    lines.push_back(e.line);
  }
  EXPECT_EQ(lines, (std::vector<uint64_t>{4, 5, 6, 7, 8, 9}));
  EXPECT_NE(errors[2].message.find("QuadClass"), std::string::npos);
  EXPECT_NE(errors[3].message.find("MEET"), std::string::npos);
  EXPECT_NE(errors[5].message.find("duplicate"), std::string::npos);
  // The good lines are kept.
  EXPECT_EQ(t.size(), 2u);
  ASSERT_NE(t.Find("045"), nullptr);
  EXPECT_EQ(t.Find("045")->name, "Mediate");
  EXPECT_EQ(t.Find("041")->code, "04");  // 041 was rejected: falls back to the root
}

TEST(CameoTableErrors, MissingFileOrHeaderThrows) {
  EXPECT_THROW(CameoTable::Load("/nonexistent/cameo.tsv", nullptr), std::runtime_error);
  std::string path = WriteTemp("cameo_noheader.tsv", "04\tCONSULT\t1.0\t1\tCONSULT\n");
  try {
    CameoTable::Load(path, nullptr);
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":1:"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace communique::code
