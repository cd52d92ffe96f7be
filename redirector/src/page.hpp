// The service's web pages: the start page at "/" (an input box, the
// bookmarklet, the search-engine URL, the supported sites from
// sites_html.hpp, the version) and the 404 page
// shown when a request names no paper. HTML templates and the style sheet
// are files in redirector/static/, compiled into the binary.
//
// Everything that came from a request is HTML-escaped; the only link built
// from request text is the Cool Papers search URL the resolver made, which
// starts with the base.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "coolpapers/resolver.hpp"

namespace coolpapers::redirector {

// `{{name}}` in `text` replaced by the value of the pair named `name`
// (values are inserted as they are: escape them first). A placeholder with
// no value is left in place, which the tests catch.
std::string fill_template(std::string_view text,
                          const std::vector<std::pair<std::string_view, std::string_view>>& values);

// The style sheet served at /style.css.
std::string_view style_sheet();

// The security header lines of both pages ("Name: value\r\n" each): a
// Content-Security-Policy under which nothing runs, styles come only from
// /style.css and the form may submit only here (and be redirected only to
// the base's origin, which Chromium checks); nosniff; no referrer.
std::string page_security_policy(std::string_view base);

// The start page. `public_url` is validated (see --public-url).
std::string render_home_page(const Resolver& resolver, std::string_view public_url);

// The Cool Papers search URL for the words of `input` when it names no
// paper, or "" when it has no words. For a URL, the words of its path and
// query (not "https", not the host name).
std::string search_url_for(const Resolver& resolver, std::string_view input);

// The 404 page for `input`. `why` says why there was no answer;
// `search_url` (from search_url_for, may be empty) becomes the "search
// instead" link.
void render_not_found_page(std::string& out, std::string_view base, std::string_view input,
                           std::string_view why, std::string_view search_url);

}  // namespace coolpapers::redirector
