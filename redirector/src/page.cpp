#include "page.hpp"

#include "coolpapers/utf8.hpp"
#include "responses.hpp"
#include "sites_html.hpp"

namespace coolpapers::redirector {
namespace static_files {
std::string_view layout_html();
std::string_view home_html();
std::string_view not_found_html();
std::string_view form_html();
std::string_view style_css();
}  // namespace static_files

namespace {

// Bytes of client input shown on a 404 page, so the page stays short.
constexpr std::size_t kEchoLimit = 300;

std::string escaped(std::string_view text) {
  std::string out;
  append_html_escaped(out, text);
  return out;
}

// At most kEchoLimit bytes, not cutting a UTF-8 sequence in half, control
// characters shown as '?', then escaped.
std::string shown_input(std::string_view input) {
  const std::string_view shown = utf8_prefix(input, kEchoLimit);
  std::string sanitized;
  for (char c : shown)
    sanitized += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? '?' : c;
  std::string out = escaped(sanitized);
  if (shown.size() < input.size()) out += "&hellip;";
  return out;
}

std::string form(std::string_view value_html) {
  return fill_template(static_files::form_html(), {{"value", value_html}});
}

std::string page(std::string_view title, std::string_view base, std::string_view content) {
  const std::string base_html = escaped(base);
  return fill_template(static_files::layout_html(), {{"title", title},
                                                     {"content", content},
                                                     {"version", coolpapers::version()},
                                                     {"base", base_html}});
}

}  // namespace

std::string fill_template(std::string_view text,
                          const std::vector<std::pair<std::string_view, std::string_view>>& values) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const auto open = text.find("{{");
    const auto close = open == std::string_view::npos ? open : text.find("}}", open);
    if (close == std::string_view::npos) break;
    out += text.substr(0, open);
    const std::string_view name = text.substr(open + 2, close - open - 2);
    const auto* value = [&]() -> const std::string_view* {
      for (const auto& [key, v] : values)
        if (key == name) return &v;
      return nullptr;
    }();
    if (value) out += *value;
    else out += text.substr(open, close + 2 - open);
    text.remove_prefix(close + 2);
  }
  out += text;
  return out;
}

std::string_view style_sheet() { return static_files::style_css(); }

std::string page_security_policy(std::string_view base) {
  // The base's origin: scheme://host[:port], without its path.
  const auto scheme_end = base.find("://");
  const auto path = scheme_end == std::string_view::npos ? std::string_view::npos
                                                         : base.find('/', scheme_end + 3);
  const std::string_view origin = base.substr(0, path);
  return "Content-Security-Policy: default-src 'none'; style-src 'self'; "
         "form-action 'self' " + std::string(origin) +
         "; base-uri 'none'; frame-ancestors 'none'\r\n"
         "X-Content-Type-Options: nosniff\r\n"
         "Referrer-Policy: no-referrer\r\n";
}

std::string render_home_page(const Resolver& resolver, std::string_view public_url) {
  const std::string url_html = escaped(public_url);
  // A bookmarklet runs on the paper's page, not here, so this page's CSP
  // does not apply to it. It sends the selected text if there is one, else
  // the page's URL. --public-url cannot hold quotes (it is checked like a
  // base), so it cannot end the JavaScript string.
  const std::string bookmarklet = escaped(
      "javascript:(()=>{const s=String(getSelection()).trim();location.href='" +
      std::string(public_url) + "/?q='+encodeURIComponent(s||location.href)})()");
  const std::string sites = supported_sites_html(resolver.families());
  const std::string base_html = escaped(resolver.options().base);
  const std::string content = fill_template(static_files::home_html(), {{"base", base_html},
                                                                        {"form", form("")},
                                                                        {"bookmarklet", bookmarklet},
                                                                        {"public_url", url_html},
                                                                        {"sites", sites}});
  return page("Cool Papers redirector", resolver.options().base, content);
}

std::string search_url_for(const Resolver& resolver, std::string_view input) {
  std::string_view words = input;
  if (auto_field(input) == Field::page_url) {
    // Skip "scheme://host": they are not what the page is about.
    const auto scheme_end = words.find("://");
    words.remove_prefix(scheme_end + 3);
    const auto path = words.find_first_of("/?#");
    words = path == std::string_view::npos ? std::string_view{} : words.substr(path);
  }
  if (words.empty()) return {};
  Resolution r = resolver.resolve(words, Field::selection_text);
  if (!r.ok() || r.kind != AnswerKind::search) return {};
  return r.url;
}

void render_not_found_page(std::string& out, std::string_view base, std::string_view input,
                           std::string_view why, std::string_view search_url) {
  std::string search;
  if (!search_url.empty()) {
    search = "<p><a class=\"button\" href=\"" + escaped(search_url) +
             "\">Search Cool Papers for these words instead</a></p>";
  }
  const std::string input_html = shown_input(input);
  const std::string why_html = escaped(why);
  const std::string content = fill_template(static_files::not_found_html(),
                                            {{"why", why_html},
                                             {"input", input_html},
                                             {"search", search},
                                             {"form", form(escaped(input))}});
  out = page("No paper found", base, content);
}

}  // namespace coolpapers::redirector
