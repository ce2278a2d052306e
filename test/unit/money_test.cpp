// Unit tests for niaga::Money (SPEC.md §2): parsing, printing, range checks,
// checked arithmetic and percentage rounding.
#include "core/error.hpp"
#include "core/money.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <string>

namespace {

using niaga::Money;
using niaga::Rate;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

// Runs `f`, expects a niaga::Error with SQLSTATE `code`, returns its message.
std::string expect_error(const std::string& code, const std::function<void()>& f) {
    try {
        f();
    } catch (const niaga::Error& e) {
        EXPECT_EQ(std::string(e.state().code), code) << "message: " << e.what();
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected niaga::Error " << code << ", got std::exception: " << e.what();
        return {};
    }
    ADD_FAILURE() << "expected niaga::Error " << code << ", nothing thrown";
    return {};
}

void expect_parse_error(const std::string& text, const std::string& code) {
    SCOPED_TRACE("Money::parse(\"" + text + "\")");
    expect_error(code, [&] { Money::parse(text); });
}

// ---- Money::parse ----------------------------------------------------------

TEST(MoneyParse, IntegerIsWholeRinggit) {
    EXPECT_EQ(Money::parse("10").sen(), 1000);
    EXPECT_EQ(Money::parse("0").sen(), 0);
}

TEST(MoneyParse, OneDecimalIsTensOfSen) { EXPECT_EQ(Money::parse("10.5").sen(), 1050); }

TEST(MoneyParse, TwoDecimalsAreSen) {
    EXPECT_EQ(Money::parse("10.05").sen(), 1005);
    EXPECT_EQ(Money::parse("0.01").sen(), 1);
}

TEST(MoneyParse, TrailingZerosBeyondTwoDecimalsAccepted) {
    EXPECT_EQ(Money::parse("10.050").sen(), 1005);
    EXPECT_EQ(Money::parse("10.000000").sen(), 1000);
    EXPECT_EQ(Money::parse("0.1000").sen(), 10);
}

TEST(MoneyParse, NonZeroThirdDecimalRefusedNamingValue) {
    const std::string message = expect_error("22023", [] { Money::parse("10.005"); });
    EXPECT_NE(message.find("10.005"), std::string::npos) << message;
}

TEST(MoneyParse, NonZeroDigitAfterZerosBeyondTwoDecimalsRefused) { expect_parse_error("10.0500001", "22023"); }

TEST(MoneyParse, NaNAndInfinityRefused) {
    expect_parse_error("NaN", "22023");
    expect_parse_error("Infinity", "22023");
    expect_parse_error("-Infinity", "22023");
    expect_parse_error("+Infinity", "22023");
}

TEST(MoneyParse, MalformedTextRefused) {
    for (const char* text : {"", "-", "+", ".", "-.", "1.2.3", "abc", " 1", "1 ", "1e5", "--1", "1-", "1,5"})
        expect_parse_error(text, "22023");
}

TEST(MoneyParse, NegativeValuesParseAsNegative) {
    EXPECT_EQ(Money::parse("-3.20").sen(), -320);
    EXPECT_EQ(Money::parse("-0.05").sen(), -5);
    EXPECT_EQ(Money::parse("-7").sen(), -700);
}

TEST(MoneyParse, HugeValueIsOutOfRange) {
    expect_parse_error("99999999999999999999", "22003");
    expect_parse_error("-99999999999999999999", "22003");
    expect_parse_error("99999999999999999999999999999999999999999.00", "22003");
}

TEST(MoneyParse, Int64BoundaryAcceptedOneMoreRefused) {
    EXPECT_EQ(Money::parse("92233720368547758.07").sen(), kMax);
    expect_parse_error("92233720368547758.08", "22003");
    EXPECT_EQ(Money::parse("-92233720368547758.07").sen(), -kMax);
    // INT64_MIN sen is deliberately not parseable (its negation would wrap).
    expect_parse_error("-92233720368547758.08", "22003");
    // Whole part alone just past the boundary.
    expect_parse_error("92233720368547759", "22003");
}

// ---- to_string -------------------------------------------------------------

TEST(MoneyToString, AlwaysTwoDecimals) {
    EXPECT_EQ(Money::from_sen(1000).to_string(), "10.00");
    EXPECT_EQ(Money::from_sen(1050).to_string(), "10.50");
    EXPECT_EQ(Money::from_sen(123450).to_string(), "1234.50");
    EXPECT_EQ(Money::from_sen(1).to_string(), "0.01");
}

TEST(MoneyToString, Zero) { EXPECT_EQ(Money::from_sen(0).to_string(), "0.00"); }

TEST(MoneyToString, Negatives) {
    EXPECT_EQ(Money::from_sen(-5).to_string(), "-0.05");
    EXPECT_EQ(Money::from_sen(-320).to_string(), "-3.20");
}

TEST(MoneyToString, Int64Extremes) {
    EXPECT_EQ(Money::from_sen(kMax).to_string(), "92233720368547758.07");
    EXPECT_EQ(Money::from_sen(kMin).to_string(), "-92233720368547758.08");
}

TEST(MoneyToString, RoundTripsThroughParse) {
    for (int64_t sen : {int64_t{0}, int64_t{1}, int64_t{-5}, int64_t{123456789}, kMax, -kMax})
        EXPECT_EQ(Money::parse(Money::from_sen(sen).to_string()).sen(), sen);
}

// ---- require_non_negative / require_column_range ---------------------------

TEST(MoneyRequireNonNegative, ZeroAndPositiveAccepted) {
    EXPECT_NO_THROW(Money::from_sen(0).require_non_negative("price"));
    EXPECT_EQ(Money::from_sen(5).require_non_negative("price").sen(), 5);
}

TEST(MoneyRequireNonNegative, NegativeRefusedNamingField) {
    const std::string message = expect_error("22023", [] { Money::from_sen(-1).require_non_negative("unit_price"); });
    EXPECT_NE(message.find("unit_price"), std::string::npos) << message;
    EXPECT_NE(message.find("-0.01"), std::string::npos) << message;
}

TEST(MoneyRequireColumnRange, ColumnMaximumAccepted) {
    EXPECT_EQ(Money::kColumnMaxSen, 999'999'999'999);
    EXPECT_NO_THROW(Money::from_sen(999'999'999'999).require_column_range("total"));
    EXPECT_NO_THROW(Money::from_sen(-999'999'999'999).require_column_range("total"));
}

TEST(MoneyRequireColumnRange, OneSenMoreRefused) {
    const std::string message =
        expect_error("22003", [] { Money::from_sen(1'000'000'000'000).require_column_range("grand_total"); });
    EXPECT_NE(message.find("grand_total"), std::string::npos) << message;
}

TEST(MoneyRequireColumnRange, OneSenLessOnNegativeSideRefused) {
    expect_error("22003", [] { Money::from_sen(-1'000'000'000'000).require_column_range("total"); });
    expect_error("22003", [] { Money::from_sen(kMin).require_column_range("total"); });
    expect_error("22003", [] { Money::from_sen(kMax).require_column_range("total"); });
}

// ---- checked arithmetic ----------------------------------------------------

TEST(MoneyArithmetic, AddSubtractNegateTimesExact) {
    EXPECT_EQ((Money::from_sen(150) + Money::from_sen(275)).sen(), 425);
    EXPECT_EQ((Money::from_sen(150) - Money::from_sen(275)).sen(), -125);
    EXPECT_EQ((-Money::from_sen(150)).sen(), -150);
    EXPECT_EQ(Money::from_sen(1999).times(3).sen(), 5997);
    EXPECT_EQ(Money::from_sen(1999).times(0).sen(), 0);
    EXPECT_EQ(Money::from_sen(1999).times(-2).sen(), -3998);
    Money m = Money::from_sen(10);
    m += Money::from_sen(5);
    m -= Money::from_sen(20);
    EXPECT_EQ(m.sen(), -5);
}

TEST(MoneyArithmetic, AdditionAtLimitsAndOverflow) {
    EXPECT_EQ((Money::from_sen(kMax - 1) + Money::from_sen(1)).sen(), kMax);
    expect_error("22003", [] { (void)(Money::from_sen(kMax) + Money::from_sen(1)); });
    expect_error("22003", [] { (void)(Money::from_sen(kMin) + Money::from_sen(-1)); });
}

TEST(MoneyArithmetic, CompoundAdditionOverflowLeavesValue) {
    Money m = Money::from_sen(kMax);
    expect_error("22003", [&] { m += Money::from_sen(1); });
    EXPECT_EQ(m.sen(), kMax);
}

TEST(MoneyArithmetic, SubtractionOverflow) {
    EXPECT_EQ((Money::from_sen(kMin + 1) - Money::from_sen(1)).sen(), kMin);
    expect_error("22003", [] { (void)(Money::from_sen(kMin) - Money::from_sen(1)); });
    expect_error("22003", [] { (void)(Money::from_sen(kMax) - Money::from_sen(-1)); });
    expect_error("22003", [] { (void)(Money::from_sen(0) - Money::from_sen(kMin)); });
}

TEST(MoneyArithmetic, NegationOfInt64MinOverflows) {
    EXPECT_EQ((-Money::from_sen(kMax)).sen(), -kMax);
    expect_error("22003", [] { (void)(-Money::from_sen(kMin)); });
}

TEST(MoneyArithmetic, TimesOverflow) {
    EXPECT_EQ(Money::from_sen(kMax).times(1).sen(), kMax);
    EXPECT_EQ(Money::from_sen(kMax).times(-1).sen(), -kMax);
    expect_error("22003", [] { (void)Money::from_sen(kMax).times(2); });
    expect_error("22003", [] { (void)Money::from_sen(kMin).times(-1); });
    expect_error("22003", [] { (void)Money::from_sen(kMax / 2 + 1).times(2); });
    expect_error("22003", [] { (void)Money::from_sen(3).times(kMax / 2); });
}

TEST(MoneyComparison, OrdersBySen) {
    EXPECT_TRUE(Money::from_sen(-1) < Money::from_sen(0));
    EXPECT_TRUE(Money::from_sen(2) >= Money::from_sen(2));
    EXPECT_TRUE(Money::from_sen(2) != Money::from_sen(3));
    EXPECT_TRUE(Money::parse("1.5") == Money::from_sen(150));
}

// ---- percent(Rate) ---------------------------------------------------------

Money pct(int64_t sen, int64_t rate_hundredths) {
    return Money::from_sen(sen).percent(Rate::from_hundredths(rate_hundredths));
}

TEST(MoneyPercent, ExactHalfRoundsAwayFromZeroPositive) {
    // 0.05 × 10 % = 0.005 → 0.01
    EXPECT_EQ(pct(5, 1000).sen(), 1);
    // 0.25 × 6 % = 0.015 → 0.02
    EXPECT_EQ(pct(25, 600).sen(), 2);
}

TEST(MoneyPercent, ExactHalfRoundsAwayFromZeroNegative) {
    EXPECT_EQ(pct(-5, 1000).sen(), -1);
    EXPECT_EQ(pct(-25, 600).sen(), -2);
}

TEST(MoneyPercent, JustBelowHalfRoundsDown) {
    // 0.49 × 1 % = 0.0049 → 0.00 ; 1.49 × 1 % = 0.0149 → 0.01
    EXPECT_EQ(pct(49, 100).sen(), 0);
    EXPECT_EQ(pct(149, 100).sen(), 1);
    EXPECT_EQ(pct(-149, 100).sen(), -1);
}

TEST(MoneyPercent, JustAboveHalfRoundsUp) {
    // 0.51 × 1 % = 0.0051 → 0.01 ; 1.51 × 1 % = 0.0151 → 0.02
    EXPECT_EQ(pct(51, 100).sen(), 1);
    EXPECT_EQ(pct(151, 100).sen(), 2);
    EXPECT_EQ(pct(-151, 100).sen(), -2);
}

TEST(MoneyPercent, TypicalTax) {
    // 19.99 × 6 % = 1.1994 → 1.20 ; 10.00 × 12.5 % = 1.25
    EXPECT_EQ(pct(1999, 600).sen(), 120);
    EXPECT_EQ(Money::parse("10").percent(Rate::parse("12.5")).sen(), 125);
}

TEST(MoneyPercent, RateZeroIsZero) {
    EXPECT_EQ(pct(123456, 0).sen(), 0);
    EXPECT_EQ(pct(-123456, 0).sen(), 0);
}

TEST(MoneyPercent, RateHundredIsIdentity) {
    EXPECT_EQ(pct(123457, 10000).sen(), 123457);
    EXPECT_EQ(pct(-1, 10000).sen(), -1);
}

TEST(MoneyPercent, LargeAmountsUse128BitIntermediate) {
    // 999999999999 × 10000 exceeds nothing in 128 bits but would be close to
    // int64 limits; INT64_MAX × 10000 overflows int64 outright.
    EXPECT_EQ(pct(Money::kColumnMaxSen, 10000).sen(), Money::kColumnMaxSen);
    EXPECT_EQ(pct(Money::kColumnMaxSen, 5000).sen(), 500'000'000'000);  // 4999999999.995 → …00.00
    EXPECT_EQ(pct(kMax, 10000).sen(), kMax);
    EXPECT_EQ(pct(kMin, 10000).sen(), kMin);
    EXPECT_EQ(pct(kMax, 5000).sen(), kMax / 2 + 1);  // .5 rounds away
    EXPECT_EQ(pct(kMin, 5000).sen(), kMin / 2);
}

// ---- divide_round_half_away ------------------------------------------------

using niaga::divide_round_half_away;

TEST(DivideRoundHalfAway, DenominatorOneIsIdentity) {
    EXPECT_EQ(divide_round_half_away(7, 1), 7);
    EXPECT_EQ(divide_round_half_away(-7, 1), -7);
    EXPECT_EQ(divide_round_half_away(0, 1), 0);
}

TEST(DivideRoundHalfAway, DenominatorTwoExactHalves) {
    EXPECT_EQ(divide_round_half_away(1, 2), 1);
    EXPECT_EQ(divide_round_half_away(3, 2), 2);
    EXPECT_EQ(divide_round_half_away(-1, 2), -1);
    EXPECT_EQ(divide_round_half_away(-3, 2), -2);
    EXPECT_EQ(divide_round_half_away(4, 2), 2);
    EXPECT_EQ(divide_round_half_away(-4, 2), -2);
}

TEST(DivideRoundHalfAway, DenominatorThree) {
    EXPECT_EQ(divide_round_half_away(1, 3), 0);  // 0.33
    EXPECT_EQ(divide_round_half_away(2, 3), 1);  // 0.67
    EXPECT_EQ(divide_round_half_away(4, 3), 1);  // 1.33
    EXPECT_EQ(divide_round_half_away(5, 3), 2);  // 1.67
    EXPECT_EQ(divide_round_half_away(-1, 3), 0);
    EXPECT_EQ(divide_round_half_away(-2, 3), -1);
    EXPECT_EQ(divide_round_half_away(-5, 3), -2);
    EXPECT_EQ(divide_round_half_away(-4, 3), -1);
}

TEST(DivideRoundHalfAway, DenominatorTenThousand) {
    EXPECT_EQ(divide_round_half_away(5000, 10000), 1);
    EXPECT_EQ(divide_round_half_away(4999, 10000), 0);
    EXPECT_EQ(divide_round_half_away(5001, 10000), 1);
    EXPECT_EQ(divide_round_half_away(-5000, 10000), -1);
    EXPECT_EQ(divide_round_half_away(-4999, 10000), 0);
    EXPECT_EQ(divide_round_half_away(-5001, 10000), -1);
    EXPECT_EQ(divide_round_half_away(15000, 10000), 2);
    EXPECT_EQ(divide_round_half_away(-15000, 10000), -2);
    EXPECT_EQ(divide_round_half_away(20000, 10000), 2);
}

TEST(DivideRoundHalfAway, QuotientBeyondInt64Refused) {
    const __int128 big = static_cast<__int128>(kMax) * 4;
    expect_error("22003", [&] { (void)divide_round_half_away(big, 2); });
    expect_error("22003", [&] { (void)divide_round_half_away(-big, 2); });
    // Rounding up past INT64_MAX is refused too.
    expect_error("22003", [&] { (void)divide_round_half_away(static_cast<__int128>(kMax) * 2 + 1, 2); });
    EXPECT_EQ(divide_round_half_away(static_cast<__int128>(kMax) * 2, 2), kMax);
}

}  // namespace
