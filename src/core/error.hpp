// Business and argument errors raised by the rules in src/core. Each carries
// the SQLSTATE of SPEC.md §12; the guard in src/pg turns it into ereport.
#pragma once

#include <stdexcept>
#include <string>

namespace niaga {

// A five-character SQLSTATE, kept as text so core needs no PostgreSQL macro.
struct SqlState {
    char code[6];
};

namespace sqlstate {
// PostgreSQL's own classes, for bad arguments.
inline constexpr SqlState kInvalidParameterValue{"22023"};
inline constexpr SqlState kNumericValueOutOfRange{"22003"};
inline constexpr SqlState kCheckViolation{"23514"};
inline constexpr SqlState kInsufficientPrivilege{"42501"};
inline constexpr SqlState kNoDataFound{"P0002"};
inline constexpr SqlState kInternalError{"XX000"};
inline constexpr SqlState kTriggerProtocolViolated{"39P01"};
// A write that must go through niaga's functions, or an object whose state
// forbids it (the lines of a reserved order).
inline constexpr SqlState kObjectNotInPrerequisiteState{"55000"};
inline constexpr SqlState kOutOfMemory{"53200"};
// niaga's business class NG.
inline constexpr SqlState kInsufficientStock{"NG001"};
inline constexpr SqlState kInvalidStatusTransition{"NG002"};
inline constexpr SqlState kCouponNotFound{"NG010"};
inline constexpr SqlState kCouponInactive{"NG011"};
inline constexpr SqlState kCouponNotStarted{"NG012"};
inline constexpr SqlState kCouponExpired{"NG013"};
inline constexpr SqlState kCouponMinOrderNotMet{"NG014"};
inline constexpr SqlState kCouponUsageLimitReached{"NG015"};
inline constexpr SqlState kCouponCustomerLimitReached{"NG016"};
inline constexpr SqlState kCartEmptyOrExpired{"NG020"};
inline constexpr SqlState kHierarchyCycle{"NG030"};
}  // namespace sqlstate

// An error that is the caller's to fix: the message names the bad value.
class Error : public std::runtime_error {
  public:
    Error(SqlState state, const std::string& message, std::string detail = {})
        : std::runtime_error(message), state_(state), detail_(std::move(detail)) {}

    const SqlState& state() const noexcept { return state_; }
    const std::string& detail() const noexcept { return detail_; }

  private:
    SqlState state_;
    std::string detail_;
};

}  // namespace niaga
