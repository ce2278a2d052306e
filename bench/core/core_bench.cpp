// Google Benchmark for the src/core hot paths: the plain C++ rules with no
// server, so that their share of a call can be compared with what the
// pgbench suites measure (bench/run-all.sh runs it; CMake target
// niaga_core_bench). Figures are nanoseconds per call of the rule alone.
#include "core/commissions.hpp"
#include "core/coupons.hpp"
#include "core/money.hpp"
#include "core/numbering.hpp"
#include "core/stock.hpp"
#include "core/totals.hpp"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

using niaga::Money;
using niaga::Rate;

niaga::Uuid uuid_of(uint64_t n) {
    niaga::Uuid id;
    for (int i = 0; i < 8; ++i) id.bytes[15 - i] = static_cast<uint8_t>(n >> (8 * i));
    return id;
}

// n lines of 1-3 units at RM 18.50 .. RM 168.50.
std::vector<niaga::PricedLine> lines_of(int64_t n) {
    std::vector<niaga::PricedLine> lines;
    for (int64_t i = 0; i < n; ++i) lines.push_back({1 + i % 3, Money::from_sen(1850 + (i % 16) * 1000)});
    return lines;
}

// RAYA10 (10 %, capped at RM 30, minimum RM 50), 'standard' shipping
// (RM 8, free from RM 150) and SST 6 %: the checkout benchmark's terms.
niaga::PricingTerms checkout_terms() {
    niaga::Coupon coupon;
    coupon.code = "RAYA10";
    coupon.kind = niaga::CouponKind::kPercentage;
    coupon.value = 1000;
    coupon.min_order_amount = Money::from_sen(5000);
    coupon.max_discount = Money::from_sen(3000);
    niaga::PricingTerms terms;
    terms.coupon = coupon;
    terms.shipping = niaga::ShippingTerms{Money::from_sen(800), Money::from_sen(15000)};
    terms.tax = niaga::TaxTerms{Rate::from_hundredths(600), false};
    return terms;
}

// §5 totals of an order of range(0) lines.
void BM_ComputeTotals(benchmark::State& state) {
    const auto lines = lines_of(state.range(0));
    const auto terms = checkout_terms();
    for (auto _ : state) benchmark::DoNotOptimize(niaga::compute_totals(lines, terms));
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ComputeTotals)->Arg(1)->Arg(3)->Arg(10)->Arg(100)->Arg(1000)->Complexity(benchmark::oN);

// numeric text -> Money -> text: the slow path of the numeric boundary.
void BM_MoneyParseFormat(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(Money::parse("12345.67").to_string());
}
BENCHMARK(BM_MoneyParseFormat);

// One coupon decision (§4) for a signed-in customer.
void BM_CheckCoupon(benchmark::State& state) {
    const std::optional<niaga::Coupon> coupon = checkout_terms().coupon;
    niaga::CouponRequest request;
    request.is_guest = false;
    request.subtotal = Money::from_sen(41850);
    request.now = 1'000'000;
    for (auto _ : state) benchmark::DoNotOptimize(niaga::check_coupon(coupon, "raya10", request));
}
BENCHMARK(BM_CheckCoupon);

// Choosing the warehouse for 3 lines among range(0) warehouses, only the
// last of which can serve (the worst case of bench/growth.sh).
void BM_ChooseWarehouse(benchmark::State& state) {
    std::vector<niaga::StockDemand> demand;
    for (int i = 0; i < 3; ++i) demand.push_back({uuid_of(100 + i), std::nullopt, "SKU-" + std::to_string(i), 2});
    std::vector<niaga::WarehouseStock> warehouses;
    for (int64_t w = 0; w < state.range(0); ++w) {
        const bool serves = w + 1 == state.range(0);
        warehouses.push_back({uuid_of(w), "WH-" + std::to_string(1000 + w), w,
                              std::vector<int64_t>(3, serves ? 10'000'000 : 1)});
    }
    for (auto _ : state) benchmark::DoNotOptimize(&niaga::choose_warehouse(demand, warehouses));
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ChooseWarehouse)->Arg(1)->Arg(10)->Arg(50)->Complexity(benchmark::oN);

// Merging the demand of range(0) lines (distinct items).
void BM_MergeDemand(benchmark::State& state) {
    std::vector<niaga::StockDemand> lines;
    for (int64_t i = 0; i < state.range(0); ++i) lines.push_back({uuid_of(i), std::nullopt, "SKU", 1 + i % 3});
    for (auto _ : state) benchmark::DoNotOptimize(niaga::merge_demand(lines));
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_MergeDemand)->Arg(3)->Arg(100)->Complexity(benchmark::oNSquared);

// The accruals of an order whose seller has range(0) agents above it, with
// override rates for levels 1..20 (bench/agents.sh's set-up).
void BM_Accrue(benchmark::State& state) {
    std::map<int, Rate> overrides;
    for (int level = 1; level <= 20; ++level)
        overrides[level] = Rate::from_hundredths(std::max<int64_t>(25, 300 / level));
    const niaga::AgentStanding seller{uuid_of(0), Rate::from_hundredths(750), true};
    std::vector<niaga::AgentStanding> upline;
    for (int64_t k = 1; k <= state.range(0); ++k) upline.push_back({uuid_of(k), Rate::from_hundredths(500), true});
    for (auto _ : state) benchmark::DoNotOptimize(niaga::accrue(Money::from_sen(74552), seller, upline, overrides));
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Accrue)->Arg(1)->Arg(5)->Arg(20)->Complexity(benchmark::oN);

// One order number.
void BM_DocumentNumber(benchmark::State& state) {
    int64_t counter = 1;
    for (auto _ : state) benchmark::DoNotOptimize(niaga::format_document_number("ORD", {2026, 11, 26}, counter++));
}
BENCHMARK(BM_DocumentNumber);

}  // namespace

BENCHMARK_MAIN();
