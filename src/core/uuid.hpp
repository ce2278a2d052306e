// A UUID as core sees it: sixteen bytes, compared and hashed by value.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace niaga {

struct Uuid {
    std::array<uint8_t, 16> bytes{};

    bool operator==(const Uuid& other) const { return bytes == other.bytes; }
    bool operator!=(const Uuid& other) const { return bytes != other.bytes; }
    bool operator<(const Uuid& other) const { return bytes < other.bytes; }

    // The canonical 8-4-4-4-12 lower-case form.
    std::string to_string() const {
        static const char hex[] = "0123456789abcdef";
        std::string out;
        out.reserve(36);
        for (size_t i = 0; i < bytes.size(); ++i) {
            if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
            out += hex[bytes[i] >> 4];
            out += hex[bytes[i] & 0xF];
        }
        return out;
    }
};

// Parses the forms PostgreSQL's uuid_in accepts most often: 32 hex digits,
// with or without hyphens between groups of four, optionally in braces.
inline std::optional<Uuid> parse_uuid(std::string_view text) {
    if (text.size() >= 2 && text.front() == '{' && text.back() == '}') text = text.substr(1, text.size() - 2);
    Uuid uuid;
    size_t digits = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        int value;
        if (c >= '0' && c <= '9')
            value = c - '0';
        else if (c >= 'a' && c <= 'f')
            value = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            value = c - 'A' + 10;
        else if (c == '-' && digits % 4 == 0 && digits > 0 && digits < 32 && i + 1 < text.size() && text[i + 1] != '-')
            continue;
        else
            return std::nullopt;
        if (digits == 32) return std::nullopt;
        uuid.bytes[digits / 2] = static_cast<uint8_t>(uuid.bytes[digits / 2] << 4 | value);
        ++digits;
    }
    if (digits != 32) return std::nullopt;
    return uuid;
}

}  // namespace niaga
