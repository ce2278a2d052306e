// niaga.check_invariants() (SPEC.md §13): every invariant the rules promise,
// checked against the data. No rows means a consistent database.
//
// Every check is one set-based query: tables are aggregated once and joined
// by equality (hash or merge joins), never probed row by row, so the whole
// check is a handful of scans however large the database is. The arithmetic
// rules (tax, commission) are restated in SQL on purpose: numeric's round()
// rounds half away from zero like core's Money, and a check that reused the
// code it checks could not catch a mistake in it.
#include "pg/convert.hpp"
#include "pg/function.hpp"
#include "pg/guard.hpp"
#include "pg/spi.hpp"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace pg = niaga::pg;

namespace {

// A NULL variant_id as a join key: hash joins need plain equality, and
// IS NOT DISTINCT FROM is not hashable.
#define NO_VARIANT "'00000000-0000-0000-0000-000000000000'::uuid"

// Each query returns (invariant, detail) rows, one per violation.
const char* const kChecks[] = {
    // --- Stock (§7) ---
    // Σ movements = quantity for every stock item; movements of an item that
    // does not exist must sum to 0.
    "SELECT 'stock ledger', format('warehouse %s, product %s, variant %s: stock item quantity %s, movements sum "
    "  to %s', coalesce(s.warehouse_id, m.warehouse_id), coalesce(s.product_id, m.product_id), "
    "  coalesce(s.variant_id, nullif(m.variant_key, " NO_VARIANT
    ")), coalesce(s.quantity, 0), coalesce(m.total, 0)) "
    "FROM inventory.stock_items s FULL JOIN (SELECT warehouse_id, product_id, coalesce(variant_id, " NO_VARIANT
    ") AS variant_key, sum(quantity) AS total FROM inventory.stock_movements GROUP BY 1, 2, 3) m "
    "  ON m.warehouse_id = s.warehouse_id AND m.product_id = s.product_id "
    "  AND m.variant_key = coalesce(s.variant_id, " NO_VARIANT
    ") "
    "WHERE coalesce(s.quantity, 0) <> coalesce(m.total, 0)",
    // 0 ≤ reserved ≤ quantity.
    "SELECT 'stock bounds', format('stock item %s: reserved %s of %s', id, reserved_quantity, quantity) "
    "FROM inventory.stock_items WHERE quantity < 0 OR reserved_quantity < 0 OR reserved_quantity > quantity",
    // reserved = Σ lines of the orders holding a reservation there; a reserved
    // line with no stock item to hold it is a violation too.
    "SELECT 'stock reserved', format('warehouse %s, product %s, variant %s: stock item reserves %s, reserved "
    "  orders hold %s', coalesce(s.warehouse_id, r.warehouse_id), coalesce(s.product_id, r.product_id), "
    "  nullif(coalesce(s.variant_key, r.variant_key), " NO_VARIANT
    "), coalesce(s.reserved_quantity::text, "
    "  'nothing (no stock item)'), coalesce(r.held, 0)) "
    "FROM (SELECT warehouse_id, product_id, coalesce(variant_id, " NO_VARIANT
    ") AS variant_key, reserved_quantity "
    "      FROM inventory.stock_items) s "
    "FULL JOIN (SELECT o.warehouse_id, i.product_id, coalesce(i.variant_id, " NO_VARIANT
    ") AS variant_key, "
    "  sum(i.quantity) AS held FROM sales.orders o JOIN sales.order_items i ON i.order_id = o.id "
    "  WHERE o.reserved_at IS NOT NULL GROUP BY 1, 2, 3) r "
    "  ON r.warehouse_id = s.warehouse_id AND r.product_id = s.product_id AND r.variant_key = s.variant_key "
    "WHERE coalesce(s.reserved_quantity, 0) <> coalesce(r.held, 0)",
    // Only open orders hold a reservation, and an order past pending holds
    // one until it ships (confirming reserves or fails).
    "SELECT 'reservation state', format('order %s is %s %s', order_number, status, "
    "  CASE WHEN reserved_at IS NULL THEN 'without a reservation' ELSE 'but holds a reservation' END) "
    "FROM sales.orders WHERE (reserved_at IS NOT NULL AND status NOT IN ('pending', 'confirmed', 'processing', "
    "  'packed')) OR (reserved_at IS NULL AND status IN ('confirmed', 'processing', 'packed'))",

    // --- Order totals (§5) ---
    "SELECT 'order line total', format('order line %s: total %s <> %s x %s', id, total_price, quantity, unit_price) "
    "FROM sales.order_items WHERE total_price <> quantity * unit_price",
    "SELECT 'order subtotal', format('order %s: subtotal %s, lines sum to %s', o.order_number, o.subtotal, "
    "  coalesce(l.total, 0)) "
    "FROM sales.orders o LEFT JOIN (SELECT order_id, sum(total_price) AS total FROM sales.order_items "
    "  GROUP BY order_id) l ON l.order_id = o.id WHERE o.subtotal <> coalesce(l.total, 0)",
    "SELECT 'order discount', format('order %s: discount %s, coupon discount %s, subtotal %s, coupon %s', "
    "  order_number, discount_amount, coupon_discount, subtotal, coalesce(coupon_code, 'none')) "
    "FROM sales.orders WHERE discount_amount <> coupon_discount OR discount_amount > subtotal "
    "  OR (coupon_code IS NULL AND discount_amount <> 0)",
    // tax = round((subtotal − discount [+ shipping]) × rate / 100) at the
    // order's rate; no rate, no tax.
    "SELECT 'order tax', format('order %s: tax %s, its tax rate %s gives %s', o.order_number, o.tax_amount, "
    "  coalesce(t.code, '(none)'), x.expected) "
    "FROM sales.orders o LEFT JOIN sales.tax_rates t ON t.id = o.tax_rate_id "
    "CROSS JOIN LATERAL (SELECT CASE WHEN t.id IS NULL THEN 0 ELSE round((o.subtotal - o.discount_amount "
    "  + CASE WHEN t.applies_to_shipping THEN o.shipping_cost ELSE 0 END) * t.rate / 100, 2) END AS expected) x "
    "WHERE o.tax_amount <> x.expected",
    "SELECT 'order total', format('order %s: total %s <> %s - %s + %s + %s', order_number, total, subtotal, "
    "  discount_amount, shipping_cost, tax_amount) "
    "FROM sales.orders WHERE total <> subtotal - discount_amount + shipping_cost + tax_amount",

    // --- Numbers (§3): well-formed and unique ---
    "SELECT 'order number', format('order %s: number %s is not ORD-YYYYMMDD-NNNNNN', id, order_number) "
    "FROM sales.orders WHERE order_number !~ '^ORD-[0-9]{8}-[0-9]{6,}$'",
    "SELECT 'order number', format('order number %s is used by %s orders', order_number, count(*)) "
    "FROM sales.orders GROUP BY order_number HAVING count(*) > 1",
    "SELECT 'transfer number', format('transfer %s: number %s is not TRF-YYYYMMDD-NNNNNN', id, transfer_number) "
    "FROM inventory.stock_transfers WHERE transfer_number !~ '^TRF-[0-9]{8}-[0-9]{6,}$'",
    "SELECT 'payout number', format('payout %s: number %s is not PAY-YYYYMMDD-NNNNNN', id, payout_number) "
    "FROM agent.payouts WHERE payout_number !~ '^PAY-[0-9]{8}-[0-9]{6,}$'",

    // --- Coupons (§4) ---
    "SELECT 'coupon uses', format('coupon %s: used_count %s, %s usages, limit %s', c.code, c.used_count, "
    "  coalesce(u.usages, 0), coalesce(c.usage_limit::text, 'none')) "
    "FROM sales.coupons c LEFT JOIN (SELECT coupon_id, count(*) AS usages FROM sales.coupon_usages "
    "  GROUP BY coupon_id) u ON u.coupon_id = c.id "
    "WHERE c.used_count <> coalesce(u.usages, 0) OR c.used_count > c.usage_limit",
    // Within the per-customer limit; a guest may not use a limited coupon.
    "SELECT 'coupon customer limit', format('coupon %s: %s used it %s times, per-customer limit %s', c.code, "
    "  coalesce('user ' || u.user_id, 'a guest'), u.uses, c.per_customer_limit) "
    "FROM (SELECT coupon_id, user_id, count(*) AS uses FROM sales.coupon_usages GROUP BY 1, 2) u "
    "JOIN sales.coupons c ON c.id = u.coupon_id "
    "WHERE c.per_customer_limit IS NOT NULL AND (u.user_id IS NULL OR u.uses > c.per_customer_limit)",
    // A usage belongs to a live (not cancelled) order of the same customer
    // that carries the coupon's code: cancelling gives the usage back.
    "SELECT 'coupon usage', format('usage %s of coupon %s: order %s is %s, its customer %s, its coupon %s', u.id, "
    "  c.code, o.order_number, o.status, coalesce(o.user_id::text, 'a guest'), coalesce(o.coupon_code, 'none')) "
    "FROM sales.coupon_usages u JOIN sales.coupons c ON c.id = u.coupon_id JOIN sales.orders o ON o.id = u.order_id "
    "WHERE o.status = 'cancelled' OR u.user_id IS DISTINCT FROM o.user_id "
    "  OR lower(o.coupon_code) IS DISTINCT FROM lower(c.code)",

    // --- Customers (§10) ---
    "SELECT 'customer profile', format('user %s: profile %s orders / %s, delivered orders %s / %s', p.user_id, "
    "  p.total_orders, p.total_spent, coalesce(d.orders, 0), coalesce(d.spent, 0)) "
    "FROM crm.customer_profiles p LEFT JOIN (SELECT user_id, count(*) AS orders, sum(total) AS spent "
    "  FROM sales.orders WHERE status = 'delivered' AND user_id IS NOT NULL GROUP BY user_id) d "
    "  ON d.user_id = p.user_id "
    "WHERE p.total_orders <> coalesce(d.orders, 0) OR p.total_spent <> coalesce(d.spent, 0)",
    "SELECT 'customer profile', format('customer %s has no profile', u.id) "
    "FROM auth.users u WHERE u.role = 'customer' "
    "  AND NOT EXISTS (SELECT FROM crm.customer_profiles p WHERE p.user_id = u.id)",

    // --- Commissions and payouts (§9) ---
    "SELECT 'commission amount', format('commission %s: %s, base %s at %s%% gives %s', id, commission_amount, "
    "  order_total, commission_rate, round(order_total * commission_rate / 100, 2)) "
    "FROM agent.commissions WHERE reverses_id IS NULL "
    "  AND commission_amount <> round(order_total * commission_rate / 100, 2)",
    // base = subtotal − discount (no shipping, no tax); an order's lines and
    // discount cannot change once it is reserved, so the base never drifts.
    "SELECT 'commission base', format('commission %s: base %s, order %s has %s - %s', c.id, c.order_total, "
    "  o.order_number, o.subtotal, o.discount_amount) "
    "FROM agent.commissions c JOIN sales.orders o ON o.id = c.order_id "
    "WHERE c.order_total <> o.subtotal - o.discount_amount",
    "SELECT 'commission accrual', format('order %s: agent %s has %s accruals at level %s', order_id, agent_id, "
    "  count(*), level) "
    "FROM agent.commissions WHERE reverses_id IS NULL GROUP BY order_id, agent_id, level HAVING count(*) > 1",
    // A clawback is the exact negation of one accrual, at most one each.
    "SELECT 'commission clawback', format('clawback %s: %s of order %s, agent %s, level %s does not negate %s of "
    "  order %s, agent %s, level %s', c.id, c.commission_amount, c.order_id, c.agent_id, c.level, "
    "  r.commission_amount, r.order_id, r.agent_id, r.level) "
    "FROM agent.commissions c JOIN agent.commissions r ON r.id = c.reverses_id "
    "WHERE c.commission_amount <> -r.commission_amount OR c.order_id <> r.order_id OR c.agent_id <> r.agent_id "
    "  OR c.level <> r.level OR r.reverses_id IS NOT NULL",
    "SELECT 'commission clawback', format('commission %s is clawed back %s times', reverses_id, count(*)) "
    "FROM agent.commissions WHERE reverses_id IS NOT NULL GROUP BY reverses_id HAVING count(*) > 1",
    // An accrual follows its order (§8, §9): pending while the order is on
    // its way, approved or paid once delivered, cancelled or clawed back once
    // the order is cancelled or refunded — and clawed back only then.
    "SELECT 'commission state', format('commission %s (level %s) of order %s, which is %s, is %s%s', c.id, "
    "  c.level, o.order_number, o.status, c.status, CASE WHEN k.id IS NULL THEN '' ELSE ' and clawed back' END) "
    "FROM agent.commissions c JOIN sales.orders o ON o.id = c.order_id "
    "LEFT JOIN agent.commissions k ON k.reverses_id = c.id "
    "WHERE c.reverses_id IS NULL AND CASE "
    "  WHEN o.status IN ('cancelled', 'refunded') THEN c.status <> 'cancelled' AND k.id IS NULL "
    "  WHEN o.status = 'delivered' THEN c.status NOT IN ('approved', 'paid') OR k.id IS NOT NULL "
    "  ELSE c.status <> 'pending' OR k.id IS NOT NULL END",
    // Paid exactly when in a completed payout, and only in the agent's own.
    "SELECT 'commission payout', format('commission %s of agent %s is %s in payout %s (%s, agent %s)', c.id, "
    "  c.agent_id, c.status, coalesce(p.payout_number, '(none)'), coalesce(p.status, '-'), "
    "  coalesce(p.agent_id::text, '-')) "
    "FROM agent.commissions c LEFT JOIN agent.payouts p ON p.id = c.payout_id "
    "WHERE (c.status = 'paid') <> (p.status IS NOT DISTINCT FROM 'completed') OR p.agent_id <> c.agent_id",
    // The amount of every payout that has not failed = Σ its commissions.
    "SELECT 'payout amount', format('payout %s: amount %s, commissions sum to %s', p.payout_number, p.amount, "
    "  coalesce(c.total, 0)) "
    "FROM agent.payouts p LEFT JOIN (SELECT payout_id, sum(commission_amount) AS total FROM agent.commissions "
    "  WHERE payout_id IS NOT NULL GROUP BY payout_id) c ON c.payout_id = p.id "
    "WHERE p.status <> 'failed' AND p.amount <> coalesce(c.total, 0)",

    // --- Hierarchies (§1, §9): acyclic. Walking down from the roots reaches
    // each node once (one parent each); a node not reached sits on a cycle
    // or below one. ---
    "WITH RECURSIVE reached AS (SELECT id FROM catalog.categories WHERE parent_id IS NULL "
    "  UNION SELECT c.id FROM catalog.categories c JOIN reached r ON c.parent_id = r.id) "
    "SELECT 'category cycle', format('category %s (%s) is not below any root: its parents form a cycle', c.id, "
    "  c.slug) "
    "FROM catalog.categories c WHERE NOT EXISTS (SELECT FROM reached r WHERE r.id = c.id)",
    "WITH RECURSIVE reached AS (SELECT id FROM agent.agents WHERE parent_agent_id IS NULL "
    "  UNION SELECT a.id FROM agent.agents a JOIN reached r ON a.parent_agent_id = r.id) "
    "SELECT 'agent cycle', format('agent %s (%s) is not below any root: its parents form a cycle', a.id, "
    "  a.agent_code) "
    "FROM agent.agents a WHERE NOT EXISTS (SELECT FROM reached r WHERE r.id = a.id)",
};

#undef NO_VARIANT

}  // namespace

// niaga.check_invariants() → TABLE(invariant text, detail text).
NIAGA_FUNCTION(niaga_check_invariants) {
    std::vector<std::pair<std::string, std::string>> violations;
    pg::spi::Connection spi;
    // Prepared once per backend, like every niaga statement.
    static std::vector<std::unique_ptr<pg::spi::Statement>> statements;
    if (statements.empty())
        for (const char* check : kChecks)
            statements.push_back(std::make_unique<pg::spi::Statement>(check, std::initializer_list<Oid>{}));
    for (const auto& statement : statements) {
        const uint64_t rows = statement->execute(nullptr, nullptr);
        for (uint64_t row = 0; row < rows; ++row)
            violations.emplace_back(pg::string_from_text(pg::spi::required(row, 1)),
                                    pg::string_from_text(pg::spi::required(row, 2)));
    }
    spi.finish();

    pg::ResultRows rows(fcinfo);
    for (const auto& [invariant, detail] : violations)
        rows.add({pg::text_from_string(invariant), pg::text_from_string(detail)});
    return Datum(0);
}
