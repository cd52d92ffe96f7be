// How browsers start the native messaging host, told apart from commands.
//   Chromium:  coolpapers chrome-extension://ID/ [--parent-window=N]
//   Firefox:   coolpapers /ABSOLUTE/PATH/cool.papers.redirector.json ADD-ON-ID
//   by hand:   coolpapers native-host
// Chromium enforces the manifest's allowed_origins itself; Firefox enforces
// allowed_extensions too, but a host manifest that names another add-on is a
// mistake worth stopping at, so the Firefox form also checks the id.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace coolpapers::app {

enum class HostStart {
  not_host,  // a command (or an unknown word): dispatch as usual
  serve,     // a browser (or a person) starts the host
  refused,   // Firefox's form with an add-on id other than the allowed one
};

// Classifies `args` (argv without the program name). `allowed_addon_id` is
// the one Firefox add-on id served. On `refused`, `why` says what is wrong
// and what to do.
HostStart recognise_host_start(const std::vector<std::string>& args, std::string_view allowed_addon_id,
                               std::string& why);

}  // namespace coolpapers::app
