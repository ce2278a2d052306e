// Writes to sales.orders that niaga makes itself. The orders trigger
// refuses some changes from clients (a coupon code) and recomputes others
// (totals); these scopes tell it which write is niaga's own. A scope is a
// plain C++ object: it is reset by its destructor when an exception (a
// PostgreSQL error included, see pg::call) unwinds through it.
#pragma once

namespace niaga::sales {

enum class OrderWrite {
    kClient,          // anything a client runs
    kComputedTotals,  // totals computed from the lines, written in bulk
    kCoupon,          // sales.redeem_coupon setting the order's coupon
};

inline OrderWrite current_order_write = OrderWrite::kClient;

class OrderWriteScope {
  public:
    explicit OrderWriteScope(OrderWrite write) : previous_(current_order_write) { current_order_write = write; }
    ~OrderWriteScope() { current_order_write = previous_; }
    OrderWriteScope(const OrderWriteScope&) = delete;
    OrderWriteScope& operator=(const OrderWriteScope&) = delete;

  private:
    OrderWrite previous_;
};

}  // namespace niaga::sales
