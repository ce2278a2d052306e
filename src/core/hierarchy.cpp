#include "core/cpp_only.hpp"  // first: core must stay free of PostgreSQL headers
#include "core/hierarchy.hpp"

#include "core/error.hpp"

#include <set>
#include <string>

namespace niaga {

void reject_hierarchy_cycle(std::string_view what, const Uuid& node, const std::optional<Uuid>& new_parent,
                            const ParentLookup& parent_of) {
    std::set<Uuid> seen{node};
    for (std::optional<Uuid> current = new_parent; current; current = parent_of(*current)) {
        if (!seen.insert(*current).second) {
            const std::string message =
                *current == node ? std::string(what) + " " + node.to_string() + " cannot have " +
                                       new_parent->to_string() + " as parent: that would make it its own ancestor"
                                 : std::string(what) + " hierarchy already has a cycle through " + current->to_string();
            throw Error(sqlstate::kHierarchyCycle, message);
        }
    }
}

}  // namespace niaga
