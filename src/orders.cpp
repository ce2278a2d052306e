// Order totals (SPEC.md §5): line totals, recomputation of orders when
// their lines change, the orders' own pricing columns, tax-rate
// immutability, sales.quote and sales.cash_rounding.
#include "core/totals.hpp"
#include "pg/convert.hpp"
#include "pg/function.hpp"
#include "pg/guard.hpp"
#include "pg/settings.hpp"
#include "pg/spi.hpp"
#include "pg/trigger.hpp"
#include "order_writes.hpp"
#include "sales_data.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace pg = niaga::pg;
namespace sales = niaga::sales;
using niaga::Error;
using niaga::Money;
namespace sqlstate = niaga::sqlstate;

// BEFORE INSERT OR UPDATE ON sales.order_items FOR EACH ROW:
// total_price := quantity × unit_price, exactly.
NIAGA_FUNCTION(sales_order_item_total) {
    TriggerData* data = pg::trigger::expect(fcinfo, "sales.order_item_total", pg::trigger::Timing::kBefore,
                                            pg::trigger::Level::kRow, pg::trigger::kInsert | pg::trigger::kUpdate);
    HeapTuple row = pg::trigger::new_row(data);
    const std::optional<Datum> quantity = pg::trigger::column(data, row, "quantity", INT4OID);
    const std::optional<Datum> unit_price = pg::trigger::column(data, row, "unit_price", NUMERICOID);
    if (!quantity || !unit_price) return PointerGetDatum(row);  // NOT NULL reports it
    const Money total = niaga::line_total({DatumGetInt32(*quantity), pg::money_from_numeric(*unit_price)});
    return PointerGetDatum(
        pg::trigger::with_column(data, row, "total_price", NUMERICOID, pg::numeric_from_money(total)));
}

// AFTER INSERT / UPDATE / DELETE ON sales.order_items FOR EACH STATEMENT,
// with transition tables niaga_new_items / niaga_old_items: recomputes each
// affected order once, in two statements whatever the number of rows.
NIAGA_FUNCTION(sales_order_items_changed) {
    TriggerData* data = pg::trigger::expect(fcinfo, "sales.order_items_changed", pg::trigger::Timing::kAfter,
                                            pg::trigger::Level::kStatement,
                                            pg::trigger::kInsert | pg::trigger::kUpdate | pg::trigger::kDelete);
    pg::spi::Connection spi;
    std::vector<Datum> ids = pg::trigger::transition_uuids(data, "order_id");
    if (sales::order_being_placed != 0) {
        const niaga::Uuid placed = pg::uuid_from_datum(sales::order_being_placed);
        ids.erase(std::remove_if(ids.begin(), ids.end(), [&](Datum id) { return pg::uuid_from_datum(id) == placed; }),
                  ids.end());
    }
    if (!ids.empty()) {
        const std::vector<sales::OrderPricing> orders = sales::lock_and_read_orders(ids);
        std::vector<Datum> order_ids;
        std::vector<niaga::Totals> totals;
        order_ids.reserve(orders.size());
        totals.reserve(orders.size());
        for (const sales::OrderPricing& order : orders) {
            if (order.stock_reserved)
                throw Error(sqlstate::kObjectNotInPrerequisiteState,
                            "the lines of order " + order.order_number + " cannot change: its stock has been reserved");
            order_ids.push_back(order.order_id);
            totals.push_back(niaga::compute_totals(order.lines, order.terms));
        }
        // The computed totals are accepted as they are, not recomputed per row.
        sales::OrderWriteScope scope(sales::current_order_write, sales::OrderWrite::kComputedTotals);
        sales::write_order_totals(order_ids, totals);
    }
    spi.finish();
    return PointerGetDatum(nullptr);
}

// BEFORE INSERT OR UPDATE ON sales.orders FOR EACH ROW (on UPDATE only when a
// pricing column changed): keeps the pricing columns equal to §5. A new
// order gets the active default tax rate; coupons reach orders only
// through checkout; a shipping method must exist.
NIAGA_FUNCTION(sales_orders_price) {
    TriggerData* data = pg::trigger::expect(fcinfo, "sales.orders_price", pg::trigger::Timing::kBefore,
                                            pg::trigger::Level::kRow, pg::trigger::kInsert | pg::trigger::kUpdate);
    HeapTuple row = pg::trigger::new_row(data);
    if (sales::current_order_write == sales::OrderWrite::kComputedTotals) return PointerGetDatum(row);
    const bool inserting = TRIGGER_FIRED_BY_INSERT(data->tg_event);

    const std::optional<Datum> coupon_code = pg::trigger::column(data, row, "coupon_code", TEXTOID);
    if (coupon_code) {
        const std::optional<Datum> old_code =
            inserting ? std::nullopt : pg::trigger::column(data, data->tg_trigtuple, "coupon_code", TEXTOID);
        const std::string code = pg::string_from_text(*coupon_code);
        if ((!old_code || pg::string_from_text(*old_code) != code) &&
            sales::current_order_write != sales::OrderWrite::kCoupon)
            throw Error(
                sqlstate::kInvalidParameterValue,
                "coupon \"" + code + "\" cannot be set on an order directly: coupons are applied by sales.place_order");
    }

    pg::spi::Connection spi;
    const std::optional<Datum> shipping_method = pg::trigger::column(data, row, "shipping_method", TEXTOID);
    if (shipping_method && !sales::shipping_method_exists(*shipping_method)) {
        const std::optional<Datum> old_method =
            inserting ? std::nullopt : pg::trigger::column(data, data->tg_trigtuple, "shipping_method", TEXTOID);
        if (!old_method || pg::string_from_text(*old_method) != pg::string_from_text(*shipping_method))
            throw Error(sqlstate::kInvalidParameterValue,
                        "unknown shipping method \"" + pg::string_from_text(*shipping_method) + "\"");
    }
    std::optional<Datum> tax_rate_id = pg::trigger::column(data, row, "tax_rate_id", UUIDOID);
    if (inserting && !tax_rate_id) {
        if (const auto tax = sales::default_tax()) {
            tax_rate_id = tax->tax_rate_id;
            row = pg::trigger::with_column(data, row, "tax_rate_id", UUIDOID, *tax_rate_id);
        }
    }
    const sales::OrderPricing order =
        sales::read_order(pg::trigger::required_column(data, row, "id", UUIDOID), shipping_method, tax_rate_id);
    const niaga::Totals totals = niaga::compute_totals(order.lines, order.terms);
    spi.finish();

    row = pg::trigger::with_column(data, row, "subtotal", NUMERICOID, pg::numeric_from_money(totals.subtotal));
    row = pg::trigger::with_column(data, row, "discount_amount", NUMERICOID, pg::numeric_from_money(totals.discount));
    row = pg::trigger::with_column(data, row, "coupon_discount", NUMERICOID, pg::numeric_from_money(totals.discount));
    row = pg::trigger::with_column(data, row, "shipping_cost", NUMERICOID, pg::numeric_from_money(totals.shipping));
    row = pg::trigger::with_column(data, row, "tax_amount", NUMERICOID, pg::numeric_from_money(totals.tax));
    row = pg::trigger::with_column(data, row, "total", NUMERICOID, pg::numeric_from_money(totals.total));
    return PointerGetDatum(row);
}

// BEFORE UPDATE OF rate, applies_to_shipping ON sales.tax_rates: a rate an
// order was taxed at never changes (add a new rate instead).
NIAGA_FUNCTION(sales_tax_rate_in_use) {
    TriggerData* data = pg::trigger::expect(fcinfo, "sales.tax_rate_in_use", pg::trigger::Timing::kBefore,
                                            pg::trigger::Level::kRow, pg::trigger::kUpdate);
    HeapTuple row = pg::trigger::new_row(data);
    static const pg::spi::Statement used("SELECT 1 FROM sales.orders WHERE tax_rate_id = $1 LIMIT 1", {UUIDOID});
    const Datum id = pg::trigger::required_column(data, row, "id", UUIDOID);
    pg::spi::Connection spi;
    const bool in_use = used.execute(&id, nullptr, 1) > 0;
    spi.finish();
    if (in_use)
        throw Error(sqlstate::kCheckViolation,
                    "tax rate " + pg::uuid_from_datum(id).to_string() +
                        " is used by orders: its rate and applies_to_shipping cannot change; add a new rate instead");
    return PointerGetDatum(row);
}

// sales.quote(cart_id uuid, shipping_method_code text) → (subtotal,
// discount_amount, shipping_cost, tax_amount, total): what the cart would
// cost at checkout now.
NIAGA_FUNCTION(sales_quote) {
    if (PG_ARGISNULL(0)) throw Error(sqlstate::kInvalidParameterValue, "cart_id must not be NULL");
    pg::spi::Connection spi;
    const sales::Cart cart = sales::read_cart(PG_GETARG_DATUM(0));
    const std::string cart_name = "cart " + pg::uuid_from_datum(cart.cart_id).to_string();
    pg::require_shopper_owns(pg::shopper_context(), cart.user_id, cart_name);
    if (cart.order_id)
        throw Error(sqlstate::kCartEmptyOrExpired,
                    cart_name + " already became order " + pg::uuid_from_datum(*cart.order_id).to_string());
    if (cart.expired) throw Error(sqlstate::kCartEmptyOrExpired, cart_name + " has expired");
    if (cart.lines.empty()) throw Error(sqlstate::kCartEmptyOrExpired, cart_name + " is empty");

    niaga::PricingTerms terms;
    if (!PG_ARGISNULL(1)) terms.shipping = sales::shipping_method(pg::string_from_text(PG_GETARG_DATUM(1)));
    if (const auto tax = sales::default_tax()) terms.tax = tax->terms;
    if (cart.coupon_code) {
        std::optional<sales::LiveCoupon> coupon;
        const niaga::CouponDecision decision =
            sales::decide_coupon(*cart.coupon_code, cart.user_id, niaga::subtotal_of(cart.lines), &coupon);
        if (!decision.is_valid()) throw Error(niaga::coupon_reason_state(decision.reason), decision.message);
        terms.coupon = coupon->coupon;
    }
    const niaga::Totals totals = niaga::compute_totals(cart.lines, terms);
    spi.finish();

    Datum values[] = {pg::numeric_from_money(totals.subtotal), pg::numeric_from_money(totals.discount),
                      pg::numeric_from_money(totals.shipping), pg::numeric_from_money(totals.tax),
                      pg::numeric_from_money(totals.total)};
    pg::ResultRows rows(fcinfo);
    rows.add({values[0], values[1], values[2], values[3], values[4]});
    return Datum(0);
}

// sales.cash_rounding(amount numeric) → numeric: the cash-on-delivery
// payable amount, to the nearest 0.05.
NIAGA_FUNCTION(sales_cash_rounding) {
    const Money amount = pg::money_from_numeric(PG_GETARG_DATUM(0));
    return pg::numeric_from_money(niaga::cash_rounding(amount));
}
