// Reading sales rows into core's types: pricing terms, order lines, cart
// lines, coupons. Amounts come out of SQL as whole sen (numeric(12,2) × 100
// is exact), so no numeric parsing is needed on these paths.
#pragma once

#include "core/coupons.hpp"
#include "core/totals.hpp"
#include "core/uuid.hpp"
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

struct UsedCoupon {
    LiveCoupon coupon;
    Money discount;
};

// The first half of redeeming coupon `code`: locks the coupon row, so
// concurrent redemptions queue, then decides it for `user_id` and the
// merchandise `subtotal` on what is there after the lock, raising its
// reason's NG01x when invalid. Defined with the coupon functions.
UsedCoupon lock_and_decide_coupon(const std::string& code, std::optional<Datum> user_id, Money subtotal);

// The second half: records the use by `order_id` (a coupon_usages row,
// used_count + 1). The order's coupon_code and totals are the caller's.
void record_coupon_use(Datum coupon_id, std::optional<Datum> user_id, Datum order_id);

struct CartItem {
    Datum cart_item_id;
    Uuid product_id;
    std::optional<Uuid> variant_id;
    std::string sku;
};

struct Cart {
    Datum cart_id;
    std::optional<Datum> user_id;
    std::optional<std::string> coupon_code;
    bool expired;
    std::optional<Datum> order_id;
    std::vector<PricedLine> lines;  // at the catalog's current prices
    std::vector<CartItem> items;    // items[i] is what lines[i] prices
};
// The cart and its lines priced from the catalog; P0002 when it does not
// exist, 22023 naming the SKU of a line whose product or variant is no
// longer sold.
Cart read_cart(Datum cart_id);

}  // namespace niaga::sales
