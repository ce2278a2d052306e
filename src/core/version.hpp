// The extension's version, as in niaga.control's default_version.
#pragma once

namespace niaga {
inline constexpr const char* kVersion = "1.1";
}
