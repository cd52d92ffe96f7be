// The built coolpapers.exe started exactly as Chrome starts a native
// messaging host on Windows, through cmd.exe:
//   %COMSPEC% /d /s /c ""<host.exe>" chrome-extension://<id>/ --parent-window=0"
// then frames on its stdin and stdout over one connection, and its exit at
// the end of input. Built on Windows only (tests/native_host/CMakeLists.txt):
// the other suites start the exe directly.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <boost/json/serialize.hpp>

#include "child_process.hpp"
#include "frames.hpp"
#include "resolution_examples.hpp"

using coolpapers::process::Finished;
using coolpapers::test::resolution_examples;
using coolpapers::testing::error_code_of;
using coolpapers::testing::frame;
using coolpapers::testing::parse_reply;
using coolpapers::testing::split_frames;
using coolpapers::testing::string_at;
namespace json = boost::json;

namespace {

const std::string kOrigin = "chrome-extension://knldjmfmopnpolahpmmgbagdohdnhkik/";

// Runs the host through cmd.exe as Chrome does, with `input` on its stdin,
// in its own folder and with an empty configuration folder (%APPDATA%).
Finished run_as_chrome(const std::string& input, const std::string& parent_window) {
  const std::filesystem::path host = std::filesystem::absolute(COOLPAPERS_BINARY).make_preferred();
  const char* comspec = std::getenv("COMSPEC");
  const std::string shell = comspec && *comspec ? comspec : "C:\\Windows\\System32\\cmd.exe";
  coolpapers::process::Options options;
  options.windows_command_line =
      "\"" + shell + "\" /d /s /c \"\"" + host.string() + "\" " + kOrigin + " --parent-window=" + parent_window + "\"";
  options.working_directory = host.parent_path().string();
  options.environment = {{"APPDATA", "/nonexistent-coolpapers-test"}};
  return coolpapers::process::run_process({shell}, input, options);
}

std::string request(const json::object& body) { return frame(json::serialize(body)); }

// A ping whose frame is exactly `size` bytes long, padded with x.
std::string padded_ping(std::size_t size) {
  const std::string empty = R"({"type":"ping","pad":""})";
  REQUIRE(size >= empty.size());
  return frame(R"({"type":"ping","pad":")" + std::string(size - empty.size(), 'x') + R"("})");
}

}  // namespace

TEST_CASE("started through cmd.exe as Chrome starts it, the host answers every frame of one connection and exits 0") {
  const auto& examples = resolution_examples();
  std::string input;
  for (const auto& example : examples) {
    json::object body{{"type", "resolve"}};
    for (const auto& [member, text] : example.request) body[member] = text;
    if (!example.page_meta.empty()) {
      json::object meta;
      for (const auto& [name, value] : example.page_meta) meta[name] = value;
      body["pageMeta"] = std::move(meta);
    }
    input += request(body);
  }
  input += request({{"type", "ping"}});
  // Length prefixes holding 0x1a (end of file to a text-mode reader) and
  // 0x0a (a line feed it would turn into CR LF on the way back).
  input += padded_ping(0x1a);
  input += padded_ping(0x10a);
  input += frame(R"({"type":1})");

  const Finished run = run_as_chrome(input, "0");
  CAPTURE(run.err);
  CHECK_FALSE(run.timed_out);
  CHECK(run.exit_code == 0);
  const auto frames = split_frames(run.out);
  CHECK(frames.leftover.empty());
  REQUIRE(frames.bodies.size() == examples.size() + 4);
  for (std::size_t i = 0; i < examples.size(); ++i) {
    CAPTURE(examples[i].where());
    const auto reply = parse_reply(frames.bodies[i]);
    if (examples[i].url)
      CHECK(string_at(reply, "url") == *examples[i].url);
    else
      CHECK(error_code_of(reply) == "no_match");
  }
  const auto ping = parse_reply(frames.bodies[examples.size()]);
  CHECK(ping.at("ok") == true);
  CHECK(ping.at("rules").as_int64() > 0);
  CHECK(parse_reply(frames.bodies[examples.size() + 1]).at("ok") == true);
  CHECK(parse_reply(frames.bodies[examples.size() + 2]).at("ok") == true);
  CHECK(parse_reply(frames.bodies[examples.size() + 3]).at("ok") == false);
}

TEST_CASE("a real parent window handle after the origin changes nothing") {
  const Finished run = run_as_chrome(request({{"type", "ping"}}), "1315034");
  CHECK(run.exit_code == 0);
  const auto frames = split_frames(run.out);
  REQUIRE(frames.bodies.size() == 1);
  CHECK(parse_reply(frames.bodies[0]).at("ok") == true);
}
