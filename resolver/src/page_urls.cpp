#include "page_urls.hpp"

#include <algorithm>

#include "ascii.hpp"
#include "coolpapers/percent.hpp"
#include "safe_id.hpp"

namespace coolpapers::detail {
namespace {

bool equals_ascii_ci(std::string_view text, std::string_view lower) {
  return text.size() == lower.size() && starts_with_ascii_ci(text, lower);
}

bool equals_ascii_ci_both(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return ascii_lower(static_cast<unsigned char>(x)) == ascii_lower(static_cast<unsigned char>(y));
  });
}

// Characters kept in a Cool Papers path and query as they are.
bool is_own_path_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("-._~@,:;=&?%+!*()/").find(c) != std::string_view::npos;
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// True iff every '/'-separated segment of `path` (which starts with '/') is
// non-empty and neither "." nor "..", and no '%' hides a dot, a slash or a
// backslash.
bool stays_in_place(std::string_view path) {
  // The segments are those of an id in an answer's path (safe_id.hpp).
  if (!is_safe_id(path.substr(1))) return false;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '%') continue;
    if (i + 2 >= path.size() || !is_hex(path[i + 1]) || !is_hex(path[i + 2])) return false;
    std::string_view code = path.substr(i + 1, 2);
    if (equals_ascii_ci(code, "2e") || equals_ascii_ci(code, "2f") || equals_ascii_ci(code, "5c")) return false;
  }
  return true;
}

}  // namespace

std::optional<UrlParts> split_http_url(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::size_t scheme = starts_with_ascii_ci(text, "https://") ? 8 : starts_with_ascii_ci(text, "http://") ? 7 : 0;
  if (scheme == 0) return std::nullopt;
  text.remove_prefix(scheme);
  // The authority ends at '/', '?' or '#'; the rest is found with memchr.
  std::size_t i = 0;
  while (i < text.size() && text[i] != '/' && text[i] != '?' && text[i] != '#') ++i;
  std::string_view authority = text.substr(0, i);
  if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  UrlParts parts;
  parts.host = authority.substr(0, authority.find(':'));
  if (parts.host.empty()) return std::nullopt;
  text.remove_prefix(i);
  text = text.substr(0, text.find('#'));
  std::size_t question = text.find('?');
  parts.path = text.substr(0, question);
  if (question != std::string_view::npos) parts.query = text.substr(question + 1);
  return parts;
}

bool host_is(std::string_view host, std::string_view domain) {
  if (host.size() < domain.size()) return false;
  std::string_view tail = host.substr(host.size() - domain.size());
  return equals_ascii_ci(tail, domain) && (host.size() == domain.size() || host[host.size() - domain.size() - 1] == '.');
}

bool arxiv_search_terms(const std::optional<UrlParts>& parts, std::string& terms) {
  if (!parts || !host_is(parts->host, "arxiv.org")) return false;
  std::string_view path = parts->path;
  if (!starts_with_ascii_ci(path, "/search")) return false;
  path.remove_prefix(7);
  // "/search", "/search/", "/search/cs", "/search/advanced": one segment at most.
  if (!path.empty() && (path[0] != '/' || path.find('/', 1) != std::string_view::npos)) return false;

  terms.clear();
  std::string value;
  std::string_view query = parts->query;
  while (!query.empty()) {
    std::string_view pair = query.substr(0, query.find('&'));
    query.remove_prefix(std::min(pair.size() + 1, query.size()));
    std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    std::string_view key = pair.substr(0, equals);
    // The simple search's "query", the advanced search's "terms-N-term".
    bool is_term = key == "query" || (key.starts_with("terms-") && key.ends_with("-term"));
    if (!is_term) continue;
    if (!percent_decode(pair.substr(equals + 1), true, value)) value.assign(pair.substr(equals + 1));
    if (value.find_first_not_of(' ') == std::string::npos) continue;
    if (!terms.empty()) terms.push_back(' ');
    terms += value;
  }
  return !terms.empty();
}

bool own_page_path(const std::optional<UrlParts>& parts, const UrlParts& base, std::string& path) {
  if (!parts) return false;
  std::string_view rest = parts->path;
  bool on_cool_papers = equals_ascii_ci(parts->host, "papers.cool") || equals_ascii_ci(parts->host, "www.papers.cool");
  if (!on_cool_papers) {
    // The configured base (a local or mirrored service): its host and path.
    if (!equals_ascii_ci_both(parts->host, base.host) || !rest.starts_with(base.path)) return false;
    rest.remove_prefix(base.path.size());
  }
  if (!rest.starts_with("/arxiv/") && !rest.starts_with("/venue/")) return false;
  path.assign(rest);
  if (!parts->query.empty()) {
    path.push_back('?');
    path += parts->query;
  }
  return path.size() <= kMaxOwnPath && std::all_of(path.begin(), path.end(), is_own_path_char) &&
         stays_in_place(rest);
}

const SiteWithoutRule* find_site_without_rule(const std::optional<UrlParts>& parts,
                                              const std::vector<SiteWithoutRule>& sites) {
  if (!parts) return nullptr;
  for (const SiteWithoutRule& site : sites) {
    bool on_host = std::any_of(site.hosts.begin(), site.hosts.end(),
                               [&](const std::string& host) { return host_is(parts->host, host); });
    if (!on_host) continue;
    bool on_path = site.paths.empty() ||
                   std::any_of(site.paths.begin(), site.paths.end(),
                               [&](const std::string& prefix) { return starts_with_ascii_ci(parts->path, prefix); });
    if (on_path) return &site;
  }
  return nullptr;
}

}  // namespace coolpapers::detail
