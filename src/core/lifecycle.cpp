#include "core/cpp_only.hpp"  // first: core must stay free of PostgreSQL headers
#include "core/lifecycle.hpp"

#include "core/error.hpp"

#include <string>

namespace niaga {

namespace {

struct StatusName {
    OrderStatus status;
    const char* name;
};

constexpr StatusName kStatuses[] = {
    {OrderStatus::kPending, "pending"},       {OrderStatus::kConfirmed, "confirmed"},
    {OrderStatus::kProcessing, "processing"}, {OrderStatus::kPacked, "packed"},
    {OrderStatus::kShipped, "shipped"},       {OrderStatus::kDelivered, "delivered"},
    {OrderStatus::kCancelled, "cancelled"},   {OrderStatus::kRefunded, "refunded"},
};

}  // namespace

OrderStatus parse_order_status(std::string_view status) {
    for (const StatusName& entry : kStatuses)
        if (status == entry.name) return entry.status;
    throw Error(sqlstate::kInvalidParameterValue, "unknown order status \"" + std::string(status) +
                                                      "\" (pending, confirmed, processing, packed, shipped, "
                                                      "delivered, cancelled, refunded)");
}

const char* order_status_name(OrderStatus status) {
    for (const StatusName& entry : kStatuses)
        if (status == entry.status) return entry.name;
    return "unknown";
}

bool is_open(OrderStatus status) {
    return status == OrderStatus::kPending || status == OrderStatus::kConfirmed || status == OrderStatus::kProcessing ||
           status == OrderStatus::kPacked;
}

void require_order_move(OrderStatus from, OrderStatus to) {
    bool allowed = false;
    switch (from) {
        case OrderStatus::kPending:
            allowed = to == OrderStatus::kConfirmed || to == OrderStatus::kCancelled;
            break;
        case OrderStatus::kConfirmed:
            allowed = to == OrderStatus::kProcessing || to == OrderStatus::kCancelled;
            break;
        case OrderStatus::kProcessing:
            allowed = to == OrderStatus::kPacked || to == OrderStatus::kCancelled;
            break;
        case OrderStatus::kPacked:
            allowed = to == OrderStatus::kShipped || to == OrderStatus::kCancelled;
            break;
        case OrderStatus::kShipped:
            allowed = to == OrderStatus::kDelivered;
            break;
        case OrderStatus::kDelivered:
            allowed = to == OrderStatus::kRefunded;
            break;
        case OrderStatus::kCancelled:
        case OrderStatus::kRefunded:
            allowed = false;
            break;
    }
    if (!allowed)
        throw Error(sqlstate::kInvalidStatusTransition,
                    std::string("invalid_status_transition: an order cannot move from ") + order_status_name(from) +
                        " to " + order_status_name(to));
}

MoveEffects effects_of_entering(OrderStatus status) {
    MoveEffects effects;
    switch (status) {
        case OrderStatus::kConfirmed:
            effects.timestamp_column = "confirmed_at";
            effects.reserve_stock = true;
            effects.accrue_commissions = true;
            break;
        case OrderStatus::kCancelled:
            effects.timestamp_column = "cancelled_at";
            effects.release_stock = true;
            effects.give_back_coupon = true;
            effects.needs_reason = true;
            effects.reverse_commissions = true;
            break;
        case OrderStatus::kShipped:
            effects.timestamp_column = "shipped_at";
            effects.ship_stock = true;
            break;
        case OrderStatus::kDelivered:
            effects.timestamp_column = "delivered_at";
            effects.count_customer = true;
            effects.approve_commissions = true;
            break;
        case OrderStatus::kRefunded:
            effects.refund = true;
            effects.reverse_commissions = true;
            break;
        case OrderStatus::kPending:
        case OrderStatus::kProcessing:
        case OrderStatus::kPacked:
            break;
    }
    return effects;
}

void require_effect(OrderStatus status, bool MoveEffects::*effect, const std::string& order_name,
                    const std::string& what) {
    if (effects_of_entering(status).*effect) return;
    std::string statuses;
    for (const StatusName& entry : kStatuses) {
        if (!(effects_of_entering(entry.status).*effect)) continue;
        statuses += statuses.empty() ? "" : " or ";
        statuses += entry.name;
    }
    throw Error(sqlstate::kObjectNotInPrerequisiteState,
                order_name + " is " + order_status_name(status) + ": " + what + " only when it is " + statuses);
}

}  // namespace niaga
