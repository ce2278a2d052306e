// Stock rules (SPEC.md §7): which warehouse serves an order, and the
// transfer state machine.
#pragma once

#include "core/uuid.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace niaga {

// One line of demand: an item (product, variant) and how many.
struct StockDemand {
    Uuid product_id;
    std::optional<Uuid> variant_id;
    std::string sku;
    int64_t quantity = 0;
};

// A candidate warehouse, with what it has available of each demanded item
// (available[i] for demand[i]; 0 where it holds none).
struct WarehouseStock {
    Uuid warehouse_id;
    std::string code;
    int64_t priority = 0;
    std::vector<int64_t> available;
};

// Merges lines of the same item into one demand (quantities summed), in
// first-seen order. 22023 for a quantity ≤ 0; 22003 when an item's total
// does not fit the integer quantity columns.
std::vector<StockDemand> merge_demand(const std::vector<StockDemand>& lines);

// The warehouse that serves the whole demand: the one of lowest priority,
// then code, whose available stock covers every item. None can: NG001
// naming the short SKUs — the items the warehouse covering the most of the
// demand (ties by priority, then code) cannot cover, with how many are
// missing there.
const WarehouseStock& choose_warehouse(const std::vector<StockDemand>& demand,
                                       const std::vector<WarehouseStock>& warehouses);

enum class TransferStatus { kPending, kApproved, kInTransit, kCompleted, kCancelled };

TransferStatus parse_transfer_status(std::string_view status);
const char* transfer_status_name(TransferStatus status);

// Raises NG002 unless `from` → `to` is a move of the transfer workflow:
// pending → approved → in_transit → completed; pending | approved → cancelled.
void require_transfer_move(TransferStatus from, TransferStatus to);

}  // namespace niaga
