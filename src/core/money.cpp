#include "core/cpp_only.hpp"  // first: core must stay free of PostgreSQL headers
#include "core/money.hpp"

#include "core/error.hpp"

#include <cstdlib>
#include <limits>

namespace niaga {

namespace {

std::string quoted(std::string_view text) {
    std::string out = "\"";
    out.append(text.substr(0, 64));
    if (text.size() > 64) out += "...";
    return out + "\"";
}

// Parses decimal text into an integer count of hundredths. `what` names the
// value in messages ("amount", "rate").
int64_t parse_hundredths(std::string_view text, std::string_view what) {
    const std::string name(what);
    if (text == "NaN" || text == "Infinity" || text == "-Infinity" || text == "+Infinity")
        throw Error(sqlstate::kInvalidParameterValue, name + " must be a finite number, not " + std::string(text));
    size_t pos = 0;
    bool negative = false;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) negative = text[pos++] == '-';

    __int128 whole = 0;
    size_t digits = 0;
    const __int128 limit = static_cast<__int128>(std::numeric_limits<int64_t>::max());
    bool too_big = false;
    for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, ++digits) {
        whole = whole * 10 + (text[pos] - '0');
        if (whole > limit) too_big = true, whole = limit;
    }
    int64_t fraction = 0;
    size_t fraction_digits = 0;
    if (pos < text.size() && text[pos] == '.') {
        for (++pos; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
            const int digit = text[pos] - '0';
            if (fraction_digits < 2) {
                fraction = fraction * 10 + digit;
            } else if (digit != 0) {
                throw Error(sqlstate::kInvalidParameterValue,
                            name + " " + quoted(text) + " has more than 2 decimal places");
            }
            ++fraction_digits;
            ++digits;
        }
    }
    if (digits == 0 || pos != text.size())
        throw Error(sqlstate::kInvalidParameterValue, name + " " + quoted(text) + " is not a number");
    if (fraction_digits == 1) fraction *= 10;

    __int128 value = whole * 100 + fraction;
    if (too_big || value > limit)
        throw Error(sqlstate::kNumericValueOutOfRange, name + " " + quoted(text) + " is out of range");
    return negative ? -static_cast<int64_t>(value) : static_cast<int64_t>(value);
}

std::string format_hundredths(int64_t value) {
    // Work in unsigned so that INT64_MIN prints without overflow.
    const bool negative = value < 0;
    uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    std::string out = std::to_string(magnitude / 100);
    const uint64_t cents = magnitude % 100;
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
    return negative ? "-" + out : out;
}

[[noreturn]] void overflow(const char* operation) {
    throw Error(sqlstate::kNumericValueOutOfRange, std::string("money ") + operation + " is out of range");
}

}  // namespace

int64_t divide_round_half_away(__int128 numerator, int64_t denominator) {
    __int128 quotient = numerator / denominator;
    const __int128 remainder = numerator % denominator;
    const __int128 twice = remainder < 0 ? -2 * remainder : 2 * remainder;
    if (twice >= denominator) quotient += numerator < 0 ? -1 : 1;
    if (quotient > std::numeric_limits<int64_t>::max() || quotient < std::numeric_limits<int64_t>::min())
        overflow("rounding");
    return static_cast<int64_t>(quotient);
}

Rate Rate::parse(std::string_view text) {
    const int64_t hundredths = parse_hundredths(text, "rate");
    if (hundredths < 0 || hundredths > 10000)
        throw Error(sqlstate::kInvalidParameterValue,
                    "rate " + format_hundredths(hundredths) + " must be between 0 and 100");
    return Rate(hundredths);
}

std::string Rate::to_string() const { return format_hundredths(hundredths_); }

Money Money::parse(std::string_view text) { return Money(parse_hundredths(text, "amount")); }

std::string Money::to_string() const { return format_hundredths(sen_); }

const Money& Money::require_non_negative(std::string_view what) const {
    if (sen_ < 0)
        throw Error(sqlstate::kInvalidParameterValue, std::string(what) + " must not be negative, got " + to_string());
    return *this;
}

const Money& Money::require_column_range(std::string_view what) const {
    if (sen_ > kColumnMaxSen || sen_ < -kColumnMaxSen)
        throw Error(sqlstate::kNumericValueOutOfRange,
                    std::string(what) + " " + to_string() + " exceeds numeric(12,2)");
    return *this;
}

Money Money::operator+(Money other) const {
    int64_t out;
    if (__builtin_add_overflow(sen_, other.sen_, &out)) overflow("addition");
    return Money(out);
}

Money Money::operator-(Money other) const {
    int64_t out;
    if (__builtin_sub_overflow(sen_, other.sen_, &out)) overflow("subtraction");
    return Money(out);
}

Money Money::operator-() const {
    if (sen_ == std::numeric_limits<int64_t>::min()) overflow("negation");
    return Money(-sen_);
}

Money Money::times(int64_t quantity) const {
    int64_t out;
    if (__builtin_mul_overflow(sen_, quantity, &out)) overflow("multiplication");
    return Money(out);
}

Money Money::percent(Rate rate) const {
    // sen × hundredths-of-a-percent / 10 000 — exact in 128 bits, one rounding.
    const __int128 product = static_cast<__int128>(sen_) * rate.hundredths();
    return Money(divide_round_half_away(product, 10'000));
}

}  // namespace niaga
