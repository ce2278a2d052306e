// Writes to sales.orders that niaga makes itself. The orders trigger
// refuses some changes from clients (a coupon code) and recomputes others
// (totals); Scoped<OrderWrite> over current_order_write tells it which
// write is niaga's own.
#pragma once

#include "pg/postgres.hpp"
#include "scoped.hpp"

namespace niaga::sales {

enum class OrderWrite {
    kClient,          // anything a client runs
    kComputedTotals,  // totals computed from the lines, written in bulk
    kCoupon,          // sales.redeem_coupon setting the order's coupon
};

inline OrderWrite current_order_write = OrderWrite::kClient;

using OrderWriteScope = Scoped<OrderWrite>;

// The order sales.place_order is writing (0: none). Its lines' statement
// trigger leaves that order alone: place_order prices it once, with its
// coupon and reservation, in one UPDATE at the end.
inline Datum order_being_placed = 0;

using OrderIdScope = Scoped<Datum>;

// Set while the lifecycle trigger runs the effects of a move. Counting an
// order in agent targets happens only then — once per delivery or refund —
// so calling the commission hooks again by hand cannot count it twice.
inline bool running_move_effects = false;

}  // namespace niaga::sales
