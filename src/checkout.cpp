// Cart and checkout (SPEC.md §6): add_to_cart, place_order (atomic, a double
// submit returns the first order) and expire_pending_orders.
#include "core/stock.hpp"
#include "core/totals.hpp"
#include "inventory_data.hpp"
#include "order_writes.hpp"
#include "pg/arrays.hpp"
#include "pg/convert.hpp"
#include "pg/function.hpp"
#include "pg/guard.hpp"
#include "pg/settings.hpp"
#include "pg/spi.hpp"
#include "sales_data.hpp"

#include <string>
#include <vector>

namespace pg = niaga::pg;
namespace sales = niaga::sales;
namespace inventory = niaga::inventory;
using niaga::Error;
namespace sqlstate = niaga::sqlstate;

namespace {

std::string cart_name(Datum cart_id) { return "cart " + pg::uuid_from_datum(cart_id).to_string(); }

// 22023 unless the JSON value is an object.
void require_object(Datum json, const char* name) {
    static const pg::spi::Statement check("SELECT jsonb_typeof($1) = 'object'", {JSONBOID});
    check.execute(&json, nullptr, 1);
    if (!DatumGetBool(pg::spi::required(0, 1)))
        throw Error(sqlstate::kInvalidParameterValue, std::string(name) + " must be a JSON object");
}

}  // namespace

// sales.add_to_cart(cart_id uuid, product_id uuid, variant_id uuid, quantity
// int) → uuid: adds to the cart's line for the same product/variant (or
// makes one), priced at the variant's price, else the product's base price.
NIAGA_FUNCTION(sales_add_to_cart) {
    const Datum cart_id = pg::required_argument(fcinfo, 0, "cart_id");
    const Datum product_id = pg::required_argument(fcinfo, 1, "product_id");
    const std::optional<Datum> variant_id = pg::optional_argument(fcinfo, 2);
    const int32 quantity = DatumGetInt32(pg::required_argument(fcinfo, 3, "quantity"));
    if (quantity <= 0)
        throw Error(sqlstate::kInvalidParameterValue,
                    "quantity must be greater than 0, got " + std::to_string(quantity));

    static const pg::spi::Statement lock_cart(
        "SELECT order_id IS NOT NULL, expires_at <= now(), user_id FROM sales.carts WHERE id = $1 FOR NO KEY UPDATE",
        {UUIDOID});
    static const pg::spi::Statement item(
        "SELECT p.sku, p.is_active AND p.deleted_at IS NULL, p.has_variants, p.base_price, "
        "  v.id IS NOT NULL, v.is_active AND v.deleted_at IS NULL, v.price "
        "FROM catalog.products p LEFT JOIN catalog.product_variants v ON v.id = $2 AND v.product_id = p.id "
        "WHERE p.id = $1",
        {UUIDOID, UUIDOID});
    static const pg::spi::Statement upsert(
        "INSERT INTO sales.cart_items AS c (cart_id, product_id, variant_id, quantity, unit_price) "
        "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (cart_id, product_id, variant_id) "
        "DO UPDATE SET quantity = c.quantity + EXCLUDED.quantity, unit_price = EXCLUDED.unit_price RETURNING c.id",
        {UUIDOID, UUIDOID, UUIDOID, INT4OID, NUMERICOID});

    pg::spi::Connection spi;
    if (lock_cart.execute(&cart_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, cart_name(cart_id) + " does not exist");
    pg::require_shopper_owns(pg::shopper_context(), pg::spi::value(0, 3), cart_name(cart_id));
    if (DatumGetBool(pg::spi::required(0, 1)))
        throw Error(sqlstate::kCartEmptyOrExpired, cart_name(cart_id) + " has already become an order");
    if (DatumGetBool(pg::spi::required(0, 2)))
        throw Error(sqlstate::kCartEmptyOrExpired, cart_name(cart_id) + " has expired");

    const Datum lookup[] = {product_id, variant_id.value_or(0)};
    const char lookup_nulls[] = {' ', variant_id ? ' ' : 'n', '\0'};
    if (item.execute(lookup, lookup_nulls, 1) == 0)
        throw Error(sqlstate::kNoDataFound,
                    "product " + pg::uuid_from_datum(product_id).to_string() + " does not exist");
    const std::string sku = pg::string_from_text(pg::spi::required(0, 1));
    if (!DatumGetBool(pg::spi::required(0, 2)))
        throw Error(sqlstate::kInvalidParameterValue, "product " + sku + " is not for sale");
    Datum price = pg::spi::required(0, 4);
    if (variant_id) {
        if (!DatumGetBool(pg::spi::required(0, 5)))
            throw Error(sqlstate::kNoDataFound, "variant " + pg::uuid_from_datum(*variant_id).to_string() +
                                                    " of product " + sku + " does not exist");
        if (!DatumGetBool(pg::spi::required(0, 6)))
            throw Error(sqlstate::kInvalidParameterValue, "this variant of product " + sku + " is not for sale");
        if (const auto variant_price = pg::spi::value(0, 7)) price = *variant_price;
    } else if (DatumGetBool(pg::spi::required(0, 3))) {
        throw Error(sqlstate::kInvalidParameterValue, "product " + sku + " has variants: choose one");
    }
    // Copy the price out of the lookup's result before the next statement.
    price = pg::numeric_from_money(pg::money_from_numeric(price));
    const Datum line[] = {cart_id, product_id, variant_id.value_or(0), Int32GetDatum(quantity), price};
    const char line_nulls[] = {' ', ' ', variant_id ? ' ' : 'n', ' ', ' ', '\0'};
    upsert.execute(line, line_nulls, 1);
    const Datum id = pg::copy_uuid(pg::spi::required(0, 1));
    spi.finish();
    return id;
}

// sales.place_order(cart_id, shipping_method_code, shipping_address,
// billing_address, agent_code, customer_notes) → sales.orders, atomically:
// the cart is locked; a cart that already became an order returns that
// order and creates nothing; otherwise the lines are copied at the
// catalog's current prices, the coupon is redeemed, stock is reserved,
// totals computed, the order numbered, and the cart emptied. Any failure
// leaves nothing behind.
//
// The locks a checkout shares with every other checkout — the coupon row
// (used_count) and the stock rows — are held from when they are taken until
// commit, so they are taken last: the coupon and the warehouse are first
// decided on rows read without a lock, the order written once, complete,
// with its lines, and the cart emptied; then the coupon row and the stock
// rows are locked, in niaga's order (coupon, then stock rows by id), and
// both decisions made again on what is there now — an invalid coupon or no
// stock raises as ever, and in the rare case the warehouse or the discount
// came out different the order is corrected in one UPDATE. The same rules
// as sales.redeem_coupon and inventory.reserve_order.
NIAGA_FUNCTION(sales_place_order) {
    const Datum cart_id = pg::required_argument(fcinfo, 0, "cart_id");
    const Datum shipping_code = pg::required_argument(fcinfo, 1, "shipping_method_code");
    const Datum shipping_address = pg::required_argument(fcinfo, 2, "shipping_address");
    const std::optional<Datum> billing_address = pg::optional_argument(fcinfo, 3);
    const std::optional<Datum> agent_code = pg::optional_argument(fcinfo, 4);
    const std::optional<Datum> customer_notes = pg::optional_argument(fcinfo, 5);

    static const pg::spi::Statement lock_cart("SELECT order_id, user_id FROM sales.carts WHERE id = $1 FOR UPDATE",
                                              {UUIDOID});
    static const pg::spi::Statement agent(
        "SELECT id, is_active FROM agent.agents WHERE agent_code = $1 AND deleted_at IS NULL", {TEXTOID});
    static const pg::spi::Statement insert_order(
        "INSERT INTO sales.orders (user_id, agent_id, shipping_method, shipping_address, billing_address, "
        "customer_notes, tax_rate_id, subtotal, discount_amount, coupon_discount, shipping_cost, tax_amount, total, "
        "coupon_code, warehouse_id, reserved_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8::numeric / 100, $9::numeric / 100, $9::numeric / 100, "
        "$10::numeric / 100, $11::numeric / 100, $12::numeric / 100, $13, $14, now()) RETURNING id",
        {UUIDOID, UUIDOID, TEXTOID, JSONBOID, JSONBOID, TEXTOID, UUIDOID, INT8OID, INT8OID, INT8OID, INT8OID, INT8OID,
         TEXTOID, UUIDOID});
    // The cart's lines as read for the totals and the reservation — item,
    // quantity, price — with the catalog's SKU and names. A line is copied
    // only while it is still that item of this cart: a client's own UPDATE
    // or DELETE of a cart line does not wait for the cart lock.
    static const pg::spi::Statement copy_lines(
        "INSERT INTO sales.order_items (order_id, product_id, variant_id, sku, name, variant_name, quantity, "
        "unit_price) "
        "SELECT $1, l.product_id, l.variant_id, coalesce(v.sku, p.sku), p.name, v.name, l.quantity::int, "
        "  l.price::numeric / 100 "
        "FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::int8[], $7::int8[]) WITH ORDINALITY "
        "  AS l(cart_item_id, product_id, variant_id, quantity, price, n) "
        "JOIN sales.cart_items ci ON ci.id = l.cart_item_id AND ci.cart_id = $2 AND ci.product_id = l.product_id "
        "  AND ci.variant_id IS NOT DISTINCT FROM l.variant_id "
        "JOIN catalog.products p ON p.id = l.product_id "
        "LEFT JOIN catalog.product_variants v ON v.id = l.variant_id ORDER BY l.n",
        {UUIDOID, UUIDOID, UUIDARRAYOID, UUIDARRAYOID, UUIDARRAYOID, INT8ARRAYOID, INT8ARRAYOID});
    static const pg::spi::Statement empty_cart(
        "WITH emptied AS (DELETE FROM sales.cart_items WHERE cart_id = $1) "
        "UPDATE sales.carts SET order_id = $2 WHERE id = $1",
        {UUIDOID, UUIDOID});
    // Rare: the guess of the warehouse or the discount did not hold.
    static const pg::spi::Statement correct_order(
        "UPDATE sales.orders SET subtotal = $2::numeric / 100, discount_amount = $3::numeric / 100, "
        "coupon_discount = $3::numeric / 100, shipping_cost = $4::numeric / 100, tax_amount = $5::numeric / 100, "
        "total = $6::numeric / 100, coupon_code = CASE WHEN $8 THEN $7 END, warehouse_id = $9 WHERE id = $1",
        {UUIDOID, INT8OID, INT8OID, INT8OID, INT8OID, INT8OID, TEXTOID, BOOLOID, UUIDOID});

    pg::spi::Connection spi;
    if (lock_cart.execute(&cart_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, cart_name(cart_id) + " does not exist");
    pg::require_shopper_owns(pg::shopper_context(), pg::spi::value(0, 2), cart_name(cart_id));
    if (const auto existing = pg::spi::value(0, 1)) {  // a double submit
        const Datum row = sales::order_row(pg::copy_uuid(*existing));
        spi.finish();
        return row;
    }
    const sales::Cart cart = sales::read_cart(cart_id);
    if (cart.expired) throw Error(sqlstate::kCartEmptyOrExpired, cart_name(cart_id) + " has expired");
    if (cart.lines.empty()) throw Error(sqlstate::kCartEmptyOrExpired, cart_name(cart_id) + " is empty");
    niaga::PricingTerms terms;
    terms.shipping = sales::shipping_method(pg::string_from_text(shipping_code));
    require_object(shipping_address, "shipping_address");
    if (billing_address) require_object(*billing_address, "billing_address");
    std::optional<Datum> agent_id;
    if (agent_code) {
        const std::string code = pg::string_from_text(*agent_code);
        if (agent.execute(&*agent_code, nullptr, 1) == 0)
            throw Error(sqlstate::kNoDataFound, "no agent has code \"" + code + "\"");
        if (!DatumGetBool(pg::spi::required(0, 2)))
            throw Error(sqlstate::kInvalidParameterValue, "agent " + code + " is not active");
        agent_id = pg::copy_uuid(pg::spi::required(0, 1));
    }
    const std::optional<sales::DefaultTax> tax = sales::default_tax();
    if (tax) terms.tax = tax->terms;

    // First guesses, read without locks.
    // When a guess fails (an invalid coupon, no warehouse with the stock),
    // the decision is made under the lock at once instead — coupon first,
    // then stock, as always — since the rows may be changing under it.
    const niaga::Money subtotal = niaga::subtotal_of(cart.lines);
    std::optional<sales::UsedCoupon> coupon;
    bool coupon_locked = false;
    const auto lock_coupon = [&] {
        coupon = sales::lock_and_decide_coupon(*cart.coupon_code, cart.user_id, subtotal);
        terms.coupon = coupon->coupon.coupon;
        coupon_locked = true;
    };
    if (cart.coupon_code) {
        std::optional<sales::LiveCoupon> found;
        const niaga::CouponDecision guess = sales::decide_coupon(*cart.coupon_code, cart.user_id, subtotal, &found);
        if (guess.is_valid()) {
            coupon = sales::UsedCoupon{*found, guess.discount};
            terms.coupon = coupon->coupon.coupon;
        } else {
            lock_coupon();
        }
    }
    std::vector<niaga::StockDemand> lines;
    std::vector<Datum> cart_item_ids, product_ids, variant_ids;
    std::vector<bool> no_variant;
    std::vector<int64_t> quantities, prices;
    for (size_t i = 0; i < cart.lines.size(); ++i) {
        const sales::CartItem& item = cart.items[i];
        lines.push_back({item.product_id, item.variant_id, item.sku, cart.lines[i].quantity});
        cart_item_ids.push_back(item.cart_item_id);
        product_ids.push_back(pg::datum_from_uuid(item.product_id));
        variant_ids.push_back(item.variant_id ? pg::datum_from_uuid(*item.variant_id) : Datum(0));
        no_variant.push_back(!item.variant_id);
        quantities.push_back(cart.lines[i].quantity);
        prices.push_back(cart.lines[i].unit_price.sen());
    }
    const std::vector<niaga::StockDemand> demand = niaga::merge_demand(lines);
    std::optional<Datum> reserved_warehouse;
    Datum likely_warehouse = 0;
    try {
        likely_warehouse = inventory::likely_warehouse(demand);
    } catch (const Error& error) {
        if (std::string(error.state().code) != sqlstate::kInsufficientStock.code) throw;
        if (cart.coupon_code && !coupon_locked) lock_coupon();
        reserved_warehouse = inventory::reserve_demand(demand, cart_name(cart_id));
        likely_warehouse = *reserved_warehouse;
    }
    niaga::Totals totals = niaga::compute_totals(cart.lines, terms);

    // The order, complete: numbered, its first history row written by the
    // lifecycle trigger; the totals are accepted as computed here.
    const Datum order[] = {cart.user_id.value_or(0),
                           agent_id.value_or(0),
                           shipping_code,
                           shipping_address,
                           billing_address.value_or(0),
                           customer_notes.value_or(0),
                           tax ? tax->tax_rate_id : 0,
                           Int64GetDatum(totals.subtotal.sen()),
                           Int64GetDatum(totals.discount.sen()),
                           Int64GetDatum(totals.shipping.sen()),
                           Int64GetDatum(totals.tax.sen()),
                           Int64GetDatum(totals.total.sen()),
                           coupon ? pg::text_from_string(coupon->coupon.coupon.code) : 0,
                           likely_warehouse};
    const char order_nulls[] = {cart.user_id ? ' ' : 'n',
                                agent_id ? ' ' : 'n',
                                ' ',
                                ' ',
                                billing_address ? ' ' : 'n',
                                customer_notes ? ' ' : 'n',
                                tax ? ' ' : 'n',
                                ' ',
                                ' ',
                                ' ',
                                ' ',
                                ' ',
                                coupon ? ' ' : 'n',
                                ' ',
                                '\0'};
    Datum order_id = 0;
    {
        sales::OrderWriteScope scope(sales::current_order_write, sales::OrderWrite::kComputedTotals);
        insert_order.execute(order, order_nulls, 1);
        order_id = pg::copy_uuid(pg::spi::required(0, 1));
    }
    {
        sales::OrderIdScope placing(sales::order_being_placed, order_id);
        const Datum copy[] = {order_id,
                              cart_id,
                              pg::datum_array(cart_item_ids, UUIDOID),
                              pg::datum_array(product_ids, UUIDOID),
                              pg::datum_array_with_nulls(variant_ids, no_variant, UUIDOID),
                              pg::int8_array(quantities),
                              pg::int8_array(prices)};
        // Refuse rather than write totals and a reservation for lines that
        // are no longer what was read.
        if (copy_lines.execute(copy, nullptr) != cart_item_ids.size())
            throw Error(sqlstate::kObjectNotInPrerequisiteState,
                        "the lines of " + cart_name(cart_id) + " changed during checkout: place the order again");
    }
    const Datum emptied[] = {cart_id, order_id};
    empty_cart.execute(emptied, nullptr);

    // The shared rows, locked last, in niaga's order; the guesses confirmed.
    bool corrected = false;
    if (coupon && coupon_locked) {
        sales::record_coupon_use(coupon->coupon.coupon_id, cart.user_id, order_id);
    } else if (coupon) {
        const sales::UsedCoupon locked = sales::lock_and_decide_coupon(*cart.coupon_code, cart.user_id, subtotal);
        sales::record_coupon_use(locked.coupon.coupon_id, cart.user_id, order_id);
        if (pg::uuid_from_datum(locked.coupon.coupon_id) != pg::uuid_from_datum(coupon->coupon.coupon_id) ||
            locked.discount != coupon->discount || locked.coupon.coupon.code != coupon->coupon.coupon.code) {
            coupon = locked;
            terms.coupon = locked.coupon.coupon;
            totals = niaga::compute_totals(cart.lines, terms);
            corrected = true;
        }
    }
    const Datum warehouse_id =
        reserved_warehouse ? *reserved_warehouse : inventory::reserve_demand(demand, cart_name(cart_id));
    if (pg::uuid_from_datum(warehouse_id) != pg::uuid_from_datum(likely_warehouse)) corrected = true;
    if (corrected) {
        const Datum fixed[] = {order_id,
                               Int64GetDatum(totals.subtotal.sen()),
                               Int64GetDatum(totals.discount.sen()),
                               Int64GetDatum(totals.shipping.sen()),
                               Int64GetDatum(totals.tax.sen()),
                               Int64GetDatum(totals.total.sen()),
                               pg::text_from_string(coupon ? coupon->coupon.coupon.code : std::string()),
                               BoolGetDatum(coupon.has_value()),
                               warehouse_id};
        sales::OrderWriteScope scope(sales::current_order_write, sales::OrderWrite::kComputedTotals);
        correct_order.execute(fixed, nullptr);
    }
    const Datum row = sales::order_row(order_id);
    spi.finish();
    return row;
}

// sales.expire_pending_orders(max_age interval DEFAULT '60 minutes') → int:
// cancels (reason `expired`) the pending orders older than max_age with no
// completed payment, releasing their stock and coupon uses. Orders locked by
// a checkout or a payment at that moment are skipped, not waited for; the
// payment check runs after the lock, so a payment and an expiry never both
// win.
NIAGA_FUNCTION(sales_expire_pending_orders) {
    const Datum max_age = pg::required_argument(fcinfo, 0, "max_age");
    static const pg::spi::Statement lock(
        "SELECT coalesce(array_agg(id), '{}') FROM (SELECT id FROM sales.orders "
        "WHERE status = 'pending' AND created_at < now() - $1 ORDER BY id FOR NO KEY UPDATE SKIP LOCKED) locked",
        {INTERVALOID});
    // One statement cancels many orders, each taking its coupon and stock
    // rows: take them all first, in checkout's order (coupons, then stock
    // rows by id), so the expiry never holds stock while waiting for a
    // coupon a checkout holds.
    static const pg::spi::Statement lock_coupons(
        "SELECT c.id FROM sales.coupons c WHERE c.id IN "
        "(SELECT u.coupon_id FROM sales.coupon_usages u WHERE u.order_id = ANY($1)) ORDER BY c.id FOR NO KEY UPDATE",
        {UUIDARRAYOID});
    static const pg::spi::Statement lock_stock(
        "SELECT s.id FROM inventory.stock_items s WHERE EXISTS (SELECT 1 FROM sales.orders o "
        "  JOIN sales.order_items i ON i.order_id = o.id WHERE o.id = ANY($1) AND o.reserved_at IS NOT NULL "
        "  AND o.warehouse_id = s.warehouse_id AND i.product_id = s.product_id "
        "  AND i.variant_id IS NOT DISTINCT FROM s.variant_id) ORDER BY s.id FOR NO KEY UPDATE",
        {UUIDARRAYOID});
    static const pg::spi::Statement expire(
        "UPDATE sales.orders o SET status = 'cancelled', cancellation_reason = 'expired' "
        "WHERE o.id = ANY($1) AND o.status = 'pending' AND NOT EXISTS "
        "(SELECT 1 FROM sales.payments p WHERE p.order_id = o.id AND p.status = 'completed')",
        {UUIDARRAYOID});
    pg::spi::Connection spi;
    lock.execute(&max_age, nullptr, 1);
    const Datum locked = pg::spi::required(0, 1);
    const Datum ids = pg::call([&] { return datumCopy(locked, false, -1); });  // out of SPI's result memory
    lock_coupons.execute(&ids, nullptr);
    lock_stock.execute(&ids, nullptr);
    const uint64_t expired = expire.execute(&ids, nullptr);
    spi.finish();
    return Int32GetDatum(static_cast<int32>(expired));
}
