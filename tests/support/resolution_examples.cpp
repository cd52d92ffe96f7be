#include "resolution_examples.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <stdexcept>
#include <string_view>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace coolpapers::test {
namespace {

namespace json = boost::json;

constexpr std::string_view kPath = COOLPAPERS_EXAMPLES_FILE;
constexpr std::array<std::string_view, 4> kMembers = {"selectionText", "linkUrl", "pageUrl", "frameUrl"};
constexpr std::array<std::string_view, 7> kKeys = {"request", "url", "family", "ids", "truncated", "message", "why"};
constexpr std::string_view kDefaultBase = "https://papers.cool/";

[[noreturn]] void fail(int line, const std::string& what) {
  throw std::runtime_error(std::string(kPath) + ":" + std::to_string(line) + ": " + what +
                           " (the format is described at the top of the file)");
}

std::string text_of(const json::value& v) { return std::string(v.as_string().data(), v.as_string().size()); }

ResolutionExample parse_line(const std::string& text, int line) {
  json::error_code ec;
  json::value value = json::parse(text, ec);
  if (ec) fail(line, "not valid JSON: " + ec.message());
  if (!value.is_object()) fail(line, "not a JSON object");
  const json::object& o = value.as_object();
  for (const auto& member : o)
    if (std::find(kKeys.begin(), kKeys.end(), std::string_view(member.key())) == kKeys.end())
      fail(line, "unknown key \"" + std::string(member.key()) + "\"");

  ResolutionExample example;
  example.line = line;
  const json::value* request = o.if_contains("request");
  if (!request || !request->is_object()) fail(line, "\"request\" must be an object");
  for (const auto& member : request->as_object())
    if (member.key() != "pageMeta" &&
        std::find(kMembers.begin(), kMembers.end(), std::string_view(member.key())) == kMembers.end())
      fail(line, "unknown request member \"" + std::string(member.key()) + "\"");
  if (const json::value* meta = request->as_object().if_contains("pageMeta")) {
    if (!meta->is_object() || meta->as_object().empty()) fail(line, "\"pageMeta\" must be a non-empty object of tags");
    for (const auto& tag : meta->as_object()) {
      if (!tag.value().is_string()) fail(line, "each \"pageMeta\" value must be a string");
      example.page_meta.emplace_back(std::string(tag.key()), text_of(tag.value()));
    }
  }
  for (std::string_view name : kMembers) {
    const json::value* v = request->as_object().if_contains(name);
    if (!v) continue;
    if (!v->is_string() || v->as_string().empty()) fail(line, "\"" + std::string(name) + "\" must be a non-empty string");
    example.request.emplace_back(std::string(name), text_of(*v));
  }
  if (example.request.empty()) fail(line, "\"request\" needs at least one of selectionText, linkUrl, pageUrl, frameUrl");

  const json::value* url = o.if_contains("url");
  if (!url || !(url->is_null() || url->is_string())) fail(line, "\"url\" must be the expected URL or null");
  if (url->is_string()) {
    example.url = text_of(*url);
    if (!example.url->starts_with(kDefaultBase)) fail(line, "\"url\" must start with " + std::string(kDefaultBase));
  }
  if (const json::value* family = o.if_contains("family")) {
    if (!family->is_string() || family->as_string().empty()) fail(line, "\"family\" must be a non-empty string");
    example.family = text_of(*family);
  }
  if (const json::value* ids = o.if_contains("ids")) {
    if (!ids->is_array()) fail(line, "\"ids\" must be an array of strings");
    example.ids.emplace();
    for (const json::value& id : ids->as_array()) {
      if (!id.is_string()) fail(line, "\"ids\" must be an array of strings");
      example.ids->push_back(text_of(id));
    }
  }
  if (const json::value* truncated = o.if_contains("truncated")) {
    if (!truncated->is_bool()) fail(line, "\"truncated\" must be true or false");
    example.truncated = truncated->as_bool();
  }
  if (const json::value* message = o.if_contains("message")) {
    if (!message->is_string() || message->as_string().empty()) fail(line, "\"message\" must be a non-empty string");
    example.message = text_of(*message);
  }
  if (!example.url && (!example.family.empty() || example.ids || example.truncated))
    fail(line, "an example with no answer has no family, ids or truncated");
  if (example.url && !example.message.empty()) fail(line, "\"message\" goes with \"url\": null");
  const json::value* why = o.if_contains("why");
  if (!why || !why->is_string() || why->as_string().empty()) fail(line, "\"why\" must say why, in words");
  example.why = text_of(*why);
  return example;
}

std::vector<ResolutionExample> read_examples() {
  std::ifstream in{std::string(kPath)};
  if (!in) throw std::runtime_error("cannot read " + std::string(kPath));
  std::vector<ResolutionExample> examples;
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    if (text.find_first_not_of(" \t\r") == std::string::npos || text.starts_with('#')) continue;
    examples.push_back(parse_line(text, line));
  }
  if (in.bad()) throw std::runtime_error("read error in " + std::string(kPath));
  if (examples.empty()) throw std::runtime_error(std::string(kPath) + " holds no examples");
  return examples;
}

}  // namespace

std::string ResolutionExample::where() const {
  return "docs/resolution-examples.jsonl:" + std::to_string(line) + ": " + why;
}

const std::vector<ResolutionExample>& resolution_examples() {
  static const std::vector<ResolutionExample> examples = read_examples();
  return examples;
}

}  // namespace coolpapers::test
