// Unit tests for the commission rules of src/core/commissions (SPEC.md §9,
// §2, §12): accrual down the upline (level 0 at the seller's rate, level L at
// the override rate to upline[L-1], non-earning agents skipped without
// passing their level up), rounding half away from zero, reversal of an
// accrual for every status in or out of a payout, counting a delivered order
// in a target, and the amount of a payout.
#include "core/commissions.hpp"
#include "core/error.hpp"
#include "core/money.hpp"
#include "core/uuid.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

using niaga::Accrual;
using niaga::accrue;
using niaga::AgentStanding;
using niaga::commission_amount;
using niaga::CommissionStatus;
using niaga::count_order;
using niaga::Money;
using niaga::parse_commission_status;
using niaga::payout_amount;
using niaga::Rate;
using niaga::Reversal;
using niaga::reversal_of;
using niaga::Target;
using niaga::Uuid;

Money rm(int64_t sen) { return Money::from_sen(sen); }
Rate pct(int64_t hundredths) { return Rate::from_hundredths(hundredths); }

// A recognisable id: every byte `n`.
Uuid id(uint8_t n) {
    Uuid u;
    u.bytes.fill(n);
    return u;
}

AgentStanding agent(uint8_t n, int64_t rate_hundredths = 0, bool earns = true) {
    return AgentStanding{id(n), pct(rate_hundredths), earns};
}

// Runs `f`, expects a niaga::Error with `code`; returns its message.
template <typename F>
std::string commission_error(F f, const std::string& code) {
    try {
        f();
    } catch (const niaga::Error& e) {
        EXPECT_EQ(std::string(e.state().code), code) << "message: " << e.what();
        return e.what();
    }
    ADD_FAILURE() << "expected SQLSTATE " << code << ", nothing was thrown";
    return {};
}

// The accrual of `level`, if any.
std::optional<Accrual> at_level(const std::vector<Accrual>& accruals, int level) {
    std::optional<Accrual> found;
    for (const Accrual& a : accruals)
        if (a.level == level) {
            EXPECT_FALSE(found) << "two accruals at level " << level;
            found = a;
        }
    return found;
}

void expect_accrual(const std::optional<Accrual>& a, const Uuid& agent_id, int level, int64_t rate_hundredths,
                    int64_t base_sen, int64_t amount_sen) {
    ASSERT_TRUE(a) << "no accrual at level " << level;
    EXPECT_EQ(a->agent_id, agent_id) << "level " << level;
    EXPECT_EQ(a->level, level);
    EXPECT_EQ(a->rate.hundredths(), rate_hundredths) << "level " << level;
    EXPECT_EQ(a->base.sen(), base_sen) << "level " << level;
    EXPECT_EQ(a->amount.sen(), amount_sen) << "level " << level;
}

// ---------------------------------------------------------------------------
// commission_amount: round(base × rate / 100), half away from zero
// ---------------------------------------------------------------------------

TEST(CommissionAmount, WholeSenResultsAreExact) {
    EXPECT_EQ(commission_amount(rm(10000), pct(1000)).sen(), 1000);    // 10 % of 100.00 = 10.00
    EXPECT_EQ(commission_amount(rm(12345), pct(10000)).sen(), 12345);  // 100 % of 123.45
    EXPECT_EQ(commission_amount(rm(12345), pct(0)).sen(), 0);          // 0 %
    EXPECT_EQ(commission_amount(rm(0), pct(1000)).sen(), 0);           // nothing sold
}

TEST(CommissionAmount, SevenAndAHalfPercentOf111_30Is8_35) {
    // 111.30 × 7.5 / 100 = 8.3475 → 8.35
    EXPECT_EQ(commission_amount(rm(11130), pct(750)).sen(), 835);
}

TEST(CommissionAmount, ExactHalfSenRoundsAwayFromZero) {
    EXPECT_EQ(commission_amount(rm(100), pct(250)).sen(), 3);        // 2.5 % of 1.00 = 0.025 → 0.03
    EXPECT_EQ(commission_amount(rm(50), pct(100)).sen(), 1);         // 1 % of 0.50 = 0.005 → 0.01
    EXPECT_EQ(commission_amount(rm(10), pct(500)).sen(), 1);         // 5 % of 0.10 = 0.005 → 0.01
    EXPECT_EQ(commission_amount(rm(12345), pct(50)).sen(), 62);      // 0.5 % of 123.45 = 0.61725 → 0.62
    EXPECT_EQ(commission_amount(rm(10100), pct(1250)).sen(), 1263);  // 12.5 % of 101.00 = 12.625 → 12.63
}

TEST(CommissionAmount, JustBelowHalfSenRoundsDown) {
    EXPECT_EQ(commission_amount(rm(49), pct(100)).sen(), 0);       // 0.0049 → 0.00
    EXPECT_EQ(commission_amount(rm(11130), pct(749)).sen(), 834);  // 8.33637 → 8.34
    EXPECT_EQ(commission_amount(rm(9999), pct(50)).sen(), 50);     // 0.49995 → 0.50
    EXPECT_EQ(commission_amount(rm(9899), pct(50)).sen(), 49);     // 0.49495 → 0.49
}

TEST(CommissionAmount, NegativeAmountRoundsAwayFromZeroToo) {
    // Clawbacks negate an accrual; the rounding itself is symmetric.
    EXPECT_EQ(commission_amount(rm(-100), pct(250)).sen(), -3);
    EXPECT_EQ(commission_amount(rm(-49), pct(100)).sen(), 0);
}

TEST(CommissionAmount, LargestColumnBaseAtFullRateDoesNotOverflow) {
    EXPECT_EQ(commission_amount(rm(Money::kColumnMaxSen), pct(10000)).sen(), Money::kColumnMaxSen);
    // 99.99 % of 9 999 999 999.99 = 9 998 999 999.990001 → 9 998 999 999.99
    EXPECT_EQ(commission_amount(rm(Money::kColumnMaxSen), pct(9999)).sen(), 999'899'999'999);
}

// ---------------------------------------------------------------------------
// accrue: level 0 and the override levels up the upline
// ---------------------------------------------------------------------------

TEST(Accrue, SellerAloneGetsLevelZeroAtItsOwnRate) {
    const auto accruals = accrue(rm(10000), agent(1, 1000), {}, {});
    ASSERT_EQ(accruals.size(), 1u);
    expect_accrual(at_level(accruals, 0), id(1), 0, 1000, 10000, 1000);
}

TEST(Accrue, NoOverrideRatesMeansOnlyTheSeller) {
    const auto accruals = accrue(rm(10000), agent(1, 500), {agent(2, 800), agent(3, 900)}, {});
    ASSERT_EQ(accruals.size(), 1u);
    expect_accrual(at_level(accruals, 0), id(1), 0, 500, 10000, 500);
}

TEST(Accrue, OverrideLevelsGoToTheUplineAtThatLevel) {
    // The upline agents' own commission_rate plays no part above level 0.
    const auto accruals =
        accrue(rm(20000), agent(1, 1000), {agent(2, 4000), agent(3, 5000)}, {{1, pct(300)}, {2, pct(150)}});
    ASSERT_EQ(accruals.size(), 3u);
    expect_accrual(at_level(accruals, 0), id(1), 0, 1000, 20000, 2000);
    expect_accrual(at_level(accruals, 1), id(2), 1, 300, 20000, 600);  // parent
    expect_accrual(at_level(accruals, 2), id(3), 2, 150, 20000, 300);  // grandparent
}

TEST(Accrue, OnlyTheLevelsThatHaveAnOverrideRate) {
    // Level 1 has no rate: the parent gets nothing; level 2 does.
    const auto accruals = accrue(rm(10000), agent(1, 1000), {agent(2), agent(3)}, {{2, pct(200)}});
    ASSERT_EQ(accruals.size(), 2u);
    expect_accrual(at_level(accruals, 0), id(1), 0, 1000, 10000, 1000);
    EXPECT_FALSE(at_level(accruals, 1));
    expect_accrual(at_level(accruals, 2), id(3), 2, 200, 10000, 200);
}

TEST(Accrue, UplineShorterThanALevelGivesNoRowForIt) {
    const auto accruals = accrue(rm(10000), agent(1, 1000), {agent(2)}, {{1, pct(300)}, {2, pct(200)}, {3, pct(100)}});
    ASSERT_EQ(accruals.size(), 2u);
    expect_accrual(at_level(accruals, 0), id(1), 0, 1000, 10000, 1000);
    expect_accrual(at_level(accruals, 1), id(2), 1, 300, 10000, 300);
    EXPECT_FALSE(at_level(accruals, 2));
    EXPECT_FALSE(at_level(accruals, 3));
}

TEST(Accrue, NoUplineAtAllGivesOnlyTheSeller) {
    const auto accruals = accrue(rm(10000), agent(1, 1000), {}, {{1, pct(300)}, {2, pct(200)}});
    ASSERT_EQ(accruals.size(), 1u);
    expect_accrual(at_level(accruals, 0), id(1), 0, 1000, 10000, 1000);
}

TEST(Accrue, NonEarningUplineAgentGetsNothingAndItsLevelIsNotPassedUp) {
    // Parent inactive: no level-1 row; the grandparent keeps level 2 at the
    // level-2 rate (it does not take level 1's), the great-grandparent level 3.
    const auto accruals = accrue(rm(10000), agent(1, 1000), {agent(2, 0, false), agent(3), agent(4)},
                                 {{1, pct(500)}, {2, pct(200)}, {3, pct(100)}});
    ASSERT_EQ(accruals.size(), 3u);
    expect_accrual(at_level(accruals, 0), id(1), 0, 1000, 10000, 1000);
    EXPECT_FALSE(at_level(accruals, 1));
    expect_accrual(at_level(accruals, 2), id(3), 2, 200, 10000, 200);
    expect_accrual(at_level(accruals, 3), id(4), 3, 100, 10000, 100);
    for (const Accrual& a : accruals) EXPECT_NE(a.agent_id, id(2));
}

TEST(Accrue, NonEarningTopAgentIsNotReplacedByAnyone) {
    const auto accruals =
        accrue(rm(10000), agent(1, 1000), {agent(2), agent(3, 0, false)}, {{1, pct(500)}, {2, pct(200)}});
    ASSERT_EQ(accruals.size(), 2u);
    expect_accrual(at_level(accruals, 1), id(2), 1, 500, 10000, 500);
    EXPECT_FALSE(at_level(accruals, 2));
}

TEST(Accrue, EveryUplineAgentNonEarningLeavesOnlyTheSeller) {
    const auto accruals =
        accrue(rm(10000), agent(1, 1000), {agent(2, 0, false), agent(3, 0, false)}, {{1, pct(500)}, {2, pct(200)}});
    ASSERT_EQ(accruals.size(), 1u);
    expect_accrual(at_level(accruals, 0), id(1), 0, 1000, 10000, 1000);
}

TEST(Accrue, NonEarningSellerGetsNothing) {
    const auto alone = accrue(rm(10000), agent(1, 1000, false), {}, {});
    EXPECT_TRUE(alone.empty());
    // Its upline's override levels are decided on their own standing.
    const auto with_upline = accrue(rm(10000), agent(1, 1000, false), {agent(2)}, {{1, pct(300)}});
    EXPECT_FALSE(at_level(with_upline, 0));
    for (const Accrual& a : with_upline) EXPECT_NE(a.agent_id, id(1));
    expect_accrual(at_level(with_upline, 1), id(2), 1, 300, 10000, 300);
}

TEST(Accrue, ZeroRatesKeepAZeroRow) {
    // One row per (order, agent, level) whatever the rate.
    const auto accruals = accrue(rm(10000), agent(1, 0), {agent(2)}, {{1, pct(0)}});
    ASSERT_EQ(accruals.size(), 2u);
    expect_accrual(at_level(accruals, 0), id(1), 0, 0, 10000, 0);
    expect_accrual(at_level(accruals, 1), id(2), 1, 0, 10000, 0);
}

TEST(Accrue, ZeroBaseKeepsZeroRows) {
    const auto accruals = accrue(rm(0), agent(1, 1000), {agent(2)}, {{1, pct(300)}});
    ASSERT_EQ(accruals.size(), 2u);
    expect_accrual(at_level(accruals, 0), id(1), 0, 1000, 0, 0);
    expect_accrual(at_level(accruals, 1), id(2), 1, 300, 0, 0);
}

TEST(Accrue, LevelsBelowOneAreIgnored) {
    const auto accruals = accrue(rm(10000), agent(1, 1000), {agent(2)}, {{0, pct(5000)}, {-1, pct(5000)}});
    ASSERT_EQ(accruals.size(), 1u);
    expect_accrual(at_level(accruals, 0), id(1), 0, 1000, 10000, 1000);
}

TEST(Accrue, HalfSenCasesRoundEachLevelHalfAwayFromZero) {
    // base 111.30: 7.5 % → 8.3475 → 8.35; 2.5 % → 2.7825 → 2.78; 1.25 % → 1.39125 → 1.39
    const auto a = accrue(rm(11130), agent(1, 750), {agent(2), agent(3)}, {{1, pct(250)}, {2, pct(125)}});
    ASSERT_EQ(a.size(), 3u);
    expect_accrual(at_level(a, 0), id(1), 0, 750, 11130, 835);
    expect_accrual(at_level(a, 1), id(2), 1, 250, 11130, 278);
    expect_accrual(at_level(a, 2), id(3), 2, 125, 11130, 139);
    // base 1.00: 2.5 % = 0.025 exactly → 0.03 at every level
    const auto b = accrue(rm(100), agent(1, 250), {agent(2)}, {{1, pct(250)}});
    ASSERT_EQ(b.size(), 2u);
    expect_accrual(at_level(b, 0), id(1), 0, 250, 100, 3);
    expect_accrual(at_level(b, 1), id(2), 1, 250, 100, 3);
}

TEST(Accrue, NegativeBaseRaises22023) {
    const std::string message = commission_error([] { accrue(rm(-1), agent(1, 1000), {}, {}); }, "22023");
    EXPECT_NE(message.find("-0.01"), std::string::npos) << message;
    commission_error([] { accrue(rm(-10000), agent(1, 1000, false), {agent(2)}, {{1, pct(300)}}); }, "22023");
}

// ---------------------------------------------------------------------------
// reversal_of: every status, in a payout or not
// ---------------------------------------------------------------------------

TEST(ReversalOf, EveryStatusInAndOutOfAPayout) {
    struct Case {
        CommissionStatus status;
        bool in_payout;
        Reversal expected;
    };
    const Case cases[] = {
        {CommissionStatus::kPending, false, Reversal::kCancel},
        {CommissionStatus::kPending, true, Reversal::kClawback},
        {CommissionStatus::kApproved, false, Reversal::kCancel},
        {CommissionStatus::kApproved, true, Reversal::kClawback},
        {CommissionStatus::kPaid, false, Reversal::kClawback},
        {CommissionStatus::kPaid, true, Reversal::kClawback},
        {CommissionStatus::kCancelled, false, Reversal::kNothing},
        {CommissionStatus::kCancelled, true, Reversal::kNothing},
    };
    for (const Case& c : cases)
        EXPECT_EQ(reversal_of(c.status, c.in_payout), c.expected)
            << "status " << static_cast<int>(c.status) << " in_payout " << c.in_payout;
}

TEST(CommissionStatusNames, EveryStatusParses) {
    EXPECT_EQ(parse_commission_status("pending"), CommissionStatus::kPending);
    EXPECT_EQ(parse_commission_status("approved"), CommissionStatus::kApproved);
    EXPECT_EQ(parse_commission_status("paid"), CommissionStatus::kPaid);
    EXPECT_EQ(parse_commission_status("cancelled"), CommissionStatus::kCancelled);
}

TEST(CommissionStatusNames, UnknownNamesRaise22023NamingTheValue) {
    for (const char* bad : {"", "Paid", "refunded", "canceled", " pending"}) {
        const std::string message = commission_error([&] { parse_commission_status(bad); }, "22023");
        EXPECT_NE(message.find(std::string("\"") + bad + "\""), std::string::npos) << message;
    }
}

// ---------------------------------------------------------------------------
// count_order: a delivered order counted in (+1) or out of (−1) a target
// ---------------------------------------------------------------------------

Target target(std::optional<int64_t> amount_sen, std::optional<int64_t> orders, int64_t achieved_sen = 0,
              int64_t achieved_orders = 0, std::string_view status = "active") {
    Target t;
    if (amount_sen) t.target_amount = rm(*amount_sen);
    t.target_orders = orders;
    t.achieved_amount = rm(achieved_sen);
    t.achieved_orders = achieved_orders;
    t.status = status;
    return t;
}

TEST(CountOrder, CountingAddsTheBaseAndOneOrder) {
    Target t = target(100000, 10);
    EXPECT_EQ(count_order(t, rm(12345), +1), "active");
    EXPECT_EQ(t.achieved_amount.sen(), 12345);
    EXPECT_EQ(t.achieved_orders, 1);
    EXPECT_EQ(t.status, "active");
    EXPECT_EQ(count_order(t, rm(1000), +1), "active");
    EXPECT_EQ(t.achieved_amount.sen(), 13345);
    EXPECT_EQ(t.achieved_orders, 2);
}

TEST(CountOrder, UncountingTakesTheBaseAndOneOrderAway) {
    Target t = target(100000, 10, 13345, 2);
    EXPECT_EQ(count_order(t, rm(12345), -1), "active");
    EXPECT_EQ(t.achieved_amount.sen(), 1000);
    EXPECT_EQ(t.achieved_orders, 1);
}

TEST(CountOrder, BothSetAchievedOnlyWhenBothAreMet) {
    Target amount_only_met = target(10000, 2);
    EXPECT_EQ(count_order(amount_only_met, rm(10000), +1), "active");  // amount met, 1 of 2 orders
    EXPECT_EQ(count_order(amount_only_met, rm(1), +1), "achieved");    // both met
    EXPECT_EQ(amount_only_met.status, "achieved");

    Target orders_only_met = target(10000, 1);
    EXPECT_EQ(count_order(orders_only_met, rm(9999), +1), "active");  // 1 of 1 order, 99.99 of 100.00
    EXPECT_EQ(count_order(orders_only_met, rm(1), +1), "achieved");   // exactly 100.00 is met
}

TEST(CountOrder, OnlyAmountSet) {
    Target t = target(10000, std::nullopt);
    EXPECT_EQ(count_order(t, rm(9999), +1), "active");
    EXPECT_EQ(count_order(t, rm(1), +1), "achieved");  // meeting exactly is enough
    EXPECT_EQ(t.achieved_orders, 2);
}

TEST(CountOrder, OnlyOrdersSet) {
    Target t = target(std::nullopt, 2);
    EXPECT_EQ(count_order(t, rm(0), +1), "active");
    EXPECT_EQ(count_order(t, rm(0), +1), "achieved");
    EXPECT_EQ(t.achieved_orders, 2);
    EXPECT_EQ(t.achieved_amount.sen(), 0);
}

TEST(CountOrder, NothingSetStaysActive) {
    Target t = target(std::nullopt, std::nullopt);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(count_order(t, rm(100000), +1), "active");
    EXPECT_EQ(t.achieved_amount.sen(), 300000);
    EXPECT_EQ(t.achieved_orders, 3);
}

TEST(CountOrder, ZeroTargetsAreMetByTheFirstCount) {
    Target t = target(0, 0);
    EXPECT_EQ(count_order(t, rm(500), +1), "achieved");
}

TEST(CountOrder, AchievedGoesBackToActiveWhenUncountedBelow) {
    Target t = target(10000, 1, 10000, 1, "achieved");
    EXPECT_EQ(count_order(t, rm(10000), -1), "active");
    EXPECT_EQ(t.status, "active");
    EXPECT_EQ(t.achieved_amount.sen(), 0);
    EXPECT_EQ(t.achieved_orders, 0);

    Target still = target(10000, 1, 25000, 3, "achieved");
    EXPECT_EQ(count_order(still, rm(5000), -1), "achieved");  // 200.00 and 2 orders: still met
}

TEST(CountOrder, MissedStaysMissed) {
    Target t = target(10000, 1, 0, 0, "missed");
    EXPECT_EQ(count_order(t, rm(50000), +1), "missed");
    EXPECT_EQ(t.status, "missed");
    EXPECT_EQ(t.achieved_amount.sen(), 50000);
    EXPECT_EQ(t.achieved_orders, 1);
    EXPECT_EQ(count_order(t, rm(50000), -1), "missed");
    EXPECT_EQ(t.achieved_amount.sen(), 0);
    EXPECT_EQ(t.achieved_orders, 0);
}

TEST(CountOrder, NeverBelowZero) {
    Target t = target(10000, 1);
    EXPECT_EQ(count_order(t, rm(5000), -1), "active");
    EXPECT_EQ(t.achieved_amount.sen(), 0);
    EXPECT_EQ(t.achieved_orders, 0);

    Target partial = target(10000, 5, 3000, 0);
    count_order(partial, rm(5000), -1);
    EXPECT_EQ(partial.achieved_amount.sen(), 0);
    EXPECT_EQ(partial.achieved_orders, 0);
}

TEST(CountOrder, CountThenUncountRestoresTheTarget) {
    Target t = target(50000, 3, 20000, 1);
    count_order(t, rm(12345), +1);
    EXPECT_EQ(count_order(t, rm(12345), -1), "active");
    EXPECT_EQ(t.achieved_amount.sen(), 20000);
    EXPECT_EQ(t.achieved_orders, 1);
}

// ---------------------------------------------------------------------------
// payout_amount
// ---------------------------------------------------------------------------

TEST(PayoutAmount, EmptyRaises22023) {
    commission_error([] { payout_amount({}); }, "22023");
}

TEST(PayoutAmount, ZeroSumRaises22023) {
    commission_error([] { payout_amount({rm(0)}); }, "22023");
    commission_error([] { payout_amount({rm(1000), rm(-1000)}); }, "22023");
}

TEST(PayoutAmount, NegativeSumRaises22023NamingTheSum) {
    const std::string message = commission_error([] { payout_amount({rm(500), rm(-835)}); }, "22023");
    EXPECT_NE(message.find("-3.35"), std::string::npos) << message;
    commission_error([] { payout_amount({rm(-1)}); }, "22023");
}

TEST(PayoutAmount, PositiveSumIsTheAmount) {
    EXPECT_EQ(payout_amount({rm(1)}).sen(), 1);
    EXPECT_EQ(payout_amount({rm(835), rm(278), rm(139)}).sen(), 1252);
    // Clawbacks reduce what is paid.
    EXPECT_EQ(payout_amount({rm(2000), rm(-835), rm(0)}).sen(), 1165);
}

TEST(PayoutAmount, SumBeyondTheColumnRaises22003) {
    commission_error([] { payout_amount({rm(Money::kColumnMaxSen), rm(1)}); }, "22003");
    EXPECT_EQ(payout_amount({rm(Money::kColumnMaxSen - 1), rm(1)}).sen(), Money::kColumnMaxSen);
}

}  // namespace
