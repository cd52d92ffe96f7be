// The supported sites on the service's page come from the loaded families,
// escaped: a family from a --rules file shows up with no other change.
#include <doctest/doctest.h>

#include "handler.hpp"
#include "sites_html.hpp"

using namespace coolpapers;
using namespace coolpapers::redirector;

TEST_CASE("the page lists every built-in site and no listing fallback") {
  auto resolver = Resolver::create({});
  REQUIRE(resolver);
  std::string html = supported_sites_html(resolver->families());
  CHECK(html.starts_with("<ul class=\"sites\"><li>arXiv</li><li>OpenReview</li>"));
  CHECK(html.find("<li>ACL Anthology</li>") != std::string::npos);
  CHECK(html.find("listings") == std::string::npos);
  Service service(*resolver, "http://127.0.0.1:8377");
  CHECK(std::string(service.help_page()).find(html) != std::string::npos);
}

TEST_CASE("a family from a rule file is listed, its display name HTML-escaped") {
  auto resolver = Resolver::create(
      {}, {{"sites.json", R"J({"families":[{"name":"mine","display":"<b>Mine</b> & Co","page":"venue"}]})J"}});
  REQUIRE(resolver);
  std::string html = supported_sites_html(resolver->families());
  CHECK(html.ends_with("<li>&lt;b&gt;Mine&lt;/b&gt; &amp; Co</li></ul>\n"));
  CHECK(html.find("<b>") == std::string::npos);
  Service service(*resolver, "http://127.0.0.1:8377");
  CHECK(std::string(service.help_page()).find("&lt;b&gt;Mine&lt;/b&gt; &amp; Co") != std::string::npos);
  CHECK(supported_sites_html({}) == "");
}
