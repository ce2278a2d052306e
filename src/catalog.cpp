// catalog entry points: price history and verified-purchase reviews.
#include "pg/guard.hpp"
#include "pg/settings.hpp"
#include "pg/spi.hpp"
#include "pg/trigger.hpp"

namespace pg = niaga::pg;

// AFTER UPDATE OF <price column> FOR EACH ROW, with the price column as the
// trigger argument: records the old and new price. On product_variants
// (which has product_id) the row is the variant's; on products, the product's.
NIAGA_FUNCTION(catalog_record_price_change) {
    TriggerData* data = pg::trigger::expect(fcinfo, "catalog.record_price_change", pg::trigger::Timing::kAfter,
                                            pg::trigger::Level::kRow, pg::trigger::kUpdate);
    const char* price_column = pg::trigger::argument(data, 0);
    HeapTuple old_row = data->tg_trigtuple;
    HeapTuple new_row = data->tg_newtuple;
    const bool is_variant = pg::call([&] { return SPI_fnumber(data->tg_relation->rd_att, "product_id"); }) > 0;

    const Datum id = pg::trigger::required_column(data, new_row, "id", UUIDOID);
    const std::optional<Datum> old_price = pg::trigger::column(data, old_row, price_column, NUMERICOID);
    const std::optional<Datum> new_price = pg::trigger::column(data, new_row, price_column, NUMERICOID);
    const std::optional<Datum> actor = pg::actor_id();

    static const pg::spi::Statement insert(
        "INSERT INTO catalog.price_history (product_id, variant_id, old_price, new_price, changed_by) "
        "VALUES ($1, $2, $3, $4, $5)",
        {UUIDOID, UUIDOID, NUMERICOID, NUMERICOID, UUIDOID});
    const Datum arguments[] = {is_variant ? pg::trigger::required_column(data, new_row, "product_id", UUIDOID) : id,
                               is_variant ? id : Datum(0), old_price.value_or(0), new_price.value_or(0),
                               actor.value_or(0)};
    const char nulls[] = {' ', is_variant ? ' ' : 'n', old_price ? ' ' : 'n', new_price ? ' ' : 'n', actor ? ' ' : 'n',
                          '\0'};
    pg::spi::Connection spi;
    insert.execute(arguments, nulls);
    spi.finish();
    return PointerGetDatum(nullptr);
}

// BEFORE INSERT OR UPDATE OF user_id, product_id ON catalog.product_reviews:
// a review is a verified purchase when its author has a delivered order
// containing the product.
NIAGA_FUNCTION(catalog_verify_review_purchase) {
    TriggerData* data = pg::trigger::expect(fcinfo, "catalog.verify_review_purchase", pg::trigger::Timing::kBefore,
                                            pg::trigger::Level::kRow, pg::trigger::kInsert | pg::trigger::kUpdate);
    HeapTuple row = pg::trigger::new_row(data);
    const std::optional<Datum> user_id = pg::trigger::column(data, row, "user_id", UUIDOID);
    const std::optional<Datum> product_id = pg::trigger::column(data, row, "product_id", UUIDOID);
    if (!user_id || !product_id) return PointerGetDatum(row);

    static const pg::spi::Statement delivered(
        "SELECT 1 FROM sales.orders o JOIN sales.order_items i ON i.order_id = o.id "
        "WHERE o.user_id = $1 AND i.product_id = $2 AND o.status = 'delivered' LIMIT 1",
        {UUIDOID, UUIDOID});
    const Datum arguments[] = {*user_id, *product_id};
    pg::spi::Connection spi;
    const bool verified = delivered.execute(arguments, nullptr, 1) > 0;
    spi.finish();
    return PointerGetDatum(
        pg::trigger::with_column(data, row, "is_verified_purchase", BOOLOID, BoolGetDatum(verified)));
}
