// The shared library's identity: the magic block, settings, niaga.version().
#include "core/version.hpp"
#include "pg/guard.hpp"
#include "pg/settings.hpp"

extern "C" {
PG_MODULE_MAGIC;

PGDLLEXPORT void _PG_init(void);

void _PG_init(void) { niaga::pg::define_settings(); }
}

// niaga.version() → text: the version of the loaded library.
NIAGA_FUNCTION(niaga_version) {
    return niaga::pg::call([] { return PointerGetDatum(cstring_to_text(niaga::kVersion)); });
}
