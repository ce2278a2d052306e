#include "pg/convert.hpp"

#include "pg/guard.hpp"

#include <cstring>
#include <optional>

namespace niaga::pg {

namespace {

// numeric_out's text; palloc'd in the current memory context.
const char* numeric_text(Datum numeric) {
    return call([&] { return DatumGetCString(DirectFunctionCall1(numeric_out, numeric)); });
}

// Whole sen of a finite numeric with at most two decimals whose magnitude
// fits int64 sen, computed with numeric arithmetic (exact); nullopt for
// anything else, which the text path then refuses with a precise message.
// The text path is correct for every input; this one only makes the common
// case fast.
std::optional<int64_t> exact_sen(Datum numeric) {
    struct Bounds {
        Numeric hundred;
        Numeric max_ringgit;  // INT64_MAX sen, in ringgit
    };
    static Bounds* bounds = nullptr;
    return call([&]() -> std::optional<int64_t> {
        const Numeric value = DatumGetNumeric(numeric);
        if (numeric_is_nan(value) || numeric_is_inf(value)) return std::nullopt;
        if (DatumGetInt32(DirectFunctionCall1(numeric_scale, numeric)) > 2) return std::nullopt;
        if (bounds == nullptr) {
            MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);
            auto* made = static_cast<Bounds*>(palloc(sizeof(Bounds)));
            made->hundred = int64_to_numeric(100);
            made->max_ringgit = int64_div_fast_to_numeric(PG_INT64_MAX, 2);
            MemoryContextSwitchTo(old);
            bounds = made;
        }
        const Datum magnitude = DirectFunctionCall1(numeric_abs, numeric);
        if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, magnitude, NumericGetDatum(bounds->max_ringgit))) > 0)
            return std::nullopt;
        const Numeric scaled = numeric_mul_opt_error(value, bounds->hundred, nullptr);
        return DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(scaled)));
    });
}

}  // namespace

Money money_from_numeric(Datum numeric) {
    if (const std::optional<int64_t> sen = exact_sen(numeric)) return Money::from_sen(*sen);
    return Money::parse(numeric_text(numeric));
}

Rate rate_from_numeric(Datum numeric) { return Rate::parse(numeric_text(numeric)); }

Datum numeric_from_money(Money money) {
    // sen / 10^2 with display scale 2, built directly (no text round trip).
    const int64_t sen = money.sen();
    return call([&] { return NumericGetDatum(int64_div_fast_to_numeric(sen, 2)); });
}

Uuid uuid_from_datum(Datum datum) {
    Uuid uuid;
    std::memcpy(uuid.bytes.data(), DatumGetUUIDP(datum)->data, UUID_LEN);
    return uuid;
}

Datum datum_from_uuid(const Uuid& uuid) {
    pg_uuid_t* out = call([] { return static_cast<pg_uuid_t*>(palloc(sizeof(pg_uuid_t))); });
    std::memcpy(out->data, uuid.bytes.data(), UUID_LEN);
    return UUIDPGetDatum(out);
}

Datum copy_uuid(Datum uuid) { return datum_from_uuid(uuid_from_datum(uuid)); }

std::string string_from_text(Datum value) {
    text* detoasted = call([&] { return DatumGetTextPP(value); });
    return std::string(VARDATA_ANY(detoasted), VARSIZE_ANY_EXHDR(detoasted));
}

Datum text_from_string(const std::string& value) {
    return call([&] { return PointerGetDatum(cstring_to_text_with_len(value.data(), value.size())); });
}

}  // namespace niaga::pg
