// Parent/child hierarchies (catalog.categories, agent.agents) must stay
// acyclic (SPEC.md §1, NG030).
#pragma once
#include "core/uuid.hpp"

#include <functional>
#include <optional>
#include <string_view>

namespace niaga {

// Looks up the parent of a node; nullopt for a root or a missing node.
using ParentLookup = std::function<std::optional<Uuid>(const Uuid&)>;

// Raises NG030 when giving `node` the parent `new_parent` would close a
// cycle: the parent is the node itself or one of its descendants. The walk
// climbs from the new parent to the root and also stops with NG030 on a
// cycle already present above the node. `what` names the hierarchy.
void reject_hierarchy_cycle(std::string_view what, const Uuid& node, const std::optional<Uuid>& new_parent,
                            const ParentLookup& parent_of);

}  // namespace niaga
