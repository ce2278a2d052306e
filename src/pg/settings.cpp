#include "pg/settings.hpp"

#include "core/uuid.hpp"
#include "pg/convert.hpp"
#include "pg/guard.hpp"

#include <cstring>
#include <string>

extern "C" {
#include "pgtime.h"
#include "utils/acl.h"
#include "utils/guc.h"
}

namespace niaga::pg {

namespace {

char* actor_id_setting = nullptr;
// A value SET before the library was loaded is only checked when the
// setting is defined, and PostgreSQL then drops a bad one with a WARNING.
// Remember it, so that the first write that needs the actor refuses it
// instead of recording no actor.
char dropped_actor_id[128] = "";
char* timezone_setting = nullptr;
char* user_id_setting = nullptr;
constexpr const char* kDefaultTimezone = "Asia/Kuala_Lumpur";

// Refuses a niaga.actor_id that is not empty and not a uuid, at SET time.
bool check_actor_id(char** value, void**, GucSource) {
    if (*value == nullptr || (*value)[0] == '\0' || parse_uuid(*value)) return true;
    GUC_check_errcode(ERRCODE_INVALID_PARAMETER_VALUE);
    GUC_check_errdetail("niaga.actor_id must be a uuid (an auth.users id) or empty.");
    return false;
}

// Refuses a niaga.user_id that is not empty and not a uuid.
bool check_user_id(char** value, void**, GucSource) {
    if (*value == nullptr || (*value)[0] == '\0' || parse_uuid(*value)) return true;
    GUC_check_errcode(ERRCODE_INVALID_PARAMETER_VALUE);
    GUC_check_errdetail("niaga.user_id must be a uuid (an auth.users id) or empty.");
    return false;
}

// Refuses a niaga.timezone that PostgreSQL does not know as a zone name.
bool check_timezone(char** value, void**, GucSource) {
    if (*value != nullptr && (*value)[0] != '\0' && pg_tzset(*value) != nullptr) return true;
    GUC_check_errcode(ERRCODE_INVALID_PARAMETER_VALUE);
    GUC_check_errdetail("niaga.timezone must be a time zone name such as Asia/Kuala_Lumpur.");
    return false;
}

// Any new value (a SET, a RESET, the end of a SET LOCAL) replaces a
// dropped one.
void assign_actor_id(const char*, void*) { dropped_actor_id[0] = '\0'; }

}  // namespace

void define_settings() {
    const char* before_load = GetConfigOption("niaga.actor_id", true, false);
    char pending[sizeof dropped_actor_id] = "";
    if (before_load != nullptr && before_load[0] != '\0' && !parse_uuid(before_load))
        snprintf(pending, sizeof pending, "%s", before_load);
    DefineCustomStringVariable("niaga.timezone",
                               "Time zone of the business date in order, transfer and payout numbers.",
                               "Also the zone of agent target periods. Only superusers may change it.",
                               &timezone_setting, kDefaultTimezone, PGC_SUSET, 0, check_timezone, nullptr, nullptr);
    DefineCustomStringVariable("niaga.actor_id", "The user (auth.users id) on whose behalf changes are made.",
                               "Recorded as created_by in order status history and changed_by in price history.",
                               &actor_id_setting, "", PGC_USERSET, 0, check_actor_id, assign_actor_id, nullptr);
    std::memcpy(dropped_actor_id, pending, sizeof pending);
    DefineCustomStringVariable("niaga.user_id", "The end user a niaga_shopper session acts for.",
                               "Row-level security gives niaga_shopper only this user's rows; other roles ignore it.",
                               &user_id_setting, "", PGC_USERSET, 0, check_user_id, nullptr, nullptr);
    MarkGUCPrefixReserved("niaga");
}

std::optional<Datum> actor_id() {
    if (dropped_actor_id[0] != '\0')
        throw Error(sqlstate::kInvalidParameterValue,
                    std::string("niaga.actor_id \"") + dropped_actor_id + "\" is not a uuid (an auth.users id)");
    if (actor_id_setting == nullptr || actor_id_setting[0] == '\0') return std::nullopt;
    const std::optional<Uuid> actor = parse_uuid(actor_id_setting);
    if (!actor) return std::nullopt;  // unreachable: check_actor_id refused it
    return datum_from_uuid(*actor);
}

ShopperContext shopper_context() {
    ShopperContext context;
    const Oid shopper = call([] { return get_role_oid("niaga_shopper", true); });
    if (shopper == InvalidOid) return context;
    // The outer user: who called, not the owner a SECURITY DEFINER function
    // runs as. Membership without superuser shortcuts.
    context.is_shopper = call([&] { return is_member_of_role_nosuper(GetOuterUserId(), shopper); });
    if (context.is_shopper && user_id_setting != nullptr && user_id_setting[0] != '\0')
        if (const std::optional<Uuid> user = parse_uuid(user_id_setting)) context.user_id = datum_from_uuid(*user);
    return context;
}

void require_shopper_owns(const ShopperContext& shopper, std::optional<Datum> owner, const std::string& what) {
    if (!shopper.is_shopper || !owner) return;
    if (!shopper.user_id || uuid_from_datum(*shopper.user_id) != uuid_from_datum(*owner))
        throw Error(sqlstate::kInsufficientPrivilege, "permission denied: " + what + " belongs to another user");
}

BusinessDate business_date() {
    const char* zone = timezone_setting != nullptr ? timezone_setting : kDefaultTimezone;
    pg_tz* tz = call([&] { return pg_tzset(zone); });
    if (tz == nullptr) throw Error(sqlstate::kInvalidParameterValue, std::string("unknown niaga.timezone ") + zone);
    struct pg_tm tm;
    fsec_t fsec;
    int offset;
    const TimestampTz now = GetCurrentTransactionStartTimestamp();
    const int failed = call([&] { return timestamp2tm(now, &offset, &tm, &fsec, nullptr, tz); });
    if (failed != 0) throw Error(sqlstate::kNumericValueOutOfRange, "timestamp out of range for the business date");
    return BusinessDate{tm.tm_year, tm.tm_mon, tm.tm_mday};
}

}  // namespace niaga::pg
