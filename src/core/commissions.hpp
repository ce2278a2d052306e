// Agent commissions (SPEC.md §9): accrual down the upline, reversal and
// clawback, targets, payouts.
#pragma once

#include "core/money.hpp"
#include "core/uuid.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace niaga {

// An agent as accrual sees it: earning only when active and not deleted.
struct AgentStanding {
    Uuid id;
    Rate commission_rate;
    bool earns = true;  // is_active and not soft-deleted
};

struct Accrual {
    Uuid agent_id;
    int level = 0;  // 0 = the selling agent
    Rate rate;
    Money base;
    Money amount;
};

// round(base × rate / 100), half away from zero.
Money commission_amount(Money base, Rate rate);

// The accruals of an order: level 0 for the selling agent at its own rate,
// and for each level L of `override_rates` the upline agent at level L
// (upline[L-1]) at the override rate. An agent that does not earn gets
// nothing, and its level is not passed further up. Zero amounts are kept
// (one row per (order, agent, level) whatever the rate).
std::vector<Accrual> accrue(Money base, const AgentStanding& seller, const std::vector<AgentStanding>& upline,
                            const std::map<int, Rate>& override_rates);

enum class CommissionStatus { kPending, kApproved, kPaid, kCancelled };
CommissionStatus parse_commission_status(std::string_view status);

// What reversing an accrual (its order cancelled or refunded) does.
enum class Reversal {
    kNothing,   // already cancelled
    kCancel,    // not paid and in no payout: cancelled
    kClawback,  // paid, or promised in a payout: a negative pending row
};
Reversal reversal_of(CommissionStatus status, bool in_payout);

// A sales target and what it has achieved so far.
struct Target {
    std::optional<Money> target_amount;
    std::optional<int64_t> target_orders;
    Money achieved_amount;
    int64_t achieved_orders = 0;
    std::string_view status;  // active, achieved, missed
};

// The target after counting (`sign` = +1) or uncounting (−1) a delivered
// order of `base`; returns the new status: `achieved` when every target that
// is set (at least one) is met, back to `active` when an achieved target no
// longer is; `missed` stays.
std::string_view count_order(Target& target, Money base, int sign);

// The amount of a payout gathering `amounts`; 22023 when there is nothing
// to pay or the sum is not positive.
Money payout_amount(const std::vector<Money>& amounts);

}  // namespace niaga
