// niaga's settings (GUCs) as C++ sees them.
#pragma once

#include "pg/postgres.hpp"

#include "core/numbering.hpp"

#include <optional>

namespace niaga::pg {

// Defines niaga's settings; called once from _PG_init.
void define_settings();

// niaga.actor_id as a uuid Datum: who is making the change, for
// created_by/changed_by columns. nullopt when unset or empty; 22023 when it
// is not a uuid.
std::optional<Datum> actor_id();

// Today in the business time zone (niaga.timezone), taken from the
// transaction's start like now().
BusinessDate business_date();

}  // namespace niaga::pg
