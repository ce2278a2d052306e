#include "sales_data.hpp"

#include "core/error.hpp"
#include "pg/arrays.hpp"
#include "pg/convert.hpp"
#include "pg/guard.hpp"
#include "pg/spi.hpp"

#include <tuple>
#include <utility>

namespace niaga::sales {

namespace spi = pg::spi;

namespace {

// Columns 2.. of every pricing query; column 1 is the order id.
#define NIAGA_PRICING_COLUMNS                                                      \
    "(sm.base_cost * 100)::int8, (sm.free_shipping_threshold * 100)::int8, "       \
    "(t.rate * 100)::int8, t.applies_to_shipping, c.type, (c.value * 100)::int8, " \
    "(c.max_discount * 100)::int8, l.quantities, l.prices "

// The joins that find an order's shipping method (the live one with its
// code, else the most recently deleted), tax rate and coupon.
#define NIAGA_PRICING_TERMS                                                                                        \
    "LEFT JOIN LATERAL (SELECT m.base_cost, m.free_shipping_threshold FROM sales.shipping_methods m "              \
    "  WHERE m.code = o.shipping_method ORDER BY m.deleted_at IS NOT NULL, m.deleted_at DESC LIMIT 1) sm ON true " \
    "LEFT JOIN sales.tax_rates t ON t.id = o.tax_rate_id "                                                         \
    "LEFT JOIN sales.coupon_usages u ON u.order_id = o.id "                                                        \
    "LEFT JOIN sales.coupons c ON c.id = u.coupon_id "

// An order's lines, as arrays (for one order: an index lookup).
#define NIAGA_PRICING_LINES                                           \
    "LEFT JOIN LATERAL (SELECT array_agg(i.quantity) AS quantities, " \
    "  array_agg((i.unit_price * 100)::int8) AS prices "              \
    "  FROM sales.order_items i WHERE i.order_id = o.id) l ON true "

int64_t int8_at(uint64_t row, int column) { return DatumGetInt64(spi::required(row, column)); }

std::optional<int64_t> optional_int8_at(uint64_t row, int column) {
    const std::optional<Datum> value = spi::value(row, column);
    if (!value) return std::nullopt;
    return DatumGetInt64(*value);
}

std::optional<Money> optional_money_at(uint64_t row, int column) {
    const std::optional<int64_t> sen = optional_int8_at(row, column);
    if (!sen) return std::nullopt;
    return Money::from_sen(*sen);
}

std::optional<int64_t> optional_timestamp_at(uint64_t row, int column) {
    const std::optional<Datum> value = spi::value(row, column);
    if (!value) return std::nullopt;
    return DatumGetTimestampTz(*value);
}

CouponKind coupon_kind(const std::string& type) {
    return type == "percentage" ? CouponKind::kPercentage : CouponKind::kFixed;
}

// Decodes one row of a pricing query (columns as NIAGA_PRICING_COLUMNS).
OrderPricing pricing_at(uint64_t row) {
    OrderPricing pricing;
    pricing.order_id = spi::required(row, 1);
    if (const std::optional<Money> base_cost = optional_money_at(row, 2))
        pricing.terms.shipping = ShippingTerms{*base_cost, optional_money_at(row, 3)};
    if (const std::optional<int64_t> rate = optional_int8_at(row, 4))
        pricing.terms.tax = TaxTerms{Rate::from_hundredths(*rate), DatumGetBool(spi::required(row, 5))};
    if (const std::optional<Datum> type = spi::value(row, 6)) {
        Coupon coupon;
        coupon.kind = coupon_kind(pg::string_from_text(*type));
        coupon.value = int8_at(row, 7);
        coupon.max_discount = optional_money_at(row, 8);
        pricing.terms.coupon = coupon;
    }
    if (const std::optional<Datum> quantities = spi::value(row, 9)) {
        const std::vector<int64_t> counts = pg::integers_from_array(*quantities);
        const std::vector<int64_t> prices = pg::integers_from_array(spi::required(row, 10));
        pricing.lines.reserve(counts.size());
        for (size_t i = 0; i < counts.size(); ++i)
            pricing.lines.push_back(PricedLine{counts[i], Money::from_sen(prices[i])});
    }
    return pricing;
}

}  // namespace

std::vector<OrderPricing> lock_and_read_orders(const std::vector<Datum>& order_ids) {
    static const spi::Statement lock(
        "SELECT id, order_number, warehouse_id IS NOT NULL FROM sales.orders WHERE id = ANY($1) "
        "ORDER BY id FOR NO KEY UPDATE",
        {UUIDARRAYOID});
    // The lines of all the orders in one grouped scan, not one lookup per
    // order: a statement touching 100 000 orders reads them set-based.
#define NIAGA_READ_ORDERS                                                            \
    "SELECT o.id, " NIAGA_PRICING_COLUMNS "FROM sales.orders o " NIAGA_PRICING_TERMS \
    "LEFT JOIN (SELECT i.order_id, array_agg(i.quantity) AS quantities, "            \
    "  array_agg((i.unit_price * 100)::int8) AS prices FROM sales.order_items i "    \
    "  WHERE i.order_id = ANY($1) GROUP BY i.order_id) l ON l.order_id = o.id "      \
    "WHERE o.id = ANY($1) ORDER BY o.id"
    // A few orders (a checkout, an edit): the generic plan of index lookups,
    // planned once per backend. Many (a bulk statement): planned for the
    // array it gets, so 100 000 orders are read by a grouped scan, not by
    // 100 000 lookups. Planning the small case every time cost 0.9 ms per
    // checkout, an eighth of its time.
    static const spi::Statement read_few(NIAGA_READ_ORDERS, {UUIDARRAYOID});
    static const spi::Statement read_many(NIAGA_READ_ORDERS, {UUIDARRAYOID}, spi::Planning::kPerCall);
#undef NIAGA_READ_ORDERS
    constexpr size_t kFewOrders = 32;
    const spi::Statement& read = order_ids.size() <= kFewOrders ? read_few : read_many;
    const Datum ids = pg::datum_array(order_ids, UUIDOID);
    const uint64_t locked = lock.execute(&ids, nullptr);
    std::vector<std::pair<std::string, bool>> states;
    for (uint64_t row = 0; row < locked; ++row)
        states.emplace_back(pg::string_from_text(spi::required(row, 2)), DatumGetBool(spi::required(row, 3)));
    // A fresh snapshot: READ COMMITTED now sees lines committed by whoever
    // held the lock before us.
    const uint64_t rows = read.execute(&ids, nullptr);
    std::vector<OrderPricing> out;
    out.reserve(rows);
    for (uint64_t row = 0; row < rows; ++row) {
        out.push_back(pricing_at(row));
        out.back().order_id = pg::copy_uuid(out.back().order_id);
        // Both queries return the same orders in id order.
        if (row < states.size()) std::tie(out.back().order_number, out.back().stock_reserved) = states[row];
    }
    return out;
}

OrderPricing read_order(Datum order_id, std::optional<Datum> shipping_method, std::optional<Datum> tax_rate_id) {
    static const spi::Statement read(
        "SELECT o.id, " NIAGA_PRICING_COLUMNS
        "FROM (SELECT $1::uuid AS id, $2::text AS shipping_method, $3::uuid AS tax_rate_id) o " NIAGA_PRICING_TERMS
            NIAGA_PRICING_LINES,
        {UUIDOID, TEXTOID, UUIDOID});
    const Datum arguments[] = {order_id, shipping_method.value_or(0), tax_rate_id.value_or(0)};
    const char nulls[] = {' ', shipping_method ? ' ' : 'n', tax_rate_id ? ' ' : 'n', '\0'};
    read.execute(arguments, nulls);
    OrderPricing pricing = pricing_at(0);
    pricing.order_id = order_id;
    return pricing;
}

Datum order_row(Datum order_id) {
    static const spi::Statement read("SELECT * FROM sales.orders WHERE id = $1", {UUIDOID});
    if (read.execute(&order_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, "order " + pg::uuid_from_datum(order_id).to_string() + " does not exist");
    return pg::call([] { return PointerGetDatum(SPI_returntuple(SPI_tuptable->vals[0], SPI_tuptable->tupdesc)); });
}

void write_order_totals(const std::vector<Datum>& order_ids, const std::vector<Totals>& totals) {
    static const spi::Statement write(
        "UPDATE sales.orders o SET subtotal = v.subtotal::numeric / 100, "
        "discount_amount = v.discount::numeric / 100, coupon_discount = v.discount::numeric / 100, "
        "shipping_cost = v.shipping::numeric / 100, tax_amount = v.tax::numeric / 100, total = v.total::numeric / 100 "
        "FROM unnest($1, $2, $3, $4, $5, $6) AS v(id, subtotal, discount, shipping, tax, total) "
        "WHERE o.id = v.id",
        {UUIDARRAYOID, INT8ARRAYOID, INT8ARRAYOID, INT8ARRAYOID, INT8ARRAYOID, INT8ARRAYOID});
    std::vector<int64_t> subtotal, discount, shipping, tax, total;
    for (const Totals& t : totals) {
        subtotal.push_back(t.subtotal.sen());
        discount.push_back(t.discount.sen());
        shipping.push_back(t.shipping.sen());
        tax.push_back(t.tax.sen());
        total.push_back(t.total.sen());
    }
    const Datum arguments[] = {pg::datum_array(order_ids, UUIDOID),
                               pg::int8_array(subtotal),
                               pg::int8_array(discount),
                               pg::int8_array(shipping),
                               pg::int8_array(tax),
                               pg::int8_array(total)};
    write.execute(arguments, nullptr);
}

ShippingTerms shipping_method(const std::string& code) {
    static const spi::Statement read(
        "SELECT (base_cost * 100)::int8, (free_shipping_threshold * 100)::int8 FROM sales.shipping_methods "
        "WHERE code = $1 AND deleted_at IS NULL AND is_active",
        {TEXTOID});
    const Datum argument = pg::text_from_string(code);
    if (read.execute(&argument, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, "no active shipping method has code \"" + code + "\"");
    return ShippingTerms{Money::from_sen(int8_at(0, 1)), optional_money_at(0, 2)};
}

bool shipping_method_exists(Datum code) {
    static const spi::Statement read("SELECT 1 FROM sales.shipping_methods WHERE code = $1 AND deleted_at IS NULL",
                                     {TEXTOID});
    return read.execute(&code, nullptr, 1) > 0;
}

std::optional<DefaultTax> default_tax() {
    static const spi::Statement read(
        "SELECT id, (rate * 100)::int8, applies_to_shipping FROM sales.tax_rates WHERE is_default AND is_active", {});
    if (read.execute(nullptr, nullptr, 1) == 0) return std::nullopt;
    return DefaultTax{pg::copy_uuid(spi::required(0, 1)),
                      TaxTerms{Rate::from_hundredths(int8_at(0, 2)), DatumGetBool(spi::required(0, 3))}};
}

std::optional<LiveCoupon> live_coupon(const std::string& code) {
    static const spi::Statement read(
        "SELECT id, code, type, (value * 100)::int8, is_active, (min_order_amount * 100)::int8, "
        "(max_discount * 100)::int8, usage_limit, used_count, per_customer_limit, starts_at, expires_at "
        "FROM sales.coupons WHERE lower(code) = lower($1) AND deleted_at IS NULL",
        {TEXTOID});
    const Datum argument = pg::text_from_string(code);
    if (read.execute(&argument, nullptr, 1) == 0) return std::nullopt;
    LiveCoupon found;
    found.coupon_id = pg::copy_uuid(spi::required(0, 1));
    Coupon& coupon = found.coupon;
    coupon.code = pg::string_from_text(spi::required(0, 2));
    coupon.kind = coupon_kind(pg::string_from_text(spi::required(0, 3)));
    coupon.value = int8_at(0, 4);
    coupon.is_active = DatumGetBool(spi::required(0, 5));
    coupon.min_order_amount = optional_money_at(0, 6);
    coupon.max_discount = optional_money_at(0, 7);
    if (const auto limit = spi::value(0, 8)) coupon.usage_limit = DatumGetInt32(*limit);
    coupon.used_count = DatumGetInt32(spi::required(0, 9));
    if (const auto limit = spi::value(0, 10)) coupon.per_customer_limit = DatumGetInt32(*limit);
    coupon.starts_at = optional_timestamp_at(0, 11);
    coupon.expires_at = optional_timestamp_at(0, 12);
    return found;
}

int64_t customer_usages(Datum coupon_id, Datum user_id) {
    static const spi::Statement read("SELECT count(*) FROM sales.coupon_usages WHERE coupon_id = $1 AND user_id = $2",
                                     {UUIDOID, UUIDOID});
    const Datum arguments[] = {coupon_id, user_id};
    read.execute(arguments, nullptr);
    return int8_at(0, 1);
}

CouponDecision decide_coupon(const std::string& code, std::optional<Datum> user_id, Money subtotal,
                             std::optional<LiveCoupon>* found) {
    std::optional<LiveCoupon> coupon;
    if (!code.empty()) coupon = live_coupon(code);
    CouponRequest request;
    request.is_guest = !user_id;
    request.subtotal = subtotal;
    request.now = GetCurrentTransactionStartTimestamp();
    // Only a per-customer limit needs the user's count of uses.
    if (coupon && user_id && coupon->coupon.per_customer_limit)
        request.customer_usages = customer_usages(coupon->coupon_id, *user_id);
    CouponDecision decision = check_coupon(coupon ? std::optional(coupon->coupon) : std::nullopt, code, request);
    if (found != nullptr) *found = coupon;
    return decision;
}

Cart read_cart(Datum cart_id) {
    static const spi::Statement read_cart_row(
        "SELECT user_id, coupon_code, expires_at <= now(), order_id FROM sales.carts WHERE id = $1", {UUIDOID});
    static const spi::Statement read_lines(
        "SELECT ci.quantity, (coalesce(v.price, p.base_price) * 100)::int8, coalesce(v.sku, p.sku), "
        "p.is_active AND p.deleted_at IS NULL AND (v.id IS NULL OR (v.is_active AND v.deleted_at IS NULL)), "
        "ci.id, ci.product_id, ci.variant_id "
        "FROM sales.cart_items ci JOIN catalog.products p ON p.id = ci.product_id "
        "LEFT JOIN catalog.product_variants v ON v.id = ci.variant_id "
        "WHERE ci.cart_id = $1 ORDER BY ci.created_at, ci.id",
        {UUIDOID});
    if (read_cart_row.execute(&cart_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, "cart " + pg::uuid_from_datum(cart_id).to_string() + " does not exist");
    Cart cart;
    cart.cart_id = cart_id;
    if (const auto user = spi::value(0, 1)) cart.user_id = pg::copy_uuid(*user);
    if (const auto code = spi::value(0, 2)) cart.coupon_code = pg::string_from_text(*code);
    cart.expired = DatumGetBool(spi::required(0, 3));
    if (const auto order = spi::value(0, 4)) cart.order_id = pg::copy_uuid(*order);

    const uint64_t rows = read_lines.execute(&cart_id, nullptr);
    for (uint64_t row = 0; row < rows; ++row) {
        if (!DatumGetBool(spi::required(row, 4)))
            throw Error(sqlstate::kInvalidParameterValue,
                        "cart line " + pg::string_from_text(spi::required(row, 3)) + " is no longer for sale");
        cart.lines.push_back(PricedLine{DatumGetInt32(spi::required(row, 1)), Money::from_sen(int8_at(row, 2))});
        CartItem item;
        item.cart_item_id = pg::copy_uuid(spi::required(row, 5));
        item.product_id = pg::uuid_from_datum(spi::required(row, 6));
        if (const auto variant = spi::value(row, 7)) item.variant_id = pg::uuid_from_datum(*variant);
        item.sku = pg::string_from_text(spi::required(row, 3));
        cart.items.push_back(std::move(item));
    }
    return cart;
}

}  // namespace niaga::sales
