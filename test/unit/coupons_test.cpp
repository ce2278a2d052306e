// Unit tests for the coupon rules (SPEC.md §4): the seven checks in their
// order, each at its boundary, the discount, and the reason names/SQLSTATEs.
#include "core/coupons.hpp"
#include "core/error.hpp"
#include "core/money.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

namespace {

using niaga::check_coupon;
using niaga::Coupon;
using niaga::coupon_discount_on;
using niaga::CouponDecision;
using niaga::CouponKind;
using niaga::CouponReason;
using niaga::CouponRequest;
using niaga::Money;

constexpr int64_t kNow = 1'000'000'000'000;  // microseconds; only compared

Money rm(int64_t sen) { return Money::from_sen(sen); }

// A fixed RM 5.00 coupon with no limits at all.
Coupon fixed_coupon(int64_t sen = 500) {
    Coupon c;
    c.code = "HEMAT5";
    c.kind = CouponKind::kFixed;
    c.value = sen;
    return c;
}

// A percentage coupon; `hundredths` of a percent (1000 = 10 %).
Coupon percentage_coupon(int64_t hundredths) {
    Coupon c;
    c.code = "DISKAUN";
    c.kind = CouponKind::kPercentage;
    c.value = hundredths;
    return c;
}

CouponRequest customer(int64_t subtotal_sen, int64_t usages = 0) {
    CouponRequest r;
    r.is_guest = false;
    r.customer_usages = usages;
    r.subtotal = rm(subtotal_sen);
    r.now = kNow;
    return r;
}

CouponRequest guest(int64_t subtotal_sen) {
    CouponRequest r;
    r.is_guest = true;
    r.subtotal = rm(subtotal_sen);
    r.now = kNow;
    return r;
}

CouponDecision check(const Coupon& c, const CouponRequest& r) { return check_coupon(c, c.code, r); }

void expect_valid(const CouponDecision& d, int64_t discount_sen) {
    EXPECT_TRUE(d.is_valid()) << niaga::coupon_reason_name(d.reason) << ": " << d.message;
    EXPECT_EQ(d.reason, CouponReason::kValid);
    EXPECT_EQ(d.discount.sen(), discount_sen);
}

void expect_invalid(const CouponDecision& d, CouponReason reason) {
    EXPECT_FALSE(d.is_valid());
    EXPECT_EQ(d.reason, reason) << "got " << niaga::coupon_reason_name(d.reason) << ": " << d.message;
    EXPECT_EQ(d.discount.sen(), 0) << "an invalid coupon gives no discount";
    EXPECT_FALSE(d.message.empty());
}

// ---- check_coupon: each reason, both ways ----------------------------------

TEST(CheckCoupon, UnlimitedCouponIsValidWithItsDiscount) {
    const CouponDecision d = check(fixed_coupon(500), customer(10000));
    expect_valid(d, 500);
    EXPECT_NE(d.message.find("HEMAT5"), std::string::npos) << d.message;
}

TEST(CheckCoupon, ValidForGuestWithoutPerCustomerLimit) { expect_valid(check(fixed_coupon(500), guest(10000)), 500); }

TEST(CheckCoupon, NotFound) {
    const CouponDecision d = check_coupon(std::nullopt, "NOPE", customer(10000));
    expect_invalid(d, CouponReason::kNotFound);
    EXPECT_NE(d.message.find("NOPE"), std::string::npos) << d.message;
}

TEST(CheckCoupon, InactiveFailsActivePasses) {
    Coupon c = fixed_coupon();
    c.is_active = false;
    expect_invalid(check(c, customer(10000)), CouponReason::kInactive);
    c.is_active = true;
    expect_valid(check(c, customer(10000)), 500);
}

TEST(CheckCoupon, StartsAtNowPassesOneMicrosecondLaterFails) {
    Coupon c = fixed_coupon();
    c.starts_at = kNow;
    expect_valid(check(c, customer(10000)), 500);
    c.starts_at = kNow + 1;
    expect_invalid(check(c, customer(10000)), CouponReason::kNotStarted);
    c.starts_at = kNow - 1;
    expect_valid(check(c, customer(10000)), 500);
}

TEST(CheckCoupon, ExpiresAtNowFailsOneMicrosecondLaterPasses) {
    Coupon c = fixed_coupon();
    c.expires_at = kNow;
    expect_invalid(check(c, customer(10000)), CouponReason::kExpired);
    c.expires_at = kNow - 1;
    expect_invalid(check(c, customer(10000)), CouponReason::kExpired);
    c.expires_at = kNow + 1;
    expect_valid(check(c, customer(10000)), 500);
}

TEST(CheckCoupon, SubtotalEqualToMinimumPasses) {
    Coupon c = fixed_coupon();
    c.min_order_amount = rm(5000);
    expect_valid(check(c, customer(5000)), 500);
}

TEST(CheckCoupon, OneSenBelowMinimumFailsStatingAmountStillNeeded) {
    Coupon c = fixed_coupon();
    c.min_order_amount = rm(5000);
    const CouponDecision d = check(c, customer(4999));
    expect_invalid(d, CouponReason::kMinOrderNotMet);
    EXPECT_NE(d.message.find("RM 0.01"), std::string::npos) << d.message;
}

TEST(CheckCoupon, MinimumMessageStatesLargerShortfall) {
    Coupon c = fixed_coupon();
    c.min_order_amount = rm(5000);
    const CouponDecision d = check(c, customer(1250));
    expect_invalid(d, CouponReason::kMinOrderNotMet);
    EXPECT_NE(d.message.find("RM 37.50"), std::string::npos) << d.message;
}

TEST(CheckCoupon, UsageLimitReachedFailsOneLessPasses) {
    Coupon c = fixed_coupon();
    c.usage_limit = 10;
    c.used_count = 10;
    expect_invalid(check(c, customer(10000)), CouponReason::kUsageLimitReached);
    c.used_count = 11;
    expect_invalid(check(c, customer(10000)), CouponReason::kUsageLimitReached);
    c.used_count = 9;
    expect_valid(check(c, customer(10000)), 500);
}

TEST(CheckCoupon, UsageLimitZeroNeverUsable) {
    Coupon c = fixed_coupon();
    c.usage_limit = 0;
    c.used_count = 0;
    expect_invalid(check(c, customer(10000)), CouponReason::kUsageLimitReached);
}

TEST(CheckCoupon, CustomerLimitReachedFailsOneLessPasses) {
    Coupon c = fixed_coupon();
    c.per_customer_limit = 2;
    expect_invalid(check(c, customer(10000, 2)), CouponReason::kCustomerLimitReached);
    expect_invalid(check(c, customer(10000, 3)), CouponReason::kCustomerLimitReached);
    expect_valid(check(c, customer(10000, 1)), 500);
    expect_valid(check(c, customer(10000, 0)), 500);
}

TEST(CheckCoupon, GuestMayNotUseCouponWithPerCustomerLimit) {
    Coupon c = fixed_coupon();
    c.per_customer_limit = 5;
    expect_invalid(check(c, guest(10000)), CouponReason::kCustomerLimitReached);
}

TEST(CheckCoupon, GuestUsageCountIgnoredWithoutPerCustomerLimit) {
    CouponRequest r = guest(10000);
    r.customer_usages = 99;
    expect_valid(check(fixed_coupon(), r), 500);
}

// ---- check_coupon: order of the checks -------------------------------------

// A coupon failing every check; clearing them one by one, from the first,
// must expose each following reason in SPEC §4's order.
TEST(CheckCoupon, FirstFailingCheckWinsInSpecOrder) {
    Coupon c = fixed_coupon();
    c.is_active = false;
    c.starts_at = kNow + 1;
    c.expires_at = kNow;  // also expired
    c.min_order_amount = rm(20000);
    c.usage_limit = 1;
    c.used_count = 1;
    c.per_customer_limit = 1;
    const CouponRequest r = customer(10000, 1);

    expect_invalid(check_coupon(std::nullopt, "X", r), CouponReason::kNotFound);
    expect_invalid(check(c, r), CouponReason::kInactive);
    c.is_active = true;
    expect_invalid(check(c, r), CouponReason::kNotStarted);
    c.starts_at.reset();
    expect_invalid(check(c, r), CouponReason::kExpired);
    c.expires_at.reset();
    expect_invalid(check(c, r), CouponReason::kMinOrderNotMet);
    c.min_order_amount.reset();
    expect_invalid(check(c, r), CouponReason::kUsageLimitReached);
    c.usage_limit.reset();
    expect_invalid(check(c, r), CouponReason::kCustomerLimitReached);
    c.per_customer_limit.reset();
    expect_valid(check(c, r), 500);
}

TEST(CheckCoupon, NotStartedBeforeExpiredWhenBothApply) {
    Coupon c = fixed_coupon();
    c.starts_at = kNow + 10;
    c.expires_at = kNow - 10;
    expect_invalid(check(c, customer(10000)), CouponReason::kNotStarted);
}

TEST(CheckCoupon, MinOrderBeforeUsageLimit) {
    Coupon c = fixed_coupon();
    c.min_order_amount = rm(10001);
    c.usage_limit = 0;
    expect_invalid(check(c, customer(10000)), CouponReason::kMinOrderNotMet);
}

TEST(CheckCoupon, UsageLimitBeforeGuestRefusal) {
    Coupon c = fixed_coupon();
    c.usage_limit = 3;
    c.used_count = 3;
    c.per_customer_limit = 1;
    expect_invalid(check(c, guest(10000)), CouponReason::kUsageLimitReached);
}

TEST(CheckCoupon, ValidPercentageCouponDiscountIsRoundedAndCapped) {
    Coupon c = percentage_coupon(1000);             // 10 %
    expect_valid(check(c, customer(12345)), 1235);  // 12.345 → 12.35
    c.max_discount = rm(1000);
    expect_valid(check(c, customer(12345)), 1000);
}

TEST(CheckCoupon, ValidFixedCouponNeverAboveSubtotal) { expect_valid(check(fixed_coupon(5000), customer(1234)), 1234); }

// ---- reason names and SQLSTATEs ---------------------------------------------

TEST(CouponReasons, NamesMatchSpec) {
    EXPECT_STREQ(niaga::coupon_reason_name(CouponReason::kNotFound), "coupon_not_found");
    EXPECT_STREQ(niaga::coupon_reason_name(CouponReason::kInactive), "coupon_inactive");
    EXPECT_STREQ(niaga::coupon_reason_name(CouponReason::kNotStarted), "coupon_not_started");
    EXPECT_STREQ(niaga::coupon_reason_name(CouponReason::kExpired), "coupon_expired");
    EXPECT_STREQ(niaga::coupon_reason_name(CouponReason::kMinOrderNotMet), "coupon_min_order_not_met");
    EXPECT_STREQ(niaga::coupon_reason_name(CouponReason::kUsageLimitReached), "coupon_usage_limit_reached");
    EXPECT_STREQ(niaga::coupon_reason_name(CouponReason::kCustomerLimitReached), "coupon_customer_limit_reached");
}

TEST(CouponReasons, StatesAreNG010ToNG016) {
    auto state = [](CouponReason r) { return std::string(niaga::coupon_reason_state(r).code); };
    EXPECT_EQ(state(CouponReason::kNotFound), "NG010");
    EXPECT_EQ(state(CouponReason::kInactive), "NG011");
    EXPECT_EQ(state(CouponReason::kNotStarted), "NG012");
    EXPECT_EQ(state(CouponReason::kExpired), "NG013");
    EXPECT_EQ(state(CouponReason::kMinOrderNotMet), "NG014");
    EXPECT_EQ(state(CouponReason::kUsageLimitReached), "NG015");
    EXPECT_EQ(state(CouponReason::kCustomerLimitReached), "NG016");
}

// ---- coupon_discount_on ------------------------------------------------------

TEST(CouponDiscount, HundredPercentIsWholeSubtotal) {
    EXPECT_EQ(coupon_discount_on(percentage_coupon(10000), rm(12345)).sen(), 12345);
    EXPECT_EQ(coupon_discount_on(percentage_coupon(10000), rm(1)).sen(), 1);
}

TEST(CouponDiscount, PercentageRoundsHalfAwayFromZero) {
    EXPECT_EQ(coupon_discount_on(percentage_coupon(1000), rm(25)).sen(), 3);  // 2.5 → 3
    EXPECT_EQ(coupon_discount_on(percentage_coupon(1000), rm(24)).sen(), 2);  // 2.4 → 2
    EXPECT_EQ(coupon_discount_on(percentage_coupon(1000), rm(5)).sen(), 1);   // 0.5 → 1
    EXPECT_EQ(coupon_discount_on(percentage_coupon(1250), rm(4)).sen(), 1);   // 12.5 % of 4 = 0.5 → 1
    EXPECT_EQ(coupon_discount_on(percentage_coupon(1), rm(4999)).sen(), 0);   // 0.4999 → 0
    EXPECT_EQ(coupon_discount_on(percentage_coupon(1), rm(5000)).sen(), 1);   // 0.5 → 1
}

TEST(CouponDiscount, FixedLargerThanSubtotalIsSubtotal) {
    EXPECT_EQ(coupon_discount_on(fixed_coupon(5000), rm(4999)).sen(), 4999);
    EXPECT_EQ(coupon_discount_on(fixed_coupon(5000), rm(5000)).sen(), 5000);
    EXPECT_EQ(coupon_discount_on(fixed_coupon(5000), rm(5001)).sen(), 5000);
    EXPECT_EQ(coupon_discount_on(fixed_coupon(5000), rm(0)).sen(), 0);
}

TEST(CouponDiscount, MaxDiscountZeroGivesNothing) {
    Coupon c = percentage_coupon(5000);
    c.max_discount = rm(0);
    EXPECT_EQ(coupon_discount_on(c, rm(10000)).sen(), 0);
}

TEST(CouponDiscount, MaxDiscountCapBoundaries) {
    Coupon c = percentage_coupon(1000);  // 10 % of 100.00 = 10.00
    c.max_discount = rm(1000);           // cap hit exactly
    EXPECT_EQ(coupon_discount_on(c, rm(10000)).sen(), 1000);
    c.max_discount = rm(999);  // one sen under: capped
    EXPECT_EQ(coupon_discount_on(c, rm(10000)).sen(), 999);
    c.max_discount = rm(1001);  // one sen over: not reached
    EXPECT_EQ(coupon_discount_on(c, rm(10000)).sen(), 1000);
}

TEST(CouponDiscount, MaxDiscountDoesNotApplyToFixedCoupons) {
    // SPEC §4: the cap is for percentage coupons ("then capped at max_discount").
    Coupon c = fixed_coupon(500);
    c.max_discount = rm(100);
    EXPECT_EQ(coupon_discount_on(c, rm(10000)).sen(), 500);
}

}  // namespace
