#include "pg/settings.hpp"

#include "core/uuid.hpp"
#include "pg/convert.hpp"

extern "C" {
#include "utils/guc.h"
}

namespace niaga::pg {

namespace {

char* actor_id_setting = nullptr;

// Refuses a niaga.actor_id that is not empty and not a uuid, at SET time.
bool check_actor_id(char** value, void**, GucSource) {
    if (*value == nullptr || (*value)[0] == '\0' || parse_uuid(*value)) return true;
    GUC_check_errcode(ERRCODE_INVALID_PARAMETER_VALUE);
    GUC_check_errdetail("niaga.actor_id must be a uuid (an auth.users id) or empty.");
    return false;
}

}  // namespace

void define_settings() {
    DefineCustomStringVariable("niaga.actor_id", "The user (auth.users id) on whose behalf changes are made.",
                               "Recorded as created_by in order status history and changed_by in price history.",
                               &actor_id_setting, "", PGC_USERSET, 0, check_actor_id, nullptr, nullptr);
    MarkGUCPrefixReserved("niaga");
}

std::optional<Datum> actor_id() {
    if (actor_id_setting == nullptr || actor_id_setting[0] == '\0') return std::nullopt;
    const std::optional<Uuid> actor = parse_uuid(actor_id_setting);
    if (!actor) return std::nullopt;  // unreachable: check_actor_id refused it
    return datum_from_uuid(*actor);
}

}  // namespace niaga::pg
