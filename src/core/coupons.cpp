#include "core/cpp_only.hpp"  // first: core must stay free of PostgreSQL headers
#include "core/coupons.hpp"

#include <algorithm>

namespace niaga {

Money coupon_discount_on(const Coupon& coupon, Money subtotal) {
    Money discount = coupon.kind == CouponKind::kPercentage ? subtotal.percent(Rate::from_hundredths(coupon.value))
                                                            : Money::from_sen(coupon.value);
    if (coupon.kind == CouponKind::kPercentage && coupon.max_discount)
        discount = std::min(discount, *coupon.max_discount);
    return std::min(discount, subtotal);
}

CouponDecision check_coupon(const std::optional<Coupon>& coupon, const std::string& code,
                            const CouponRequest& request) {
    auto fail = [](CouponReason reason, std::string message) {
        return CouponDecision{reason, Money(), std::move(message)};
    };
    if (!coupon)
        return fail(CouponReason::kNotFound,
                    code.empty() ? std::string("No coupon code was given.") : "Coupon " + code + " does not exist.");
    const std::string name = "Coupon " + coupon->code;
    if (!coupon->is_active) return fail(CouponReason::kInactive, name + " is not active.");
    if (coupon->starts_at && *coupon->starts_at > request.now)
        return fail(CouponReason::kNotStarted, name + " cannot be used yet.");
    if (coupon->expires_at && *coupon->expires_at <= request.now)
        return fail(CouponReason::kExpired, name + " has expired.");
    if (coupon->min_order_amount && request.subtotal < *coupon->min_order_amount) {
        const Money short_by = *coupon->min_order_amount - request.subtotal;
        return fail(CouponReason::kMinOrderNotMet, name + " needs a minimum order of RM " +
                                                       coupon->min_order_amount->to_string() + ": spend RM " +
                                                       short_by.to_string() + " more.");
    }
    if (coupon->usage_limit && coupon->used_count >= *coupon->usage_limit)
        return fail(CouponReason::kUsageLimitReached, name + " has been fully redeemed.");
    if (coupon->per_customer_limit) {
        if (request.is_guest)
            return fail(CouponReason::kCustomerLimitReached, name + " is for signed-in customers only.");
        if (request.customer_usages >= *coupon->per_customer_limit)
            return fail(CouponReason::kCustomerLimitReached, name + " can be used " +
                                                                 std::to_string(*coupon->per_customer_limit) +
                                                                 " time(s) per customer and you have used it " +
                                                                 std::to_string(request.customer_usages) + ".");
    }
    const Money discount = coupon_discount_on(*coupon, request.subtotal);
    return CouponDecision{CouponReason::kValid, discount, name + " applied: RM " + discount.to_string() + " off."};
}

const char* coupon_reason_name(CouponReason reason) {
    switch (reason) {
        case CouponReason::kValid:
            return "valid";
        case CouponReason::kNotFound:
            return "coupon_not_found";
        case CouponReason::kInactive:
            return "coupon_inactive";
        case CouponReason::kNotStarted:
            return "coupon_not_started";
        case CouponReason::kExpired:
            return "coupon_expired";
        case CouponReason::kMinOrderNotMet:
            return "coupon_min_order_not_met";
        case CouponReason::kUsageLimitReached:
            return "coupon_usage_limit_reached";
        case CouponReason::kCustomerLimitReached:
            return "coupon_customer_limit_reached";
    }
    return "unknown";
}

SqlState coupon_reason_state(CouponReason reason) {
    switch (reason) {
        case CouponReason::kNotFound:
            return sqlstate::kCouponNotFound;
        case CouponReason::kInactive:
            return sqlstate::kCouponInactive;
        case CouponReason::kNotStarted:
            return sqlstate::kCouponNotStarted;
        case CouponReason::kExpired:
            return sqlstate::kCouponExpired;
        case CouponReason::kMinOrderNotMet:
            return sqlstate::kCouponMinOrderNotMet;
        case CouponReason::kUsageLimitReached:
            return sqlstate::kCouponUsageLimitReached;
        case CouponReason::kCustomerLimitReached:
            return sqlstate::kCouponCustomerLimitReached;
        case CouponReason::kValid:
            break;
    }
    return sqlstate::kInternalError;
}

}  // namespace niaga
