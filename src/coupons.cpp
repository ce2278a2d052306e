// Coupon entry points (SPEC.md §4): previews that never raise for a
// business reason, the raising variant, and redeeming / giving back a use.
#include "core/coupons.hpp"
#include "core/totals.hpp"
#include "order_writes.hpp"
#include "pg/arrays.hpp"
#include "pg/convert.hpp"
#include "pg/function.hpp"
#include "pg/guard.hpp"
#include "pg/settings.hpp"
#include "pg/spi.hpp"
#include "sales_data.hpp"

#include <string>

namespace pg = niaga::pg;
namespace sales = niaga::sales;
using niaga::Error;
using niaga::Money;
namespace sqlstate = niaga::sqlstate;

namespace {

// The coupon code argument: NULL or blank means "no code", which no coupon
// matches.
std::string code_argument(FunctionCallInfo fcinfo, int index) {
    if (PG_ARGISNULL(index)) return {};
    std::string code = pg::string_from_text(PG_GETARG_DATUM(index));
    return pg::is_blank(code) ? std::string() : code;
}

Money subtotal_argument(FunctionCallInfo fcinfo, int index) {
    if (PG_ARGISNULL(index)) throw Error(sqlstate::kInvalidParameterValue, "subtotal must not be NULL");
    Money subtotal = pg::money_from_numeric(PG_GETARG_DATUM(index));
    subtotal.require_non_negative("subtotal").require_column_range("subtotal");
    return subtotal;
}

// The user argument of a coupon preview: a shopper may ask only for itself
// (or as a guest), not probe another customer's usage.
std::optional<Datum> user_argument(FunctionCallInfo fcinfo, int index) {
    const std::optional<Datum> user = pg::optional_argument(fcinfo, index);
    pg::require_shopper_owns(pg::shopper_context(), user, "the coupon usage of that user");
    return user;
}

}  // namespace

// sales.check_coupon(code text, user_id uuid, subtotal numeric)
//   → TABLE(is_valid boolean, discount numeric, reason text, message text)
NIAGA_FUNCTION(sales_check_coupon) {
    const std::string code = code_argument(fcinfo, 0);
    const Money subtotal = subtotal_argument(fcinfo, 2);
    pg::spi::Connection spi;
    const niaga::CouponDecision decision = sales::decide_coupon(code, user_argument(fcinfo, 1), subtotal);
    spi.finish();

    const char* reason = niaga::coupon_reason_name(decision.reason);
    Datum values[] = {BoolGetDatum(decision.is_valid()), pg::numeric_from_money(decision.discount),
                      pg::text_from_string(reason), pg::text_from_string(decision.message)};
    pg::ResultRows rows(fcinfo);
    rows.add({values[0], values[1], values[2], values[3]});
    return Datum(0);
}

// sales.coupon_discount(code text, user_id uuid, subtotal numeric) → numeric;
// raises NG010…NG016 when the coupon does not apply.
NIAGA_FUNCTION(sales_coupon_discount) {
    const std::string code = code_argument(fcinfo, 0);
    const Money subtotal = subtotal_argument(fcinfo, 2);
    pg::spi::Connection spi;
    const niaga::CouponDecision decision = sales::decide_coupon(code, user_argument(fcinfo, 1), subtotal);
    spi.finish();
    if (!decision.is_valid()) throw Error(niaga::coupon_reason_state(decision.reason), decision.message);
    return pg::numeric_from_money(decision.discount);
}

sales::UsedCoupon sales::lock_and_decide_coupon(const std::string& code, std::optional<Datum> user_id, Money subtotal) {
    static const pg::spi::Statement lock_coupon(
        "SELECT 1 FROM sales.coupons WHERE lower(code) = lower($1) AND deleted_at IS NULL FOR NO KEY UPDATE",
        {TEXTOID});
    if (!code.empty()) {
        const Datum code_text = pg::text_from_string(code);
        lock_coupon.execute(&code_text, nullptr, 1);
    }
    std::optional<sales::LiveCoupon> coupon;
    const niaga::CouponDecision decision = sales::decide_coupon(code, user_id, subtotal, &coupon);
    if (!decision.is_valid()) throw Error(niaga::coupon_reason_state(decision.reason), decision.message);
    return {*coupon, decision.discount};
}

void sales::record_coupon_use(Datum coupon_id, std::optional<Datum> user_id, Datum order_id) {
    static const pg::spi::Statement use(
        "WITH used AS (UPDATE sales.coupons SET used_count = used_count + 1 WHERE id = $1 RETURNING id) "
        "INSERT INTO sales.coupon_usages (coupon_id, user_id, order_id) SELECT id, $2, $3 FROM used",
        {UUIDOID, UUIDOID, UUIDOID});
    const Datum usage[] = {coupon_id, user_id.value_or(0), order_id};
    const char usage_nulls[] = {' ', user_id ? ' ' : 'n', ' ', '\0'};
    use.execute(usage, usage_nulls);
}

// sales.redeem_coupon(order_id uuid, code text) → numeric: applies the
// coupon to a pending order that has none yet, checked against the order's
// merchandise subtotal and customer. The coupon row is locked first, so
// concurrent redemptions queue: used_count never passes usage_limit and a
// customer never passes per_customer_limit.
NIAGA_FUNCTION(sales_redeem_coupon) {
    if (PG_ARGISNULL(0)) throw Error(sqlstate::kInvalidParameterValue, "order_id must not be NULL");
    const Datum order_id = PG_GETARG_DATUM(0);
    const std::string code = code_argument(fcinfo, 1);
    const std::string order_name = "order " + pg::uuid_from_datum(order_id).to_string();

    // Lock first, then read in a second statement: its fresh snapshot sees
    // whatever the previous holder of the lock committed (lines, a coupon).
    static const pg::spi::Statement lock_order(
        "SELECT user_id, status FROM sales.orders WHERE id = $1 FOR NO KEY UPDATE", {UUIDOID});
    static const pg::spi::Statement read_order(
        "SELECT (SELECT c.code FROM sales.coupon_usages u JOIN sales.coupons c ON c.id = u.coupon_id "
        "WHERE u.order_id = $1), "
        "(SELECT array_agg(i.quantity) FROM sales.order_items i WHERE i.order_id = $1), "
        "(SELECT array_agg((i.unit_price * 100)::int8) FROM sales.order_items i WHERE i.order_id = $1)",
        {UUIDOID});
    static const pg::spi::Statement set_code("UPDATE sales.orders SET coupon_code = $2 WHERE id = $1",
                                             {UUIDOID, TEXTOID});

    pg::spi::Connection spi;
    if (lock_order.execute(&order_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, order_name + " does not exist");
    const std::optional<Datum> user_id = pg::spi::value(0, 1);
    const std::optional<Datum> user = user_id ? std::optional(pg::copy_uuid(*user_id)) : std::nullopt;
    const std::string status = pg::string_from_text(pg::spi::required(0, 2));
    read_order.execute(&order_id, nullptr, 1);
    if (const auto existing = pg::spi::value(0, 1))
        throw Error(sqlstate::kInvalidParameterValue,
                    order_name + " already uses coupon " + pg::string_from_text(*existing));
    if (status != "pending")
        throw Error(sqlstate::kInvalidParameterValue,
                    order_name + " is " + status + ": coupons apply only to pending orders");
    std::vector<niaga::PricedLine> lines;
    if (const auto quantities = pg::spi::value(0, 2)) {
        const auto counts = pg::integers_from_array(*quantities);
        const auto prices = pg::integers_from_array(pg::spi::required(0, 3));
        for (size_t i = 0; i < counts.size(); ++i) lines.push_back({counts[i], Money::from_sen(prices[i])});
    }
    const sales::UsedCoupon used = sales::lock_and_decide_coupon(code, user, niaga::subtotal_of(lines));
    sales::record_coupon_use(used.coupon.coupon_id, user, order_id);
    {
        sales::OrderWriteScope scope(sales::current_order_write, sales::OrderWrite::kCoupon);
        const Datum order_code[] = {order_id, pg::text_from_string(used.coupon.coupon.code)};
        set_code.execute(order_code, nullptr);
    }
    spi.finish();
    return pg::numeric_from_money(used.discount);
}

// sales.release_coupon(order_id uuid) → boolean: gives the order's coupon
// use back (its coupon_usages row deleted, used_count down by one). True
// when there was a use to give back; calling it again is a no-op.
NIAGA_FUNCTION(sales_release_coupon) {
    if (PG_ARGISNULL(0)) throw Error(sqlstate::kInvalidParameterValue, "order_id must not be NULL");
    const Datum order_id = PG_GETARG_DATUM(0);
    static const pg::spi::Statement release(
        "WITH released AS (DELETE FROM sales.coupon_usages WHERE order_id = $1 RETURNING coupon_id) "
        "UPDATE sales.coupons c SET used_count = c.used_count - 1 FROM released r WHERE c.id = r.coupon_id",
        {UUIDOID});
    pg::spi::Connection spi;
    const bool released = release.execute(&order_id, nullptr) > 0;
    spi.finish();
    return BoolGetDatum(released);
}
