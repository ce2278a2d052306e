// Agents (SPEC.md §9): the upline, commission accrual / approval / reversal
// called by the order lifecycle, targets, payouts. Rules in
// src/core/commissions.cpp.
#include "core/commissions.hpp"
#include "core/lifecycle.hpp"
#include "order_writes.hpp"
#include "pg/arrays.hpp"
#include "pg/convert.hpp"
#include "pg/function.hpp"
#include "pg/guard.hpp"
#include "pg/settings.hpp"
#include "pg/spi.hpp"

#include <map>
#include <string>
#include <vector>

namespace pg = niaga::pg;
using niaga::Error;
using niaga::Money;
namespace sqlstate = niaga::sqlstate;

namespace {

Money sen_at(uint64_t row, int column) { return Money::from_sen(DatumGetInt64(pg::spi::required(row, column))); }

// The upline of an agent, level 1 = parent, with each agent's standing.
std::vector<niaga::AgentStanding> upline_of(Datum agent_id) {
    static const pg::spi::Statement walk(
        "WITH RECURSIVE up (level, agent_id) AS ("
        "  SELECT 1, parent_agent_id FROM agent.agents WHERE id = $1 AND parent_agent_id IS NOT NULL "
        "  UNION ALL "
        "  SELECT up.level + 1, a.parent_agent_id FROM up JOIN agent.agents a ON a.id = up.agent_id "
        "  WHERE a.parent_agent_id IS NOT NULL AND up.level < 10000) "
        "SELECT up.agent_id, (a.commission_rate * 100)::int8, a.is_active AND a.deleted_at IS NULL "
        "FROM up JOIN agent.agents a ON a.id = up.agent_id ORDER BY up.level",
        {UUIDOID});
    const uint64_t rows = walk.execute(&agent_id, nullptr);
    std::vector<niaga::AgentStanding> upline;
    for (uint64_t row = 0; row < rows; ++row)
        upline.push_back({pg::uuid_from_datum(pg::spi::required(row, 1)),
                          niaga::Rate::from_hundredths(DatumGetInt64(pg::spi::required(row, 2))),
                          DatumGetBool(pg::spi::required(row, 3))});
    return upline;
}

struct AgentOrder {
    std::optional<Datum> agent_id;
    Money base;  // subtotal − discount
    bool delivered;
    std::string status;
};

AgentOrder read_order(Datum order_id) {
    static const pg::spi::Statement read(
        "SELECT agent_id, ((subtotal - discount_amount) * 100)::int8, delivered_at IS NOT NULL, status "
        "FROM sales.orders WHERE id = $1",
        {UUIDOID});
    if (read.execute(&order_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, "order " + pg::uuid_from_datum(order_id).to_string() + " does not exist");
    AgentOrder order;
    if (const auto agent = pg::spi::value(0, 1)) order.agent_id = pg::copy_uuid(*agent);
    order.base = sen_at(0, 2);
    order.delivered = DatumGetBool(pg::spi::required(0, 3));
    order.status = pg::string_from_text(pg::spi::required(0, 4));
    return order;
}

// Counts (+1) or uncounts (−1) a delivered order in every target of its
// selling agent whose period contains the delivery date (business date).
void count_in_targets(Datum order_id, Datum agent_id, Money base, int sign) {
    static const pg::spi::Statement targets(
        "SELECT t.id, (t.target_amount * 100)::int8, t.target_orders, (t.achieved_amount * 100)::int8, "
        "  t.achieved_orders, t.status "
        "FROM agent.targets t, sales.orders o "
        "WHERE o.id = $2 AND t.agent_id = $1 "
        "AND (o.delivered_at AT TIME ZONE current_setting('niaga.timezone'))::date BETWEEN t.period_start AND "
        "t.period_end "
        "ORDER BY t.id FOR NO KEY UPDATE OF t",
        {UUIDOID, UUIDOID});
    static const pg::spi::Statement update(
        "UPDATE agent.targets SET achieved_amount = $2::numeric / 100, achieved_orders = $3, status = $4 WHERE id = $1",
        {UUIDOID, INT8OID, INT4OID, TEXTOID});
    const Datum arguments[] = {agent_id, order_id};
    const uint64_t rows = targets.execute(arguments, nullptr);
    struct Change {
        Datum id;
        niaga::Target target;
        std::string status;
    };
    std::vector<Change> changes;
    for (uint64_t row = 0; row < rows; ++row) {
        Change change{pg::copy_uuid(pg::spi::required(row, 1)), {}, pg::string_from_text(pg::spi::required(row, 6))};
        if (pg::spi::value(row, 2)) change.target.target_amount = sen_at(row, 2);
        if (const auto orders = pg::spi::value(row, 3)) change.target.target_orders = DatumGetInt32(*orders);
        change.target.achieved_amount = sen_at(row, 4);
        change.target.achieved_orders = DatumGetInt32(pg::spi::required(row, 5));
        change.target.status = change.status;
        change.status = std::string(niaga::count_order(change.target, base, sign));
        changes.push_back(std::move(change));
    }
    for (const Change& change : changes) {
        const Datum values[] = {change.id, Int64GetDatum(change.target.achieved_amount.sen()),
                                Int32GetDatum(static_cast<int32>(change.target.achieved_orders)),
                                pg::text_from_string(change.status)};
        update.execute(values, nullptr);
    }
}

}  // namespace

// agent.upline(agent_id uuid) → TABLE(level int, agent_id uuid).
NIAGA_FUNCTION(agent_upline) {
    const Datum agent_id = pg::required_argument(fcinfo, 0, "agent_id");
    pg::spi::Connection spi;
    const std::vector<niaga::AgentStanding> upline = upline_of(agent_id);
    spi.finish();
    pg::ResultRows rows(fcinfo);
    for (size_t i = 0; i < upline.size(); ++i)
        rows.add({Int32GetDatum(static_cast<int32>(i + 1)), pg::datum_from_uuid(upline[i].id)});
    return Datum(0);
}

// agent.accrue_commissions(order_id uuid) → int: the pending accruals of a
// confirmed order with a selling agent; exactly one per (order, agent,
// level) however often it is called. Returns how many were created.
NIAGA_FUNCTION(agent_accrue_commissions) {
    const Datum order_id = pg::required_argument(fcinfo, 0, "order_id");
    static const pg::spi::Statement seller(
        "SELECT (commission_rate * 100)::int8, is_active AND deleted_at IS NULL FROM agent.agents WHERE id = $1",
        {UUIDOID});
    static const pg::spi::Statement overrides("SELECT level, (rate * 100)::int8 FROM agent.override_rates", {});
    // Every level of the order in one statement.
    static const pg::spi::Statement insert(
        "INSERT INTO agent.commissions (agent_id, order_id, order_total, commission_rate, commission_amount, level) "
        "SELECT a.agent_id, $1, $2::numeric / 100, a.rate::numeric / 100, a.amount::numeric / 100, a.level "
        "FROM unnest($3::uuid[], $4::int8[], $5::int8[], $6::int8[]) AS a(agent_id, rate, amount, level) "
        "ON CONFLICT (order_id, agent_id, level) WHERE reverses_id IS NULL DO NOTHING",
        {UUIDOID, INT8OID, UUIDARRAYOID, INT8ARRAYOID, INT8ARRAYOID, INT8ARRAYOID});
    pg::spi::Connection spi;
    const AgentOrder order = read_order(order_id);
    int32 created = 0;
    if (order.agent_id && seller.execute(&*order.agent_id, nullptr, 1) > 0) {
        const niaga::AgentStanding selling{pg::uuid_from_datum(*order.agent_id),
                                           niaga::Rate::from_hundredths(DatumGetInt64(pg::spi::required(0, 1))),
                                           DatumGetBool(pg::spi::required(0, 2))};
        std::map<int, niaga::Rate> rates;
        const uint64_t levels = overrides.execute(nullptr, nullptr);
        for (uint64_t row = 0; row < levels; ++row)
            rates[DatumGetInt32(pg::spi::required(row, 1))] =
                niaga::Rate::from_hundredths(DatumGetInt64(pg::spi::required(row, 2)));
        const std::vector<niaga::AgentStanding> upline = upline_of(*order.agent_id);
        std::vector<Datum> agents;
        std::vector<int64_t> rates_used, amounts, accrual_levels;
        for (const niaga::Accrual& accrual : niaga::accrue(order.base, selling, upline, rates)) {
            agents.push_back(pg::datum_from_uuid(accrual.agent_id));
            rates_used.push_back(accrual.rate.hundredths());
            amounts.push_back(accrual.amount.sen());
            accrual_levels.push_back(accrual.level);
        }
        if (!agents.empty()) {
            const Datum values[] = {order_id,
                                    Int64GetDatum(order.base.sen()),
                                    pg::datum_array(agents, UUIDOID),
                                    pg::int8_array(rates_used),
                                    pg::int8_array(amounts),
                                    pg::int8_array(accrual_levels)};
            created = static_cast<int32>(insert.execute(values, nullptr));
        }
    }
    spi.finish();
    return Int32GetDatum(created);
}

// agent.approve_commissions(order_id uuid) → int: a delivered order's pending
// accruals become approved, and its selling agent's targets count it.
NIAGA_FUNCTION(agent_approve_commissions) {
    const Datum order_id = pg::required_argument(fcinfo, 0, "order_id");
    static const pg::spi::Statement approve(
        "UPDATE agent.commissions SET status = 'approved' WHERE order_id = $1 AND reverses_id IS NULL "
        "AND status = 'pending'",
        {UUIDOID});
    pg::spi::Connection spi;
    const AgentOrder order = read_order(order_id);
    niaga::require_effect(niaga::parse_order_status(order.status), &niaga::MoveEffects::approve_commissions,
                          "order " + pg::uuid_from_datum(order_id).to_string(), "commissions are approved");
    const int32 approved = static_cast<int32>(approve.execute(&order_id, nullptr));
    if (order.agent_id && order.delivered && niaga::sales::running_move_effects)
        count_in_targets(order_id, *order.agent_id, order.base, +1);
    spi.finish();
    return Int32GetDatum(approved);
}

// agent.reverse_commissions(order_id uuid) → int: a cancelled or refunded
// order's accruals are cancelled when unpaid and in no payout, else clawed
// back with one negative pending row each; a refunded order is uncounted
// from the targets it was counted in. Returns the rows changed or added.
NIAGA_FUNCTION(agent_reverse_commissions) {
    const Datum order_id = pg::required_argument(fcinfo, 0, "order_id");
    // Lock the accruals, then read them in a second statement: its fresh
    // snapshot sees a payout that gathered them while we waited.
    static const pg::spi::Statement lock(
        "SELECT id FROM agent.commissions WHERE order_id = $1 AND reverses_id IS NULL ORDER BY id FOR NO KEY UPDATE",
        {UUIDOID});
    static const pg::spi::Statement accruals(
        "SELECT c.id, c.status, "
        "  EXISTS (SELECT 1 FROM agent.payouts p WHERE p.id = c.payout_id AND p.status <> 'failed'), "
        "  EXISTS (SELECT 1 FROM agent.commissions r WHERE r.reverses_id = c.id) "
        "FROM agent.commissions c WHERE c.order_id = $1 AND c.reverses_id IS NULL ORDER BY c.id",
        {UUIDOID});
    static const pg::spi::Statement cancel("UPDATE agent.commissions SET status = 'cancelled' WHERE id = $1",
                                           {UUIDOID});
    static const pg::spi::Statement clawback(
        "INSERT INTO agent.commissions (agent_id, order_id, order_total, commission_rate, commission_amount, level, "
        "  reverses_id) "
        "SELECT agent_id, order_id, order_total, commission_rate, -commission_amount, level, id "
        "FROM agent.commissions WHERE id = $1 ON CONFLICT (reverses_id) DO NOTHING",
        {UUIDOID});
    pg::spi::Connection spi;
    const AgentOrder order = read_order(order_id);
    niaga::require_effect(niaga::parse_order_status(order.status), &niaga::MoveEffects::reverse_commissions,
                          "order " + pg::uuid_from_datum(order_id).to_string(), "commissions are reversed");
    lock.execute(&order_id, nullptr);
    const uint64_t rows = accruals.execute(&order_id, nullptr);
    std::vector<std::pair<Datum, niaga::Reversal>> plan;
    for (uint64_t row = 0; row < rows; ++row) {
        // An accrual already clawed back has been reversed once: leave it.
        if (DatumGetBool(pg::spi::required(row, 4))) continue;
        plan.emplace_back(
            pg::copy_uuid(pg::spi::required(row, 1)),
            niaga::reversal_of(niaga::parse_commission_status(pg::string_from_text(pg::spi::required(row, 2))),
                               DatumGetBool(pg::spi::required(row, 3))));
    }
    int32 changed = 0;
    for (const auto& [id, reversal] : plan) {
        if (reversal == niaga::Reversal::kCancel) changed += static_cast<int32>(cancel.execute(&id, nullptr));
        if (reversal == niaga::Reversal::kClawback) changed += static_cast<int32>(clawback.execute(&id, nullptr));
    }
    if (order.agent_id && order.delivered && niaga::sales::running_move_effects)
        count_in_targets(order_id, *order.agent_id, order.base, -1);
    spi.finish();
    return Int32GetDatum(changed);
}

// agent.close_targets(as_of date) → int: active targets whose period ended
// before as_of become missed.
NIAGA_FUNCTION(agent_close_targets) {
    const Datum as_of = pg::required_argument(fcinfo, 0, "as_of");
    static const pg::spi::Statement close(
        "UPDATE agent.targets SET status = 'missed' WHERE status = 'active' AND period_end < $1", {DATEOID});
    pg::spi::Connection spi;
    const int32 closed = static_cast<int32>(close.execute(&as_of, nullptr));
    spi.finish();
    return Int32GetDatum(closed);
}

// agent.create_payout(agent_id, payment_method, bank_name, bank_account) →
// uuid: one payout of every approved, unpaid commission of the agent and its
// pending clawbacks. The agent row is locked first, so two payouts made at
// once never share a commission.
NIAGA_FUNCTION(agent_create_payout) {
    const Datum agent_id = pg::required_argument(fcinfo, 0, "agent_id");
    const std::string method = pg::string_from_text(pg::required_argument(fcinfo, 1, "payment_method"));
    if (method != "bank_transfer" && method != "ewallet" && method != "cheque")
        throw Error(sqlstate::kInvalidParameterValue,
                    "payment_method must be bank_transfer, ewallet or cheque, got \"" + method + "\"");
    static const pg::spi::Statement lock_agent("SELECT agent_code FROM agent.agents WHERE id = $1 FOR NO KEY UPDATE",
                                               {UUIDOID});
    static const pg::spi::Statement gather(
        "SELECT id, (commission_amount * 100)::int8 FROM agent.commissions WHERE agent_id = $1 AND payout_id IS NULL "
        "AND ((reverses_id IS NULL AND status = 'approved') OR (reverses_id IS NOT NULL AND status = 'pending')) "
        "ORDER BY id FOR NO KEY UPDATE",
        {UUIDOID});
    static const pg::spi::Statement insert(
        "INSERT INTO agent.payouts (agent_id, amount, payment_method, bank_name, bank_account) "
        "VALUES ($1, $2::numeric / 100, $3, $4, $5) RETURNING id",
        {UUIDOID, INT8OID, TEXTOID, TEXTOID, TEXTOID});
    static const pg::spi::Statement attach("UPDATE agent.commissions SET payout_id = $2 WHERE id = ANY($1)",
                                           {UUIDARRAYOID, UUIDOID});
    pg::spi::Connection spi;
    if (lock_agent.execute(&agent_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, "agent " + pg::uuid_from_datum(agent_id).to_string() + " does not exist");
    const uint64_t rows = gather.execute(&agent_id, nullptr);
    std::vector<Datum> ids;
    std::vector<Money> amounts;
    for (uint64_t row = 0; row < rows; ++row) {
        ids.push_back(pg::copy_uuid(pg::spi::required(row, 1)));
        amounts.push_back(sen_at(row, 2));
    }
    const Money amount = niaga::payout_amount(amounts);
    const Datum values[] = {agent_id, Int64GetDatum(amount.sen()), pg::text_from_string(method),
                            PG_ARGISNULL(2) ? Datum(0) : PG_GETARG_DATUM(2),
                            PG_ARGISNULL(3) ? Datum(0) : PG_GETARG_DATUM(3)};
    const char nulls[] = {' ', ' ', ' ', PG_ARGISNULL(2) ? 'n' : ' ', PG_ARGISNULL(3) ? 'n' : ' ', '\0'};
    insert.execute(values, nulls, 1);
    const Datum payout_id = pg::copy_uuid(pg::spi::required(0, 1));
    const Datum attach_values[] = {pg::datum_array(ids, UUIDOID), payout_id};
    attach.execute(attach_values, nullptr);
    spi.finish();
    return payout_id;
}

namespace {

// Locks a payout and checks it is still open (pending or processing).
void lock_open_payout(Datum payout_id) {
    static const pg::spi::Statement lock(
        "SELECT status, payout_number FROM agent.payouts WHERE id = $1 FOR NO KEY UPDATE", {UUIDOID});
    if (lock.execute(&payout_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, "payout " + pg::uuid_from_datum(payout_id).to_string() + " does not exist");
    const std::string status = pg::string_from_text(pg::spi::required(0, 1));
    if (status != "pending" && status != "processing")
        throw Error(sqlstate::kInvalidStatusTransition, "invalid_status_transition: payout " +
                                                            pg::string_from_text(pg::spi::required(0, 2)) + " is " +
                                                            status + " and can no longer change");
}

}  // namespace

// agent.complete_payout(id uuid): the payout is completed and its
// commissions (and clawbacks) are paid.
NIAGA_FUNCTION(agent_complete_payout) {
    const Datum payout_id = pg::required_argument(fcinfo, 0, "id");
    static const pg::spi::Statement paid(
        "UPDATE agent.commissions SET status = 'paid', paid_at = now() WHERE payout_id = $1", {UUIDOID});
    static const pg::spi::Statement complete(
        "UPDATE agent.payouts SET status = 'completed', processed_at = now() WHERE id = $1", {UUIDOID});
    pg::spi::Connection spi;
    lock_open_payout(payout_id);
    paid.execute(&payout_id, nullptr);
    complete.execute(&payout_id, nullptr);
    spi.finish();
    PG_RETURN_VOID();
}

// agent.fail_payout(id uuid, notes text): the payout failed; its commissions
// are free for the next payout.
NIAGA_FUNCTION(agent_fail_payout) {
    const Datum payout_id = pg::required_argument(fcinfo, 0, "id");
    static const pg::spi::Statement release("UPDATE agent.commissions SET payout_id = NULL WHERE payout_id = $1",
                                            {UUIDOID});
    static const pg::spi::Statement fail(
        "UPDATE agent.payouts SET status = 'failed', processed_at = now(), notes = coalesce($2, notes) WHERE id = $1",
        {UUIDOID, TEXTOID});
    pg::spi::Connection spi;
    lock_open_payout(payout_id);
    release.execute(&payout_id, nullptr);
    const Datum values[] = {payout_id, PG_ARGISNULL(1) ? Datum(0) : PG_GETARG_DATUM(1)};
    const char nulls[] = {' ', PG_ARGISNULL(1) ? 'n' : ' ', '\0'};
    fail.execute(values, nulls);
    spi.finish();
    PG_RETURN_VOID();
}
