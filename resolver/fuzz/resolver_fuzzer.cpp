// Fuzzes the resolver with arbitrary bytes in all four fields and checks the
// promises of the contract on every answer:
//   - never a crash, a hang or undefined behaviour (sanitizers);
//   - every URL starts with the base and "/arxiv/" or "/venue/";
//   - a URL is printable ASCII with no space, quote or angle bracket
//     (nothing can be injected into a Location header or an HTML attribute);
//   - at most 50 ids, none repeated, none with a dot segment;
//   - an error is "no_match" (never "internal") and carries a message.
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "coolpapers/resolver.hpp"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

const coolpapers::Resolver& resolver() {
  static const coolpapers::Resolver r = *coolpapers::Resolver::create({});
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Fields are separated by 0x00 bytes: selection, link, page, frame.
  std::string_view input(reinterpret_cast<const char*>(data), size);
  coolpapers::Request request;
  for (coolpapers::Field field : {coolpapers::Field::selection_text, coolpapers::Field::link_url,
                                  coolpapers::Field::page_url, coolpapers::Field::frame_url}) {
    std::size_t end = input.find('\0');
    request.set(field, input.substr(0, end));
    if (end == std::string_view::npos) break;
    input.remove_prefix(end + 1);
  }

  coolpapers::Resolution r = resolver().resolve(request);
  if (!r.ok()) {
    check(*r.error == coolpapers::ErrorCode::no_match);
    check(!r.message.empty() && r.url.empty());
    return 0;
  }
  std::string_view url = r.url;
  check(url.starts_with("https://papers.cool/arxiv/") || url.starts_with("https://papers.cool/venue/"));
  for (char c : url) check(c > 32 && c < 127 && c != '"' && c != '<' && c != '>' && c != '\\' && c != '\'');
  check(r.ids.size() <= 50);
  std::set<std::string> distinct(r.ids.begin(), r.ids.end());
  check(distinct.size() == r.ids.size());
  for (const auto& id : r.ids) check(id != ".." && id.find("/../") == std::string::npos && !id.starts_with("../"));
  return 0;
}
