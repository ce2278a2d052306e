// Order, transfer and payout numbers (SPEC.md §3).
#include "core/numbering.hpp"
#include "pg/convert.hpp"
#include "pg/guard.hpp"
#include "pg/settings.hpp"
#include "pg/trigger.hpp"

#include <string>

namespace pg = niaga::pg;

namespace {

// PREFIX-YYYYMMDD-NNNNNN from the named sequence and today's business date.
Datum next_document_number(const char* prefix, const char* sequence) {
    const int64 counter = pg::call([&] {
        const Oid sequence_id = DatumGetObjectId(DirectFunctionCall1(regclassin, CStringGetDatum(sequence)));
        return DatumGetInt64(DirectFunctionCall1(nextval_oid, ObjectIdGetDatum(sequence_id)));
    });
    const std::string number = niaga::format_document_number(prefix, pg::business_date(), counter);
    return pg::text_from_string(number);
}

}  // namespace

// sales.next_order_number() → text.
NIAGA_FUNCTION(sales_next_order_number) { return next_document_number("ORD", "sales.order_number_seq"); }

// BEFORE INSERT FOR EACH ROW, arguments (column, prefix, sequence): fills the
// number column when it is NULL; a client-supplied number is kept.
NIAGA_FUNCTION(niaga_assign_document_number) {
    TriggerData* data = pg::trigger::expect(fcinfo, "niaga.assign_document_number", pg::trigger::Timing::kBefore,
                                            pg::trigger::Level::kRow, pg::trigger::kInsert);
    const char* column = pg::trigger::argument(data, 0);
    HeapTuple row = pg::trigger::new_row(data);
    if (pg::trigger::column(data, row, column, TEXTOID)) return PointerGetDatum(row);
    const Datum number = next_document_number(pg::trigger::argument(data, 1), pg::trigger::argument(data, 2));
    return PointerGetDatum(pg::trigger::with_column(data, row, column, TEXTOID, number));
}
