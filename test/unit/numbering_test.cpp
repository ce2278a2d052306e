// Unit tests for niaga::format_document_number (SPEC.md §3):
// PREFIX-YYYYMMDD-NNNNNN, padded to at least six digits, never truncated.
#include "core/error.hpp"
#include "core/numbering.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <string>

namespace {

using niaga::BusinessDate;
using niaga::format_document_number;

constexpr BusinessDate kDay{2026, 11, 26};

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

void expect_bad_date(const BusinessDate& date) {
    SCOPED_TRACE(std::to_string(date.year) + "-" + std::to_string(date.month) + "-" + std::to_string(date.day));
    expect_error("22023", [&] { format_document_number("ORD", date, 1); });
}

TEST(DocumentNumber, FirstOrderOfTheDay) { EXPECT_EQ(format_document_number("ORD", kDay, 1), "ORD-20261126-000001"); }

TEST(DocumentNumber, CounterPaddedToSixDigits) {
    EXPECT_EQ(format_document_number("ORD", kDay, 42), "ORD-20261126-000042");
    EXPECT_EQ(format_document_number("ORD", kDay, 12345), "ORD-20261126-012345");
    EXPECT_EQ(format_document_number("ORD", kDay, 123456), "ORD-20261126-123456");
}

TEST(DocumentNumber, LastSixDigitNumber) {
    EXPECT_EQ(format_document_number("ORD", kDay, 999999), "ORD-20261126-999999");
}

TEST(DocumentNumber, MillionthGrowsToSevenDigitsNotTruncated) {
    EXPECT_EQ(format_document_number("ORD", kDay, 1000000), "ORD-20261126-1000000");
    EXPECT_EQ(format_document_number("ORD", kDay, 1234567), "ORD-20261126-1234567");
}

TEST(DocumentNumber, Int64MaxPrintedInFull) {
    EXPECT_EQ(format_document_number("ORD", kDay, std::numeric_limits<int64_t>::max()),
              "ORD-20261126-9223372036854775807");
}

TEST(DocumentNumber, CounterZeroRefused) {
    const std::string message = expect_error("22023", [] { format_document_number("ORD", kDay, 0); });
    EXPECT_NE(message.find('0'), std::string::npos) << message;
}

TEST(DocumentNumber, NegativeCounterRefused) {
    const std::string message = expect_error("22023", [] { format_document_number("ORD", kDay, -1); });
    EXPECT_NE(message.find("-1"), std::string::npos) << message;
    expect_error("22023", [] { format_document_number("ORD", kDay, std::numeric_limits<int64_t>::min()); });
}

TEST(DocumentNumber, PrefixKeptVerbatim) {
    EXPECT_EQ(format_document_number("TRF", kDay, 7), "TRF-20261126-000007");
    EXPECT_EQ(format_document_number("PAY", kDay, 7), "PAY-20261126-000007");
    EXPECT_EQ(format_document_number("ord", kDay, 7), "ord-20261126-000007");
    EXPECT_EQ(format_document_number("LONGPREFIX", kDay, 7), "LONGPREFIX-20261126-000007");
}

TEST(DocumentNumber, SingleDigitMonthAndDayPadded) {
    EXPECT_EQ(format_document_number("ORD", BusinessDate{2026, 1, 5}, 1), "ORD-20260105-000001");
    EXPECT_EQ(format_document_number("ORD", BusinessDate{2026, 9, 9}, 1), "ORD-20260909-000001");
    EXPECT_EQ(format_document_number("ORD", BusinessDate{2026, 12, 31}, 1), "ORD-20261231-000001");
}

TEST(DocumentNumber, YearPaddedToFourDigitsAtRangeEdges) {
    EXPECT_EQ(format_document_number("ORD", BusinessDate{1, 1, 1}, 1), "ORD-00010101-000001");
    EXPECT_EQ(format_document_number("ORD", BusinessDate{9999, 12, 31}, 1), "ORD-99991231-000001");
}

TEST(DocumentNumber, LeapDayAccepted) {
    EXPECT_EQ(format_document_number("ORD", BusinessDate{2024, 2, 29}, 1), "ORD-20240229-000001");
    EXPECT_EQ(format_document_number("ORD", BusinessDate{2000, 2, 29}, 1), "ORD-20000229-000001");
}

TEST(DocumentNumber, DateOutOfRangeRefused) {
    expect_bad_date({0, 1, 1});
    expect_bad_date({10000, 1, 1});
    expect_bad_date({-1, 1, 1});
    expect_bad_date({2026, 0, 1});
    expect_bad_date({2026, 13, 1});
    expect_bad_date({2026, 1, 0});
    expect_bad_date({2026, 1, 32});
    expect_bad_date({2026, -1, -1});
}

TEST(DocumentNumber, DayThatDoesNotExistInItsMonthRefused) {
    expect_bad_date({2026, 2, 29});  // not a leap year
    expect_bad_date({1900, 2, 29});  // century, not a leap year
    expect_bad_date({2024, 2, 30});
    expect_bad_date({2026, 4, 31});
    expect_bad_date({2026, 6, 31});
    expect_bad_date({2026, 9, 31});
    expect_bad_date({2026, 11, 31});
}

}  // namespace
