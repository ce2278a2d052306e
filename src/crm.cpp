// crm entry points: the one-default-address rule.
#include "pg/convert.hpp"
#include "pg/guard.hpp"
#include "pg/spi.hpp"
#include "pg/trigger.hpp"

namespace pg = niaga::pg;

// BEFORE INSERT OR UPDATE OF is_default ... WHEN (NEW.is_default): the new
// default address clears the user's previous one. The user row is locked
// first so that two addresses made default at once queue up instead of
// colliding on the one-default unique index.
NIAGA_FUNCTION(crm_clear_other_default_addresses) {
    TriggerData* data = pg::trigger::expect(fcinfo, "crm.clear_other_default_addresses", pg::trigger::Timing::kBefore,
                                            pg::trigger::Level::kRow, pg::trigger::kInsert | pg::trigger::kUpdate);
    HeapTuple row = pg::trigger::new_row(data);
    const std::optional<Datum> user_id = pg::trigger::column(data, row, "user_id", UUIDOID);
    const std::optional<Datum> id = pg::trigger::column(data, row, "id", UUIDOID);
    if (!user_id || !id) return PointerGetDatum(row);

    static const pg::spi::Statement lock_user("SELECT 1 FROM auth.users WHERE id = $1 FOR NO KEY UPDATE", {UUIDOID});
    static const pg::spi::Statement clear_default(
        "UPDATE crm.addresses SET is_default = false WHERE user_id = $1 AND id <> $2 AND is_default",
        {UUIDOID, UUIDOID});

    pg::spi::Connection spi;
    const Datum arguments[] = {*user_id, *id};
    lock_user.execute(arguments, nullptr, 1);
    clear_default.execute(arguments, nullptr);
    spi.finish();
    return PointerGetDatum(row);
}

// AFTER INSERT OR UPDATE OF role ON auth.users FOR EACH ROW WHEN (NEW.role =
// 'customer'): every customer user has a crm.customer_profiles row.
NIAGA_FUNCTION(crm_create_customer_profile) {
    TriggerData* data = pg::trigger::expect(fcinfo, "crm.create_customer_profile", pg::trigger::Timing::kAfter,
                                            pg::trigger::Level::kRow, pg::trigger::kInsert | pg::trigger::kUpdate);
    const Datum user_id = pg::trigger::required_column(data, pg::trigger::new_row(data), "id", UUIDOID);
    static const pg::spi::Statement create(
        "INSERT INTO crm.customer_profiles (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING", {UUIDOID});
    pg::spi::Connection spi;
    create.execute(&user_id, nullptr);
    spi.finish();
    return PointerGetDatum(nullptr);
}
