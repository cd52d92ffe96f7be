#include "host_describe.hpp"

#include "coolpapers/resolution_json.hpp"
#include "host_limits.hpp"

namespace coolpapers::host {
namespace {

void append_string_array(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, items[i]);
  }
  out += ']';
}

void append_family(std::string& out, const FamilyInfo& family) {
  out += "{\"name\":";
  append_json_string(out, family.name);
  out += ",\"displayName\":";
  append_json_string(out, family.display_name);
  out += family.arxiv_page ? ",\"page\":\"arxiv\"" : ",\"page\":\"venue\"";
  out += family.listing ? ",\"stage\":\"listing\"" : ",\"stage\":\"id\"";
  out += ",\"pagePatterns\":";
  append_string_array(out, family.page_patterns);
  out += ",\"pdfPatterns\":";
  append_string_array(out, family.pdf_patterns);
  out += ",\"source\":";
  append_json_string(out, family.source);
  out += '}';
}

}  // namespace

void append_describe_reply(const Resolver& resolver, std::string& out) {
  // Room for the closing members: "],\"truncated\":true,\"omitted\":N}".
  constexpr std::size_t kTailBytes = 64;
  const std::size_t start = out.size();
  std::vector<FamilyInfo> families = resolver.families();
  out += "{\"ok\":true,\"families\":[";
  std::string one;
  std::size_t written = 0;
  for (; written < families.size(); ++written) {
    one.clear();
    append_family(one, families[written]);
    if (out.size() - start + 1 + one.size() + kTailBytes > kMaxReplyBytes) break;
    if (written > 0) out += ',';
    out += one;
  }
  out += ']';
  if (written < families.size())
    out += ",\"truncated\":true,\"omitted\":" + std::to_string(families.size() - written);
  out += '}';
}

}  // namespace coolpapers::host
