#include "core/cpp_only.hpp"  // first: core must stay free of PostgreSQL headers
#include "core/numbering.hpp"

#include "core/error.hpp"

#include <cstdio>

namespace niaga {

namespace {

// Proleptic Gregorian, as PostgreSQL's date type; month is 1..12.
int days_in_month(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::string format_document_number(std::string_view prefix, const BusinessDate& date, int64_t counter) {
    if (counter < 1)
        throw Error(sqlstate::kInvalidParameterValue,
                    "document counter must be positive, got " + std::to_string(counter));
    if (date.year < 1 || date.year > 9999 || date.month < 1 || date.month > 12 || date.day < 1 ||
        date.day > days_in_month(date.year, date.month))
        throw Error(sqlstate::kInvalidParameterValue, "business date is out of range");
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "-%04d%02d%02d-%06lld", date.year, date.month, date.day,
                  static_cast<long long>(counter));
    return std::string(prefix) + buffer;
}

}  // namespace niaga
