// Exact money for niaga (SPEC.md §2): a whole number of sen in an int64.
// Arithmetic is checked (overflow raises 22003, never wraps); rounding is
// half away from zero and happens only where a caller asks for it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace niaga {

// A percentage with two decimals (numeric(5,2)), kept as hundredths of a
// percent: 6.00 % is 600, 12.5 % is 1250.
class Rate {
  public:
    constexpr Rate() = default;
    static constexpr Rate from_hundredths(int64_t hundredths) { return Rate(hundredths); }
    // Parses numeric text such as "6", "6.00", "12.5"; rejects NaN, infinity,
    // more than two non-zero decimals, negatives and values above 100.
    static Rate parse(std::string_view text);

    constexpr int64_t hundredths() const { return hundredths_; }
    std::string to_string() const;
    constexpr bool operator==(const Rate& other) const { return hundredths_ == other.hundredths_; }

  private:
    constexpr explicit Rate(int64_t hundredths) : hundredths_(hundredths) {}
    int64_t hundredths_ = 0;
};

class Money {
  public:
    // The largest value a numeric(12,2) column holds, in sen.
    static constexpr int64_t kColumnMaxSen = 999'999'999'999;

    constexpr Money() = default;
    static constexpr Money from_sen(int64_t sen) { return Money(sen); }
    // Parses numeric text ("10", "10.5", "10.050", "-3.20"). Raises 22023 for
    // NaN, ±Infinity, malformed text or a fraction of a sen, and 22003 when
    // the value does not fit in int64 sen.
    static Money parse(std::string_view text);

    constexpr int64_t sen() const { return sen_; }
    // "1234.50", "-0.05": always two decimals, as numeric(12,2) prints.
    std::string to_string() const;

    // Raises 22023 naming `what` when the amount is negative.
    const Money& require_non_negative(std::string_view what) const;
    // Raises 22003 naming `what` when the amount does not fit numeric(12,2).
    const Money& require_column_range(std::string_view what) const;

    Money operator+(Money other) const;
    Money operator-(Money other) const;
    Money operator-() const;
    Money& operator+=(Money other) { return *this = *this + other; }
    Money& operator-=(Money other) { return *this = *this - other; }
    // Exact product with a quantity (a line total).
    Money times(int64_t quantity) const;
    // round(this × rate / 100), half away from zero: tax, percentage
    // discounts and commissions.
    Money percent(Rate rate) const;

    constexpr bool operator==(const Money& o) const { return sen_ == o.sen_; }
    constexpr bool operator!=(const Money& o) const { return sen_ != o.sen_; }
    constexpr bool operator<(const Money& o) const { return sen_ < o.sen_; }
    constexpr bool operator<=(const Money& o) const { return sen_ <= o.sen_; }
    constexpr bool operator>(const Money& o) const { return sen_ > o.sen_; }
    constexpr bool operator>=(const Money& o) const { return sen_ >= o.sen_; }

  private:
    constexpr explicit Money(int64_t sen) : sen_(sen) {}
    int64_t sen_ = 0;
};

// numerator / denominator rounded half away from zero; denominator > 0.
int64_t divide_round_half_away(__int128 numerator, int64_t denominator);

}  // namespace niaga
