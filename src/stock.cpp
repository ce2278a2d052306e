// Stock levels and the movement ledger (SPEC.md §7): receive_stock,
// adjust_stock, available, and the triggers that keep Σ movements =
// quantity for every stock item whoever changes it.
#include "inventory_data.hpp"
#include "pg/convert.hpp"
#include "pg/function.hpp"
#include "pg/guard.hpp"
#include "pg/settings.hpp"
#include "pg/spi.hpp"
#include "pg/trigger.hpp"

#include <string>

namespace pg = niaga::pg;
namespace inventory = niaga::inventory;
using niaga::Error;
namespace sqlstate = niaga::sqlstate;

namespace {

// Adds a positive `quantity` to the stock item of (warehouse, product,
// variant), creating it when missing, with the movement context given.
// Returns its id. (A negative change goes through change_stock on the
// locked row: an INSERT … ON CONFLICT checks the proposed row first.)
Datum add_stock(Datum warehouse_id, Datum product_id, std::optional<Datum> variant_id, int64_t quantity,
                const inventory::MovementContext& movement) {
    static const pg::spi::Statement upsert(
        "INSERT INTO inventory.stock_items AS s (warehouse_id, product_id, variant_id, quantity) "
        "VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (warehouse_id, product_id, variant_id) DO UPDATE SET quantity = s.quantity + EXCLUDED.quantity "
        "RETURNING s.id",
        {UUIDOID, UUIDOID, UUIDOID, INT4OID});
    const Datum arguments[] = {warehouse_id, product_id, variant_id.value_or(0),
                               Int32GetDatum(static_cast<int32>(quantity))};
    const char nulls[] = {' ', ' ', variant_id ? ' ' : 'n', ' ', '\0'};
    inventory::MovementScope scope(inventory::current_movement, &movement);
    upsert.execute(arguments, nulls, 1);
    return pg::copy_uuid(pg::spi::required(0, 1));
}

int32 quantity_argument(FunctionCallInfo fcinfo, int index, const char* name) {
    const int32 quantity = DatumGetInt32(pg::required_argument(fcinfo, index, name));
    return quantity;
}

}  // namespace

// inventory.receive_stock(warehouse_id, product_id, variant_id, quantity int,
// notes text DEFAULT NULL) → uuid: goods in from a supplier (movement
// `receive`); the stock item is created if missing.
NIAGA_FUNCTION(inventory_receive_stock) {
    const Datum warehouse_id = pg::required_argument(fcinfo, 0, "warehouse_id");
    const Datum product_id = pg::required_argument(fcinfo, 1, "product_id");
    const std::optional<Datum> variant_id = pg::optional_argument(fcinfo, 2);
    const int32 quantity = quantity_argument(fcinfo, 3, "quantity");
    if (quantity <= 0)
        throw Error(sqlstate::kInvalidParameterValue,
                    "quantity received must be greater than 0, got " + std::to_string(quantity));
    pg::spi::Connection spi;
    inventory::require_warehouse(warehouse_id);
    inventory::require_item(product_id, variant_id);
    const inventory::MovementContext movement{"receive", "receipt", std::nullopt,
                                              pg::optional_text_argument(fcinfo, 4)};
    const Datum id = add_stock(warehouse_id, product_id, variant_id, quantity, movement);
    spi.finish();
    return id;
}

// inventory.adjust_stock(warehouse_id, product_id, variant_id, delta int,
// type text DEFAULT 'adjustment', notes text DEFAULT NULL) → uuid: a count
// correction (`adjustment`, either sign) or a write-off (`damage`, negative);
// never below the reserved quantity.
NIAGA_FUNCTION(inventory_adjust_stock) {
    const Datum warehouse_id = pg::required_argument(fcinfo, 0, "warehouse_id");
    const Datum product_id = pg::required_argument(fcinfo, 1, "product_id");
    const std::optional<Datum> variant_id = pg::optional_argument(fcinfo, 2);
    const int32 delta = quantity_argument(fcinfo, 3, "delta");
    const std::string type = PG_ARGISNULL(4) ? "adjustment" : pg::string_from_text(PG_GETARG_DATUM(4));
    if (type != "adjustment" && type != "damage")
        throw Error(sqlstate::kInvalidParameterValue,
                    "adjustment type must be adjustment or damage, got \"" + type + "\"");
    if (delta == 0) throw Error(sqlstate::kInvalidParameterValue, "delta must not be 0");
    if (type == "damage" && delta > 0)
        throw Error(sqlstate::kInvalidParameterValue,
                    "damage writes stock off: delta must be negative, got " + std::to_string(delta));

    pg::spi::Connection spi;
    const std::string warehouse = inventory::require_warehouse(warehouse_id);
    const std::string sku = inventory::require_item(product_id, variant_id);
    niaga::StockDemand item;
    item.product_id = pg::uuid_from_datum(product_id);
    if (variant_id) item.variant_id = pg::uuid_from_datum(*variant_id);
    item.sku = sku;
    item.quantity = 1;
    const std::vector<inventory::StockRow> rows = inventory::lock_stock({item}, warehouse_id);
    const int64_t quantity = rows.empty() ? 0 : rows.front().quantity;
    const int64_t reserved = rows.empty() ? 0 : rows.front().reserved;
    const std::string change = "adjusting " + sku + " at " + warehouse + " by " + std::to_string(delta);
    if (quantity + delta < 0)
        throw Error(sqlstate::kCheckViolation,
                    change + " would leave " + std::to_string(quantity + delta) + " on hand");
    if (quantity + delta < reserved)
        throw Error(sqlstate::kCheckViolation, change + " would leave " + std::to_string(quantity + delta) +
                                                   " on hand, below the " + std::to_string(reserved) + " reserved");
    const inventory::MovementContext movement{type.c_str(), "adjustment", std::nullopt,
                                              pg::optional_text_argument(fcinfo, 5)};
    Datum id;
    if (rows.empty()) {
        id = add_stock(warehouse_id, product_id, variant_id, delta, movement);
    } else {
        id = rows.front().stock_item_id;
        inventory::MovementScope scope(inventory::current_movement, &movement);
        inventory::change_stock({id}, {delta}, {0});
    }
    spi.finish();
    return id;
}

// inventory.available(product_id, variant_id, warehouse_id DEFAULT NULL) →
// int: quantity − reserved, at one warehouse or summed over the active, live
// ones.
NIAGA_FUNCTION(inventory_available) {
    static const pg::spi::Statement read(
        "SELECT coalesce(sum(s.quantity - s.reserved_quantity), 0)::int8 FROM inventory.stock_items s "
        "JOIN inventory.warehouses w ON w.id = s.warehouse_id "
        "WHERE s.product_id = $1 AND s.variant_id IS NOT DISTINCT FROM $2 "
        "AND CASE WHEN $3::uuid IS NULL THEN w.is_active AND w.deleted_at IS NULL ELSE s.warehouse_id = $3 END",
        {UUIDOID, UUIDOID, UUIDOID});
    const Datum product_id = pg::required_argument(fcinfo, 0, "product_id");
    const std::optional<Datum> variant_id = pg::optional_argument(fcinfo, 1);
    const std::optional<Datum> warehouse_id = pg::optional_argument(fcinfo, 2);
    const Datum arguments[] = {product_id, variant_id.value_or(0), warehouse_id.value_or(0)};
    const char nulls[] = {' ', variant_id ? ' ' : 'n', warehouse_id ? ' ' : 'n', '\0'};
    pg::spi::Connection spi;
    read.execute(arguments, nulls, 1);
    const int64_t available = DatumGetInt64(pg::spi::required(0, 1));
    spi.finish();
    return Int32GetDatum(static_cast<int32>(available));
}

// AFTER INSERT OR UPDATE OF quantity ON inventory.stock_items FOR EACH ROW
// (when the quantity changed): writes the signed movement, so Σ movements =
// quantity for every stock item, whoever changed it.
NIAGA_FUNCTION(inventory_record_movement) {
    TriggerData* data = pg::trigger::expect(fcinfo, "inventory.record_movement", pg::trigger::Timing::kAfter,
                                            pg::trigger::Level::kRow, pg::trigger::kInsert | pg::trigger::kUpdate);
    const bool updating = TRIGGER_FIRED_BY_UPDATE(data->tg_event);
    HeapTuple row = updating ? data->tg_newtuple : data->tg_trigtuple;
    const int64_t now = DatumGetInt32(pg::trigger::required_column(data, row, "quantity", INT4OID));
    const int64_t before =
        updating ? DatumGetInt32(pg::trigger::required_column(data, data->tg_trigtuple, "quantity", INT4OID)) : 0;
    if (now == before) return PointerGetDatum(nullptr);

    const inventory::MovementContext by_hand{"adjustment", "manual", std::nullopt, std::nullopt};
    const inventory::MovementContext& movement =
        inventory::current_movement != nullptr ? *inventory::current_movement : by_hand;
    static const pg::spi::Statement insert(
        "INSERT INTO inventory.stock_movements "
        "(warehouse_id, product_id, variant_id, type, quantity, reference_type, reference_id, notes, created_by) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        {UUIDOID, UUIDOID, UUIDOID, TEXTOID, INT4OID, TEXTOID, UUIDOID, TEXTOID, UUIDOID});
    const std::optional<Datum> variant_id = pg::trigger::column(data, row, "variant_id", UUIDOID);
    const std::optional<Datum> actor = pg::actor_id();
    const Datum arguments[] = {pg::trigger::required_column(data, row, "warehouse_id", UUIDOID),
                               pg::trigger::required_column(data, row, "product_id", UUIDOID),
                               variant_id.value_or(0),
                               pg::text_from_string(movement.type),
                               Int32GetDatum(static_cast<int32>(now - before)),
                               pg::text_from_string(movement.reference_type),
                               movement.reference_id.value_or(0),
                               movement.notes ? pg::text_from_string(*movement.notes) : Datum(0),
                               actor.value_or(0)};
    const char nulls[] = {' ',
                          ' ',
                          variant_id ? ' ' : 'n',
                          ' ',
                          ' ',
                          ' ',
                          movement.reference_id ? ' ' : 'n',
                          movement.notes ? ' ' : 'n',
                          actor ? ' ' : 'n',
                          '\0'};
    pg::spi::Connection spi;
    {
        inventory::FlagScope ledger(inventory::writing_ledger, true);
        insert.execute(arguments, nulls);
    }
    spi.finish();
    return PointerGetDatum(nullptr);
}

// Guards on stock tables, by argument:
//   'reserved' (BEFORE INSERT/UPDATE of stock_items when reserved_quantity
//     changes): only niaga's reservation functions change it;
//   'ledger' (BEFORE INSERT/UPDATE/DELETE ON stock_movements, per
//     statement): the ledger is written by the stock_items trigger only;
//   'delete' (BEFORE DELETE ON stock_items when stock remains, and BEFORE
//     TRUNCATE): a stock item holding stock cannot be deleted;
//   'identity' (BEFORE UPDATE OF warehouse_id, product_id, variant_id when
//     one changes): a stock item keeps what it counts, as its ledger does.
NIAGA_FUNCTION(inventory_guard_stock) {
    if (!CALLED_AS_TRIGGER(fcinfo))
        throw Error(sqlstate::kTriggerProtocolViolated, "inventory.guard_stock must be called as a trigger");
    auto* data = reinterpret_cast<TriggerData*>(fcinfo->context);
    if (!TRIGGER_FIRED_BEFORE(data->tg_event))
        throw Error(sqlstate::kTriggerProtocolViolated, "inventory.guard_stock must be a BEFORE trigger");
    const std::string guard = pg::trigger::argument(data, 0);
    const Datum pass =
        TRIGGER_FIRED_FOR_ROW(data->tg_event)
            ? PointerGetDatum(TRIGGER_FIRED_BY_UPDATE(data->tg_event) ? data->tg_newtuple : data->tg_trigtuple)
            : PointerGetDatum(nullptr);
    if (guard == "reserved") {
        if (inventory::writing_reservations) return pass;
        throw Error(sqlstate::kObjectNotInPrerequisiteState,
                    "reserved_quantity is changed only by order reservations (inventory.reserve_order and the order "
                    "lifecycle)");
    }
    if (guard == "ledger") {
        if (inventory::writing_ledger) return pass;
        throw Error(sqlstate::kObjectNotInPrerequisiteState,
                    "inventory.stock_movements is written by niaga: change stock through inventory.receive_stock, "
                    "inventory.adjust_stock or stock_items.quantity");
    }
    if (guard == "delete")
        throw Error(sqlstate::kObjectNotInPrerequisiteState,
                    "a stock item that still holds or reserves stock cannot be deleted; adjust it to 0 first");
    if (guard == "identity")
        throw Error(sqlstate::kObjectNotInPrerequisiteState,
                    "a stock item cannot move to another warehouse, product or variant: its ledger stays with it; "
                    "transfer the stock (inventory.create_transfer) or adjust it instead");
    throw Error(sqlstate::kTriggerProtocolViolated, "unknown stock guard \"" + guard + "\"");
}
