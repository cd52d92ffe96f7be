#include "config.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include <boost/asio/ip/address.hpp>

#include "coolpapers/resolver.hpp"

namespace coolpapers::redirector {
namespace {

constexpr std::string_view kUsage =
    R"(Usage: coolpapers-redirector [OPTIONS]

A small HTTP service that answers every request with a 302 redirect to the
Cool Papers page of the paper it names:

  GET /https://arxiv.org/abs/2312.00001      -> 302 https://papers.cool/arxiv/2312.00001
  GET /?q=arXiv:2312.00001                   -> the same (browser search bar)
  GET /api/resolve?q=TEXT[&field=FIELD]      -> JSON, 200 or 404
  GET /healthz, GET /metrics (Prometheus)
  GET /                                      -> the web page: an input box,
                                                a bookmarklet, the search-engine URL

Options:
  --listen HOST:PORT       address to listen on (default 127.0.0.1:8377;
                           IPv6 as [::1]:8377; a host name such as
                           localhost:8377 is resolved at start-up and the
                           first IPv4 address it has is used, else its first
                           address; port 0 picks a free port)
  --public-url URL         the service's URL as users reach it, e.g. behind
                           a proxy https://example.org/papers; shown on the
                           web page (default: http://HOST:PORT of --listen)
  --base URL               target base of every redirect
                           (default https://papers.cool)
  --rules FILE             extra identifier rules (JSON, same format as the
                           built-in table); no other rule file is read
  --threads N              event loops, one per thread (default: number of cores)
  --access-log PATH        write one line per request to PATH ("-" = stderr)

Limits:
  --max-header-bytes N     request line + headers (default 8192; over it: 431)
  --read-timeout SECONDS   time for a whole request head once it has begun,
                           and for each response write (default 10)
  --idle-timeout SECONDS   idle keep-alive connections are closed (default 30)
  --max-connections N      connections over it get 503 (default 10000)
  --grace SECONDS          on SIGTERM/SIGINT, time to finish in-flight
                           responses before closing (default 10); a request
                           whose head has not arrived is not in flight: it
                           gets 0.5 s to arrive, then is closed
  Request bodies are refused with 413.

  --help                   this text
  --version                print the version

Exit status: 0 after a clean shutdown (SIGTERM/SIGINT), 2 for a bad flag or
configuration, 1 if the server could not start (e.g. address in use).
)";

bool parse_unsigned(std::string_view text, unsigned long long min,
                    unsigned long long max, unsigned long long& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size() && out >= min &&
         out <= max;
}

// "10", "0.5", "2.25": seconds with an optional fraction, at millisecond
// resolution. Rejects signs, exponents and anything non-finite.
bool parse_seconds(std::string_view text, double min, double max,
                   std::chrono::milliseconds& out) {
  if (text.empty() || text.size() > 16) return false;
  for (char c : text)
    if (!(c >= '0' && c <= '9') && c != '.') return false;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return false;
  if (!std::isfinite(value) || value < min || value > max) return false;
  out = std::chrono::milliseconds(static_cast<long long>(std::llround(value * 1000)));
  return true;
}

// A DNS name: letters, digits, '-' and '.', labels of 1-63 characters not
// starting or ending with '-'.
bool is_host_name(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  std::size_t label = 0;
  for (std::size_t i = 0; i <= host.size(); ++i) {
    const char c = i < host.size() ? host[i] : '.';
    if (c == '.') {
      if (label == 0 || label > 63 || host[i - 1] == '-' || host[i - label] == '-') return false;
      label = 0;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-') {
      ++label;
    } else {
      return false;
    }
  }
  return true;
}

// "127.0.0.1:8377", "[::1]:8377", "0.0.0.0:0", "localhost:8377".
std::optional<std::string> parse_listen(std::string_view text, Config& config) {
  std::string_view host;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    auto close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() ||
        text[close + 1] != ':')
      return "expected [IPV6]:PORT";
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return "expected ADDR:PORT, e.g. 127.0.0.1:8377";
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.find(':') != std::string_view::npos)
      return "write an IPv6 address in brackets, e.g. [::1]:8377";
  }
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(std::string(host), ec);
  if (text.front() == '[' && (ec || !address.is_v6()))
    return "only IPv6 addresses go in brackets";
  if (ec && !is_host_name(host))
    return "'" + std::string(host) +
           "' is neither an IP address nor a host name (use e.g. 127.0.0.1, [::1] or localhost)";
  unsigned long long number = 0;
  if (!parse_unsigned(port, 0, 65535, number))
    return "'" + std::string(port) + "' is not a port number (0-65535)";
  config.listen_address = ec ? std::string(host) : address.to_string();
  config.listen_port = static_cast<std::uint16_t>(number);
  return std::nullopt;
}

}  // namespace

std::string_view usage_text() { return kUsage; }

std::string public_url_of(const Config& config) {
  if (config.public_url) return *config.public_url;
  const bool v6 = config.listen_address.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + config.listen_address + "]" : config.listen_address) + ":" +
         std::to_string(config.listen_port);
}

ParseResult parse_command_line(const std::vector<std::string_view>& args) {
  ParseResult result;
  Config& config = result.config;
  auto fail = [&](std::string message) {
    result.action = ParseResult::Action::error;
    result.error = std::move(message);
    return result;
  };

  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      result.action = ParseResult::Action::help;
      return result;
    }
    if (arg == "--version") {
      result.action = ParseResult::Action::version;
      return result;
    }
    if (arg.substr(0, 2) != "--")
      return fail("unexpected argument '" + std::string(arg) + "' (see --help)");

    std::string_view name = arg;
    std::optional<std::string_view> inline_value;
    if (auto eq = arg.find('='); eq != std::string_view::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    static constexpr std::string_view kKnown[] = {
        "--listen",           "--base",         "--rules",        "--public-url",
        "--threads",          "--access-log",   "--max-header-bytes",
        "--read-timeout",     "--idle-timeout", "--max-connections",
        "--grace"};
    bool known = false;
    for (auto k : kKnown) known = known || k == name;
    if (!known) return fail("unknown option '" + std::string(name) + "' (see --help)");

    std::string_view value;
    if (inline_value) {
      value = *inline_value;
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return fail(std::string(name) + " needs a value (see --help)");
    }
    const std::string quoted = "'" + std::string(value) + "'";

    if (name == "--listen") {
      if (auto error = parse_listen(value, config))
        return fail("--listen " + quoted + ": " + *error);
    } else if (name == "--base") {
      auto normalized = normalize_base(value);
      if (!normalized)
        return fail("--base " + quoted + ": " + normalized.error().message);
      config.base = *normalized;
    } else if (name == "--public-url") {
      // The same shape as a base: http(s)://host[:port][/path].
      auto normalized = normalize_base(value);
      if (!normalized) {
        // The check is the base's; its messages say "the base".
        std::string message = normalized.error().message;
        if (message.rfind("the base", 0) == 0) message.replace(0, 8, "the URL");
        return fail("--public-url " + quoted + ": " + message);
      }
      config.public_url = *normalized;
    } else if (name == "--rules") {
      if (value.empty()) return fail("--rules needs a file name");
      config.rules_file = std::string(value);
    } else if (name == "--threads") {
      unsigned long long n = 0;
      if (!parse_unsigned(value, 1, 1024, n))
        return fail("--threads " + quoted + ": expected a whole number from 1 to 1024");
      config.threads = static_cast<unsigned>(n);
    } else if (name == "--access-log") {
      if (value.empty()) return fail("--access-log needs a file name or '-' for stderr");
      config.access_log = std::string(value);
    } else if (name == "--max-header-bytes") {
      unsigned long long n = 0;
      if (!parse_unsigned(value, 1024, 1 << 20, n))
        return fail("--max-header-bytes " + quoted +
                    ": expected a whole number from 1024 to 1048576");
      config.max_header_bytes = static_cast<std::size_t>(n);
    } else if (name == "--max-connections") {
      unsigned long long n = 0;
      if (!parse_unsigned(value, 1, 10'000'000, n))
        return fail("--max-connections " + quoted +
                    ": expected a whole number from 1 to 10000000");
      config.max_connections = static_cast<std::size_t>(n);
    } else {
      // The three durations.
      std::chrono::milliseconds* target = name == "--read-timeout"   ? &config.read_timeout
                                          : name == "--idle-timeout" ? &config.idle_timeout
                                                                     : &config.grace;
      const double min = name == "--grace" ? 0.0 : 0.1;
      if (!parse_seconds(value, min, 86400, *target))
        return fail(std::string(name) + " " + quoted + ": expected seconds from " +
                    (name == "--grace" ? "0" : "0.1") + " to 86400, e.g. 10 or 2.5");
    }
  }
  return result;
}

}  // namespace coolpapers::redirector
