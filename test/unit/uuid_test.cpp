// Unit tests for niaga::Uuid and parse_uuid.
#include "core/uuid.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using niaga::parse_uuid;

constexpr const char* kCanonical = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";

TEST(Uuid, CanonicalRoundTrip) {
    const auto uuid = parse_uuid(kCanonical);
    ASSERT_TRUE(uuid);
    EXPECT_EQ(uuid->bytes[0], 0xa0);
    EXPECT_EQ(uuid->bytes[15], 0x11);
    EXPECT_EQ(uuid->to_string(), kCanonical);
}

TEST(Uuid, ToStringOfZeroAndAllOnes) {
    niaga::Uuid zero;
    EXPECT_EQ(zero.to_string(), "00000000-0000-0000-0000-000000000000");
    niaga::Uuid ones;
    ones.bytes.fill(0xff);
    EXPECT_EQ(ones.to_string(), "ffffffff-ffff-ffff-ffff-ffffffffffff");
    EXPECT_EQ(parse_uuid(ones.to_string()), ones);
}

TEST(Uuid, UpperCaseAcceptedAndPrintedLower) {
    const auto uuid = parse_uuid("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11");
    ASSERT_TRUE(uuid);
    EXPECT_EQ(uuid->to_string(), kCanonical);
}

TEST(Uuid, NoHyphensAccepted) {
    const auto uuid = parse_uuid("a0eebc999c0b4ef8bb6d6bb9bd380a11");
    ASSERT_TRUE(uuid);
    EXPECT_EQ(uuid->to_string(), kCanonical);
}

TEST(Uuid, HyphenAfterAnyGroupOfFourAccepted) {
    const auto uuid = parse_uuid("a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11");
    ASSERT_TRUE(uuid);
    EXPECT_EQ(uuid->to_string(), kCanonical);
}

TEST(Uuid, BracesAccepted) {
    const auto uuid = parse_uuid("{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}");
    ASSERT_TRUE(uuid);
    EXPECT_EQ(uuid->to_string(), kCanonical);
}

TEST(Uuid, UnbalancedOrDoubledBracesRefused) {
    EXPECT_FALSE(parse_uuid("{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    EXPECT_FALSE(parse_uuid("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}"));
    EXPECT_FALSE(parse_uuid("{{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}}"));
    EXPECT_FALSE(parse_uuid("{}"));
}

TEST(Uuid, WrongLengthsRefused) {
    EXPECT_FALSE(parse_uuid(""));
    EXPECT_FALSE(parse_uuid("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1"));    // 31 digits
    EXPECT_FALSE(parse_uuid("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111"));  // 33 digits
    EXPECT_FALSE(parse_uuid("a0eebc999c0b4ef8bb6d6bb9bd380a1"));
    EXPECT_FALSE(parse_uuid("a0eebc999c0b4ef8bb6d6bb9bd380a1100"));
}

TEST(Uuid, BadCharactersRefused) {
    EXPECT_FALSE(parse_uuid("g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    EXPECT_FALSE(parse_uuid("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1z"));
    EXPECT_FALSE(parse_uuid("a0eebc99 9c0b 4ef8 bb6d 6bb9bd380a11"));
    EXPECT_FALSE(parse_uuid(" a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    EXPECT_FALSE(parse_uuid("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11 "));
}

TEST(Uuid, MisplacedHyphensRefused) {
    EXPECT_FALSE(parse_uuid("-a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));  // leading
    EXPECT_FALSE(parse_uuid("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-"));  // trailing
    EXPECT_FALSE(parse_uuid("a0eebc9-99c0b-4ef8-bb6d-6bb9bd380a11"));   // after 7 digits
    EXPECT_FALSE(parse_uuid("a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11"));  // doubled
    EXPECT_FALSE(parse_uuid("{-a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}"));
    EXPECT_FALSE(parse_uuid("-"));
}

TEST(Uuid, ComparesByValue) {
    const auto a = parse_uuid("00000000-0000-0000-0000-000000000001");
    const auto b = parse_uuid("00000000-0000-0000-0000-000000000002");
    ASSERT_TRUE(a && b);
    EXPECT_TRUE(*a < *b);
    EXPECT_TRUE(*a != *b);
    EXPECT_EQ(*a, *parse_uuid("{00000000000000000000000000000001}"));
}

}  // namespace
