// The order lifecycle (SPEC.md §8): statuses, the allowed moves, and what
// each move must do.
#pragma once

#include <string>
#include <string_view>

namespace niaga {

enum class OrderStatus { kPending, kConfirmed, kProcessing, kPacked, kShipped, kDelivered, kCancelled, kRefunded };

// 22023 naming the value for a status that does not exist.
OrderStatus parse_order_status(std::string_view status);
const char* order_status_name(OrderStatus status);

// pending … packed: the order may still hold a stock reservation.
bool is_open(OrderStatus status);

// Raises NG002 invalid_status_transition unless `from` → `to` is one of:
// pending → confirmed | cancelled; confirmed → processing | cancelled;
// processing → packed | cancelled; packed → shipped | cancelled;
// shipped → delivered; delivered → refunded. (A move to the same status
// is not a move: it raises too.)
void require_order_move(OrderStatus from, OrderStatus to);

// What entering a status does, beyond the history row.
struct MoveEffects {
    const char* timestamp_column = nullptr;  // confirmed_at, shipped_at, …
    bool reserve_stock = false;              // confirmed: reserve if not reserved
    bool release_stock = false;              // cancelled
    bool give_back_coupon = false;           // cancelled
    bool ship_stock = false;                 // shipped: sale movements
    bool count_customer = false;             // delivered
    bool refund = false;                     // refunded: refund row, restock, uncount
    bool accrue_commissions = false;         // confirmed
    bool approve_commissions = false;        // delivered (and count agent targets)
    bool reverse_commissions = false;        // cancelled, refunded
    bool needs_reason = false;               // cancelled: a cancellation reason
};
MoveEffects effects_of_entering(OrderStatus status);

// The lifecycle's hooks (release, ship and restock the stock; approve and
// reverse commissions) run from the move into a status whose effects include
// them. Called on their own for an order in any other status they would
// leave the order and its stock or commissions apart: 55000 unless entering
// `status` has `effect`. The message reads "<order> is <status>: <what>
// only when it is <the statuses that have the effect>".
void require_effect(OrderStatus status, bool MoveEffects::*effect, const std::string& order_name,
                    const std::string& what);

}  // namespace niaga
