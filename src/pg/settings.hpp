// niaga's settings (GUCs) as C++ sees them.
#pragma once

#include "pg/postgres.hpp"

#include "core/numbering.hpp"

#include <optional>
#include <string>

namespace niaga::pg {

// Defines niaga's settings; called once from _PG_init.
void define_settings();

// niaga.actor_id as a uuid Datum: who is making the change, for
// created_by/changed_by columns. nullopt when unset or empty; 22023 when it
// is not a uuid.
std::optional<Datum> actor_id();

// When the session runs as (a member of) niaga_shopper: the end user it acts
// for, from niaga.user_id (nullopt for a guest). Not a shopper: nullopt in
// `is_shopper`.
struct ShopperContext {
    bool is_shopper = false;
    std::optional<Datum> user_id;
};
ShopperContext shopper_context();

// 42501 when a shopper session reaches for a row of another user: `owner`
// is the row's user_id (nullopt for a guest's row, which its id alone
// opens). Does nothing for other roles.
void require_shopper_owns(const ShopperContext& shopper, std::optional<Datum> owner, const std::string& what);

// Today in the business time zone (niaga.timezone), taken from the
// transaction's start like now().
BusinessDate business_date();

}  // namespace niaga::pg
