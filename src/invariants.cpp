// niaga.check_invariants() (SPEC.md §13): every invariant the rules promise,
// checked against the data. No rows means a consistent database.
#include "core/commissions.hpp"
#include "core/totals.hpp"
#include "pg/convert.hpp"
#include "pg/function.hpp"
#include "pg/guard.hpp"
#include "pg/spi.hpp"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace pg = niaga::pg;
using niaga::Money;

namespace {

// Each query returns (invariant, detail) rows, one per violation.
const char* const kChecks[] = {
    // Σ movements = quantity for every stock item.
    "SELECT 'stock ledger', format('stock item %s: quantity %s, movements sum to %s', s.id, s.quantity, "
    "  coalesce(m.total, 0)) "
    "FROM inventory.stock_items s LEFT JOIN LATERAL (SELECT sum(quantity) AS total FROM inventory.stock_movements m "
    "  WHERE m.warehouse_id = s.warehouse_id AND m.product_id = s.product_id "
    "  AND m.variant_id IS NOT DISTINCT FROM s.variant_id) m ON true "
    "WHERE s.quantity <> coalesce(m.total, 0)",
    // 0 ≤ reserved ≤ quantity.
    "SELECT 'stock bounds', format('stock item %s: reserved %s of %s', id, reserved_quantity, quantity) "
    "FROM inventory.stock_items WHERE reserved_quantity < 0 OR reserved_quantity > quantity",
    // reserved = Σ lines of the open orders holding a reservation there.
    "SELECT 'stock reserved', format('stock item %s: reserved %s, reserved orders hold %s', s.id, "
    "  s.reserved_quantity, coalesce(r.held, 0)) "
    "FROM inventory.stock_items s LEFT JOIN LATERAL (SELECT sum(i.quantity) AS held FROM sales.orders o "
    "  JOIN sales.order_items i ON i.order_id = o.id WHERE o.reserved_at IS NOT NULL "
    "  AND o.warehouse_id = s.warehouse_id AND i.product_id = s.product_id "
    "  AND i.variant_id IS NOT DISTINCT FROM s.variant_id) r ON true "
    "WHERE s.reserved_quantity <> coalesce(r.held, 0)",
    "SELECT 'reservation state', format('order %s is %s but holds a reservation', order_number, status) "
    "FROM sales.orders WHERE reserved_at IS NOT NULL AND status NOT IN ('pending', 'confirmed', 'processing', "
    "'packed')",
    // subtotal = Σ lines.
    "SELECT 'order subtotal', format('order %s: subtotal %s, lines sum to %s', o.order_number, o.subtotal, "
    "  coalesce(l.total, 0)) "
    "FROM sales.orders o LEFT JOIN LATERAL (SELECT sum(total_price) AS total FROM sales.order_items i "
    "  WHERE i.order_id = o.id) l ON true WHERE o.subtotal <> coalesce(l.total, 0)",
    // total = subtotal − discount + shipping + tax.
    "SELECT 'order total', format('order %s: total %s <> %s - %s + %s + %s', order_number, total, subtotal, "
    "  discount_amount, shipping_cost, tax_amount) "
    "FROM sales.orders WHERE total <> subtotal - discount_amount + shipping_cost + tax_amount",
    // used_count = usages, within the limit.
    "SELECT 'coupon uses', format('coupon %s: used_count %s, %s usages, limit %s', c.code, c.used_count, "
    "  (SELECT count(*) FROM sales.coupon_usages u WHERE u.coupon_id = c.id), c.usage_limit) "
    "FROM sales.coupons c WHERE c.used_count <> (SELECT count(*) FROM sales.coupon_usages u WHERE u.coupon_id = c.id) "
    "  OR c.used_count > c.usage_limit",
    "SELECT 'coupon customer limit', format('coupon %s: user %s used it %s times, limit %s', c.code, u.user_id, "
    "  count(*), c.per_customer_limit) "
    "FROM sales.coupon_usages u JOIN sales.coupons c ON c.id = u.coupon_id WHERE u.user_id IS NOT NULL "
    "GROUP BY c.id, c.code, c.per_customer_limit, u.user_id HAVING count(*) > c.per_customer_limit",
    // profile counters = delivered (unrefunded) orders.
    "SELECT 'customer profile', format('user %s: profile %s orders / %s, delivered orders %s / %s', p.user_id, "
    "  p.total_orders, p.total_spent, coalesce(d.orders, 0), coalesce(d.spent, 0)) "
    "FROM crm.customer_profiles p LEFT JOIN LATERAL (SELECT count(*) AS orders, sum(total) AS spent "
    "  FROM sales.orders o WHERE o.user_id = p.user_id AND o.status = 'delivered') d ON true "
    "WHERE p.total_orders <> coalesce(d.orders, 0) OR p.total_spent <> coalesce(d.spent, 0)",
    // a clawback is the exact negation of the accrual it reverses.
    "SELECT 'commission clawback', format('clawback %s: %s does not negate %s', c.id, c.commission_amount, "
    "  r.commission_amount) "
    "FROM agent.commissions c JOIN agent.commissions r ON r.id = c.reverses_id "
    "WHERE c.commission_amount <> -r.commission_amount OR c.order_id <> r.order_id OR c.agent_id <> r.agent_id",
    // the amount of every payout that has not failed = Σ its commissions.
    "SELECT 'payout amount', format('payout %s: amount %s, commissions sum to %s', p.payout_number, p.amount, "
    "  coalesce((SELECT sum(c.commission_amount) FROM agent.commissions c WHERE c.payout_id = p.id), 0)) "
    "FROM agent.payouts p WHERE p.status <> 'failed' AND p.amount <> "
    "  coalesce((SELECT sum(c.commission_amount) FROM agent.commissions c WHERE c.payout_id = p.id), 0)",
    // order numbers unique (a constraint) and well-formed.
    "SELECT 'order number', format('order %s: number %s is not ORD-YYYYMMDD-NNNNNN', id, order_number) "
    "FROM sales.orders WHERE order_number !~ '^ORD-[0-9]{8}-[0-9]{6,}$'",
};

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
    // The tax of every order follows its tax_rate_id (core's rounding).
    static const pg::spi::Statement taxes(
        "SELECT o.order_number, (o.subtotal * 100)::int8, (o.discount_amount * 100)::int8, "
        "(o.shipping_cost * 100)::int8, (o.tax_amount * 100)::int8, (t.rate * 100)::int8, t.applies_to_shipping "
        "FROM sales.orders o LEFT JOIN sales.tax_rates t ON t.id = o.tax_rate_id",
        {});
    const uint64_t orders = taxes.execute(nullptr, nullptr);
    for (uint64_t row = 0; row < orders; ++row) {
        auto sen = [&](int column) { return Money::from_sen(DatumGetInt64(pg::spi::required(row, column))); };
        const std::optional<Datum> rate = pg::spi::value(row, 6);
        const Money expected = rate ? niaga::tax_on(sen(2) - sen(3), sen(4),
                                                    niaga::TaxTerms{niaga::Rate::from_hundredths(DatumGetInt64(*rate)),
                                                                    DatumGetBool(pg::spi::required(row, 7))})
                                    : Money();
        if (expected != sen(5))
            violations.emplace_back("order tax", "order " + pg::string_from_text(pg::spi::required(row, 1)) + ": tax " +
                                                     sen(5).to_string() + ", its tax rate gives " +
                                                     expected.to_string());
    }
    // Every accrual is round(base × rate / 100) (core's rounding).
    static const pg::spi::Statement accruals(
        "SELECT id::text, (order_total * 100)::int8, (commission_rate * 100)::int8, (commission_amount * 100)::int8 "
        "FROM agent.commissions WHERE reverses_id IS NULL",
        {});
    const uint64_t commissions = accruals.execute(nullptr, nullptr);
    for (uint64_t row = 0; row < commissions; ++row) {
        auto sen = [&](int column) { return Money::from_sen(DatumGetInt64(pg::spi::required(row, column))); };
        const Money expected =
            niaga::commission_amount(sen(2), niaga::Rate::from_hundredths(DatumGetInt64(pg::spi::required(row, 3))));
        if (expected != sen(4))
            violations.emplace_back("commission amount",
                                    "commission " + pg::string_from_text(pg::spi::required(row, 1)) + ": " +
                                        sen(4).to_string() + ", base and rate give " + expected.to_string());
    }
    spi.finish();

    pg::ResultRows rows(fcinfo);
    for (const auto& [invariant, detail] : violations)
        rows.add({pg::text_from_string(invariant), pg::text_from_string(detail)});
    return Datum(0);
}
