// Command-line configuration of coolpapers-redirector: every flag, every
// default and every named limit in one struct, and a parser that validates
// each flag and says precisely what is wrong.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coolpapers::redirector {

struct Config {
  // --listen HOST:PORT. HOST is a literal IPv4 address, a bracketed IPv6
  // address ("[::1]:8377") or a host name ("localhost:8377"), which main()
  // resolves at start-up (resolve_listen_address); PORT 0 asks the kernel
  // for a free port (tests).
  std::string listen_address = "127.0.0.1";
  std::uint16_t listen_port = 8377;

  // --base URL: every Location starts with it (validated by the resolver).
  std::string base = "https://papers.cool";

  // --public-url URL: where users reach this service (behind a proxy, the
  // proxy's URL). Only the web page shows it. Unset: public_url_of().
  std::optional<std::string> public_url;

  // --rules FILE: an extra rule file, added to the built-in table. The
  // service reads no other rule file (a service has no user, so no
  // ~/.config/coolpapers/rules.json).
  std::optional<std::string> rules_file;

  // --threads N: one event loop (io_context) and one listening socket per
  // thread. 0 here means "the number of cores", decided at start-up.
  unsigned threads = 0;

  // --access-log PATH: one line per request; "-" is standard error.
  // Unset: no access log (the default, and what the benchmark measures).
  std::optional<std::string> access_log;

  // ---- Limits. Each has a flag of the same name. ----

  // --max-header-bytes: request line plus header fields. Over it: 431 and
  // the connection is closed. Request bodies are never accepted (413).
  std::size_t max_header_bytes = 8192;

  // --read-timeout SECONDS: once the first byte of a request has arrived,
  // its whole head must arrive within this time (a client that trickles
  // one byte a second is dropped). Also bounds each response write.
  std::chrono::milliseconds read_timeout{10'000};

  // --idle-timeout SECONDS: a keep-alive connection with no request in
  // progress is closed after this long.
  std::chrono::milliseconds idle_timeout{30'000};

  // --max-connections N: connections over it are answered 503 and closed
  // at once, so a flood cannot exhaust file descriptors.
  std::size_t max_connections = 10'000;

  // --grace SECONDS: on SIGTERM/SIGINT, in-flight requests get this long to
  // be answered before the remaining connections are closed.
  std::chrono::milliseconds grace{10'000};

  // Responses written back per connection in one batch when a client
  // pipelines requests; reading pauses until the batch is written.
  static constexpr std::size_t kMaxPipelinedResponses = 16;
};

// What parse_command_line decided.
struct ParseResult {
  enum class Action { run, help, version, error };
  Action action = Action::run;
  Config config;
  std::string error;  // set iff action == error: one line, no program name
};

// Parses argv[1..]. Accepts "--flag VALUE" and "--flag=VALUE". Never
// throws; every problem is a ParseResult with action == error.
ParseResult parse_command_line(const std::vector<std::string_view>& args);

// --public-url if given, else the listen address as an http:// URL
// ("http://127.0.0.1:8377", "http://[::1]:8377", "http://localhost:8377").
// Never derived from a request's Host header.
std::string public_url_of(const Config& config);

// The --help text.
std::string_view usage_text();

}  // namespace coolpapers::redirector
