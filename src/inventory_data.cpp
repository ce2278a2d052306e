#include "inventory_data.hpp"

#include "core/error.hpp"
#include "pg/arrays.hpp"
#include "pg/convert.hpp"
#include "pg/guard.hpp"
#include "pg/spi.hpp"

namespace niaga::inventory {

namespace spi = pg::spi;

namespace {

std::optional<Datum> optional_uuid(uint64_t row, int column) {
    const std::optional<Datum> value = spi::value(row, column);
    if (!value) return std::nullopt;
    return pg::copy_uuid(*value);
}

bool same_uuid(Datum a, Datum b) { return pg::uuid_from_datum(a) == pg::uuid_from_datum(b); }

bool same_variant(const std::optional<Datum>& a, const std::optional<Uuid>& b) {
    if (!a || !b) return !a && !b;
    return pg::uuid_from_datum(*a) == *b;
}

}  // namespace

std::vector<StockRow> lock_stock(const std::vector<StockDemand>& demand, std::optional<Datum> warehouse_id,
                                 bool lock_rows) {
#define NIAGA_STOCK_ROWS                                                                                       \
    "SELECT s.id, s.warehouse_id, s.product_id, s.variant_id, s.quantity, s.reserved_quantity "                \
    "FROM inventory.stock_items s "                                                                            \
    "JOIN inventory.warehouses w ON w.id = s.warehouse_id "                                                    \
    "JOIN unnest($1::uuid[], $2::uuid[]) AS d(product_id, variant_id) "                                        \
    "  ON s.product_id = d.product_id AND s.variant_id IS NOT DISTINCT FROM d.variant_id "                     \
    "WHERE CASE WHEN $3::uuid IS NULL THEN w.is_active AND w.deleted_at IS NULL ELSE s.warehouse_id = $3 END " \
    "ORDER BY s.id"
    static const spi::Statement lock(NIAGA_STOCK_ROWS " FOR NO KEY UPDATE OF s", {UUIDARRAYOID, UUIDARRAYOID, UUIDOID});
    static const spi::Statement read(NIAGA_STOCK_ROWS, {UUIDARRAYOID, UUIDARRAYOID, UUIDOID});
#undef NIAGA_STOCK_ROWS
    std::vector<Datum> products, variants;
    std::vector<bool> variant_nulls;
    for (const StockDemand& item : demand) {
        products.push_back(pg::datum_from_uuid(item.product_id));
        variants.push_back(item.variant_id ? pg::datum_from_uuid(*item.variant_id) : Datum(0));
        variant_nulls.push_back(!item.variant_id);
    }
    const Datum arguments[] = {pg::datum_array(products, UUIDOID),
                               pg::datum_array_with_nulls(variants, variant_nulls, UUIDOID), warehouse_id.value_or(0)};
    const char nulls[] = {' ', ' ', warehouse_id ? ' ' : 'n', '\0'};
    const uint64_t rows = (lock_rows ? lock : read).execute(arguments, nulls);
    std::vector<StockRow> out;
    out.reserve(rows);
    for (uint64_t row = 0; row < rows; ++row) {
        out.push_back(StockRow{pg::copy_uuid(spi::required(row, 1)), pg::copy_uuid(spi::required(row, 2)),
                               pg::copy_uuid(spi::required(row, 3)), optional_uuid(row, 4),
                               DatumGetInt32(spi::required(row, 5)), DatumGetInt32(spi::required(row, 6))});
    }
    return out;
}

void change_stock(const std::vector<Datum>& ids, const std::vector<int64_t>& quantity_delta,
                  const std::vector<int64_t>& reserved_delta) {
    static const spi::Statement change(
        "UPDATE inventory.stock_items s SET quantity = s.quantity + d.quantity_delta, "
        "reserved_quantity = s.reserved_quantity + d.reserved_delta "
        "FROM unnest($1::uuid[], $2::int8[], $3::int8[]) AS d(id, quantity_delta, reserved_delta) WHERE s.id = d.id",
        {UUIDARRAYOID, INT8ARRAYOID, INT8ARRAYOID});
    const Datum arguments[] = {pg::datum_array(ids, UUIDOID), pg::int8_array(quantity_delta),
                               pg::int8_array(reserved_delta)};
    change.execute(arguments, nullptr);
}

std::vector<StockDemand> order_demand(Datum order_id) {
    static const spi::Statement read(
        "SELECT product_id, variant_id, sku, quantity FROM sales.order_items WHERE order_id = $1 ORDER BY id",
        {UUIDOID});
    const uint64_t rows = read.execute(&order_id, nullptr);
    std::vector<StockDemand> lines;
    for (uint64_t row = 0; row < rows; ++row) {
        StockDemand line;
        line.product_id = pg::uuid_from_datum(spi::required(row, 1));
        if (const auto variant = spi::value(row, 2)) line.variant_id = pg::uuid_from_datum(*variant);
        line.sku = pg::string_from_text(spi::required(row, 3));
        line.quantity = DatumGetInt32(spi::required(row, 4));
        lines.push_back(line);
    }
    return merge_demand(lines);
}

std::string require_item(Datum product_id, std::optional<Datum> variant_id) {
    static const spi::Statement product("SELECT sku FROM catalog.products WHERE id = $1 AND deleted_at IS NULL",
                                        {UUIDOID});
    static const spi::Statement variant(
        "SELECT sku FROM catalog.product_variants WHERE id = $1 AND product_id = $2 AND deleted_at IS NULL",
        {UUIDOID, UUIDOID});
    if (product.execute(&product_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound,
                    "product " + pg::uuid_from_datum(product_id).to_string() + " does not exist");
    std::string sku = pg::string_from_text(spi::required(0, 1));
    if (variant_id) {
        const Datum arguments[] = {*variant_id, product_id};
        if (variant.execute(arguments, nullptr, 1) == 0)
            throw Error(sqlstate::kNoDataFound, "variant " + pg::uuid_from_datum(*variant_id).to_string() +
                                                    " of product " + sku + " does not exist");
        sku = pg::string_from_text(spi::required(0, 1));
    }
    return sku;
}

std::string require_warehouse(Datum warehouse_id) {
    static const spi::Statement read("SELECT code FROM inventory.warehouses WHERE id = $1 AND deleted_at IS NULL",
                                     {UUIDOID});
    if (read.execute(&warehouse_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound,
                    "warehouse " + pg::uuid_from_datum(warehouse_id).to_string() + " does not exist");
    return pg::string_from_text(spi::required(0, 1));
}

const StockRow* find_row(const std::vector<StockRow>& rows, const StockDemand& demand, Datum warehouse_id) {
    for (const StockRow& row : rows)
        if (same_uuid(row.warehouse_id, warehouse_id) && pg::uuid_from_datum(row.product_id) == demand.product_id &&
            same_variant(row.variant_id, demand.variant_id))
            return &row;
    return nullptr;
}

}  // namespace niaga::inventory
