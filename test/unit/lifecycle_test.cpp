// Unit tests for the order lifecycle rules of src/core/lifecycle (SPEC.md §8):
// the eight statuses and their names, unknown names refused with 22023, the
// full 8 × 8 table of moves (exactly the SPEC's nine allowed moves pass,
// everything else — a move to the same status included — raises NG002), and
// what entering each status does.
#include "core/error.hpp"
#include "core/lifecycle.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

using niaga::effects_of_entering;
using niaga::is_open;
using niaga::MoveEffects;
using niaga::order_status_name;
using niaga::OrderStatus;
using niaga::parse_order_status;
using niaga::require_effect;
using niaga::require_order_move;

const std::vector<std::pair<OrderStatus, std::string>> kAllStatuses = {
    {OrderStatus::kPending, "pending"},       {OrderStatus::kConfirmed, "confirmed"},
    {OrderStatus::kProcessing, "processing"}, {OrderStatus::kPacked, "packed"},
    {OrderStatus::kShipped, "shipped"},       {OrderStatus::kDelivered, "delivered"},
    {OrderStatus::kCancelled, "cancelled"},   {OrderStatus::kRefunded, "refunded"},
};

// SPEC §8, written out by name so that the table below does not share a
// single line of logic with the code under test.
const std::set<std::pair<std::string, std::string>> kAllowedMoves = {
    {"pending", "confirmed"}, {"pending", "cancelled"},    {"confirmed", "processing"}, {"confirmed", "cancelled"},
    {"processing", "packed"}, {"processing", "cancelled"}, {"packed", "shipped"},       {"packed", "cancelled"},
    {"shipped", "delivered"}, {"delivered", "refunded"},
};

// Runs `f`, expects a niaga::Error with `code`; returns its message.
template <typename F>
std::string lifecycle_error(F f, const std::string& code) {
    try {
        f();
    } catch (const niaga::Error& e) {
        EXPECT_EQ(std::string(e.state().code), code) << "message: " << e.what();
        return e.what();
    }
    ADD_FAILURE() << "expected SQLSTATE " << code << ", nothing was thrown";
    return {};
}

// ---------------------------------------------------------------------------
// Statuses and their names
// ---------------------------------------------------------------------------

TEST(OrderStatusNames, EveryStatusParsesFromItsName) {
    for (const auto& [status, name] : kAllStatuses) {
        EXPECT_EQ(parse_order_status(name), status) << name;
        EXPECT_STREQ(order_status_name(status), name.c_str());
    }
}

TEST(OrderStatusNames, NameAndParseRoundTrip) {
    for (const auto& [status, name] : kAllStatuses) {
        (void)name;
        EXPECT_EQ(parse_order_status(order_status_name(status)), status);
    }
}

TEST(OrderStatusNames, NamesAreDistinct) {
    std::set<std::string> names;
    for (const auto& entry : kAllStatuses) names.insert(order_status_name(entry.first));
    EXPECT_EQ(names.size(), 8u);
}

TEST(OrderStatusNames, UnknownNamesRaise22023NamingTheValue) {
    for (const std::string bad : {"", "Pending", "PENDING", " pending", "pending ", "canceled", "refund", "paid",
                                  "completed", "unknown", "delivered\n"}) {
        const std::string message = lifecycle_error([&] { parse_order_status(bad); }, "22023");
        if (!bad.empty() && bad.find('\n') == std::string::npos) {
            EXPECT_NE(message.find("\"" + bad + "\""), std::string::npos) << message;
        }
    }
}

TEST(OrderStatusNames, EmbeddedNulIsNotAPrefixMatch) {
    const std::string with_nul("pending\0x", 9);
    lifecycle_error([&] { parse_order_status(with_nul); }, "22023");
}

TEST(OrderStatusNames, OpenStatusesArePendingThroughPacked) {
    for (const auto& [status, name] : kAllStatuses) {
        const bool open = name == "pending" || name == "confirmed" || name == "processing" || name == "packed";
        EXPECT_EQ(is_open(status), open) << name;
    }
}

// ---------------------------------------------------------------------------
// The 64 (from, to) pairs
// ---------------------------------------------------------------------------

TEST(OrderMoves, ExactlyTheSpecMovesAreAllowed) {
    int allowed = 0, refused = 0;
    for (const auto& [from, from_name] : kAllStatuses) {
        for (const auto& [to, to_name] : kAllStatuses) {
            const bool expected = kAllowedMoves.count({from_name, to_name}) == 1;
            if (expected) {
                EXPECT_NO_THROW(require_order_move(from, to)) << from_name << " -> " << to_name;
                ++allowed;
            } else {
                const std::string message =
                    lifecycle_error([&, from = from, to = to] { require_order_move(from, to); }, "NG002");
                EXPECT_NE(message.find("invalid_status_transition"), std::string::npos) << message;
                EXPECT_NE(message.find(from_name), std::string::npos) << message;
                EXPECT_NE(message.find(to_name), std::string::npos) << message;
                ++refused;
            }
        }
    }
    EXPECT_EQ(allowed, 10);
    EXPECT_EQ(refused, 54);
}

TEST(OrderMoves, SameStatusIsNeverAMove) {
    for (const auto& [status, name] : kAllStatuses)
        lifecycle_error([status = status] { require_order_move(status, status); }, "NG002");
}

TEST(OrderMoves, TerminalStatusesGoNowhere) {
    for (const OrderStatus terminal : {OrderStatus::kCancelled, OrderStatus::kRefunded})
        for (const auto& [to, name] : kAllStatuses)
            lifecycle_error([terminal, to = to] { require_order_move(terminal, to); }, "NG002");
}

TEST(OrderMoves, NothingMovesBackToPending) {
    for (const auto& [from, name] : kAllStatuses)
        lifecycle_error([from = from] { require_order_move(from, OrderStatus::kPending); }, "NG002");
}

TEST(OrderMoves, CancellingIsOnlyBeforeShipment) {
    for (const auto& [from, name] : kAllStatuses) {
        if (is_open(from))
            EXPECT_NO_THROW(require_order_move(from, OrderStatus::kCancelled)) << name;
        else
            lifecycle_error([from = from] { require_order_move(from, OrderStatus::kCancelled); }, "NG002");
    }
}

TEST(OrderMoves, NoSkippingSteps) {
    lifecycle_error([] { require_order_move(OrderStatus::kPending, OrderStatus::kProcessing); }, "NG002");
    lifecycle_error([] { require_order_move(OrderStatus::kPending, OrderStatus::kShipped); }, "NG002");
    lifecycle_error([] { require_order_move(OrderStatus::kConfirmed, OrderStatus::kShipped); }, "NG002");
    lifecycle_error([] { require_order_move(OrderStatus::kPacked, OrderStatus::kDelivered); }, "NG002");
    lifecycle_error([] { require_order_move(OrderStatus::kShipped, OrderStatus::kRefunded); }, "NG002");
    lifecycle_error([] { require_order_move(OrderStatus::kPending, OrderStatus::kRefunded); }, "NG002");
}

// ---------------------------------------------------------------------------
// What entering each status does
// ---------------------------------------------------------------------------

// The effects as a comparable string: the timestamp column and each flag.
std::string describe(const MoveEffects& e) {
    std::string out = e.timestamp_column ? e.timestamp_column : "-";
    if (e.reserve_stock) out += " reserve";
    if (e.release_stock) out += " release";
    if (e.give_back_coupon) out += " coupon";
    if (e.ship_stock) out += " ship";
    if (e.count_customer) out += " count";
    if (e.refund) out += " refund";
    if (e.needs_reason) out += " reason";
    return out;
}

TEST(OrderEffects, Pending) { EXPECT_EQ(describe(effects_of_entering(OrderStatus::kPending)), "-"); }

TEST(OrderEffects, ConfirmedReservesStock) {
    const MoveEffects e = effects_of_entering(OrderStatus::kConfirmed);
    ASSERT_NE(e.timestamp_column, nullptr);
    EXPECT_STREQ(e.timestamp_column, "confirmed_at");
    EXPECT_EQ(describe(e), "confirmed_at reserve");
}

TEST(OrderEffects, ProcessingAndPackedOnlyWriteHistory) {
    EXPECT_EQ(describe(effects_of_entering(OrderStatus::kProcessing)), "-");
    EXPECT_EQ(describe(effects_of_entering(OrderStatus::kPacked)), "-");
}

TEST(OrderEffects, ShippedMovesStockOut) {
    const MoveEffects e = effects_of_entering(OrderStatus::kShipped);
    ASSERT_NE(e.timestamp_column, nullptr);
    EXPECT_STREQ(e.timestamp_column, "shipped_at");
    EXPECT_EQ(describe(e), "shipped_at ship");
}

TEST(OrderEffects, DeliveredCountsTheCustomer) {
    const MoveEffects e = effects_of_entering(OrderStatus::kDelivered);
    ASSERT_NE(e.timestamp_column, nullptr);
    EXPECT_STREQ(e.timestamp_column, "delivered_at");
    EXPECT_EQ(describe(e), "delivered_at count");
}

TEST(OrderEffects, CancelledNeedsAReasonReleasesStockAndCoupon) {
    const MoveEffects e = effects_of_entering(OrderStatus::kCancelled);
    ASSERT_NE(e.timestamp_column, nullptr);
    EXPECT_STREQ(e.timestamp_column, "cancelled_at");
    EXPECT_EQ(describe(e), "cancelled_at release coupon reason");
}

TEST(OrderEffects, RefundedRefundsWithoutATimestampColumn) {
    // sales.orders has no refunded_at: the refund row carries the time.
    EXPECT_EQ(describe(effects_of_entering(OrderStatus::kRefunded)), "- refund");
}

TEST(OrderEffects, OnlyCancelledNeedsAReason) {
    for (const auto& [status, name] : kAllStatuses)
        EXPECT_EQ(effects_of_entering(status).needs_reason, status == OrderStatus::kCancelled) << name;
}

TEST(OrderEffects, EachEffectBelongsToOneStatus) {
    int reserve = 0, release = 0, coupon = 0, ship = 0, count = 0, refund = 0;
    for (const auto& [status, name] : kAllStatuses) {
        (void)name;
        const MoveEffects e = effects_of_entering(status);
        reserve += e.reserve_stock;
        release += e.release_stock;
        coupon += e.give_back_coupon;
        ship += e.ship_stock;
        count += e.count_customer;
        refund += e.refund;
    }
    EXPECT_EQ(reserve, 1);
    EXPECT_EQ(release, 1);
    EXPECT_EQ(coupon, 1);
    EXPECT_EQ(ship, 1);
    EXPECT_EQ(count, 1);
    EXPECT_EQ(refund, 1);
}

// ---------------------------------------------------------------------------
// Hooks called on their own: only in a status whose entering runs them
// ---------------------------------------------------------------------------

TEST(HookStatus, EachHookRunsOnlyInTheStatusesWhoseMoveRunsIt) {
    const std::vector<std::pair<bool MoveEffects::*, std::set<std::string>>> hooks = {
        {&MoveEffects::release_stock, {"cancelled"}},
        {&MoveEffects::ship_stock, {"shipped"}},
        {&MoveEffects::refund, {"refunded"}},
        {&MoveEffects::approve_commissions, {"delivered"}},
        {&MoveEffects::reverse_commissions, {"cancelled", "refunded"}},
    };
    for (const auto& [effect, allowed] : hooks) {
        for (const auto& [status, name] : kAllStatuses) {
            if (allowed.count(name)) {
                EXPECT_NO_THROW(require_effect(status, effect, "order ORD-1", "it runs")) << name;
            } else {
                lifecycle_error([&] { require_effect(status, effect, "order ORD-1", "it runs"); }, "55000");
            }
        }
    }
}

TEST(HookStatus, MessageNamesTheOrderItsStatusAndWhereTheHookRuns) {
    EXPECT_EQ(lifecycle_error(
                  [] {
                      require_effect(OrderStatus::kPending, &MoveEffects::release_stock, "order ORD-7",
                                     "its stock is released");
                  },
                  "55000"),
              "order ORD-7 is pending: its stock is released only when it is cancelled");
    EXPECT_EQ(lifecycle_error(
                  [] {
                      require_effect(OrderStatus::kDelivered, &MoveEffects::reverse_commissions, "order X",
                                     "commissions are reversed");
                  },
                  "55000"),
              "order X is delivered: commissions are reversed only when it is cancelled or refunded");
}

}  // namespace
