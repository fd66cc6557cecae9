// Exports: column counts of every tabular layout (header and rows), required PLOVER fields, and a
// JSON Lines round trip (events written, exported, parsed back, equal), on both backends.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "store/export.h"
#include "tests/store/store_fixture.h"

namespace communique::store::testing {
namespace {

std::vector<DocumentEvents> Sample() {
  std::vector<DocumentEvents> out;
  DocumentEvents a;
  a.doc = MakeDocument("s1", "https://www.aa.com.tr/en/world/csto-summit", "2024-11-28",
                       {"Kazakhstan hosted a summit of the CSTO in Astana, with \"quotes\", commas, and\ttabs.",
                        "Armenia did not take part in the summit."});
  a.events.push_back(MakeEvent(a.doc, 0, "KAZGOV", "IGOEURCSTO", "043", "2024-11-28", 1, 2.8, "CONSULT"));
  a.events.push_back(MakeEvent(a.doc, 1, "ARMGOV", "IGOEURCSTO", "166", "2024-11-28", 3, -4.0, "REDUCE"));
  Event located = MakeEvent(a.doc, 0, "IGOEURCSTO", "", "010", "2024-11-27", 1, 0.0, "");
  located.location = Location{"Astana", "KAZ", 51.1694, 71.4491};
  located.date_source = "text";
  a.events.push_back(located);
  out.push_back(a);
  DocumentEvents b;
  b.doc = MakeDocument("s2", "https://tass.com/politics/1", "2025-12-08",
                       {"The CSTO Parliamentary Assembly endorsed a model agreement in Moscow."});
  b.events.push_back(MakeEvent(b.doc, 0, "IGOEURCSTOLEG", "", "057", "2025-12-08", 2, 8.0, "AGREE"));
  out.push_back(b);
  return out;
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

size_t Columns(const std::string& line, char sep) {
  if (sep == '\t') return std::count(line.begin(), line.end(), '\t') + 1;
  size_t n = 1;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) ++n;
  }
  return n;
}

template <typename B>
using ExportTest = BackendTest<B>;
TYPED_TEST_SUITE(ExportTest, Backends, BackendNames);

TYPED_TEST(ExportTest, TabularLayoutsHaveTheirColumnCounts) {
  this->store_->Write(Sample());
  struct Case {
    const char* name;
    size_t columns;
    size_t rows;
    char sep;
  };
  for (const Case& c : {Case{"phoenix", 26, 4, '\t'}, Case{"icews", 20, 4, '\t'}, Case{"gdelt", 61, 4, '\t'},
                        Case{"gdelt-mentions", 16, 4, '\t'}, Case{"csv", 23, 4, ','}, Case{"tsv", 23, 4, '\t'}}) {
    SCOPED_TRACE(c.name);
    ExportOptions o;
    o.format = *ParseExportFormat(c.name);
    o.filter.limit = 0;
    std::ostringstream out;
    EXPECT_EQ(Export(*this->store_, o, out), c.rows);
    auto lines = SplitLines(out.str());
    ASSERT_EQ(lines.size(), c.rows + 1);
    EXPECT_EQ(ExportColumns(o.format).size(), c.columns);
    for (const auto& l : lines) EXPECT_EQ(Columns(l, c.sep), c.columns) << l;
  }
}

TYPED_TEST(ExportTest, GdeltRowsCarryCountsAndDates) {
  this->store_->Write(Sample());
  ExportOptions o;
  o.format = ExportFormat::kGdelt;
  o.filter.limit = 0;
  std::ostringstream out;
  Export(*this->store_, o, out);
  auto lines = SplitLines(out.str());
  auto header = ExportColumns(o.format);
  EXPECT_EQ(header[0], "GlobalEventID");
  EXPECT_EQ(header[60], "SOURCEURL");
  std::vector<std::string> cells;
  std::istringstream row(lines[1]);
  for (std::string cell; std::getline(row, cell, '\t');) cells.push_back(cell);
  cells.resize(61);
  EXPECT_EQ(cells[1], "20241128");
  EXPECT_EQ(cells[2], "202411");
  EXPECT_EQ(cells[5], "KAZGOV");
  EXPECT_EQ(cells[26], "043");
  EXPECT_EQ(cells[28], "04");
  EXPECT_EQ(cells[31], "1");  // NumMentions
  EXPECT_EQ(cells[60], "https://www.aa.com.tr/en/world/csto-summit");
}

TYPED_TEST(ExportTest, PloverRecordsHaveRequiredFields) {
  this->store_->Write(Sample());
  ExportOptions o;
  o.format = ExportFormat::kPlover;
  o.filter.limit = 0;
  std::ostringstream out;
  EXPECT_EQ(Export(*this->store_, o, out), 4u);
  for (const auto& line : SplitLines(out.str())) {
    auto j = nlohmann::json::parse(line);
    for (const char* k : {"id", "date", "source", "event", "recipient", "event_text", "quad_code", "text", "link",
                          "coder"})
      EXPECT_TRUE(j.contains(k)) << k << " in " << line;
  }
}

TYPED_TEST(ExportTest, JsonLinesRoundTrip) {
  auto sample = Sample();
  this->store_->Write(sample);
  ExportOptions o;
  o.format = ExportFormat::kJsonl;
  o.filter.limit = 0;
  std::ostringstream out;
  EXPECT_EQ(Export(*this->store_, o, out), 4u);
  std::set<std::string> exported, expected;
  for (const auto& line : SplitLines(out.str())) {
    std::string error;
    auto e = EventFromJson(line, &error);
    ASSERT_TRUE(e) << error << ": " << line;
    exported.insert(EventToJson(*e));
  }
  for (const auto& de : sample)
    for (const auto& e : de.events) expected.insert(EventToJson(e));
  EXPECT_EQ(exported, expected);
}

TEST(ExportFormats, Names) {
  for (const char* n : {"jsonl", "csv", "tsv", "phoenix", "icews", "gdelt", "gdelt-mentions", "plover"})
    EXPECT_TRUE(ParseExportFormat(n)) << n;
  EXPECT_FALSE(ParseExportFormat("xml"));
}

}  // namespace
}  // namespace communique::store::testing
