// Order reservations (SPEC.md §7): reserve an order at one warehouse,
// release it, ship it, and put refunded goods back. Every function locks
// the order row first and then the stock rows in stock item id order.
#include "core/lifecycle.hpp"
#include "inventory_data.hpp"
#include "pg/convert.hpp"
#include "pg/function.hpp"
#include "pg/guard.hpp"
#include "pg/spi.hpp"

#include <string>

namespace pg = niaga::pg;
namespace inventory = niaga::inventory;
using niaga::Error;
namespace sqlstate = niaga::sqlstate;

namespace {

struct LockedOrder {
    std::string name;  // "order ORD-…"
    std::string status;
    std::optional<Datum> warehouse_id;
    bool reserved;
};

// Locks the order row and reads its reservation state; P0002 if missing.
LockedOrder lock_order(Datum order_id) {
    static const pg::spi::Statement lock(
        "SELECT order_number, status, warehouse_id, reserved_at IS NOT NULL FROM sales.orders "
        "WHERE id = $1 FOR NO KEY UPDATE",
        {UUIDOID});
    if (lock.execute(&order_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, "order " + pg::uuid_from_datum(order_id).to_string() + " does not exist");
    LockedOrder order;
    order.name = "order " + pg::string_from_text(pg::spi::required(0, 1));
    order.status = pg::string_from_text(pg::spi::required(0, 2));
    if (const auto warehouse = pg::spi::value(0, 3)) order.warehouse_id = pg::copy_uuid(*warehouse);
    order.reserved = DatumGetBool(pg::spi::required(0, 4));
    return order;
}

void set_reservation(Datum order_id, std::optional<Datum> warehouse_id, bool reserved) {
    static const pg::spi::Statement update(
        "UPDATE sales.orders SET warehouse_id = coalesce($2, warehouse_id), "
        "reserved_at = CASE WHEN $3 THEN now() END WHERE id = $1",
        {UUIDOID, UUIDOID, BOOLOID});
    const Datum arguments[] = {order_id, warehouse_id.value_or(0), BoolGetDatum(reserved)};
    const char nulls[] = {' ', warehouse_id ? ' ' : 'n', ' ', '\0'};
    update.execute(arguments, nulls);
}

// The stock rows of the order's demand at its warehouse, in demand order;
// a missing row is an internal inconsistency for a reserved order.
std::vector<const inventory::StockRow*> rows_for(const std::vector<niaga::StockDemand>& demand,
                                                 const std::vector<inventory::StockRow>& rows, Datum warehouse_id,
                                                 const std::string& order_name) {
    std::vector<const inventory::StockRow*> out;
    for (const niaga::StockDemand& item : demand) {
        const inventory::StockRow* row = inventory::find_row(rows, item, warehouse_id);
        if (row == nullptr)
            throw Error(sqlstate::kInternalError, order_name + " is reserved but has no stock row for " + item.sku);
        out.push_back(row);
    }
    return out;
}

// Applies `quantity_sign × q` and `reserved_sign × q` for each demanded item.
void move_stock(const std::vector<niaga::StockDemand>& demand, const std::vector<const inventory::StockRow*>& rows,
                int quantity_sign, int reserved_sign) {
    std::vector<Datum> ids;
    std::vector<int64_t> quantity_delta, reserved_delta;
    for (size_t i = 0; i < demand.size(); ++i) {
        ids.push_back(rows[i]->stock_item_id);
        quantity_delta.push_back(quantity_sign * demand[i].quantity);
        reserved_delta.push_back(reserved_sign * demand[i].quantity);
    }
    inventory::FlagScope scope(inventory::writing_reservations, true);
    inventory::change_stock(ids, quantity_delta, reserved_delta);
}

}  // namespace

namespace {

// The warehouse of lowest priority, then code, among the active live ones
// whose rows (of `rows`) cover all of `demand`; NG001 naming the short SKUs.
Datum choose_for(const std::vector<niaga::StockDemand>& demand, const std::vector<inventory::StockRow>& rows) {
    static const pg::spi::Statement warehouses(
        "SELECT id, code, priority FROM inventory.warehouses WHERE is_active AND deleted_at IS NULL "
        "ORDER BY priority, code",
        {});
    const uint64_t count = warehouses.execute(nullptr, nullptr);
    std::vector<niaga::WarehouseStock> candidates;
    for (uint64_t row = 0; row < count; ++row) {
        niaga::WarehouseStock candidate;
        const Datum id = pg::spi::required(row, 1);
        candidate.warehouse_id = pg::uuid_from_datum(id);
        candidate.code = pg::string_from_text(pg::spi::required(row, 2));
        candidate.priority = DatumGetInt32(pg::spi::required(row, 3));
        for (const niaga::StockDemand& item : demand) {
            const inventory::StockRow* stock = inventory::find_row(rows, item, id);
            candidate.available.push_back(stock == nullptr ? 0 : stock->quantity - stock->reserved);
        }
        candidates.push_back(std::move(candidate));
    }
    return pg::datum_from_uuid(niaga::choose_warehouse(demand, candidates).warehouse_id);
}

}  // namespace

Datum inventory::reserve_demand(const std::vector<niaga::StockDemand>& demand, const std::string& order_name) {
    // Lock every candidate row first, then decide on what is there now.
    const std::vector<inventory::StockRow> rows = inventory::lock_stock(demand, std::nullopt);
    const Datum warehouse_id = choose_for(demand, rows);
    move_stock(demand, rows_for(demand, rows, warehouse_id, order_name), 0, +1);
    return warehouse_id;
}

Datum inventory::likely_warehouse(const std::vector<niaga::StockDemand>& demand) {
    return choose_for(demand, inventory::lock_stock(demand, std::nullopt, false));
}

// inventory.reserve_order(order_id uuid) → uuid: reserves an open order's
// lines at the warehouse of lowest priority (then code) that can serve all
// of them; NG001 naming the short SKUs when none can. Reserving a reserved
// order returns its warehouse and changes nothing.
NIAGA_FUNCTION(inventory_reserve_order) {
    const Datum order_id = pg::required_argument(fcinfo, 0, "order_id");
    pg::spi::Connection spi;
    const LockedOrder order = lock_order(order_id);
    if (order.reserved) {
        spi.finish();
        return *order.warehouse_id;
    }
    if (!niaga::is_open(niaga::parse_order_status(order.status)))
        throw Error(sqlstate::kInvalidParameterValue, order.name + " is " + order.status + " and cannot be reserved");
    if (order.warehouse_id)
        throw Error(sqlstate::kInvalidParameterValue, order.name + " already released its reservation");
    const std::vector<niaga::StockDemand> demand = inventory::order_demand(order_id);
    if (demand.empty()) throw Error(sqlstate::kInvalidParameterValue, order.name + " has no lines to reserve");
    const Datum warehouse_id = inventory::reserve_demand(demand, order.name);
    set_reservation(order_id, warehouse_id, true);
    spi.finish();
    return warehouse_id;
}

// inventory.release_reservation(order_id uuid) → boolean: gives an order's
// reserved stock back (cancellation). True when there was a reservation;
// calling it again is a no-op.
NIAGA_FUNCTION(inventory_release_reservation) {
    const Datum order_id = pg::required_argument(fcinfo, 0, "order_id");
    pg::spi::Connection spi;
    const LockedOrder order = lock_order(order_id);
    niaga::require_effect(niaga::parse_order_status(order.status), &niaga::MoveEffects::release_stock, order.name,
                          "its stock is released");
    if (!order.reserved) {
        spi.finish();
        return BoolGetDatum(false);
    }
    const std::vector<niaga::StockDemand> demand = inventory::order_demand(order_id);
    const std::vector<inventory::StockRow> rows = inventory::lock_stock(demand, order.warehouse_id);
    move_stock(demand, rows_for(demand, rows, *order.warehouse_id, order.name), 0, -1);
    set_reservation(order_id, std::nullopt, false);
    spi.finish();
    return BoolGetDatum(true);
}

// inventory.ship_reservation(order_id uuid) → uuid: the reserved goods leave
// the warehouse (movements `sale`; quantity and reserved both drop).
NIAGA_FUNCTION(inventory_ship_reservation) {
    const Datum order_id = pg::required_argument(fcinfo, 0, "order_id");
    pg::spi::Connection spi;
    const LockedOrder order = lock_order(order_id);
    niaga::require_effect(niaga::parse_order_status(order.status), &niaga::MoveEffects::ship_stock, order.name,
                          "its stock is shipped");
    if (!order.reserved) throw Error(sqlstate::kInvalidParameterValue, order.name + " holds no reservation to ship");
    const std::vector<niaga::StockDemand> demand = inventory::order_demand(order_id);
    const std::vector<inventory::StockRow> rows = inventory::lock_stock(demand, order.warehouse_id);
    const inventory::MovementContext movement{"sale", "order", order_id, std::nullopt};
    {
        inventory::MovementScope scope(inventory::current_movement, &movement);
        move_stock(demand, rows_for(demand, rows, *order.warehouse_id, order.name), -1, -1);
    }
    set_reservation(order_id, std::nullopt, false);
    spi.finish();
    return *order.warehouse_id;
}

// inventory.restock_order(order_id uuid) → boolean: puts a shipped order's
// goods back into the warehouse that shipped them (movements `return`).
// True when it restocked; an order already restocked is left alone.
NIAGA_FUNCTION(inventory_restock_order) {
    const Datum order_id = pg::required_argument(fcinfo, 0, "order_id");
    static const pg::spi::Statement already(
        "SELECT 1 FROM inventory.stock_movements WHERE reference_type = 'order' AND reference_id = $1 "
        "AND type = 'return' LIMIT 1",
        {UUIDOID});
    static const pg::spi::Statement shipped(
        "SELECT 1 FROM inventory.stock_movements WHERE reference_type = 'order' AND reference_id = $1 "
        "AND type = 'sale' LIMIT 1",
        {UUIDOID});
    pg::spi::Connection spi;
    const LockedOrder order = lock_order(order_id);
    niaga::require_effect(niaga::parse_order_status(order.status), &niaga::MoveEffects::refund, order.name,
                          "its stock is restocked");
    if (!order.warehouse_id || shipped.execute(&order_id, nullptr, 1) == 0)
        throw Error(sqlstate::kInvalidParameterValue, order.name + " was never shipped: nothing to restock");
    if (already.execute(&order_id, nullptr, 1) > 0) {
        spi.finish();
        return BoolGetDatum(false);
    }
    const std::vector<niaga::StockDemand> demand = inventory::order_demand(order_id);
    const std::vector<inventory::StockRow> rows = inventory::lock_stock(demand, order.warehouse_id);
    const inventory::MovementContext movement{"return", "order", order_id, std::nullopt};
    {
        inventory::MovementScope scope(inventory::current_movement, &movement);
        move_stock(demand, rows_for(demand, rows, *order.warehouse_id, order.name), +1, 0);
    }
    spi.finish();
    return BoolGetDatum(true);
}
