#include "handler.hpp"

#include "coolpapers/page_meta.hpp"
#include "coolpapers/percent.hpp"
#include "coolpapers/resolution_json.hpp"
#include "page.hpp"
#include "responses.hpp"

namespace coolpapers::redirector {
namespace {

constexpr std::string_view kHtml = "text/html; charset=utf-8";
constexpr std::string_view kJson = "application/json";
constexpr std::string_view kText = "text/plain; charset=utf-8";
constexpr std::string_view kPrometheus = "text/plain; version=0.0.4; charset=utf-8";
constexpr std::string_view kCss = "text/css; charset=utf-8";
constexpr std::string_view kCssHeaders =
    "Cache-Control: public, max-age=3600\r\nX-Content-Type-Options: nosniff\r\n";

bool starts_with_icase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// Everything after the first '/' of the path, query included. Origin-form
// targets ("/x?y") are the normal case; absolute-form targets
// ("http://host/x?y", which HTTP/1.1 servers must accept) are reduced to
// their path and query, the host being ignored. Returns nullopt for
// authority-form ("host:443") and asterisk-form ("*") targets: this is not
// a proxy.
std::optional<std::string_view> input_part(std::string_view target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  std::size_t scheme = 0;
  if (starts_with_icase(target, "http://")) scheme = 7;
  else if (starts_with_icase(target, "https://")) scheme = 8;
  else return std::nullopt;
  std::string_view rest = target.substr(scheme);
  std::size_t end_of_authority = rest.find_first_of("/?");
  if (end_of_authority == std::string_view::npos) return std::string_view{};
  if (rest[end_of_authority] == '/') return rest.substr(end_of_authority + 1);
  return rest.substr(end_of_authority);  // "http://host?q=x" -> "?q=x"
}

std::string_view path_of(std::string_view rest) {
  return rest.substr(0, rest.find('?'));
}

std::string_view query_of(std::string_view rest) {
  auto q = rest.find('?');
  return q == std::string_view::npos ? std::string_view{} : rest.substr(q + 1);
}

bool is_blank(std::string_view text) {
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

struct Responder {
  const RequestHead& request;
  const ResponseContext& context;
  std::string& out;
  Route route;

  Outcome send(unsigned status, std::string_view content_type, std::string_view body,
               std::string_view location = {}, std::string_view extra = {}) {
    ResponseHead head;
    head.status = status;
    head.content_type = content_type;
    head.location = location;
    head.extra_headers = extra;
    head.keep_alive = request.keep_alive && !context.closing;
    append_response(out, head, context.date, body,
                    request.method != http::verb::head);
    return {route, status, !head.keep_alive};
  }
};

// Why a request got no answer, in the user's terms: what was looked at.
// For a known paper site without a rule the resolver's own message says
// which site and what works instead (rules.json "sites_without_rule"); it
// is shown as it is, so the wording stays in one place.
std::string_view why_no_paper(std::string_view input, const Resolution& r) {
  if (auto_field(input) == Field::page_url) {
    if (!r.site_without_rule.empty()) return r.message;
    return "This link is not a paper's page on a supported site, and it has no "
           "paper identifier in it.";
  }
  return "This text has no paper identifier in it, and no words to search for.";
}

Outcome resolve_and_redirect(const Service& service, Responder& respond,
                             Scratch& scratch) {
  Request request;
  request.set(auto_field(scratch.input), scratch.input);
  service.resolver().resolve_into(request, scratch.resolution);
  const Resolution& r = scratch.resolution;
  if (r.ok()) {
    if (!is_safe_location(r.url, service.base()))
      return respond.send(500, kText, "internal error: unsafe redirect target refused\n");
    return respond.send(302, "text/html", redirect_body(), r.url);
  }
  if (r.error == ErrorCode::no_match) {
    // Not the redirect path: the page is only built when there is no paper.
    std::string search_url = search_url_for(service.resolver(), scratch.input);
    if (!is_safe_location(search_url, service.base())) search_url.clear();
    render_not_found_page(scratch.body, service.base(), scratch.input,
                          why_no_paper(scratch.input, r), search_url);
    return respond.send(404, kHtml, scratch.body, {}, service.page_headers());
  }
  return respond.send(r.error == ErrorCode::internal ? 500 : 400, kText,
                      "the request could not be resolved\n");
}

Outcome api(const Service& service, Responder& respond, std::string_view rest,
            Scratch& scratch) {
  if (path_of(rest) != "api/resolve") {
    scratch.body = to_json(ErrorReply{ErrorCode::bad_request, "unknown API endpoint; use /api/resolve?q=TEXT"});
    return respond.send(404, kJson, scratch.body);
  }
  const std::string_view query = query_of(rest);
  auto q = query_parameter(query, "q");
  if (!q) {
    scratch.body = to_json(ErrorReply{ErrorCode::bad_request, "missing the q parameter"});
    return respond.send(400, kJson, scratch.body);
  }
  percent_decode(*q, true, scratch.input);

  FieldChoice field;
  if (auto f = query_parameter(query, "field")) {
    std::string name;
    percent_decode(*f, true, name);
    auto choice = field_choice_from_name(name);
    if (!choice) {
      scratch.body = to_json(ErrorReply{ErrorCode::bad_request, "field must be " + std::string(kFieldChoiceNames),
                                        name});
      return respond.send(400, kJson, scratch.body);
    }
    field = *choice;
  }
  Request request;
  request.set(field.for_text(scratch.input), scratch.input);
  // The page's meta tags, one parameter each, named as the tags
  // (&citation_title=...&citation_doi=...&DC.title=...), as in the host's
  // pageMeta. Values are cut to kMaxMetaValueBytes.
  PageMetaStore meta;
  std::string decoded;
  for (std::string_view name : PageMeta::kNames)
    if (auto value = query_parameter(query, name)) {
      percent_decode(*value, true, decoded);
      meta.set(name, decoded);
    }
  request.page_meta = meta.view();
  service.resolver().resolve_into(request, scratch.resolution);
  const Resolution& r = scratch.resolution;
  if (r.ok() && !is_safe_location(r.url, service.base())) {
    scratch.body = to_json(ErrorReply{ErrorCode::internal, "unsafe redirect target refused"});
    return respond.send(500, kJson, scratch.body);
  }
  scratch.body = to_json(r);
  unsigned status = r.ok() ? 200 : r.error == ErrorCode::no_match ? 404
                                  : r.error == ErrorCode::internal ? 500 : 400;
  return respond.send(status, kJson, scratch.body);
}

}  // namespace

std::string_view route_name(Route route) {
  switch (route) {
    case Route::redirect: return "redirect";
    case Route::search: return "search";
    case Route::api: return "api";
    case Route::help: return "help";
    case Route::healthz: return "healthz";
    case Route::metrics: return "metrics";
    case Route::static_file: return "static";
    case Route::rejected: return "rejected";
  }
  return "unknown";
}

Service::Service(Resolver resolver, std::string public_url)
    : resolver_(std::move(resolver)),
      help_page_(render_home_page(resolver_, public_url)),
      page_headers_(page_security_policy(resolver_.options().base)) {}

Outcome handle_request(const Service& service, const RequestHead& request,
                       const ResponseContext& context, Scratch& scratch,
                       std::string& out) {
  Responder respond{request, context, out, Route::rejected};

  auto target = input_part(request.target);
  if (!target) {
    return respond.send(400, kText,
                        "only origin-form (/path) and absolute-form (http://host/path) "
                        "request targets are served\n");
  }
  const std::string_view rest = *target;
  const std::string_view path = path_of(rest);

  // Classify first, so 405s are counted under the route they were for.
  if (path.empty()) {
    respond.route = Route::search;
  } else if (path == "healthz") {
    respond.route = Route::healthz;
  } else if (path == "metrics") {
    respond.route = Route::metrics;
  } else if (path == "robots.txt" || path == "favicon.ico" || path == "style.css") {
    respond.route = Route::static_file;
  } else if (path == "api" || path.substr(0, 4) == "api/") {
    respond.route = Route::api;
  } else {
    respond.route = Route::redirect;
  }

  if (request.method != http::verb::get && request.method != http::verb::head) {
    return respond.send(405, kText, "only GET and HEAD are served\n", {},
                        "Allow: GET, HEAD\r\n");
  }

  switch (respond.route) {
    case Route::search: {
      auto q = query_parameter(query_of(rest), "q");
      if (q) percent_decode(*q, true, scratch.input);
      if (!q || is_blank(scratch.input)) {
        respond.route = Route::help;
        return respond.send(200, kHtml, service.help_page(), {}, service.page_headers());
      }
      return resolve_and_redirect(service, respond, scratch);
    }
    case Route::healthz:
      return respond.send(200, kText, "ok\n");
    case Route::metrics:
      if (!context.metrics) return respond.send(404, kText, "no metrics\n");
      scratch.body.clear();
      context.metrics->render(scratch.body);
      return respond.send(200, kPrometheus, scratch.body);
    case Route::static_file:
      if (path == "robots.txt")
        return respond.send(200, kText, "User-agent: *\nDisallow: /\n");
      if (path == "style.css") return respond.send(200, kCss, style_sheet(), {}, kCssHeaders);
      return respond.send(404, kText, "");
    case Route::api:
      return api(service, respond, rest, scratch);
    default:
      percent_decode(rest, false, scratch.input);
      return resolve_and_redirect(service, respond, scratch);
  }
}

std::optional<std::string_view> query_parameter(std::string_view query,
                                                std::string_view name) {
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    auto eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    if (key == name)
      return eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
  }
  return std::nullopt;
}

bool is_safe_location(std::string_view url, std::string_view base) {
  if (base.empty() || url.size() <= base.size() || url.substr(0, base.size()) != base ||
      url[base.size()] != '/')
    return false;
  for (char c : url)
    if (c <= 0x20 || c >= 0x7F) return false;
  return true;
}

}  // namespace coolpapers::redirector
