// Arguments and result rows of SQL-callable functions.
#pragma once

#include "pg/postgres.hpp"

#include <initializer_list>
#include <optional>
#include <string>

namespace niaga::pg {

// Argument `index`; 22023 "<name> must not be NULL" when it is NULL.
Datum required_argument(FunctionCallInfo fcinfo, int index, const char* name);
// Argument `index`; nullopt when NULL.
std::optional<Datum> optional_argument(FunctionCallInfo fcinfo, int index);
// A text argument as a string; nullopt when NULL.
std::optional<std::string> optional_text_argument(FunctionCallInfo fcinfo, int index);

// Whether a text argument is empty or only white space.
bool is_blank(const std::string& text);

// The rows of a set-returning function (RETURNS TABLE), in materialize mode.
class ResultRows {
  public:
    explicit ResultRows(FunctionCallInfo fcinfo);
    // One row; no column is NULL.
    void add(std::initializer_list<Datum> values);

  private:
    FunctionCallInfo fcinfo_;
};

}  // namespace niaga::pg
