// The request-to-response function of the redirect service: a parsed
// request head in, one complete HTTP response appended to a buffer out.
// It does no I/O (like handle_request in Beast's examples), so every route
// is tested, and fuzzed, without sockets.
//
// Routes:
//   GET /                        the start page (200, HTML; see page.hpp)
//   GET /?q=TEXT                 TEXT resolved as the `auto` field -> 302
//   GET /api/resolve?q=TEXT[&field=auto|selection|link|page|frame]
//                                the resolver's JSON: 200, or 404 no_match
//   GET /healthz, GET /metrics   liveness, Prometheus text format
//   GET /robots.txt, /favicon.ico, /style.css (the pages' style sheet)
//   GET /<anything else>         everything after the first '/', query
//                                included, resolved as `auto` -> 302
//   HEAD                         like GET, without the body
// No paper found: 404 with an HTML page that says why and, when the input
// has words, links to the Cool Papers search for them (JSON under /api/).
//
// Safety: a 302 is sent only for a URL that starts with the configured base
// followed by '/' and consists of printable ASCII, so nothing a client sends
// can change the target host or add a header line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "coolpapers/resolver.hpp"
#include "request_head.hpp"

namespace coolpapers::redirector {

enum class Route : std::uint8_t {
  redirect,     // GET /<input>
  search,       // GET /?q=
  api,          // GET /api/...
  help,         // GET /
  healthz,
  metrics,
  static_file,  // robots.txt, favicon.ico
  rejected,     // unparseable or over a limit; answered before routing
};
inline constexpr std::size_t kRouteCount = 8;
std::string_view route_name(Route route);

struct Outcome {
  Route route = Route::rejected;
  unsigned status = 500;
  bool close = false;  // the response said "Connection: close"
};

// Renders the /metrics page. The server's implementation reads live
// counters; tests pass a fixed one.
class MetricsSource {
 public:
  virtual ~MetricsSource() = default;
  virtual void render(std::string& out) const = 0;
};

// Read-only state shared by every thread.
class Service {
 public:
  // `public_url` ("http://127.0.0.1:8377", or --public-url) only appears
  // on the start page; responses never depend on it otherwise, nor on the
  // request's Host header.
  Service(Resolver resolver, std::string public_url);

  const Resolver& resolver() const { return resolver_; }
  std::string_view base() const { return resolver_.options().base; }
  std::string_view help_page() const { return help_page_; }
  // Header lines of both HTML pages (Content-Security-Policy and friends).
  std::string_view page_headers() const { return page_headers_; }

 private:
  Resolver resolver_;
  std::string help_page_;
  std::string page_headers_;
};

// Buffers reused from request to request by one thread.
struct Scratch {
  std::string input;
  std::string body;
  Resolution resolution;
};

struct ResponseContext {
  std::string_view date;                  // the Date header value
  const MetricsSource* metrics = nullptr; // null: /metrics answers 404
  bool closing = false;                   // server is draining
};

// Appends the response to `out` and says what it was. Never throws except
// std::bad_alloc.
Outcome handle_request(const Service& service, const RequestHead& request,
                       const ResponseContext& context, Scratch& scratch,
                       std::string& out);

// Helpers, exposed for tests.

// The raw (still encoded) value of `name` in a query string "a=1&b=2", or
// nullopt if the parameter is absent.
std::optional<std::string_view> query_parameter(std::string_view query,
                                                std::string_view name);

// True iff `url` may be sent as a Location: it starts with `base` + "/" and
// is printable ASCII without spaces.
bool is_safe_location(std::string_view url, std::string_view base);

}  // namespace coolpapers::redirector
