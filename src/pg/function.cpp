#include "pg/function.hpp"

#include "core/error.hpp"
#include "pg/convert.hpp"
#include "pg/guard.hpp"

#include <vector>

namespace niaga::pg {

Datum required_argument(FunctionCallInfo fcinfo, int index, const char* name) {
    if (PG_ARGISNULL(index)) throw Error(sqlstate::kInvalidParameterValue, std::string(name) + " must not be NULL");
    return PG_GETARG_DATUM(index);
}

std::optional<Datum> optional_argument(FunctionCallInfo fcinfo, int index) {
    if (PG_ARGISNULL(index)) return std::nullopt;
    return PG_GETARG_DATUM(index);
}

std::optional<std::string> optional_text_argument(FunctionCallInfo fcinfo, int index) {
    if (PG_ARGISNULL(index)) return std::nullopt;
    return string_from_text(PG_GETARG_DATUM(index));
}

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

ResultRows::ResultRows(FunctionCallInfo fcinfo) : fcinfo_(fcinfo) {
    call([&] { InitMaterializedSRF(fcinfo_, 0); });
}

void ResultRows::add(std::initializer_list<Datum> values) {
    std::vector<Datum> row(values);
    std::vector<char> nulls(row.size(), 0);  // bool storage for tuplestore_putvalues
    auto* result = reinterpret_cast<ReturnSetInfo*>(fcinfo_->resultinfo);
    call([&] {
        tuplestore_putvalues(result->setResult, result->setDesc, row.data(), reinterpret_cast<bool*>(nulls.data()));
    });
}

}  // namespace niaga::pg
