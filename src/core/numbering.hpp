// Document numbers (SPEC.md §3): PREFIX-YYYYMMDD-NNNNNN, the counter
// zero-padded to at least six digits and never truncated.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace niaga {

// A calendar date in the business time zone (niaga.timezone).
struct BusinessDate {
    int year;
    int month;
    int day;
};

// "ORD-20261126-000042"; the millionth is "ORD-20261126-1000000". Raises
// 22023 for a counter below 1 or a date outside years 1..9999.
std::string format_document_number(std::string_view prefix, const BusinessDate& date, int64_t counter);

}  // namespace niaga
