// The ids of our own extension, compiled in from their one source each
// (extension/EXTENSION_ID, extension/GECKO_ID): what the host manifests
// allow, what doctor checks, and which Firefox add-on may start the host.
#pragma once

#include <string_view>

namespace coolpapers::app {

// The Chromium-family extension id (32 letters a-p), whitespace trimmed.
std::string_view builtin_extension_id();

// The Firefox add-on id, whitespace trimmed: the one entry of a Firefox
// host manifest's allowed_extensions.
std::string_view builtin_gecko_id();

}  // namespace coolpapers::app
