#include "host_start.hpp"

namespace coolpapers::app {

HostStart recognise_host_start(const std::vector<std::string>& args, std::string_view allowed_addon_id,
                               std::string& why) {
  if (args.empty()) return HostStart::not_host;
  const std::string& first = args[0];
  if (first.starts_with("chrome-extension://") || first == "native-host") return HostStart::serve;
  // Firefox passes the absolute path of the host manifest it read, then the
  // add-on id. No command starts with '/', so this cannot shadow one.
  const bool firefox_form = first.starts_with("/") && first.ends_with(".json") && args.size() == 2;
  if (!firefox_form) return HostStart::not_host;
  if (args[1] == allowed_addon_id) return HostStart::serve;
  why = "Firefox add-on \"" + args[1] + "\" is not the one this host serves (" + std::string(allowed_addon_id) +
        "); list only " + std::string(allowed_addon_id) + " in allowed_extensions of " + first +
        " (`coolpapers doctor` checks it)";
  return HostStart::refused;
}

}  // namespace coolpapers::app
