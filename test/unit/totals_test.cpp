// Unit tests for order totals (SPEC.md §5): line totals, the totals in their
// order (subtotal, discount, shipping, tax, total) and cash rounding.
#include "core/coupons.hpp"
#include "core/error.hpp"
#include "core/money.hpp"
#include "core/totals.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace {

using niaga::cash_rounding;
using niaga::compute_totals;
using niaga::Coupon;
using niaga::CouponKind;
using niaga::line_total;
using niaga::Money;
using niaga::PricedLine;
using niaga::PricingTerms;
using niaga::Rate;
using niaga::ShippingTerms;
using niaga::TaxTerms;
using niaga::Totals;

constexpr int64_t kColumnMax = Money::kColumnMaxSen;  // 9 999 999 999.99

Money rm(int64_t sen) { return Money::from_sen(sen); }

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

PricedLine line(int64_t quantity, int64_t price_sen) { return PricedLine{quantity, rm(price_sen)}; }

Coupon percentage(int64_t hundredths, std::optional<int64_t> max_sen = std::nullopt) {
    Coupon c;
    c.code = "PCT";
    c.kind = CouponKind::kPercentage;
    c.value = hundredths;
    if (max_sen) c.max_discount = rm(*max_sen);
    return c;
}

Coupon fixed(int64_t sen) {
    Coupon c;
    c.code = "FIX";
    c.kind = CouponKind::kFixed;
    c.value = sen;
    return c;
}

ShippingTerms shipping(int64_t base_sen, std::optional<int64_t> threshold_sen = std::nullopt) {
    ShippingTerms s;
    s.base_cost = rm(base_sen);
    if (threshold_sen) s.free_shipping_threshold = rm(*threshold_sen);
    return s;
}

TaxTerms tax(int64_t hundredths, bool on_shipping = false) {
    return TaxTerms{Rate::from_hundredths(hundredths), on_shipping};
}

void expect_totals(const Totals& t, int64_t subtotal, int64_t discount, int64_t ship, int64_t tax_sen, int64_t total) {
    EXPECT_EQ(t.subtotal.sen(), subtotal) << "subtotal";
    EXPECT_EQ(t.discount.sen(), discount) << "discount";
    EXPECT_EQ(t.shipping.sen(), ship) << "shipping";
    EXPECT_EQ(t.tax.sen(), tax_sen) << "tax";
    EXPECT_EQ(t.total.sen(), total) << "total";
    EXPECT_EQ(t.total, t.subtotal - t.discount + t.shipping + t.tax) << "total identity";
}

// ---- line_total ----------------------------------------------------------------

TEST(LineTotal, QuantityTimesPriceExact) {
    EXPECT_EQ(line_total(line(3, 1999)).sen(), 5997);
    EXPECT_EQ(line_total(line(1, 1)).sen(), 1);
    EXPECT_EQ(line_total(line(7, 0)).sen(), 0);
    EXPECT_EQ(line_total(line(1000, 333)).sen(), 333000);
}

TEST(LineTotal, QuantityZeroRefused) {
    const std::string message = expect_error("22023", [] { line_total(line(0, 100)); });
    EXPECT_NE(message.find("quantity"), std::string::npos) << message;
}

TEST(LineTotal, NegativeQuantityRefused) {
    expect_error("22023", [] { line_total(line(-1, 100)); });
    expect_error("22023", [] { line_total(line(std::numeric_limits<int64_t>::min(), 100)); });
}

TEST(LineTotal, NegativePriceRefused) {
    const std::string message = expect_error("22023", [] { line_total(line(1, -1)); });
    EXPECT_NE(message.find("unit_price"), std::string::npos) << message;
}

TEST(LineTotal, ExactlyAtColumnLimitAccepted) {
    EXPECT_EQ(line_total(line(1, kColumnMax)).sen(), kColumnMax);
    EXPECT_EQ(line_total(line(3, 333'333'333'333)).sen(), kColumnMax);
}

TEST(LineTotal, BeyondColumnLimitIsOutOfRange) {
    expect_error("22003", [] { line_total(line(1, kColumnMax + 1)); });
    expect_error("22003", [] { line_total(line(3, 333'333'333'334)); });
    // int64 overflow of the product is out of range too, never a wrap.
    expect_error("22003", [] { line_total(line(std::numeric_limits<int64_t>::max(), 2)); });
    expect_error("22003", [] { line_total(line(4'611'686'018'427'387'904, 4)); });
}

// ---- compute_totals: subtotal ----------------------------------------------------

TEST(ComputeTotals, SubtotalIsSumOfLineTotals) {
    const Totals t = compute_totals({line(2, 1050), line(1, 399), line(3, 1)}, {});
    expect_totals(t, 2502, 0, 0, 0, 2502);
}

TEST(ComputeTotals, NoLinesNoTermsAllZero) { expect_totals(compute_totals({}, {}), 0, 0, 0, 0, 0); }

TEST(ComputeTotals, NoLinesWithShippingChargesBaseCost) {
    PricingTerms terms;
    terms.shipping = shipping(800, 5000);
    terms.tax = tax(600);
    terms.coupon = fixed(500);
    expect_totals(compute_totals({}, terms), 0, 0, 800, 0, 800);
}

TEST(ComputeTotals, NoLinesWithZeroThresholdShipsFree) {
    PricingTerms terms;
    terms.shipping = shipping(800, 0);
    expect_totals(compute_totals({}, terms), 0, 0, 0, 0, 0);
}

TEST(ComputeTotals, BadLineRefused) {
    expect_error("22023", [] { compute_totals({line(1, 100), line(0, 100)}, {}); });
    expect_error("22023", [] { compute_totals({line(1, -100)}, {}); });
}

TEST(ComputeTotals, SubtotalBeyondColumnIsOutOfRangeNamingIt) {
    const std::string message = expect_error("22003", [] { compute_totals({line(1, kColumnMax), line(1, 1)}, {}); });
    EXPECT_NE(message.find("subtotal"), std::string::npos) << message;
}

// ---- compute_totals: discount ----------------------------------------------------

TEST(ComputeTotals, PercentageCouponRoundsHalfAwayFromZeroOnSubtotal) {
    // 10 % of 0.25 = 0.025 → 0.03 (on the subtotal, not per line).
    PricingTerms terms;
    terms.coupon = percentage(1000);
    expect_totals(compute_totals({line(1, 25)}, terms), 25, 3, 0, 0, 22);
    // 10 % of 0.24 = 0.024 → 0.02.
    expect_totals(compute_totals({line(1, 24)}, terms), 24, 2, 0, 0, 22);
    // 15 % of 0.15 = 0.0225 → 0.02; of 0.30 = 0.045 → 0.05.
    terms.coupon = percentage(1500);
    expect_totals(compute_totals({line(1, 15)}, terms), 15, 2, 0, 0, 13);
    expect_totals(compute_totals({line(2, 15)}, terms), 30, 5, 0, 0, 25);
}

TEST(ComputeTotals, PercentageDiscountOnSubtotalNotSumOfRoundedLines) {
    // Per line 10 % of 0.05 = 0.005 → 0.01 each (0.03 in all); on the
    // subtotal 10 % of 0.15 = 0.015 → 0.02.
    PricingTerms terms;
    terms.coupon = percentage(1000);
    expect_totals(compute_totals({line(1, 5), line(1, 5), line(1, 5)}, terms), 15, 2, 0, 0, 13);
}

TEST(ComputeTotals, PercentageCouponCapHitExactly) {
    PricingTerms terms;
    terms.coupon = percentage(2000, 2000);  // 20 % of 100.00 = 20.00, cap 20.00
    expect_totals(compute_totals({line(1, 10000)}, terms), 10000, 2000, 0, 0, 8000);
}

TEST(ComputeTotals, PercentageCouponCapMissedByOneSen) {
    PricingTerms terms;
    terms.coupon = percentage(2000, 1999);  // cap one sen under: capped
    expect_totals(compute_totals({line(1, 10000)}, terms), 10000, 1999, 0, 0, 8001);
    terms.coupon = percentage(2000, 2001);  // cap one sen over: not reached
    expect_totals(compute_totals({line(1, 10000)}, terms), 10000, 2000, 0, 0, 8000);
}

TEST(ComputeTotals, FixedCouponNeverAboveSubtotal) {
    PricingTerms terms;
    terms.coupon = fixed(5000);
    expect_totals(compute_totals({line(1, 3000)}, terms), 3000, 3000, 0, 0, 0);
    expect_totals(compute_totals({line(1, 5000)}, terms), 5000, 5000, 0, 0, 0);
    expect_totals(compute_totals({line(1, 5001)}, terms), 5001, 5000, 0, 0, 1);
}

TEST(ComputeTotals, FixedCouponAboveSubtotalStillPaysShippingAndItsTax) {
    PricingTerms terms;
    terms.coupon = fixed(5000);
    terms.shipping = shipping(1000);
    terms.tax = tax(600, true);
    // taxable = 0 + 10.00 → 0.60.
    expect_totals(compute_totals({line(1, 3000)}, terms), 3000, 3000, 1000, 60, 1060);
}

// ---- compute_totals: shipping ----------------------------------------------------

TEST(ComputeTotals, NoShippingTermsMeansNoShipping) {
    expect_totals(compute_totals({line(1, 100)}, {}), 100, 0, 0, 0, 100);
}

TEST(ComputeTotals, ShippingWithoutThresholdAlwaysCharged) {
    PricingTerms terms;
    terms.shipping = shipping(850);
    expect_totals(compute_totals({line(1, 1'000'000)}, terms), 1'000'000, 0, 850, 0, 1'000'850);
}

TEST(ComputeTotals, ThresholdHitExactlyShipsFree) {
    PricingTerms terms;
    terms.shipping = shipping(800, 15000);
    expect_totals(compute_totals({line(1, 15000)}, terms), 15000, 0, 0, 0, 15000);
    expect_totals(compute_totals({line(1, 15001)}, terms), 15001, 0, 0, 0, 15001);
}

TEST(ComputeTotals, ThresholdOneSenShortChargesBaseCost) {
    PricingTerms terms;
    terms.shipping = shipping(800, 15000);
    expect_totals(compute_totals({line(1, 14999)}, terms), 14999, 0, 800, 0, 15799);
}

TEST(ComputeTotals, ThresholdComparesAfterDiscount) {
    PricingTerms terms;
    terms.shipping = shipping(800, 15000);
    terms.coupon = fixed(1000);
    // Subtotal 155.00 reaches 150.00 but 155.00 − 10.00 = 145.00 does not.
    expect_totals(compute_totals({line(1, 15500)}, terms), 15500, 1000, 800, 0, 15300);
    // 160.00 − 10.00 = 150.00: exactly the threshold → free.
    expect_totals(compute_totals({line(1, 16000)}, terms), 16000, 1000, 0, 0, 15000);
    // 159.99 − 10.00 = 149.99: one sen short.
    expect_totals(compute_totals({line(1, 15999)}, terms), 15999, 1000, 800, 0, 15799);
}

TEST(ComputeTotals, ThresholdAfterRoundedPercentageDiscount) {
    PricingTerms terms;
    terms.shipping = shipping(500, 9000);
    terms.coupon = percentage(1000);  // 10 %
    // 100.00 − 10.00 = 90.00 → free; 99.99 − 10.00 (9.999 → 10.00) = 89.99 → charged.
    expect_totals(compute_totals({line(1, 10000)}, terms), 10000, 1000, 0, 0, 9000);
    expect_totals(compute_totals({line(1, 9999)}, terms), 9999, 1000, 500, 0, 9499);
}

// ---- compute_totals: tax -----------------------------------------------------------

TEST(ComputeTotals, NoTaxTermsMeansNoTax) {
    PricingTerms terms;
    terms.shipping = shipping(500);
    expect_totals(compute_totals({line(1, 10000)}, terms), 10000, 0, 500, 0, 10500);
}

TEST(ComputeTotals, ZeroRateGivesZeroTax) {
    PricingTerms terms;
    terms.tax = tax(0, true);
    terms.shipping = shipping(500);
    expect_totals(compute_totals({line(1, 10000)}, terms), 10000, 0, 500, 0, 10500);
}

TEST(ComputeTotals, TaxHalfSenRoundsAwayFromZero) {
    PricingTerms terms;
    terms.tax = tax(600);
    // 6 % of 0.25 = 0.015 → 0.02.
    expect_totals(compute_totals({line(1, 25)}, terms), 25, 0, 0, 2, 27);
    // 6 % of 0.24 = 0.0144 → 0.01.
    expect_totals(compute_totals({line(1, 24)}, terms), 24, 0, 0, 1, 25);
    // 6 % of 0.75 = 0.045 → 0.05.
    expect_totals(compute_totals({line(1, 75)}, terms), 75, 0, 0, 5, 80);
    // 8 % of 0.06 = 0.0048 → 0.00.
    terms.tax = tax(800);
    expect_totals(compute_totals({line(1, 6)}, terms), 6, 0, 0, 0, 6);
}

TEST(ComputeTotals, TaxOnSubtotalMinusDiscount) {
    PricingTerms terms;
    terms.coupon = fixed(2000);
    terms.tax = tax(600);
    // (100.00 − 20.00) × 6 % = 4.80.
    expect_totals(compute_totals({line(1, 10000)}, terms), 10000, 2000, 0, 480, 8480);
}

TEST(ComputeTotals, TaxExcludesShippingUnlessItApplies) {
    PricingTerms terms;
    terms.shipping = shipping(1000);
    terms.tax = tax(600, false);
    expect_totals(compute_totals({line(1, 10000)}, terms), 10000, 0, 1000, 600, 11600);
    terms.tax = tax(600, true);
    expect_totals(compute_totals({line(1, 10000)}, terms), 10000, 0, 1000, 660, 11660);
}

TEST(ComputeTotals, TaxOnShippingWithDiscountAndHalfSen) {
    PricingTerms terms;
    terms.coupon = fixed(100);
    terms.shipping = shipping(25);
    terms.tax = tax(600, true);
    // (1.00 − 1.00 + 0.25) × 6 % = 0.015 → 0.02; without shipping it would be 0.
    expect_totals(compute_totals({line(1, 100)}, terms), 100, 100, 25, 2, 27);
    terms.tax = tax(600, false);
    expect_totals(compute_totals({line(1, 100)}, terms), 100, 100, 25, 0, 25);
}

TEST(ComputeTotals, TaxOnWaivedShippingIsOnGoodsOnly) {
    PricingTerms terms;
    terms.shipping = shipping(1000, 5000);
    terms.tax = tax(600, true);
    expect_totals(compute_totals({line(1, 5000)}, terms), 5000, 0, 0, 300, 5300);
}

TEST(ComputeTotals, FullOrderInSpecOrder) {
    // subtotal 2 × 45.50 + 1 × 19.90 = 110.90; 15 % = 16.635 → 16.64, capped
    // at 15.00; 110.90 − 15.00 = 95.90 < 100.00 → shipping 8.00; tax 6 % of
    // 103.90 = 6.234 → 6.23; total 95.90 + 8.00 + 6.23 = 110.13.
    PricingTerms terms;
    terms.coupon = percentage(1500, 1500);
    terms.shipping = shipping(800, 10000);
    terms.tax = tax(600, true);
    expect_totals(compute_totals({line(2, 4550), line(1, 1990)}, terms), 11090, 1500, 800, 623, 11013);
}

// ---- compute_totals: range of the stored amounts -----------------------------------

TEST(ComputeTotals, TotalExactlyAtColumnLimitAccepted) {
    PricingTerms terms;
    terms.shipping = shipping(1);
    expect_totals(compute_totals({line(1, kColumnMax - 1)}, terms), kColumnMax - 1, 0, 1, 0, kColumnMax);
}

TEST(ComputeTotals, TotalBeyondColumnByShippingIsOutOfRangeNamingTotal) {
    PricingTerms terms;
    terms.shipping = shipping(1);
    const std::string message = expect_error("22003", [&] { compute_totals({line(1, kColumnMax)}, terms); });
    EXPECT_NE(message.find("total"), std::string::npos) << message;
}

TEST(ComputeTotals, TotalBeyondColumnByTaxIsOutOfRangeNamingTotal) {
    PricingTerms terms;
    terms.tax = tax(600);
    const std::string message = expect_error("22003", [&] { compute_totals({line(1, kColumnMax)}, terms); });
    EXPECT_NE(message.find("total"), std::string::npos) << message;
}

TEST(ComputeTotals, DiscountKeepsLargeSubtotalInRange) {
    PricingTerms terms;
    terms.tax = tax(600);
    terms.coupon = percentage(1000);
    // 9 999 999 999.99 − 10 % (1 000 000 000.00 after rounding) = 8 999 999 999.99;
    // tax 540 000 000.00 (539 999 999.9994 → …00); total 9 539 999 999.99.
    expect_totals(compute_totals({line(1, kColumnMax)}, terms), kColumnMax, 100'000'000'000, 0, 54'000'000'000,
                  953'999'999'999);
}

TEST(ComputeTotals, ShippingBeyondColumnIsOutOfRangeNamingShipping) {
    PricingTerms terms;
    terms.shipping = shipping(std::numeric_limits<int64_t>::max());
    const std::string message = expect_error("22003", [&] { compute_totals({line(1, 100)}, terms); });
    EXPECT_NE(message.find("shipping_cost"), std::string::npos) << message;
}

// ---- cash_rounding -----------------------------------------------------------------

TEST(CashRounding, EveryLastDigit) {
    // …0 stays; …1,2 → …0; …3,4 → …5; …5 stays; …6,7 → …5; …8,9 → …10.
    const int64_t expected[10] = {1230, 1230, 1230, 1235, 1235, 1235, 1235, 1235, 1240, 1240};
    for (int digit = 0; digit <= 9; ++digit) {
        SCOPED_TRACE("12.3" + std::to_string(digit));
        EXPECT_EQ(cash_rounding(rm(1230 + digit)).sen(), expected[digit]);
    }
}

TEST(CashRounding, CarriesIntoRinggit) {
    EXPECT_EQ(cash_rounding(rm(998)).sen(), 1000);    // 9.98 → 10.00
    EXPECT_EQ(cash_rounding(rm(999)).sen(), 1000);    // 9.99 → 10.00
    EXPECT_EQ(cash_rounding(rm(9998)).sen(), 10000);  // 99.98 → 100.00
    EXPECT_EQ(cash_rounding(rm(1001)).sen(), 1000);   // 10.01 → 10.00
}

TEST(CashRounding, SmallAmounts) {
    EXPECT_EQ(cash_rounding(rm(0)).sen(), 0);
    EXPECT_EQ(cash_rounding(rm(1)).sen(), 0);
    EXPECT_EQ(cash_rounding(rm(2)).sen(), 0);
    EXPECT_EQ(cash_rounding(rm(3)).sen(), 5);
    EXPECT_EQ(cash_rounding(rm(8)).sen(), 10);
}

// SPEC §2: a result beyond numeric(12,2) raises 22003, whether the amount
// itself is too large or rounding carries it over the limit.
TEST(CashRounding, BeyondTheColumnIsOutOfRange) {
    EXPECT_EQ(cash_rounding(rm(kColumnMax - 2)).sen(), kColumnMax - 4);  // …99.97 → …99.95
    expect_error("22003", [] { cash_rounding(rm(kColumnMax)); });        // …99.99 → …100.00
    expect_error("22003", [] { cash_rounding(rm(kColumnMax + 1)); });
    expect_error("22003", [] { cash_rounding(rm(std::numeric_limits<int64_t>::max())); });
}

TEST(CashRounding, NegativeRefused) {
    expect_error("22023", [] { cash_rounding(rm(-1)); });
    expect_error("22023", [] { cash_rounding(rm(-5)); });
    expect_error("22023", [] { cash_rounding(rm(std::numeric_limits<int64_t>::min())); });
}

}  // namespace
