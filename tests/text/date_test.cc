#include <gtest/gtest.h>

#include "communique/document.h"

namespace communique {
namespace {

TEST(TextDate, ParsesIsoAndCompactForms) {
  EXPECT_EQ(Date::Parse("2024-11-28")->ToString(), "2024-11-28");
  EXPECT_EQ(Date::Parse("20251208")->ToString(), "2025-12-08");
  EXPECT_EQ(Date::Parse("2024-11-28T10:00:00Z")->ToString(), "2024-11-28");
  EXPECT_FALSE(Date::Parse("2024-02-30"));
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_TRUE(Date::Parse("2024-02-29"));
  EXPECT_FALSE(Date::Parse("not a date"));
  EXPECT_FALSE(Date::Parse("2024-11-28x"));
}

TEST(TextDate, DaysRoundTripAndWeekday) {
  Date d{2024, 11, 28};
  EXPECT_EQ(d.Weekday(), 4);  // a Thursday
  EXPECT_EQ(Date::FromDays(d.Days()), d);
  EXPECT_EQ((Date{1970, 1, 1}.Days()), 0);
  EXPECT_EQ(Date::FromDays(d.Days() + 3).ToString(), "2024-12-01");
  EXPECT_EQ((Date{1969, 12, 31}.Weekday()), 3);
}

}  // namespace
}  // namespace communique
