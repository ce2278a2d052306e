// Helpers for trigger functions written in C++.
#pragma once

#include "pg/postgres.hpp"

#include <optional>

namespace niaga::pg::trigger {

// The TriggerData of a row-level BEFORE trigger call; 22023-like internal
// error when the function is called some other way.
TriggerData* row_before(FunctionCallInfo fcinfo, const char* function_name);

// The row the trigger is about to store: NEW for INSERT/UPDATE.
HeapTuple new_row(const TriggerData* data);

// Column `name` of `row`; nullopt for NULL. Raises when the column is missing.
std::optional<Datum> column(const TriggerData* data, HeapTuple row, const char* name);

// `row` with column `name` replaced by `value`.
HeapTuple with_column(const TriggerData* data, HeapTuple row, const char* name, Datum value);

// The trigger's first argument (TG_ARGV[0]).
const char* argument(const TriggerData* data, int index);

}  // namespace niaga::pg::trigger
