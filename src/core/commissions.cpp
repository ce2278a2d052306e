#include "core/cpp_only.hpp"  // first: core must stay free of PostgreSQL headers
#include "core/commissions.hpp"

#include "core/error.hpp"

#include <string>

namespace niaga {

Money commission_amount(Money base, Rate rate) { return base.percent(rate); }

std::vector<Accrual> accrue(Money base, const AgentStanding& seller, const std::vector<AgentStanding>& upline,
                            const std::map<int, Rate>& override_rates) {
    base.require_non_negative("commission base");
    std::vector<Accrual> accruals;
    if (seller.earns)
        accruals.push_back(
            {seller.id, 0, seller.commission_rate, base, commission_amount(base, seller.commission_rate)});
    for (const auto& [level, rate] : override_rates) {
        if (level < 1 || static_cast<size_t>(level) > upline.size()) continue;
        const AgentStanding& agent = upline[level - 1];
        if (!agent.earns) continue;  // its level is not passed further up
        accruals.push_back({agent.id, level, rate, base, commission_amount(base, rate)});
    }
    return accruals;
}

CommissionStatus parse_commission_status(std::string_view status) {
    if (status == "pending") return CommissionStatus::kPending;
    if (status == "approved") return CommissionStatus::kApproved;
    if (status == "paid") return CommissionStatus::kPaid;
    if (status == "cancelled") return CommissionStatus::kCancelled;
    throw Error(sqlstate::kInvalidParameterValue, "unknown commission status \"" + std::string(status) + "\"");
}

Reversal reversal_of(CommissionStatus status, bool in_payout) {
    switch (status) {
        case CommissionStatus::kCancelled:
            return Reversal::kNothing;
        case CommissionStatus::kPaid:
            return Reversal::kClawback;
        case CommissionStatus::kPending:
        case CommissionStatus::kApproved:
            return in_payout ? Reversal::kClawback : Reversal::kCancel;
    }
    return Reversal::kNothing;
}

std::string_view count_order(Target& target, Money base, int sign) {
    target.achieved_amount = sign > 0 ? target.achieved_amount + base : target.achieved_amount - base;
    target.achieved_orders += sign > 0 ? 1 : -1;
    if (target.achieved_amount < Money()) target.achieved_amount = Money();
    if (target.achieved_orders < 0) target.achieved_orders = 0;
    if (target.status == "missed") return target.status;
    const bool any_set = target.target_amount || target.target_orders;
    const bool met = any_set && (!target.target_amount || target.achieved_amount >= *target.target_amount) &&
                     (!target.target_orders || target.achieved_orders >= *target.target_orders);
    target.status = met ? "achieved" : "active";
    return target.status;
}

Money payout_amount(const std::vector<Money>& amounts) {
    if (amounts.empty())
        throw Error(sqlstate::kInvalidParameterValue, "the agent has no approved commissions to pay out");
    Money total;
    for (Money amount : amounts) total += amount;
    if (total <= Money())
        throw Error(
            sqlstate::kInvalidParameterValue,
            "a payout must be positive: the agent's approved commissions and clawbacks sum to " + total.to_string());
    return total.require_column_range("payout amount");
}

}  // namespace niaga
