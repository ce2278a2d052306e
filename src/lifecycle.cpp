// The order lifecycle (SPEC.md §8). The rules live in src/core/lifecycle.cpp;
// the triggers here make `UPDATE sales.orders SET status = …` and the
// functions below behave identically: allowed moves only, a timestamp and a
// history row for each, and every effect of the move.
#include "core/lifecycle.hpp"
#include "pg/convert.hpp"
#include "pg/function.hpp"
#include "pg/guard.hpp"
#include "pg/settings.hpp"
#include "pg/spi.hpp"
#include "pg/trigger.hpp"
#include "order_writes.hpp"
#include "sales_data.hpp"
#include "scoped.hpp"

#include <string>

namespace pg = niaga::pg;
using niaga::Error;
using niaga::OrderStatus;
namespace sqlstate = niaga::sqlstate;

namespace {

// What a lifecycle function tells the triggers about the move it makes;
// a plain UPDATE has none (no notes, restock on refund).
struct MoveContext {
    std::optional<std::string> notes;
    bool restock = true;
};
const MoveContext* current_move = nullptr;

OrderStatus status_of(const TriggerData* data, HeapTuple row) {
    return niaga::parse_order_status(pg::string_from_text(pg::trigger::required_column(data, row, "status", TEXTOID)));
}

// Runs "SELECT f($1)" for an effect function of another module.
void call_effect(const pg::spi::Statement& statement, Datum order_id) { statement.execute(&order_id, nullptr); }

// The effects of entering `status`, run AFTER the row changed.
void run_effects(const TriggerData* data, HeapTuple row, OrderStatus status) {
    static const pg::spi::Statement reserve("SELECT inventory.reserve_order($1)", {UUIDOID});
    static const pg::spi::Statement release_stock("SELECT inventory.release_reservation($1)", {UUIDOID});
    static const pg::spi::Statement release_coupon("SELECT sales.release_coupon($1)", {UUIDOID});
    static const pg::spi::Statement ship("SELECT inventory.ship_reservation($1)", {UUIDOID});
    static const pg::spi::Statement restock("SELECT inventory.restock_order($1)", {UUIDOID});
    static const pg::spi::Statement accrue("SELECT agent.accrue_commissions($1)", {UUIDOID});
    static const pg::spi::Statement approve("SELECT agent.approve_commissions($1)", {UUIDOID});
    static const pg::spi::Statement reverse("SELECT agent.reverse_commissions($1)", {UUIDOID});
    static const pg::spi::Statement count_customer(
        "UPDATE crm.customer_profiles SET total_orders = total_orders + $3, total_spent = total_spent + $3 * $2 "
        "WHERE user_id = $1",
        {UUIDOID, NUMERICOID, INT4OID});
    static const pg::spi::Statement refund(
        "INSERT INTO sales.refunds (order_id, amount, reason, restock, created_by) VALUES ($1, $2, $3, $4, $5)",
        {UUIDOID, NUMERICOID, TEXTOID, BOOLOID, UUIDOID});

    const niaga::MoveEffects effects = niaga::effects_of_entering(status);
    const Datum order_id = pg::trigger::required_column(data, row, "id", UUIDOID);
    if (effects.reserve_stock) call_effect(reserve, order_id);
    // Lock order, as checkout takes them: the order row (held by the
    // UPDATE), then the coupon row, then stock rows by id.
    if (effects.give_back_coupon) call_effect(release_coupon, order_id);
    if (effects.release_stock) call_effect(release_stock, order_id);
    if (effects.ship_stock) call_effect(ship, order_id);
    if (effects.accrue_commissions) call_effect(accrue, order_id);
    if (effects.approve_commissions) call_effect(approve, order_id);
    if (effects.reverse_commissions) call_effect(reverse, order_id);

    const std::optional<Datum> user_id = pg::trigger::column(data, row, "user_id", UUIDOID);
    const Datum total = pg::trigger::required_column(data, row, "total", NUMERICOID);
    if (effects.count_customer && user_id) {
        const Datum arguments[] = {*user_id, total, Int32GetDatum(1)};
        count_customer.execute(arguments, nullptr);
    }
    if (effects.refund) {
        const bool restocking = current_move == nullptr || current_move->restock;
        const std::string reason =
            current_move != nullptr && current_move->notes ? *current_move->notes : "status set to refunded";
        const std::optional<Datum> actor = pg::actor_id();
        const Datum arguments[] = {order_id, total, pg::text_from_string(reason), BoolGetDatum(restocking),
                                   actor.value_or(0)};
        const char nulls[] = {' ', ' ', ' ', ' ', actor ? ' ' : 'n', '\0'};
        refund.execute(arguments, nulls);
        if (restocking) call_effect(restock, order_id);
        if (user_id) {
            const Datum uncount[] = {*user_id, total, Int32GetDatum(-1)};
            count_customer.execute(uncount, nullptr);
        }
    }
}

}  // namespace

// BEFORE INSERT OR UPDATE OF status ON sales.orders FOR EACH ROW (on UPDATE
// only when the status changes): a new order starts pending; a move must be
// allowed (NG002); cancelling needs a reason; the move's timestamp is set.
NIAGA_FUNCTION(sales_order_status_guard) {
    TriggerData* data = pg::trigger::expect(fcinfo, "sales.order_status_guard", pg::trigger::Timing::kBefore,
                                            pg::trigger::Level::kRow, pg::trigger::kInsert | pg::trigger::kUpdate);
    HeapTuple row = pg::trigger::new_row(data);
    const OrderStatus to = status_of(data, row);
    if (TRIGGER_FIRED_BY_INSERT(data->tg_event)) {
        if (to != OrderStatus::kPending)
            throw Error(sqlstate::kInvalidStatusTransition,
                        std::string("invalid_status_transition: a new order starts pending, not ") +
                            niaga::order_status_name(to));
        return PointerGetDatum(row);
    }
    niaga::require_order_move(status_of(data, data->tg_trigtuple), to);
    const niaga::MoveEffects effects = niaga::effects_of_entering(to);
    if (effects.needs_reason) {
        const std::optional<Datum> reason = pg::trigger::column(data, row, "cancellation_reason", TEXTOID);
        if (!reason || pg::is_blank(pg::string_from_text(*reason))) {
            if (current_move == nullptr || !current_move->notes || pg::is_blank(*current_move->notes))
                throw Error(sqlstate::kInvalidParameterValue, "cancelling an order needs a cancellation_reason");
            row = pg::trigger::with_column(data, row, "cancellation_reason", TEXTOID,
                                           pg::text_from_string(*current_move->notes));
        }
    }
    if (effects.timestamp_column != nullptr)
        row = pg::trigger::with_column(data, row, effects.timestamp_column, TIMESTAMPTZOID,
                                       TimestampTzGetDatum(GetCurrentTransactionStartTimestamp()));
    return PointerGetDatum(row);
}

// AFTER INSERT OR UPDATE OF status ON sales.orders FOR EACH ROW (on UPDATE
// only when the status changed): the history row, then the move's effects.
NIAGA_FUNCTION(sales_order_status_effects) {
    TriggerData* data = pg::trigger::expect(fcinfo, "sales.order_status_effects", pg::trigger::Timing::kAfter,
                                            pg::trigger::Level::kRow, pg::trigger::kInsert | pg::trigger::kUpdate);
    HeapTuple row = TRIGGER_FIRED_BY_UPDATE(data->tg_event) ? data->tg_newtuple : data->tg_trigtuple;
    const OrderStatus status = status_of(data, row);

    static const pg::spi::Statement history(
        // clock_timestamp(): several moves in one transaction keep their order.
        "INSERT INTO sales.order_status_history (order_id, status, notes, created_by, created_at) "
        "VALUES ($1, $2, $3, $4, clock_timestamp())",
        {UUIDOID, TEXTOID, TEXTOID, UUIDOID});
    std::optional<Datum> notes;
    if (current_move != nullptr && current_move->notes)
        notes = pg::text_from_string(*current_move->notes);
    else if (status == OrderStatus::kCancelled)
        notes = pg::trigger::column(data, row, "cancellation_reason", TEXTOID);
    const std::optional<Datum> actor = pg::actor_id();
    const Datum arguments[] = {pg::trigger::required_column(data, row, "id", UUIDOID),
                               pg::text_from_string(niaga::order_status_name(status)), notes.value_or(0),
                               actor.value_or(0)};
    const char nulls[] = {' ', ' ', notes ? ' ' : 'n', actor ? ' ' : 'n', '\0'};

    pg::spi::Connection spi;
    history.execute(arguments, nulls);
    if (TRIGGER_FIRED_BY_UPDATE(data->tg_event)) {
        niaga::Scoped<bool> effects(niaga::sales::running_move_effects, true);
        run_effects(data, row, status);
    }
    spi.finish();
    return PointerGetDatum(nullptr);
}

namespace {

// Moves an order to `to` through the same UPDATE a client would run, with
// the function's notes and options for the triggers, and returns the row.
Datum move_order(Datum order_id, OrderStatus to, const MoveContext& move,
                 std::optional<std::string> tracking_number = {}, std::optional<std::string> tracking_url = {}) {
    static const pg::spi::Statement lock("SELECT status, user_id FROM sales.orders WHERE id = $1 FOR NO KEY UPDATE",
                                         {UUIDOID});
    static const pg::spi::Statement update(
        "UPDATE sales.orders SET status = $2, "
        "cancellation_reason = CASE WHEN $2 = 'cancelled' THEN coalesce($3, cancellation_reason) "
        "  ELSE cancellation_reason END, "
        "tracking_number = coalesce($4, tracking_number), tracking_url = coalesce($5, tracking_url) "
        "WHERE id = $1",
        {UUIDOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID});
    pg::spi::Connection spi;
    if (lock.execute(&order_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, "order " + pg::uuid_from_datum(order_id).to_string() + " does not exist");
    // The same status is not a move: refuse it here, where the caller asked
    // for a move (a plain UPDATE leaving status unchanged is no move at all).
    const OrderStatus from = niaga::parse_order_status(pg::string_from_text(pg::spi::required(0, 1)));
    // A shopper may only cancel its own pending order (sales.cancel_order is
    // the one lifecycle function granted to niaga_shopper).
    const pg::ShopperContext shopper = pg::shopper_context();
    if (shopper.is_shopper) {
        const std::string name = "order " + pg::uuid_from_datum(order_id).to_string();
        const std::optional<Datum> owner = pg::spi::value(0, 2);
        if (!owner) throw Error(sqlstate::kInsufficientPrivilege, "permission denied: " + name + " is a guest order");
        pg::require_shopper_owns(shopper, owner, name);
        if (to != OrderStatus::kCancelled || from != OrderStatus::kPending)
            throw Error(sqlstate::kInsufficientPrivilege,
                        "permission denied: a shopper can only cancel a pending order");
    }
    niaga::require_order_move(from, to);
    const Datum arguments[] = {order_id, pg::text_from_string(niaga::order_status_name(to)),
                               move.notes ? pg::text_from_string(*move.notes) : Datum(0),
                               tracking_number ? pg::text_from_string(*tracking_number) : Datum(0),
                               tracking_url ? pg::text_from_string(*tracking_url) : Datum(0)};
    const char nulls[] = {' ', ' ', move.notes ? ' ' : 'n', tracking_number ? ' ' : 'n', tracking_url ? ' ' : 'n',
                          '\0'};
    {
        niaga::Scoped<const MoveContext*> scope(current_move, &move);
        update.execute(arguments, nulls, 1);
    }
    // The row as the move's effects left it, not as the UPDATE returned it.
    const Datum row = niaga::sales::order_row(order_id);
    spi.finish();
    return row;
}

}  // namespace

// sales.set_order_status(order_id uuid, status text, notes text DEFAULT NULL)
// → sales.orders. For `cancelled` the notes are the cancellation reason.
NIAGA_FUNCTION(sales_set_order_status) {
    const Datum order_id = pg::required_argument(fcinfo, 0, "order_id");
    if (PG_ARGISNULL(1)) throw Error(sqlstate::kInvalidParameterValue, "status must not be NULL");
    const OrderStatus to = niaga::parse_order_status(pg::string_from_text(PG_GETARG_DATUM(1)));
    return move_order(order_id, to, MoveContext{pg::optional_text_argument(fcinfo, 2), true});
}

// sales.cancel_order(order_id uuid, reason text) → sales.orders.
NIAGA_FUNCTION(sales_cancel_order) {
    const Datum order_id = pg::required_argument(fcinfo, 0, "order_id");
    const std::optional<std::string> reason = pg::optional_text_argument(fcinfo, 1);
    if (!reason || pg::is_blank(*reason))
        throw Error(sqlstate::kInvalidParameterValue, "cancelling an order needs a reason");
    return move_order(order_id, OrderStatus::kCancelled, MoveContext{reason, true});
}

// sales.ship_order(order_id uuid, tracking_number text DEFAULT NULL,
// tracking_url text DEFAULT NULL) → sales.orders.
NIAGA_FUNCTION(sales_ship_order) {
    const Datum order_id = pg::required_argument(fcinfo, 0, "order_id");
    return move_order(order_id, OrderStatus::kShipped, MoveContext{std::nullopt, true},
                      pg::optional_text_argument(fcinfo, 1), pg::optional_text_argument(fcinfo, 2));
}

// sales.refund_order(order_id uuid, reason text, restock boolean DEFAULT
// true) → sales.orders.
NIAGA_FUNCTION(sales_refund_order) {
    const Datum order_id = pg::required_argument(fcinfo, 0, "order_id");
    const std::optional<std::string> reason = pg::optional_text_argument(fcinfo, 1);
    if (!reason || pg::is_blank(*reason))
        throw Error(sqlstate::kInvalidParameterValue, "refunding an order needs a reason");
    const bool restock = PG_ARGISNULL(2) ? true : PG_GETARG_BOOL(2);
    return move_order(order_id, OrderStatus::kRefunded, MoveContext{reason, restock});
}
