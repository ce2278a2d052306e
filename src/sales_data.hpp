// Reading sales rows into core's types: pricing terms, order lines, cart
// lines, coupons. Amounts come out of SQL as whole sen (numeric(12,2) × 100
// is exact), so no numeric parsing is needed on these paths.
#pragma once

#include "core/coupons.hpp"
#include "core/totals.hpp"
#include "pg/postgres.hpp"

#include <optional>
#include <string>
#include <vector>

namespace niaga::sales {

struct OrderPricing {
    Datum order_id;
    // Set by lock_and_read_orders: the number, and whether stock was ever
    // reserved for the order (its lines are then frozen).
    std::string order_number;
    bool stock_reserved = false;
    PricingTerms terms;
    std::vector<PricedLine> lines;
};

// Locks the orders (FOR NO KEY UPDATE, in id order so that concurrent
// statements cannot deadlock) and reads their stored terms and lines.
// Orders that no longer exist are skipped.
std::vector<OrderPricing> lock_and_read_orders(const std::vector<Datum>& order_ids);

// The terms and lines of one order, priced with the given shipping method
// code and tax rate (NEW's values in a BEFORE UPDATE trigger).
OrderPricing read_order(Datum order_id, std::optional<Datum> shipping_method, std::optional<Datum> tax_rate_id);

// The sales.orders row of an order, copied out of SPI for returning from a
// function declared RETURNS sales.orders.
Datum order_row(Datum order_id);

// Writes computed totals back in one statement.
void write_order_totals(const std::vector<Datum>& order_ids, const std::vector<Totals>& totals);

// The live, active shipping method with this code; P0002 when there is none.
ShippingTerms shipping_method(const std::string& code);
// Whether a live shipping method (active or not) has this code.
bool shipping_method_exists(Datum code);

struct DefaultTax {
    Datum tax_rate_id;
    TaxTerms terms;
};
// The active default tax rate, if any.
std::optional<DefaultTax> default_tax();

struct LiveCoupon {
    Datum coupon_id;
    Coupon coupon;
};
// The live coupon with this code (case-insensitive), if any.
std::optional<LiveCoupon> live_coupon(const std::string& code);
// How many times `user_id` has used the coupon.
int64_t customer_usages(Datum coupon_id, Datum user_id);

// Runs the checks of §4 for a code (empty: none given), a user (nullopt: a
// guest) and a merchandise subtotal, reading the live coupon and, when the
// coupon has a per-customer limit, the user's uses. `found` receives the
// coupon read, if any.
CouponDecision decide_coupon(const std::string& code, std::optional<Datum> user_id, Money subtotal,
                             std::optional<LiveCoupon>* found = nullptr);

struct Cart {
    Datum cart_id;
    std::optional<Datum> user_id;
    std::optional<std::string> coupon_code;
    bool expired;
    std::optional<Datum> order_id;
    std::vector<PricedLine> lines;  // at the catalog's current prices
};
// The cart and its lines priced from the catalog; P0002 when it does not
// exist, 22023 naming the SKU of a line whose product or variant is no
// longer sold.
Cart read_cart(Datum cart_id);

}  // namespace niaga::sales
