// Unit tests for the stock rules of src/core/stock (SPEC.md §7): merging the
// lines of a demand, choosing the warehouse that serves a whole order
// (lowest priority, then code, covering every line; NG001 naming the short
// SKUs otherwise), and the transfer workflow (NG002 for every other move).
#include "core/error.hpp"
#include "core/stock.hpp"
#include "core/uuid.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace {

using niaga::choose_warehouse;
using niaga::merge_demand;
using niaga::require_transfer_move;
using niaga::StockDemand;
using niaga::TransferStatus;
using niaga::Uuid;
using niaga::WarehouseStock;

Uuid id(uint8_t kind, uint8_t n) {
    Uuid u;
    u.bytes[0] = kind;
    u.bytes[15] = n;
    return u;
}

Uuid product(uint8_t n) { return id(0xb0, n); }
Uuid variant(uint8_t n) { return id(0xc0, n); }

StockDemand line(const Uuid& product_id, std::optional<Uuid> variant_id, const std::string& sku, int64_t quantity) {
    StockDemand d;
    d.product_id = product_id;
    d.variant_id = variant_id;
    d.sku = sku;
    d.quantity = quantity;
    return d;
}

WarehouseStock warehouse(uint8_t n, const std::string& code, int64_t priority, std::vector<int64_t> available) {
    WarehouseStock w;
    w.warehouse_id = id(0xa0, n);
    w.code = code;
    w.priority = priority;
    w.available = std::move(available);
    return w;
}

// Runs `f`, expects a niaga::Error with `code`; returns the error.
template <typename F>
niaga::Error expect_error(F f, const std::string& code) {
    try {
        f();
    } catch (const niaga::Error& e) {
        EXPECT_EQ(std::string(e.state().code), code) << "message: " << e.what();
        return e;
    }
    ADD_FAILURE() << "expected SQLSTATE " << code << ", nothing was thrown";
    return niaga::Error(niaga::sqlstate::kInternalError, "nothing thrown");
}

// ---------------------------------------------------------------------------
// merge_demand
// ---------------------------------------------------------------------------

TEST(MergeDemand, EmptyStaysEmpty) { EXPECT_TRUE(merge_demand({}).empty()); }

TEST(MergeDemand, SameProductMergesInFirstSeenOrder) {
    const auto merged = merge_demand({line(product(2), std::nullopt, "B", 1), line(product(1), std::nullopt, "A", 2),
                                      line(product(2), std::nullopt, "B", 3), line(product(1), std::nullopt, "A", 4)});
    ASSERT_EQ(merged.size(), 2u);
    EXPECT_EQ(merged[0].product_id, product(2));
    EXPECT_EQ(merged[0].sku, "B");
    EXPECT_EQ(merged[0].quantity, 4);
    EXPECT_EQ(merged[1].product_id, product(1));
    EXPECT_EQ(merged[1].sku, "A");
    EXPECT_EQ(merged[1].quantity, 6);
}

TEST(MergeDemand, SameVariantMerges) {
    const auto merged =
        merge_demand({line(product(1), variant(1), "A-RED", 2), line(product(1), variant(1), "A-RED", 5)});
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].variant_id, variant(1));
    EXPECT_EQ(merged[0].quantity, 7);
}

TEST(MergeDemand, VariantAndNoVariantAreDistinct) {
    const auto merged = merge_demand({line(product(1), std::nullopt, "A", 1), line(product(1), variant(1), "A-RED", 2),
                                      line(product(1), variant(2), "A-BLUE", 3), line(product(1), std::nullopt, "A", 4),
                                      line(product(1), variant(1), "A-RED", 5)});
    ASSERT_EQ(merged.size(), 3u);
    EXPECT_FALSE(merged[0].variant_id.has_value());
    EXPECT_EQ(merged[0].quantity, 5);
    EXPECT_EQ(merged[1].variant_id, variant(1));
    EXPECT_EQ(merged[1].quantity, 7);
    EXPECT_EQ(merged[2].variant_id, variant(2));
    EXPECT_EQ(merged[2].quantity, 3);
}

TEST(MergeDemand, SameVariantIdOfOtherProductIsDistinct) {
    const auto merged = merge_demand({line(product(1), variant(1), "A-V", 1), line(product(2), variant(1), "B-V", 1)});
    EXPECT_EQ(merged.size(), 2u);
}

TEST(MergeDemand, ManyLinesOfFewItemsMergeInFirstSeenOrder) {
    // 2,000 lines cycling over 10 items (5 with a variant), added 1..2000.
    std::vector<niaga::StockDemand> lines;
    for (int n = 0; n < 2000; ++n) {
        const uint8_t item = static_cast<uint8_t>(9 - n % 10);
        lines.push_back(line(product(item), item % 2 ? std::optional(variant(item)) : std::nullopt,
                             "SKU-" + std::to_string(item), n + 1));
    }
    const auto merged = merge_demand(lines);
    ASSERT_EQ(merged.size(), 10u);
    for (size_t i = 0; i < merged.size(); ++i) {
        const uint8_t item = static_cast<uint8_t>(9 - i);
        EXPECT_EQ(merged[i].product_id, product(item)) << i;
        EXPECT_EQ(merged[i].sku, "SKU-" + std::to_string(item)) << i;
        // Lines i+1, i+11, ..., i+1991: 200 of them.
        EXPECT_EQ(merged[i].quantity, 200 * static_cast<int64_t>(i + 1) + 10 * (199 * 200 / 2)) << i;
    }
}

TEST(MergeDemand, ZeroQuantityRefused) {
    const auto e = expect_error([] { merge_demand({line(product(1), std::nullopt, "ZERO", 0)}); }, "22023");
    EXPECT_NE(std::string(e.what()).find("ZERO"), std::string::npos) << e.what();
}

TEST(MergeDemand, NegativeQuantityRefused) {
    const auto e = expect_error(
        [] {
            merge_demand({line(product(1), std::nullopt, "OK", 1), line(product(2), std::nullopt, "NEG", -3)});
        },
        "22023");
    EXPECT_NE(std::string(e.what()).find("NEG"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("-3"), std::string::npos) << e.what();
}

TEST(MergeDemand, NegativeLineIsRefusedEvenWhenTheSumWouldBePositive) {
    expect_error(
        [] {
            merge_demand({line(product(1), std::nullopt, "A", 5), line(product(1), std::nullopt, "A", -1)});
        },
        "22023");
}

TEST(MergeDemand, OverflowRefused) {
    const int64_t max = std::numeric_limits<int64_t>::max();
    expect_error(
        [&] {
            merge_demand({line(product(1), std::nullopt, "BIG", max), line(product(1), std::nullopt, "BIG", 1)});
        },
        "22003");
}

// Stock quantities are integer columns: a merged item up to INT32_MAX is
// fine, one more is 22003 (not a wrapped negative quantity downstream).
TEST(MergeDemand, SumUpToTheIntegerColumnLimitIsFine) {
    const int64_t max = std::numeric_limits<int32_t>::max();
    const auto merged =
        merge_demand({line(product(1), std::nullopt, "BIG", max - 1), line(product(1), std::nullopt, "BIG", 1)});
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].quantity, max);
}

TEST(MergeDemand, SumBeyondTheIntegerColumnIsOutOfRange) {
    const int64_t max = std::numeric_limits<int32_t>::max();
    try {
        merge_demand({line(product(1), std::nullopt, "BIG", max), line(product(1), std::nullopt, "BIG", 1)});
        FAIL() << "expected 22003";
    } catch (const niaga::Error& error) {
        EXPECT_EQ(std::string(error.state().code), "22003");
        EXPECT_NE(std::string(error.what()).find("BIG"), std::string::npos);
    }
}

// ---------------------------------------------------------------------------
// choose_warehouse
// ---------------------------------------------------------------------------

std::vector<StockDemand> two_lines(int64_t a, int64_t b) {
    return {line(product(1), std::nullopt, "SKU-A", a), line(product(2), variant(2), "SKU-B", b)};
}

TEST(ChooseWarehouse, LowestPriorityWins) {
    const std::vector<WarehouseStock> ws = {warehouse(1, "AAA", 20, {10, 10}), warehouse(2, "ZZZ", 5, {10, 10}),
                                            warehouse(3, "MMM", 10, {10, 10})};
    EXPECT_EQ(choose_warehouse(two_lines(1, 1), ws).code, "ZZZ");
}

TEST(ChooseWarehouse, NegativePriorityBeatsZero) {
    const std::vector<WarehouseStock> ws = {warehouse(1, "A", 0, {1, 1}), warehouse(2, "B", -1, {1, 1})};
    EXPECT_EQ(choose_warehouse(two_lines(1, 1), ws).code, "B");
}

TEST(ChooseWarehouse, TieOnPriorityGoesToCode) {
    const std::vector<WarehouseStock> ws = {warehouse(1, "WH-C", 1, {5, 5}), warehouse(2, "WH-A", 1, {5, 5}),
                                            warehouse(3, "WH-B", 1, {5, 5})};
    const WarehouseStock& chosen = choose_warehouse(two_lines(2, 2), ws);
    EXPECT_EQ(chosen.code, "WH-A");
    EXPECT_EQ(chosen.warehouse_id, id(0xa0, 2));
}

TEST(ChooseWarehouse, ReturnsAReferenceIntoTheCandidates) {
    const std::vector<WarehouseStock> ws = {warehouse(1, "X", 1, {5, 5}), warehouse(2, "Y", 2, {5, 5})};
    EXPECT_EQ(&choose_warehouse(two_lines(1, 1), ws), &ws[0]);
}

TEST(ChooseWarehouse, CheaperWarehouseLackingOneLineLoses) {
    // KL (priority 1) has plenty of A but too little B; PG (2) covers both;
    // JB (3) covers both too but comes later.
    const std::vector<WarehouseStock> ws = {warehouse(1, "KL", 1, {100, 2}), warehouse(2, "PG", 2, {5, 3}),
                                            warehouse(3, "JB", 3, {100, 100})};
    EXPECT_EQ(choose_warehouse(two_lines(5, 3), ws).code, "PG");
}

TEST(ChooseWarehouse, WarehouseWithoutTheItemAtAllLoses) {
    // A missing available entry counts as 0.
    const std::vector<WarehouseStock> ws = {warehouse(1, "KL", 1, {100}), warehouse(2, "PG", 2, {1, 1})};
    EXPECT_EQ(choose_warehouse(two_lines(1, 1), ws).code, "PG");
}

TEST(ChooseWarehouse, ExactlyEnoughCovers) {
    const std::vector<WarehouseStock> ws = {warehouse(1, "KL", 1, {3, 7}), warehouse(2, "PG", 2, {50, 50})};
    EXPECT_EQ(choose_warehouse(two_lines(3, 7), ws).code, "KL");
}

TEST(ChooseWarehouse, OneShortDoesNotCover) {
    const std::vector<WarehouseStock> ws = {warehouse(1, "KL", 1, {3, 6}), warehouse(2, "PG", 2, {50, 50})};
    EXPECT_EQ(choose_warehouse(two_lines(3, 7), ws).code, "PG");
}

TEST(ChooseWarehouse, NoneCoversNamesShortSkusAtTheWarehouseCoveringMostLines) {
    // Three lines. KL (priority 1) covers only C; PG (priority 9) covers A and
    // C, so PG is the closest: only B is short there (need 4, available 1).
    const std::vector<StockDemand> demand = {line(product(1), std::nullopt, "SKU-A", 2),
                                             line(product(2), std::nullopt, "SKU-B", 4),
                                             line(product(3), std::nullopt, "SKU-C", 1)};
    const std::vector<WarehouseStock> ws = {warehouse(1, "KL", 1, {1, 0, 5}), warehouse(2, "PG", 9, {2, 1, 1})};
    const auto e = expect_error([&] { choose_warehouse(demand, ws); }, "NG001");
    const std::string message = e.what();
    EXPECT_NE(message.find("SKU-B (need 4, available 1)"), std::string::npos) << message;
    EXPECT_EQ(message.find("SKU-A"), std::string::npos) << message;
    EXPECT_EQ(message.find("SKU-C"), std::string::npos) << message;
    EXPECT_NE(e.detail().find("PG"), std::string::npos) << e.detail();
}

TEST(ChooseWarehouse, NoneCoversListsEveryShortSku) {
    const std::vector<WarehouseStock> ws = {warehouse(1, "KL", 1, {1, 0})};
    const auto e = expect_error([&] { choose_warehouse(two_lines(2, 3), ws); }, "NG001");
    const std::string message = e.what();
    EXPECT_NE(message.find("SKU-A (need 2, available 1)"), std::string::npos) << message;
    EXPECT_NE(message.find("SKU-B (need 3, available 0)"), std::string::npos) << message;
}

TEST(ChooseWarehouse, ClosestTieGoesToPriorityThenCode) {
    // Each warehouse covers one of the two lines: the closest is the
    // preferred one (priority 1, then code "KL" < "PG").
    const std::vector<WarehouseStock> ws = {warehouse(1, "PG", 1, {0, 9}), warehouse(2, "KL", 1, {9, 0}),
                                            warehouse(3, "AA", 5, {0, 9})};
    const auto e = expect_error([&] { choose_warehouse(two_lines(2, 2), ws); }, "NG001");
    const std::string message = e.what();
    EXPECT_NE(message.find("SKU-B (need 2, available 0)"), std::string::npos) << message;
    EXPECT_EQ(message.find("SKU-A"), std::string::npos) << message;
    EXPECT_NE(e.detail().find("KL"), std::string::npos) << e.detail();
}

TEST(ChooseWarehouse, NegativeAvailableIsReportedAsZero) {
    const std::vector<WarehouseStock> ws = {warehouse(1, "KL", 1, {-4, 10})};
    const auto e = expect_error([&] { choose_warehouse(two_lines(1, 1), ws); }, "NG001");
    EXPECT_NE(std::string(e.what()).find("SKU-A (need 1, available 0)"), std::string::npos) << e.what();
}

TEST(ChooseWarehouse, NoWarehouseAtAll) {
    const auto e = expect_error([] { choose_warehouse(two_lines(1, 1), {}); }, "NG001");
    const std::string message = e.what();
    EXPECT_NE(message.find("SKU-A (need 1, available 0)"), std::string::npos) << message;
    EXPECT_NE(message.find("SKU-B (need 1, available 0)"), std::string::npos) << message;
}

// ---------------------------------------------------------------------------
// Transfer workflow
// ---------------------------------------------------------------------------

const TransferStatus kAll[] = {TransferStatus::kPending, TransferStatus::kApproved, TransferStatus::kInTransit,
                               TransferStatus::kCompleted, TransferStatus::kCancelled};

bool allowed(TransferStatus from, TransferStatus to) {
    using S = TransferStatus;
    return (from == S::kPending && to == S::kApproved) || (from == S::kApproved && to == S::kInTransit) ||
           (from == S::kInTransit && to == S::kCompleted) || (from == S::kPending && to == S::kCancelled) ||
           (from == S::kApproved && to == S::kCancelled);
}

TEST(TransferMoves, AllTwentyFivePairs) {
    int allowed_count = 0;
    for (TransferStatus from : kAll) {
        for (TransferStatus to : kAll) {
            const std::string pair =
                std::string(niaga::transfer_status_name(from)) + " -> " + niaga::transfer_status_name(to);
            if (allowed(from, to)) {
                ++allowed_count;
                EXPECT_NO_THROW(require_transfer_move(from, to)) << pair;
            } else {
                const auto e = expect_error([&] { require_transfer_move(from, to); }, "NG002");
                const std::string message = e.what();
                EXPECT_NE(message.find(niaga::transfer_status_name(from)), std::string::npos)
                    << pair << ": " << message;
                EXPECT_NE(message.find(niaga::transfer_status_name(to)), std::string::npos) << pair << ": " << message;
            }
        }
    }
    EXPECT_EQ(allowed_count, 5);
}

TEST(TransferMoves, ExplicitForbiddenMoves) {
    using S = TransferStatus;
    expect_error([] { require_transfer_move(S::kInTransit, S::kCancelled); }, "NG002");
    expect_error([] { require_transfer_move(S::kPending, S::kInTransit); }, "NG002");
    expect_error([] { require_transfer_move(S::kPending, S::kCompleted); }, "NG002");
    expect_error([] { require_transfer_move(S::kCompleted, S::kCancelled); }, "NG002");
    expect_error([] { require_transfer_move(S::kCancelled, S::kPending); }, "NG002");
    expect_error([] { require_transfer_move(S::kApproved, S::kApproved); }, "NG002");
}

TEST(TransferStatusNames, RoundTrip) {
    for (TransferStatus status : kAll)
        EXPECT_EQ(niaga::parse_transfer_status(niaga::transfer_status_name(status)), status);
    EXPECT_STREQ(niaga::transfer_status_name(TransferStatus::kInTransit), "in_transit");
}

TEST(TransferStatusNames, UnknownRefused) {
    expect_error([] { niaga::parse_transfer_status("shipped"); }, "22023");
    expect_error([] { niaga::parse_transfer_status(""); }, "22023");
    expect_error([] { niaga::parse_transfer_status("Pending"); }, "22023");
}

}  // namespace
