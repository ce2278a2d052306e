#include "pg/convert.hpp"

#include "pg/guard.hpp"

#include <cstring>

namespace niaga::pg {

namespace {

// numeric_out's text; palloc'd in the current memory context.
const char* numeric_text(Datum numeric) {
    return call([&] { return DatumGetCString(DirectFunctionCall1(numeric_out, numeric)); });
}

}  // namespace

Money money_from_numeric(Datum numeric) { return Money::parse(numeric_text(numeric)); }

Rate rate_from_numeric(Datum numeric) { return Rate::parse(numeric_text(numeric)); }

Datum numeric_from_money(Money money) {
    char text[32];
    const std::string formatted = money.to_string();
    std::memcpy(text, formatted.c_str(), formatted.size() + 1);
    return call([&] {
        return DirectFunctionCall3(numeric_in, CStringGetDatum(text), ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
    });
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
