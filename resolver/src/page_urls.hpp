// URLs whose meaning is the page itself rather than an id inside them:
// arXiv's search pages, Cool Papers' own pages, and paper sites without a
// rule. Each reads the URL as the user gave it (not percent-decoded),
// split once by split_http_url() (nullopt: not an http(s) URL).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rule_table.hpp"

namespace coolpapers::detail {

// The parts of an http(s) URL; host in the text's case, without port or
// user info. Surrounding ASCII spaces are ignored.
struct UrlParts {
  std::string_view host;
  std::string_view path;   // from the first '/' after the host, or empty
  std::string_view query;  // after '?', without the fragment
};
// Returns nullopt iff `text` does not start with http:// or https:// and a
// host. Cheap: it does not check the rest (callers that emit parts of the
// URL check their characters).
std::optional<UrlParts> split_http_url(std::string_view text);

// True iff `host` is `domain` or a subdomain of it, ignoring ASCII case.
// REQUIRES: domain is lower case.
bool host_is(std::string_view host, std::string_view domain);

// If `url` is an arXiv search page (arxiv.org/search/?query=..., with an
// archive such as /search/cs?..., or the advanced search's terms-N-term=),
// writes its search terms, decoded and separated by spaces, to `terms` and
// returns true.
bool arxiv_search_terms(const std::optional<UrlParts>& url, std::string& terms);

// If `url` is a Cool Papers page under /arxiv/ or /venue/, on papers.cool
// or on `base` (the configured base, split), writes to `path` its path and query (fragment dropped) and
// returns true. Only paths that stay where they are do: printable ASCII
// from a small set, no dot or empty segments, no encoded dots, no
// backslashes, at most kMaxOwnPath bytes.
inline constexpr std::size_t kMaxOwnPath = 2048;
bool own_page_path(const std::optional<UrlParts>& url, const UrlParts& base, std::string& path);

// The first site of `sites` that `url` is on, or nullptr.
const SiteWithoutRule* find_site_without_rule(const std::optional<UrlParts>& url,
                                              const std::vector<SiteWithoutRule>& sites);

}  // namespace coolpapers::detail
