// Coupon rules (SPEC.md §4): the seven checks in their order, the first
// failure winning, and the discount a valid coupon gives.
#pragma once

#include "core/error.hpp"
#include "core/money.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace niaga {

enum class CouponKind { kPercentage, kFixed };

// A coupon as stored; `value` is in hundredths: sen for a fixed coupon,
// hundredths of a percent for a percentage one (both numeric(12,2)).
struct Coupon {
    std::string code;
    CouponKind kind = CouponKind::kFixed;
    int64_t value = 0;
    bool is_active = true;
    std::optional<Money> min_order_amount;
    std::optional<Money> max_discount;
    std::optional<int64_t> usage_limit;
    int64_t used_count = 0;
    std::optional<int64_t> per_customer_limit;
    // Microseconds on PostgreSQL's timestamptz scale; only compared.
    std::optional<int64_t> starts_at;
    std::optional<int64_t> expires_at;
};

enum class CouponReason {
    kValid,
    kNotFound,
    kInactive,
    kNotStarted,
    kExpired,
    kMinOrderNotMet,
    kUsageLimitReached,
    kCustomerLimitReached,
};

// Who asks and for what: `customer_usages` counts the user's usages of
// this coupon (ignored for a guest).
struct CouponRequest {
    bool is_guest = true;
    int64_t customer_usages = 0;
    Money subtotal;
    int64_t now = 0;
};

struct CouponDecision {
    CouponReason reason = CouponReason::kValid;
    Money discount;       // 0 unless valid
    std::string message;  // a sentence a shop can show

    bool is_valid() const { return reason == CouponReason::kValid; }
};

// The discount a coupon gives on `subtotal`: percentage → round(subtotal ×
// value / 100) capped at max_discount; fixed → value; never above subtotal.
Money coupon_discount_on(const Coupon& coupon, Money subtotal);

// Runs the checks of §4 in order; `coupon` is nullopt when no live coupon
// has the code (`code` is then only used in the message).
CouponDecision check_coupon(const std::optional<Coupon>& coupon, const std::string& code, const CouponRequest& request);

// "coupon_not_found", ... — the reason column of sales.check_coupon.
const char* coupon_reason_name(CouponReason reason);
// NG010 ... NG016 for a failed check.
SqlState coupon_reason_state(CouponReason reason);

}  // namespace niaga
