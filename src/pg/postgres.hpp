// The one place C++ includes PostgreSQL's C headers. They are C: include them
// with C linkage, or symbols such as cstring_to_text resolve to mangled names
// and the module fails at load time.
#pragma once

// Their inline functions trip -Wextra; the warnings are theirs, not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wsign-compare"
extern "C" {
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/rel.h"
#include "utils/timestamp.h"
#include "utils/uuid.h"
}
#pragma GCC diagnostic pop

// PostgreSQL's c.h defines these as macros, which break the C++ standard
// library headers included after it.
#undef gettext
#undef dgettext
#undef ngettext
#undef dngettext
