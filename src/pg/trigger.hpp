// Helpers for trigger functions written in C++. A trigger function can be
// attached by anyone with the right privileges to any table, at any event:
// every access here is checked, so a misattached trigger raises 39P01
// instead of reading a Datum as the wrong type (a crash).
#pragma once

#include "pg/postgres.hpp"

#include <optional>
#include <vector>

namespace niaga::pg::trigger {

enum class Timing { kBefore, kAfter };
enum class Level { kRow, kStatement };
// Events a trigger function accepts, or-ed together.
inline constexpr unsigned kInsert = 1, kUpdate = 2, kDelete = 4;

// The TriggerData of the call; 39P01 unless the function was called as a
// trigger with this timing and level, for one of `events`.
TriggerData* expect(FunctionCallInfo fcinfo, const char* function_name, Timing timing, Level level, unsigned events);

// The row a row-level trigger is about: NEW for INSERT/UPDATE, OLD for DELETE.
HeapTuple new_row(const TriggerData* data);

// Column `name` of `row`; nullopt for NULL. 39P01 when the table has no
// such column or its type is not `type` (TEXTOID accepts text and varchar).
std::optional<Datum> column(const TriggerData* data, HeapTuple row, const char* name, Oid type);

// The same for a column that must not be NULL there: 39P01 if it is.
Datum required_column(const TriggerData* data, HeapTuple row, const char* name, Oid type);

// `row` with column `name` (of type `type`, checked) replaced by `value`.
HeapTuple with_column(const TriggerData* data, HeapTuple row, const char* name, Oid type, Datum value);

// The distinct non-NULL values of uuid column `name` in the transition
// tables (new and old) of an AFTER ... FOR EACH STATEMENT trigger, in byte
// order, read straight from the tuplestores: no query to plan on every
// statement.
std::vector<Datum> transition_uuids(const TriggerData* data, const char* name);

// The trigger's argument `index` (TG_ARGV); 39P01 when missing.
const char* argument(const TriggerData* data, int index);

}  // namespace niaga::pg::trigger
