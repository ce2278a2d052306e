// Unit tests for niaga::Rate: a percentage with two decimals, 0..100.
#include "core/error.hpp"
#include "core/money.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using niaga::Rate;

void expect_rate_error(const std::string& text, const std::string& code) {
    SCOPED_TRACE("Rate::parse(\"" + text + "\")");
    try {
        Rate::parse(text);
        ADD_FAILURE() << "no error thrown";
    } catch (const niaga::Error& e) {
        EXPECT_EQ(std::string(e.state().code), code) << e.what();
    }
}

TEST(RateParse, IntegerPercent) { EXPECT_EQ(Rate::parse("6").hundredths(), 600); }

TEST(RateParse, TwoDecimals) { EXPECT_EQ(Rate::parse("6.00").hundredths(), 600); }

TEST(RateParse, OneDecimal) { EXPECT_EQ(Rate::parse("12.5").hundredths(), 1250); }

TEST(RateParse, ZeroAndHundredAreTheBounds) {
    EXPECT_EQ(Rate::parse("0").hundredths(), 0);
    EXPECT_EQ(Rate::parse("100").hundredths(), 10000);
    EXPECT_EQ(Rate::parse("100.00").hundredths(), 10000);
}

TEST(RateParse, TrailingZerosAccepted) { EXPECT_EQ(Rate::parse("6.000").hundredths(), 600); }

TEST(RateParse, AboveHundredRefused) {
    expect_rate_error("100.01", "22023");
    expect_rate_error("101", "22023");
}

TEST(RateParse, NegativeRefused) {
    expect_rate_error("-1", "22023");
    expect_rate_error("-0.01", "22023");
}

TEST(RateParse, ThirdDecimalRefused) { expect_rate_error("6.001", "22023"); }

TEST(RateParse, NaNAndInfinityRefused) {
    expect_rate_error("NaN", "22023");
    expect_rate_error("Infinity", "22023");
    expect_rate_error("-Infinity", "22023");
}

TEST(RateParse, MalformedRefused) {
    for (const char* text : {"", "%", "6%", "abc", " 6"}) expect_rate_error(text, "22023");
}

TEST(RateToString, TwoDecimals) {
    EXPECT_EQ(Rate::parse("6").to_string(), "6.00");
    EXPECT_EQ(Rate::parse("12.5").to_string(), "12.50");
    EXPECT_EQ(Rate::from_hundredths(0).to_string(), "0.00");
}

TEST(RateEquality, ByValue) {
    EXPECT_EQ(Rate::parse("6.0"), Rate::from_hundredths(600));
    EXPECT_FALSE(Rate::parse("6.01") == Rate::from_hundredths(600));
}

}  // namespace
