// Conversions between PostgreSQL Datums and core's value types. Every one
// validates: a numeric that is not a whole number of sen never becomes Money.
#pragma once

#include "core/money.hpp"
#include "core/uuid.hpp"
#include "pg/postgres.hpp"

#include <string>

namespace niaga::pg {

// numeric → Money: 22023 for NaN, ±Infinity or a fraction of a sen; 22003
// when it does not fit int64 sen.
Money money_from_numeric(Datum numeric);
// Money → numeric with two decimals.
Datum numeric_from_money(Money money);
// numeric(5,2) percentage → Rate (0..100).
Rate rate_from_numeric(Datum numeric);

Uuid uuid_from_datum(Datum datum);
Datum datum_from_uuid(const Uuid& uuid);
// A uuid Datum copied into the current memory context (out of SPI's).
Datum copy_uuid(Datum uuid);

// text → std::string (copies; the Datum may be toasted).
std::string string_from_text(Datum text);
// std::string → text.
Datum text_from_string(const std::string& value);

}  // namespace niaga::pg
