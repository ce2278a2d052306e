// Payments (SPEC.md §8): sales.record_payment, idempotent on
// (payment_provider, transaction_id); completed payments reaching the total
// confirm a pending order.
#include "core/money.hpp"
#include "pg/convert.hpp"
#include "pg/guard.hpp"
#include "pg/spi.hpp"

#include <string>

namespace pg = niaga::pg;
using niaga::Error;
namespace sqlstate = niaga::sqlstate;

// sales.record_payment(order_id, payment_method, payment_provider,
// transaction_id, amount, status, metadata DEFAULT NULL) → uuid.
NIAGA_FUNCTION(sales_record_payment) {
    for (int i = 0; i < 6; ++i)
        if (PG_ARGISNULL(i)) {
            static const char* const names[] = {"order_id",       "payment_method", "payment_provider",
                                                "transaction_id", "amount",         "status"};
            throw Error(sqlstate::kInvalidParameterValue, std::string(names[i]) + " must not be NULL");
        }
    const Datum order_id = PG_GETARG_DATUM(0);
    const niaga::Money amount = pg::money_from_numeric(PG_GETARG_DATUM(4));
    amount.require_non_negative("payment amount").require_column_range("payment amount");
    const std::string transaction = pg::string_from_text(PG_GETARG_DATUM(3));

    static const pg::spi::Statement lock("SELECT status FROM sales.orders WHERE id = $1 FOR NO KEY UPDATE", {UUIDOID});
    static const pg::spi::Statement upsert(
        "INSERT INTO sales.payments AS p (order_id, payment_method, payment_provider, transaction_id, amount, status, "
        "  metadata, paid_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $6 = 'completed' THEN now() END) "
        "ON CONFLICT (payment_provider, transaction_id) DO UPDATE SET "
        "  payment_method = EXCLUDED.payment_method, amount = EXCLUDED.amount, status = EXCLUDED.status, "
        "  metadata = coalesce(EXCLUDED.metadata, p.metadata), "
        "  paid_at = CASE WHEN EXCLUDED.status = 'completed' THEN coalesce(p.paid_at, now()) ELSE p.paid_at END "
        "WHERE p.order_id = EXCLUDED.order_id RETURNING p.id",
        {UUIDOID, TEXTOID, TEXTOID, TEXTOID, NUMERICOID, TEXTOID, JSONBOID});
    static const pg::spi::Statement paid_in_full(
        "SELECT o.status = 'pending' AND coalesce((SELECT sum(p.amount) FROM sales.payments p "
        "  WHERE p.order_id = o.id AND p.status = 'completed'), 0) >= o.total "
        "FROM sales.orders o WHERE o.id = $1",
        {UUIDOID});
    static const pg::spi::Statement confirm("UPDATE sales.orders SET status = 'confirmed' WHERE id = $1", {UUIDOID});

    pg::spi::Connection spi;
    if (lock.execute(&order_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, "order " + pg::uuid_from_datum(order_id).to_string() + " does not exist");
    const Datum arguments[] = {order_id,
                               PG_GETARG_DATUM(1),
                               PG_GETARG_DATUM(2),
                               PG_GETARG_DATUM(3),
                               pg::numeric_from_money(amount),
                               PG_GETARG_DATUM(5),
                               PG_ARGISNULL(6) ? Datum(0) : PG_GETARG_DATUM(6)};
    const char nulls[] = {' ', ' ', ' ', ' ', ' ', ' ', PG_ARGISNULL(6) ? 'n' : ' ', '\0'};
    if (upsert.execute(arguments, nulls, 1) == 0)
        throw Error(sqlstate::kInvalidParameterValue,
                    "transaction " + transaction + " of this provider belongs to another order");
    const Datum payment_id = pg::copy_uuid(pg::spi::required(0, 1));
    paid_in_full.execute(&order_id, nullptr, 1);
    if (DatumGetBool(pg::spi::required(0, 1))) confirm.execute(&order_id, nullptr);
    spi.finish();
    return payment_id;
}
