// Unit tests for niaga::reject_hierarchy_cycle (NG030).
#include "core/error.hpp"
#include "core/hierarchy.hpp"
#include "core/uuid.hpp"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

namespace {

using niaga::Uuid;

Uuid id(uint8_t n) {
    Uuid u;
    u.bytes[15] = n;
    u.bytes[0] = 0xa0;
    return u;
}

// A hierarchy as child → parent edges.
struct Tree {
    std::map<Uuid, Uuid> parent;
    int lookups = 0;
    niaga::ParentLookup lookup() {
        return [this](const Uuid& node) -> std::optional<Uuid> {
            ++lookups;
            auto it = parent.find(node);
            if (it == parent.end()) return std::nullopt;
            return it->second;
        };
    }
};

// Calls reject_hierarchy_cycle, expects NG030, returns the message.
std::string expect_cycle(Tree& tree, const Uuid& node, const std::optional<Uuid>& new_parent) {
    try {
        niaga::reject_hierarchy_cycle("category", node, new_parent, tree.lookup());
    } catch (const niaga::Error& e) {
        EXPECT_EQ(std::string(e.state().code), "NG030") << e.what();
        return e.what();
    }
    ADD_FAILURE() << "expected NG030, nothing thrown";
    return {};
}

TEST(HierarchyCycle, NoParentIsFine) {
    Tree tree;
    EXPECT_NO_THROW(niaga::reject_hierarchy_cycle("category", id(1), std::nullopt, tree.lookup()));
    EXPECT_EQ(tree.lookups, 0);
}

TEST(HierarchyCycle, ParentIsSelfRefused) {
    Tree tree;
    const std::string message = expect_cycle(tree, id(1), id(1));
    EXPECT_NE(message.find(id(1).to_string()), std::string::npos) << message;
}

TEST(HierarchyCycle, ParentIsDescendantRefusedNamingBothIds) {
    // 1 ← 2 ← 3 ← 4 (4's parent is 3, ...); making 4 the parent of 1 closes a cycle.
    Tree tree;
    tree.parent[id(2)] = id(1);
    tree.parent[id(3)] = id(2);
    tree.parent[id(4)] = id(3);
    const std::string message = expect_cycle(tree, id(1), id(4));
    EXPECT_NE(message.find(id(1).to_string()), std::string::npos) << message;
    EXPECT_NE(message.find(id(4).to_string()), std::string::npos) << message;
    EXPECT_NE(message.find("category"), std::string::npos) << message;
}

TEST(HierarchyCycle, DirectChildAsParentRefused) {
    Tree tree;
    tree.parent[id(2)] = id(1);
    expect_cycle(tree, id(1), id(2));
}

TEST(HierarchyCycle, LegalDeepChainIsFine) {
    // 100-deep chain 1 ← 2 ← … ← 100; attach a new node 200 under 100.
    Tree tree;
    for (int n = 2; n <= 100; ++n) tree.parent[id(static_cast<uint8_t>(n))] = id(static_cast<uint8_t>(n - 1));
    EXPECT_NO_THROW(niaga::reject_hierarchy_cycle("category", id(200), id(100), tree.lookup()));
    EXPECT_EQ(tree.lookups, 100);  // walked the whole chain to the root
}

TEST(HierarchyCycle, ReparentingWithinTreeIsFine) {
    // 1 ← 2 ← 3 and 1 ← 4: moving 3 under 4 is legal.
    Tree tree;
    tree.parent[id(2)] = id(1);
    tree.parent[id(3)] = id(2);
    tree.parent[id(4)] = id(1);
    EXPECT_NO_THROW(niaga::reject_hierarchy_cycle("category", id(3), id(4), tree.lookup()));
}

TEST(HierarchyCycle, PreExistingCycleAboveNodeRefusedAndTerminates) {
    // 5 → 6 → 7 → 6 (a cycle not involving node 1); giving 1 the parent 5 must
    // stop with NG030 instead of looping forever.
    Tree tree;
    tree.parent[id(5)] = id(6);
    tree.parent[id(6)] = id(7);
    tree.parent[id(7)] = id(6);
    const std::string message = expect_cycle(tree, id(1), id(5));
    EXPECT_LE(tree.lookups, 10);
    EXPECT_NE(message.find(id(6).to_string()), std::string::npos) << message;
}

TEST(HierarchyCycle, PreExistingSelfLoopAboveNodeRefused) {
    Tree tree;
    tree.parent[id(5)] = id(5);
    expect_cycle(tree, id(1), id(5));
}

}  // namespace
