// One-dimensional arrays between PostgreSQL and C++.
#pragma once

#include "pg/postgres.hpp"

#include <cstdint>
#include <vector>

namespace niaga::pg {

// int2[], int4[] or int8[] → integers; 22004-like error on NULL elements.
std::vector<int64_t> integers_from_array(Datum array);

// → int8[] / uuid[] / text[] (the Datums must be of that element type).
Datum int8_array(const std::vector<int64_t>& values);
Datum datum_array(const std::vector<Datum>& values, Oid element_type);
// The same with NULL elements where nulls[i] is true.
Datum datum_array_with_nulls(const std::vector<Datum>& values, const std::vector<bool>& nulls, Oid element_type);

}  // namespace niaga::pg
