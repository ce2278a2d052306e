#include "pg/guard.hpp"

#include <new>

namespace niaga::pg {

void throw_current_pg_error(MemoryContext context) {
    // Called right after PG_CATCH: copy the error out of ErrorContext, reset
    // the error state, and carry the copy up as an exception.
    MemoryContextSwitchTo(context);
    ErrorData* data = CopyErrorData();
    FlushErrorState();
    throw PgError(data);
}

namespace {

// What guard() caught, in plain arrays: nothing here needs a destructor, so
// ereport may longjmp over this frame safely.
struct Failure {
    char sqlstate[6];
    char message[1024];
    char detail[1024];
};

void fill(Failure& failure, const char* sqlstate, const char* message, const char* detail) {
    snprintf(failure.sqlstate, sizeof failure.sqlstate, "%s", sqlstate);
    snprintf(failure.message, sizeof failure.message, "%s", message);
    snprintf(failure.detail, sizeof failure.detail, "%s", detail);
}

}  // namespace

Datum guard(FunctionCallInfo fcinfo, Datum (*body)(FunctionCallInfo)) {
    ErrorData* pg_error = nullptr;
    Failure failure;
    try {
        return body(fcinfo);
    } catch (const PgError& error) {
        pg_error = error.data();
    } catch (const niaga::Error& error) {
        fill(failure, error.state().code, error.what(), error.detail().c_str());
    } catch (const std::bad_alloc&) {
        fill(failure, sqlstate::kOutOfMemory.code, "out of memory in niaga", "");
    } catch (const std::exception& error) {
        fill(failure, sqlstate::kInternalError.code, error.what(), "");
    } catch (...) {
        fill(failure, sqlstate::kInternalError.code, "unknown C++ exception in niaga", "");
    }
    // Outside every catch block: only now is it safe to longjmp.
    if (pg_error != nullptr) ReThrowError(pg_error);
    const char* s = failure.sqlstate;
    ereport(ERROR, (errcode(MAKE_SQLSTATE(s[0], s[1], s[2], s[3], s[4])), errmsg("%s", failure.message),
                    failure.detail[0] != '\0' ? errdetail("%s", failure.detail) : 0));
    pg_unreachable();
}

}  // namespace niaga::pg
