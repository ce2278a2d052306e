// Shared by the inventory entry points: which write to stock is niaga's
// own, the ledger context, and reading / locking stock rows.
#pragma once

#include "core/stock.hpp"
#include "pg/postgres.hpp"
#include "scoped.hpp"

#include <optional>
#include <string>
#include <vector>

namespace niaga::inventory {

// What the ledger trigger writes for the quantity changes made while it is
// set; unset (a client's own UPDATE) means an `adjustment` by hand.
struct MovementContext {
    const char* type;
    const char* reference_type;
    std::optional<Datum> reference_id;
    std::optional<std::string> notes;
};
inline const MovementContext* current_movement = nullptr;
using MovementScope = Scoped<const MovementContext*>;

// Set while niaga changes reserved_quantity (reservations, release, ship).
inline bool writing_reservations = false;
// Set while the ledger trigger inserts into stock_movements.
inline bool writing_ledger = false;
using FlagScope = Scoped<bool>;

// A stock row locked for update.
struct StockRow {
    Datum stock_item_id;
    Datum warehouse_id;
    Datum product_id;
    std::optional<Datum> variant_id;
    int64_t quantity;
    int64_t reserved;
};

// Locks the stock rows of the demanded items — at one warehouse, or at every
// active live warehouse when `warehouse_id` is nullopt — in stock item id
// order, the one global lock order of niaga, and returns them as they are
// after the lock.
// With `lock_rows` false, the same rows read without a lock (a guess that
// the caller confirms later under the lock).
std::vector<StockRow> lock_stock(const std::vector<StockDemand>& demand, std::optional<Datum> warehouse_id,
                                 bool lock_rows = true);

// Adds `quantity_delta[i]` to quantity and `reserved_delta[i]` to
// reserved_quantity of stock item `ids[i]`, in one statement.
void change_stock(const std::vector<Datum>& ids, const std::vector<int64_t>& quantity_delta,
                  const std::vector<int64_t>& reserved_delta);

// Reserves `demand` (merged per item) at the active live warehouse of lowest
// priority, then code, that covers all of it (NG001 naming the short SKUs
// when none does): locks the candidate stock rows in id order, decides on
// what they hold after the lock, raises reserved_quantity. Returns the
// warehouse; the order row is the caller's to update. Defined with the
// reservation functions (reservations.cpp).
Datum reserve_demand(const std::vector<StockDemand>& demand, const std::string& order_name);

// The warehouse reserve_demand would choose now, read without locking any
// row (NG001 when none could serve): what a checkout prices and writes
// before it takes the locks, confirmed by reserve_demand.
Datum likely_warehouse(const std::vector<StockDemand>& demand);

// The lines of an order as stock demand (merged per item).
std::vector<StockDemand> order_demand(Datum order_id);

// P0002 unless the product exists and is not deleted, and (when given) the
// variant exists, is not deleted and belongs to the product. Returns the SKU.
std::string require_item(Datum product_id, std::optional<Datum> variant_id);
// P0002 unless the warehouse exists and is not deleted. Returns its code.
std::string require_warehouse(Datum warehouse_id);

// The stock row of `demand[i]` among `rows` (same warehouse assumed).
const StockRow* find_row(const std::vector<StockRow>& rows, const StockDemand& demand, Datum warehouse_id);

}  // namespace niaga::inventory
