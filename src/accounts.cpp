// Accounts (SPEC.md §10): refresh-token sessions with rotation and reuse
// detection, and password resets. Tokens come from pg_strong_random and are
// returned once; only their SHA-256 is stored.
#include "pg/convert.hpp"
#include "pg/function.hpp"
#include "pg/guard.hpp"
#include "pg/spi.hpp"

#include <string>

extern "C" {
#include "port.h"
}

namespace pg = niaga::pg;
using niaga::Error;
namespace sqlstate = niaga::sqlstate;

namespace {

// 32 bytes from the operating system's strong random source, as 64 hex
// characters.
std::string new_token() {
    unsigned char bytes[32];
    if (!pg::call([&] { return pg_strong_random(bytes, sizeof bytes); }))
        throw Error(sqlstate::kInternalError, "could not generate a random token");
    static const char hex[] = "0123456789abcdef";
    std::string token;
    for (unsigned char byte : bytes) {
        token += hex[byte >> 4];
        token += hex[byte & 0xF];
    }
    return token;
}

// The stored form of a token, computed by the statements themselves.
#define NIAGA_TOKEN_HASH(parameter) "encode(sha256(convert_to(" parameter ", 'UTF8')), 'hex')"

}  // namespace

// auth.create_session(user_id uuid, user_agent text, ip_address inet, ttl
// interval DEFAULT '30 days') → text: a new refresh token, returned once.
NIAGA_FUNCTION(auth_create_session) {
    const Datum user_id = pg::required_argument(fcinfo, 0, "user_id");
    const Datum ttl = pg::required_argument(fcinfo, 3, "ttl");
    static const pg::spi::Statement user(
        "SELECT status = 'active' FROM auth.users WHERE id = $1 AND deleted_at IS NULL", {UUIDOID});
    static const pg::spi::Statement insert(
        "INSERT INTO auth.sessions (user_id, refresh_token, user_agent, ip_address, expires_at) "
        "SELECT $1, " NIAGA_TOKEN_HASH("$2") ", $3, $4, now() + $5 WHERE $5 > interval '0'",
        {UUIDOID, TEXTOID, TEXTOID, INETOID, INTERVALOID});
    pg::spi::Connection spi;
    if (user.execute(&user_id, nullptr, 1) == 0)
        throw Error(sqlstate::kNoDataFound, "user " + pg::uuid_from_datum(user_id).to_string() + " does not exist");
    if (!DatumGetBool(pg::spi::required(0, 1)))
        throw Error(sqlstate::kInvalidParameterValue,
                    "user " + pg::uuid_from_datum(user_id).to_string() + " is not active");
    const std::string token = new_token();
    const Datum values[] = {user_id, pg::text_from_string(token), PG_ARGISNULL(1) ? Datum(0) : PG_GETARG_DATUM(1),
                            PG_ARGISNULL(2) ? Datum(0) : PG_GETARG_DATUM(2), ttl};
    const char nulls[] = {' ', ' ', PG_ARGISNULL(1) ? 'n' : ' ', PG_ARGISNULL(2) ? 'n' : ' ', ' ', '\0'};
    if (insert.execute(values, nulls) == 0) throw Error(sqlstate::kInvalidParameterValue, "ttl must be positive");
    spi.finish();
    return pg::text_from_string(token);
}

// auth.refresh_session(token text) → TABLE(user_id uuid, token text): rotates
// a live token. Unknown, expired or revoked, or its user no longer active:
// no row. A token that was already
// rotated is being replayed: every session of its user is revoked (and
// committed, since nothing is raised), and no row is returned.
NIAGA_FUNCTION(auth_refresh_session) {
    static const pg::spi::Statement find(
        "SELECT s.id, s.user_id, s.rotated_at IS NOT NULL, "
        "  s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active' AND u.deleted_at IS NULL, "
        "  s.expires_at - s.created_at, s.user_agent, s.ip_address "
        "FROM auth.sessions s JOIN auth.users u ON u.id = s.user_id "
        "WHERE s.refresh_token = " NIAGA_TOKEN_HASH("$1") " FOR UPDATE OF s",
        {TEXTOID});
    static const pg::spi::Statement revoke_all(
        "UPDATE auth.sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL", {UUIDOID});
    static const pg::spi::Statement rotate(
        "UPDATE auth.sessions SET rotated_at = now(), revoked_at = now() WHERE id = $1", {UUIDOID});
    static const pg::spi::Statement insert(
        "INSERT INTO auth.sessions (user_id, refresh_token, user_agent, ip_address, expires_at) "
        "VALUES ($1, " NIAGA_TOKEN_HASH("$2") ", $3, $4, now() + $5)",
        {UUIDOID, TEXTOID, TEXTOID, INETOID, INTERVALOID});
    std::optional<std::string> new_token_text;
    std::optional<Datum> user_id;
    if (!PG_ARGISNULL(0)) {
        pg::spi::Connection spi;
        const Datum token = PG_GETARG_DATUM(0);
        if (find.execute(&token, nullptr, 1) > 0) {
            const Datum session_id = pg::copy_uuid(pg::spi::required(0, 1));
            const Datum user = pg::copy_uuid(pg::spi::required(0, 2));
            const bool replayed = DatumGetBool(pg::spi::required(0, 3));
            const bool live = DatumGetBool(pg::spi::required(0, 4));
            if (replayed) {
                revoke_all.execute(&user, nullptr);
            } else if (live) {
                const Datum lifetime = pg::spi::required(0, 5);
                const std::optional<Datum> agent = pg::spi::value(0, 6);
                const std::optional<Datum> address = pg::spi::value(0, 7);
                new_token_text = new_token();
                const Datum values[] = {user, pg::text_from_string(*new_token_text), agent.value_or(0),
                                        address.value_or(0), lifetime};
                const char nulls[] = {' ', ' ', agent ? ' ' : 'n', address ? ' ' : 'n', ' ', '\0'};
                rotate.execute(&session_id, nullptr);
                insert.execute(values, nulls);
                user_id = user;
            }
        }
        spi.finish();
    }
    pg::ResultRows rows(fcinfo);
    if (user_id) rows.add({*user_id, pg::text_from_string(*new_token_text)});
    return Datum(0);
}

// auth.revoke_session(token text) → boolean: true when a live session ended.
NIAGA_FUNCTION(auth_revoke_session) {
    if (PG_ARGISNULL(0)) return BoolGetDatum(false);
    static const pg::spi::Statement revoke(
        "UPDATE auth.sessions SET revoked_at = now() WHERE refresh_token = " NIAGA_TOKEN_HASH(
            "$1") " AND revoked_at IS NULL",
        {TEXTOID});
    const Datum token = PG_GETARG_DATUM(0);
    pg::spi::Connection spi;
    const bool revoked = revoke.execute(&token, nullptr) > 0;
    spi.finish();
    return BoolGetDatum(revoked);
}

// auth.create_password_reset(email text) → text: a reset token valid one
// hour, or NULL for an email no live user has (the caller answers the same
// either way).
NIAGA_FUNCTION(auth_create_password_reset) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    static const pg::spi::Statement user(
        "SELECT id FROM auth.users WHERE lower(email) = lower($1) AND deleted_at IS NULL AND status = 'active'",
        {TEXTOID});
    static const pg::spi::Statement insert(
        "INSERT INTO auth.password_resets (user_id, token, expires_at) "
        "VALUES ($1, " NIAGA_TOKEN_HASH("$2") ", now() + interval '1 hour')",
        {UUIDOID, TEXTOID});
    const Datum email = PG_GETARG_DATUM(0);
    pg::spi::Connection spi;
    if (user.execute(&email, nullptr, 1) == 0) {
        spi.finish();
        PG_RETURN_NULL();
    }
    const Datum user_id = pg::copy_uuid(pg::spi::required(0, 1));
    const std::string token = new_token();
    const Datum values[] = {user_id, pg::text_from_string(token)};
    insert.execute(values, nullptr);
    spi.finish();
    return pg::text_from_string(token);
}

// auth.consume_password_reset(token text) → uuid: the user whose password
// may now be set; single use. Unknown, expired or used: 22023, the same
// message for each.
NIAGA_FUNCTION(auth_consume_password_reset) {
    static const pg::spi::Statement consume(
        "UPDATE auth.password_resets SET used_at = now() WHERE token = " NIAGA_TOKEN_HASH(
            "$1") " AND used_at IS NULL AND expires_at > now() RETURNING user_id",
        {TEXTOID});
    if (PG_ARGISNULL(0)) throw Error(sqlstate::kInvalidParameterValue, "invalid or expired password reset token");
    const Datum token = PG_GETARG_DATUM(0);
    pg::spi::Connection spi;
    if (consume.execute(&token, nullptr, 1) == 0)
        throw Error(sqlstate::kInvalidParameterValue, "invalid or expired password reset token");
    const Datum user_id = pg::copy_uuid(pg::spi::required(0, 1));
    spi.finish();
    return user_id;
}
