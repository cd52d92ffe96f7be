// The `describe` reply (PROTOCOL.md, "Sites"): the loaded families, so the
// extension's page menu covers the built-in sites and the user's own.
#pragma once

#include <string>

#include "coolpapers/resolver.hpp"

namespace coolpapers::host {

// Appends {"ok":true,"families":[...]} to `out`. Families that would take
// the reply past kMaxReplyBytes (only a huge user rule file can) are left
// out, and the reply says so: "truncated":true,"omitted":N.
void append_describe_reply(const Resolver& resolver, std::string& out);

}  // namespace coolpapers::host
