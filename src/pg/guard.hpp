// The boundary between C++ and PostgreSQL error handling, written once.
//
// PostgreSQL reports errors with ereport(), which longjmps: it skips the
// destructors of every C++ frame it crosses. C++ reports errors with
// exceptions, which PostgreSQL cannot catch. So:
//   - every SQL-callable function is declared with NIAGA_FUNCTION, whose body
//     runs inside guard(): any exception becomes one ereport, raised after the
//     catch block has ended and every C++ object is gone;
//   - C++ code that calls a PostgreSQL function that can fail does it through
//     pg::call(), which turns the PostgreSQL error into a PgError exception
//     that unwinds C++ normally and is re-raised unchanged by guard().
// A PgError must never be swallowed: the transaction state behind it is
// only safe to abort.
#pragma once

#include "core/error.hpp"
#include "pg/postgres.hpp"

#include <exception>
#include <type_traits>

namespace niaga::pg {

// A PostgreSQL error caught inside C++, on its way back to guard().
class PgError : public std::exception {
  public:
    explicit PgError(ErrorData* data) : data_(data) {}
    const char* what() const noexcept override { return data_->message ? data_->message : "PostgreSQL error"; }
    ErrorData* data() const noexcept { return data_; }

  private:
    ErrorData* data_;
};

[[noreturn]] void throw_current_pg_error(MemoryContext context);

// Runs f, which calls PostgreSQL and may ereport, and turns an error into a
// PgError. f's own frame must hold no object with a destructor, and its
// result must be a plain value (Datum, pointer, integer).
template <typename F>
auto call(F&& f) -> decltype(f()) {
    using Result = decltype(f());
    static_assert(std::is_void_v<Result> || std::is_trivially_destructible_v<Result>,
                  "pg::call results cross a longjmp and must be plain values");
    MemoryContext context = CurrentMemoryContext;
    bool failed = false;
    if constexpr (std::is_void_v<Result>) {
        PG_TRY();
        { f(); }
        PG_CATCH();
        { failed = true; }
        PG_END_TRY();
        if (failed) throw_current_pg_error(context);
    } else {
        Result result{};
        PG_TRY();
        { result = f(); }
        PG_CATCH();
        { failed = true; }
        PG_END_TRY();
        if (failed) throw_current_pg_error(context);
        return result;
    }
}

// Runs an entry point's body and reports any exception through ereport.
Datum guard(FunctionCallInfo fcinfo, Datum (*body)(FunctionCallInfo));

}  // namespace niaga::pg

// Declares an SQL-callable C function `name` whose body (the block that
// follows) runs inside niaga::pg::guard().
#define NIAGA_FUNCTION(name)                                                                  \
    static Datum name##_body([[maybe_unused]] FunctionCallInfo fcinfo);                       \
    extern "C" {                                                                              \
    PG_FUNCTION_INFO_V1(name);                                                                \
    }                                                                                         \
    extern "C" Datum name(PG_FUNCTION_ARGS) { return niaga::pg::guard(fcinfo, name##_body); } \
    static Datum name##_body([[maybe_unused]] FunctionCallInfo fcinfo)
