// niaga.set_updated_at(): keeps updated_at current on every table that has it.
#include "pg/guard.hpp"
#include "pg/trigger.hpp"

namespace trigger = niaga::pg::trigger;

// BEFORE UPDATE FOR EACH ROW: NEW.updated_at := now() (transaction start,
// as now() itself and the column default give).
NIAGA_FUNCTION(niaga_set_updated_at) {
    TriggerData* data = trigger::expect(fcinfo, "niaga.set_updated_at", trigger::Timing::kBefore, trigger::Level::kRow,
                                        trigger::kUpdate);
    const Datum now = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
    return PointerGetDatum(trigger::with_column(data, trigger::new_row(data), "updated_at", TIMESTAMPTZOID, now));
}
