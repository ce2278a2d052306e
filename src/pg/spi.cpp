#include "pg/spi.hpp"

#include "core/error.hpp"
#include "pg/guard.hpp"

#include <string>

namespace niaga::pg::spi {

namespace {

[[noreturn]] void spi_failed(const char* what, int code) {
    throw Error(sqlstate::kInternalError, std::string(what) + " failed: " + SPI_result_code_string(code));
}

}  // namespace

Connection::Connection() {
    MemoryContext caller = CurrentMemoryContext;
    const int code = call([] { return SPI_connect(); });
    if (code != SPI_OK_CONNECT) spi_failed("SPI_connect", code);
    MemoryContextSwitchTo(caller);
}

void Connection::finish() {
    const int code = call([] { return SPI_finish(); });
    if (code != SPI_OK_FINISH) spi_failed("SPI_finish", code);
}

Statement::Statement(std::string sql, std::initializer_list<Oid> argument_types, Planning planning)
    : sql_(std::move(sql)), argument_types_(argument_types), planning_(planning) {}

uint64_t Statement::execute(const Datum* values, const char* nulls, long limit) const {
    if (plan_ == nullptr) {
        Oid* types = argument_types_.empty() ? nullptr : const_cast<Oid*>(argument_types_.data());
        const int count = static_cast<int>(argument_types_.size());
        MemoryContext caller = CurrentMemoryContext;
        const int options = planning_ == Planning::kGeneric ? CURSOR_OPT_GENERIC_PLAN : CURSOR_OPT_CUSTOM_PLAN;
        SPIPlanPtr plan = call([&] { return SPI_prepare_cursor(sql_.c_str(), count, types, options); });
        MemoryContextSwitchTo(caller);
        if (plan == nullptr) spi_failed("SPI_prepare", SPI_result);
        if (call([&] { return SPI_keepplan(plan); }) != 0) spi_failed("SPI_keepplan", SPI_result);
        plan_ = plan;
    }
    MemoryContext caller = CurrentMemoryContext;
    const int code = call([&] { return SPI_execute_plan(plan_, const_cast<Datum*>(values), nulls, false, limit); });
    MemoryContextSwitchTo(caller);
    if (code < 0) spi_failed(sql_.c_str(), code);
    return SPI_processed;
}

std::optional<Datum> value(uint64_t row, int column) {
    if (SPI_tuptable == nullptr || row >= SPI_processed || column < 1 || column > SPI_tuptable->tupdesc->natts)
        throw Error(sqlstate::kInternalError, "no row " + std::to_string(row) + ", column " + std::to_string(column) +
                                                  " in the result of a niaga query");
    bool is_null = false;
    const Datum datum =
        call([&] { return SPI_getbinval(SPI_tuptable->vals[row], SPI_tuptable->tupdesc, column, &is_null); });
    if (is_null) return std::nullopt;
    return datum;
}

Datum required(uint64_t row, int column) {
    const std::optional<Datum> datum = value(row, column);
    if (!datum)
        throw Error(sqlstate::kInternalError,
                    "unexpected NULL in column " + std::to_string(column) + " of a niaga query");
    return *datum;
}

}  // namespace niaga::pg::spi
