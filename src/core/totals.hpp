// Order and quote totals (SPEC.md §5), computed in exactly this order:
// line totals, subtotal, discount, shipping, tax, total.
#pragma once

#include "core/coupons.hpp"
#include "core/money.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace niaga {

struct PricedLine {
    int64_t quantity = 0;
    Money unit_price;
};

struct ShippingTerms {
    Money base_cost;
    std::optional<Money> free_shipping_threshold;
};

struct TaxTerms {
    Rate rate;
    bool applies_to_shipping = false;
};

// What an order or a cart is priced with; absent terms mean "none".
struct PricingTerms {
    std::optional<Coupon> coupon;
    std::optional<ShippingTerms> shipping;
    std::optional<TaxTerms> tax;
};

struct Totals {
    Money subtotal;
    Money discount;
    Money shipping;
    Money tax;
    Money total;
};

// quantity × unit_price, exact. 22023 for a quantity ≤ 0 or a negative
// price; 22003 when the line total does not fit numeric(12,2).
Money line_total(const PricedLine& line);

// Step 2 of §5: Σ line totals, checked against numeric(12,2).
Money subtotal_of(const std::vector<PricedLine>& lines);

// Step 5 of §5: round((subtotal − discount [+ shipping when the rate
// applies to shipping]) × rate / 100).
Money tax_on(Money discounted_subtotal, Money shipping, const TaxTerms& tax);

// The totals of §5. Every stored amount is checked against numeric(12,2)
// (22003, naming the column).
Totals compute_totals(const std::vector<PricedLine>& lines, const PricingTerms& terms);

// The amount a cash-on-delivery customer pays: rounded to the nearest
// 0.05 (…1,2 → …0; …3,4 → …5; …6,7 → …5; …8,9 → …10). 22023 if negative,
// 22003 when the amount or the result does not fit numeric(12,2).
Money cash_rounding(Money amount);

}  // namespace niaga
