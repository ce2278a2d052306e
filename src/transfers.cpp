// Stock transfers between warehouses (SPEC.md §7): create, approve,
// dispatch (stock leaves the source), receive (stock arrives), cancel. The
// workflow itself is niaga::require_transfer_move in src/core/stock.cpp.
#include "core/stock.hpp"
#include "inventory_data.hpp"
#include "pg/convert.hpp"
#include "pg/function.hpp"
#include "pg/guard.hpp"
#include "pg/settings.hpp"
#include "pg/spi.hpp"

#include <string>

namespace pg = niaga::pg;
namespace inventory = niaga::inventory;
using niaga::Error;
namespace sqlstate = niaga::sqlstate;

namespace {

struct Transfer {
    Datum id;
    std::string name;  // "transfer TRF-…"
    niaga::TransferStatus status;
    Datum from_warehouse;
    Datum to_warehouse;
};

// Locks the transfer row; P0002 when missing.
Transfer lock_transfer(Datum id) {
    static const pg::spi::Statement lock(
        "SELECT transfer_number, status, from_warehouse_id, to_warehouse_id FROM inventory.stock_transfers "
        "WHERE id = $1 FOR NO KEY UPDATE",
        {UUIDOID});
    if (lock.execute(&id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, "transfer " + pg::uuid_from_datum(id).to_string() + " does not exist");
    return Transfer{id, "transfer " + pg::string_from_text(pg::spi::required(0, 1)),
                    niaga::parse_transfer_status(pg::string_from_text(pg::spi::required(0, 2))),
                    pg::copy_uuid(pg::spi::required(0, 3)), pg::copy_uuid(pg::spi::required(0, 4))};
}

// Moves the transfer to `to` (NG002 if the workflow forbids it) and stamps
// the column that records the move.
void move_transfer(const Transfer& transfer, niaga::TransferStatus to) {
    niaga::require_transfer_move(transfer.status, to);
    static const pg::spi::Statement update(
        "UPDATE inventory.stock_transfers SET status = $2, "
        "approved_at = CASE WHEN $2 = 'approved' THEN now() ELSE approved_at END, "
        "approved_by = CASE WHEN $2 = 'approved' THEN $3 ELSE approved_by END, "
        "completed_at = CASE WHEN $2 = 'completed' THEN now() ELSE completed_at END WHERE id = $1",
        {UUIDOID, TEXTOID, UUIDOID});
    const std::optional<Datum> actor = pg::actor_id();
    const Datum arguments[] = {transfer.id, pg::text_from_string(niaga::transfer_status_name(to)), actor.value_or(0)};
    const char nulls[] = {' ', ' ', actor ? ' ' : 'n', '\0'};
    update.execute(arguments, nulls);
}

struct TransferLine {
    niaga::StockDemand item;
    Datum line_id;
    int64_t received;
};

// The transfer's lines; `received` from the JSON (by product/variant) or
// the full quantity for lines it does not name.
std::vector<TransferLine> transfer_lines(Datum transfer_id, std::optional<Datum> received) {
    static const pg::spi::Statement read(
        "SELECT i.id, i.product_id, i.variant_id, coalesce(v.sku, p.sku), i.quantity, "
        "  (SELECT r.received_quantity FROM jsonb_to_recordset(coalesce($2, '[]')) "
        "     AS r(product_id uuid, variant_id uuid, received_quantity int) "
        "   WHERE r.product_id = i.product_id AND r.variant_id IS NOT DISTINCT FROM i.variant_id LIMIT 1) "
        "FROM inventory.stock_transfer_items i JOIN catalog.products p ON p.id = i.product_id "
        "LEFT JOIN catalog.product_variants v ON v.id = i.variant_id WHERE i.transfer_id = $1 ORDER BY i.id",
        {UUIDOID, JSONBOID});
    const Datum arguments[] = {transfer_id, received.value_or(0)};
    const char nulls[] = {' ', received ? ' ' : 'n', '\0'};
    const uint64_t rows = read.execute(arguments, nulls);
    std::vector<TransferLine> lines;
    for (uint64_t row = 0; row < rows; ++row) {
        TransferLine line;
        line.line_id = pg::copy_uuid(pg::spi::required(row, 1));
        line.item.product_id = pg::uuid_from_datum(pg::spi::required(row, 2));
        if (const auto variant = pg::spi::value(row, 3)) line.item.variant_id = pg::uuid_from_datum(*variant);
        line.item.sku = pg::string_from_text(pg::spi::required(row, 4));
        line.item.quantity = DatumGetInt32(pg::spi::required(row, 5));
        const std::optional<Datum> got = pg::spi::value(row, 6);
        line.received = got ? DatumGetInt32(*got) : line.item.quantity;
        if (line.received < 0 || line.received > line.item.quantity)
            throw Error(sqlstate::kInvalidParameterValue,
                        "received_quantity of " + line.item.sku + " must be between 0 and " +
                            std::to_string(line.item.quantity) + ", got " + std::to_string(line.received));
        lines.push_back(line);
    }
    return lines;
}

// The JSON argument must be an array (of objects); 22023 otherwise.
void require_json_array(Datum json, const char* name) {
    static const pg::spi::Statement check(
        "SELECT jsonb_typeof($1) = 'array' AND NOT EXISTS "
        "(SELECT 1 FROM jsonb_array_elements($1) e WHERE jsonb_typeof(e) <> 'object')",
        {JSONBOID});
    check.execute(&json, nullptr, 1);
    if (!DatumGetBool(pg::spi::required(0, 1)))
        throw Error(sqlstate::kInvalidParameterValue, std::string(name) + " must be a JSON array of objects");
}

}  // namespace

// inventory.create_transfer(from_warehouse uuid, to_warehouse uuid, items
// jsonb, notes text DEFAULT NULL) → uuid. items: [{"product_id", "variant_id",
// "quantity"}]; lines of the same item are merged.
NIAGA_FUNCTION(inventory_create_transfer) {
    const Datum from = pg::required_argument(fcinfo, 0, "from_warehouse");
    const Datum to = pg::required_argument(fcinfo, 1, "to_warehouse");
    const Datum items = pg::required_argument(fcinfo, 2, "items");
    if (pg::uuid_from_datum(from) == pg::uuid_from_datum(to))
        throw Error(sqlstate::kInvalidParameterValue, "a transfer needs two different warehouses");
    static const pg::spi::Statement read_items(
        "SELECT product_id, variant_id, quantity FROM jsonb_to_recordset($1) "
        "AS x(product_id uuid, variant_id uuid, quantity int)",
        {JSONBOID});
    static const pg::spi::Statement insert_transfer(
        "INSERT INTO inventory.stock_transfers (from_warehouse_id, to_warehouse_id, notes, created_by) "
        "VALUES ($1, $2, $3, $4) RETURNING id",
        {UUIDOID, UUIDOID, TEXTOID, UUIDOID});
    static const pg::spi::Statement insert_line(
        "INSERT INTO inventory.stock_transfer_items (transfer_id, product_id, variant_id, quantity) "
        "VALUES ($1, $2, $3, $4)",
        {UUIDOID, UUIDOID, UUIDOID, INT4OID});

    pg::spi::Connection spi;
    inventory::require_warehouse(from);
    inventory::require_warehouse(to);
    require_json_array(items, "items");
    const uint64_t count = read_items.execute(&items, nullptr);
    std::vector<niaga::StockDemand> lines;
    for (uint64_t row = 0; row < count; ++row) {
        const std::optional<Datum> product = pg::spi::value(row, 1);
        const std::optional<Datum> quantity = pg::spi::value(row, 3);
        if (!product || !quantity)
            throw Error(sqlstate::kInvalidParameterValue,
                        "items[" + std::to_string(row) + "] needs product_id and quantity");
        niaga::StockDemand line;
        line.product_id = pg::uuid_from_datum(*product);
        if (const auto variant = pg::spi::value(row, 2)) line.variant_id = pg::uuid_from_datum(*variant);
        line.sku = "items[" + std::to_string(row) + "]";
        line.quantity = DatumGetInt32(*quantity);
        lines.push_back(line);
    }
    if (lines.empty()) throw Error(sqlstate::kInvalidParameterValue, "a transfer needs at least one item");
    const std::vector<niaga::StockDemand> demand = niaga::merge_demand(lines);
    for (const niaga::StockDemand& item : demand)
        inventory::require_item(pg::datum_from_uuid(item.product_id),
                                item.variant_id ? std::optional(pg::datum_from_uuid(*item.variant_id)) : std::nullopt);

    const std::optional<Datum> actor = pg::actor_id();
    const Datum transfer_arguments[] = {from, to, PG_ARGISNULL(3) ? Datum(0) : PG_GETARG_DATUM(3), actor.value_or(0)};
    const char transfer_nulls[] = {' ', ' ', PG_ARGISNULL(3) ? 'n' : ' ', actor ? ' ' : 'n', '\0'};
    insert_transfer.execute(transfer_arguments, transfer_nulls, 1);
    const Datum transfer_id = pg::copy_uuid(pg::spi::required(0, 1));
    for (const niaga::StockDemand& item : demand) {
        const Datum line[] = {transfer_id, pg::datum_from_uuid(item.product_id),
                              item.variant_id ? pg::datum_from_uuid(*item.variant_id) : Datum(0),
                              Int32GetDatum(static_cast<int32>(item.quantity))};
        const char line_nulls[] = {' ', ' ', item.variant_id ? ' ' : 'n', ' ', '\0'};
        insert_line.execute(line, line_nulls);
    }
    spi.finish();
    return transfer_id;
}

// inventory.approve_transfer(id uuid): pending → approved.
NIAGA_FUNCTION(inventory_approve_transfer) {
    pg::spi::Connection spi;
    move_transfer(lock_transfer(pg::required_argument(fcinfo, 0, "id")), niaga::TransferStatus::kApproved);
    spi.finish();
    PG_RETURN_VOID();
}

// inventory.dispatch_transfer(id uuid): approved → in_transit; the goods
// leave the source (movements `transfer_out`), which needs them available.
NIAGA_FUNCTION(inventory_dispatch_transfer) {
    pg::spi::Connection spi;
    const Transfer transfer = lock_transfer(pg::required_argument(fcinfo, 0, "id"));
    niaga::require_transfer_move(transfer.status, niaga::TransferStatus::kInTransit);
    std::vector<TransferLine> lines = transfer_lines(transfer.id, std::nullopt);
    std::vector<niaga::StockDemand> demand;
    for (const TransferLine& line : lines) demand.push_back(line.item);
    const std::vector<inventory::StockRow> rows = inventory::lock_stock(demand, transfer.from_warehouse);
    std::vector<Datum> ids;
    std::vector<int64_t> quantity_delta, reserved_delta;
    std::string short_skus;
    for (const niaga::StockDemand& item : demand) {
        const inventory::StockRow* row = inventory::find_row(rows, item, transfer.from_warehouse);
        const int64_t available = row == nullptr ? 0 : row->quantity - row->reserved;
        if (available < item.quantity) {
            short_skus += (short_skus.empty() ? "" : ", ") + item.sku + " (need " + std::to_string(item.quantity) +
                          ", available " + std::to_string(available) + ")";
            continue;
        }
        ids.push_back(row->stock_item_id);
        quantity_delta.push_back(-item.quantity);
        reserved_delta.push_back(0);
    }
    if (!short_skus.empty())
        throw Error(sqlstate::kInsufficientStock,
                    "insufficient stock to dispatch " + transfer.name + ": " + short_skus);
    const inventory::MovementContext movement{"transfer_out", "transfer", transfer.id, std::nullopt};
    {
        inventory::MovementScope scope(inventory::current_movement, &movement);
        inventory::change_stock(ids, quantity_delta, reserved_delta);
    }
    move_transfer(transfer, niaga::TransferStatus::kInTransit);
    spi.finish();
    PG_RETURN_VOID();
}

// inventory.receive_transfer(id uuid, received jsonb DEFAULT NULL):
// in_transit → completed; the goods arrive (movements `transfer_in`).
// received: [{"product_id", "variant_id", "received_quantity"}]; lines not
// named arrive in full; unknown keys are ignored.
NIAGA_FUNCTION(inventory_receive_transfer) {
    static const pg::spi::Statement upsert(
        "INSERT INTO inventory.stock_items AS s (warehouse_id, product_id, variant_id, quantity) "
        "VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (warehouse_id, product_id, variant_id) DO UPDATE SET quantity = s.quantity + EXCLUDED.quantity",
        {UUIDOID, UUIDOID, UUIDOID, INT4OID});
    static const pg::spi::Statement record(
        "UPDATE inventory.stock_transfer_items SET received_quantity = $2 WHERE id = $1", {UUIDOID, INT4OID});
    pg::spi::Connection spi;
    const Transfer transfer = lock_transfer(pg::required_argument(fcinfo, 0, "id"));
    niaga::require_transfer_move(transfer.status, niaga::TransferStatus::kCompleted);
    const std::optional<Datum> received = PG_ARGISNULL(1) ? std::nullopt : std::optional(PG_GETARG_DATUM(1));
    if (received) require_json_array(*received, "received");
    const std::vector<TransferLine> lines = transfer_lines(transfer.id, received);
    // Lock the destination rows that exist, in the global order, first.
    std::vector<niaga::StockDemand> demand;
    for (const TransferLine& line : lines) demand.push_back(line.item);
    inventory::lock_stock(demand, transfer.to_warehouse);
    const inventory::MovementContext movement{"transfer_in", "transfer", transfer.id, std::nullopt};
    for (const TransferLine& line : lines) {
        const Datum counted[] = {line.line_id, Int32GetDatum(static_cast<int32>(line.received))};
        record.execute(counted, nullptr);
        if (line.received == 0) continue;
        const Datum arguments[] = {transfer.to_warehouse, pg::datum_from_uuid(line.item.product_id),
                                   line.item.variant_id ? pg::datum_from_uuid(*line.item.variant_id) : Datum(0),
                                   Int32GetDatum(static_cast<int32>(line.received))};
        const char nulls[] = {' ', ' ', line.item.variant_id ? ' ' : 'n', ' ', '\0'};
        inventory::MovementScope scope(inventory::current_movement, &movement);
        upsert.execute(arguments, nulls);
    }
    move_transfer(transfer, niaga::TransferStatus::kCompleted);
    spi.finish();
    PG_RETURN_VOID();
}

// inventory.cancel_transfer(id uuid): pending | approved → cancelled.
NIAGA_FUNCTION(inventory_cancel_transfer) {
    pg::spi::Connection spi;
    move_transfer(lock_transfer(pg::required_argument(fcinfo, 0, "id")), niaga::TransferStatus::kCancelled);
    spi.finish();
    PG_RETURN_VOID();
}
