// ping_host(): start the host as a browser would, one frame each way.
#include "doctor_ping.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <cstring>
#include <string_view>

#include "child_process.hpp"
#include "host_framing.hpp"

namespace coolpapers::app::doctor {
namespace {

// A ping reply is tiny; anything far bigger is not our host talking.
constexpr std::size_t kMaxReplyBytes = 64 * 1024;

// The last non-empty line the host wrote to stderr, for the report.
std::string last_line(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  std::size_t nl = text.rfind('\n');
  std::string_view line = nl == std::string_view::npos ? text : text.substr(nl + 1);
  return std::string(line.substr(0, 300));
}

PingResult parse_reply(const std::string& out) {
  PingResult result;
  if (out.size() < host::kHeaderBytes) {
    result.error = out.empty() ? "no reply" : "a reply shorter than a frame header (" + std::to_string(out.size()) + " bytes)";
    return result;
  }
  std::array<char, host::kHeaderBytes> header{};
  std::memcpy(header.data(), out.data(), header.size());
  std::uint32_t length = host::decode_length(header);
  std::string_view body(out.data() + header.size(), out.size() - header.size());
  if (body.size() < length) {
    result.error = "a frame declaring " + std::to_string(length) + " bytes but carrying " + std::to_string(body.size());
    return result;
  }
  body = body.substr(0, length);
  boost::system::error_code ec;
  boost::json::value reply = boost::json::parse(body, ec);
  if (ec || !reply.is_object()) {
    result.error = "a reply that is not a JSON object: " + std::string(body.substr(0, 120));
    return result;
  }
  const auto& object = reply.as_object();
  const auto* ok = object.if_contains("ok");
  if (!ok || !ok->is_bool() || !ok->as_bool()) {
    result.error = "an error reply: " + std::string(body.substr(0, 300));
    return result;
  }
  const auto* version = object.if_contains("version");
  const auto* rules = object.if_contains("rules");
  if (!version || !version->is_string() || !rules || !rules->is_int64()) {
    result.error = "a reply without \"version\" and \"rules\" (not a coolpapers host?): " + std::string(body.substr(0, 300));
    return result;
  }
  result.ok = true;
  result.version = std::string(version->as_string());
  result.rules = rules->as_int64();
  return result;
}

}  // namespace

PingResult ping_host(const HostStart& start, int timeout_ms) {
  PingResult result;
  process::Options options = start.options;
  options.max_output_bytes = kMaxReplyBytes;
  process::Finished run;
  try {
    // One ping frame, then stdin closed, as the browsers do for a
    // sendNativeMessage request.
    run = process::run_process(start.argv, host::make_frame(R"({"type":"ping"})"), options,
                               std::chrono::milliseconds(timeout_ms));
  } catch (const process::StartError& e) {
    result.error = "could not be started: " + e.reason();
    return result;
  } catch (const std::exception& e) {
    result.error = std::string("could not be run: ") + e.what();
    return result;
  }

  if (run.timed_out) {
    result.error = "did not answer and exit within " + std::to_string(timeout_ms) + " ms";
    return result;
  }
  result = parse_reply(run.out);
  if (result.ok && run.exit_code != 0) {
    result.ok = false;
    result.error = "answered, then " + run.describe_exit() + " (a host exits 0 when its input ends)";
  } else if (!result.ok) {
    result.error = run.describe_exit() + " with " + result.error;
  }
  if (!result.ok) {
    std::string said = last_line(run.err);
    if (!said.empty()) result.error += "; its stderr: " + said;
  }
  return result;
}

}  // namespace coolpapers::app::doctor
