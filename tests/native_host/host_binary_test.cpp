// The built `coolpapers` binary as a browser runs it: started with the
// extension's origin, fed frames on stdin byte by byte, read back on stdout.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/json/serialize.hpp>

#include "child_process.hpp"
#include "frames.hpp"
#include "host_limits.hpp"
#include "resolution_examples.hpp"

using coolpapers::host::kMaxReplyBytes;
using coolpapers::host::kMaxRequestBytes;
using coolpapers::process::ChildProcess;
using coolpapers::testing::error_code_of;
using coolpapers::testing::error_member;
using coolpapers::process::Finished;
using coolpapers::testing::frame;
using coolpapers::testing::length_prefix;
using coolpapers::testing::parse_reply;
using coolpapers::testing::split_frames;
using coolpapers::testing::string_at;
using coolpapers::test::resolution_examples;
namespace json = boost::json;

namespace {

// What Chrome passes as argv[1]: the calling extension's origin.
const std::string kOrigin = "chrome-extension://knldjmfmopnpolahpmmgbagdohdnhkik/";
const std::string kPing = R"({"type":"ping"})";

// What Firefox passes: the host manifest's absolute path, then the add-on id
// (extension/GECKO_ID, the one id the host serves).
const std::string kFirefoxManifest = "/home/someone/.mozilla/native-messaging-hosts/cool.papers.redirector.json";
std::string gecko_id() {
  std::ifstream in(COOLPAPERS_GECKO_ID_FILE);
  std::string id;
  in >> id;
  if (id.empty()) throw std::runtime_error("cannot read " COOLPAPERS_GECKO_ID_FILE);
  return id;
}

// An empty configuration directory, so a rules.json of whoever runs the
// tests cannot change the answers.
const std::string& empty_config_home() {
  struct TemporaryDirectory {
    std::string path;
    TemporaryDirectory() {
      const auto unique = std::to_string(std::random_device{}());
      const auto dir = std::filesystem::temp_directory_path() / ("coolpapers-host-test-" + unique);
      if (!std::filesystem::create_directory(dir)) throw std::runtime_error(dir.string() + " exists already");
      path = dir.string();
    }
    ~TemporaryDirectory() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const TemporaryDirectory dir;
  return dir.path;
}

// The host's environment: this process's, with the configuration folder's
// parent replaced (XDG_CONFIG_HOME on POSIX, APPDATA on Windows; both hold
// coolpapers/rules.json).
coolpapers::process::Options with_config_home(const std::string& config_home) {
  coolpapers::process::Options options;
  options.environment = {{"XDG_CONFIG_HOME", config_home}, {"APPDATA", config_home}};
  return options;
}

Finished run_host(std::string_view input, std::vector<std::string> args = {kOrigin},
                  const std::string& config_home = empty_config_home()) {
  args.insert(args.begin(), COOLPAPERS_BINARY);
  return coolpapers::process::run_process(args, input, with_config_home(config_home));
}

std::string resolve_selection(std::string_view text) {
  return json::serialize(json::object{{"type", "resolve"}, {"selectionText", text}});
}

// The host must never be killed by a signal or a timeout, whatever it reads.
void check_ended_by_itself(const Finished& run) {
  CHECK_FALSE(run.timed_out);
  CHECK(run.signal == 0);
}

}  // namespace

TEST_CASE("one resolve message is answered with one frame, and the host exits 0 when stdin closes") {
  const Finished run = run_host(frame(R"({"type":"resolve","pageUrl":"https://arxiv.org/abs/2312.00001v2"})"));
  check_ended_by_itself(run);
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());  // nothing to report on a clean session
  const std::string expected_body =
      R"({"ok":true,"url":"https://papers.cool/arxiv/2312.00001","family":"arxiv","ids":["2312.00001"],"field":"pageUrl"})";
  CHECK(run.out == length_prefix(static_cast<std::uint32_t>(expected_body.size())) + expected_body);
}

TEST_CASE("every example of the contract holds through the framed protocol, in one session") {
  const auto& examples = resolution_examples();
  std::string input;
  for (const auto& example : examples) {
    json::object request{{"type", "resolve"}};
    for (const auto& [member, text] : example.request) request[member] = text;
    if (!example.page_meta.empty()) {
      json::object meta;
      for (const auto& [name, value] : example.page_meta) meta[name] = value;
      request["pageMeta"] = std::move(meta);
    }
    input += frame(json::serialize(request));
  }
  const Finished run = run_host(input);
  check_ended_by_itself(run);
  CHECK(run.exit_code == 0);
  const auto frames = split_frames(run.out);
  CHECK(frames.leftover.empty());
  REQUIRE(frames.bodies.size() == examples.size());
  for (std::size_t i = 0; i < examples.size(); ++i) {
    const auto& example = examples[i];
    CAPTURE(example.where());
    const auto reply = parse_reply(frames.bodies[i]);
    if (!example.url) {
      CHECK(error_code_of(reply) == "no_match");
      CHECK(error_member(reply, "message") != "");
      if (!example.message.empty()) CHECK(error_member(reply, "message").find(example.message) != std::string::npos);
      continue;
    }
    REQUIRE_MESSAGE(reply.at("ok").as_bool(), frames.bodies[i]);
    CHECK(string_at(reply, "url") == *example.url);
    CHECK((reply.if_contains("truncated") != nullptr) == example.truncated);
    if (!example.family.empty()) CHECK(string_at(reply, "family") == example.family);
    if (example.ids) {
      json::array ids;
      for (const auto& id : *example.ids) ids.emplace_back(id);
      CHECK(reply.at("ids") == ids);
    }
  }
}

TEST_CASE("host mode starts from Chrome's origin (with --parent-window after it), Firefox's manifest and id, and native-host") {
  const std::vector<std::vector<std::string>> argument_lists = {
      {kOrigin},
      {kOrigin, "--parent-window=0"},
      {"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"},
      {kFirefoxManifest, gecko_id()},
      {"/usr/lib/mozilla/native-messaging-hosts/cool.papers.redirector.json", gecko_id()},
      {"native-host"},
  };
  for (const auto& args : argument_lists) {
    CAPTURE(args.at(0));
    CAPTURE(args.size());
    const Finished run = run_host(frame(kPing), args);
    check_ended_by_itself(run);
    CHECK(run.exit_code == 0);
    const auto frames = split_frames(run.out);
    REQUIRE(frames.bodies.size() == 1);
    CHECK(frames.leftover.empty());
    const auto reply = parse_reply(frames.bodies[0]);
    CHECK(reply.at("ok").as_bool() == true);
    CHECK(string_at(reply, "version") != "<missing>");
    CHECK(reply.at("rules").as_int64() > 0);
  }
}

TEST_CASE("Firefox's start with another add-on's id is refused with a message naming the allowed id") {
  const Finished run = run_host(frame(kPing), {kFirefoxManifest, "someone-else@example.org"});
  check_ended_by_itself(run);
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err.find("\"someone-else@example.org\" is not the one this host serves (" + gecko_id() + ")") !=
        std::string::npos);
  CHECK(run.err.find("allowed_extensions of " + kFirefoxManifest) != std::string::npos);
}

TEST_CASE("only the exact Firefox form starts the host: a relative manifest or a missing id is an unknown command") {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"cool.papers.redirector.json", gecko_id()}, {kFirefoxManifest}, {"/tmp/notes.txt", gecko_id()}}) {
    CAPTURE(args.at(0));
    const Finished run = run_host(frame(kPing), args);
    check_ended_by_itself(run);
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find("unknown command \"" + args.at(0) + "\"") != std::string::npos);
  }
}

TEST_CASE("each message is answered before the next arrives, as a connectNative port needs") {
  ChildProcess host({COOLPAPERS_BINARY, kOrigin}, with_config_home(empty_config_home()));
  for (int round = 0; round < 3; ++round) {
    CAPTURE(round);
    REQUIRE(host.write_input(frame(resolve_selection("arXiv:2401.1234" + std::to_string(round)))));
    const auto header = host.read_output(4, std::chrono::seconds(20));
    REQUIRE(header.has_value());
    std::uint32_t length = 0;
    std::memcpy(&length, header->data(), 4);
    const auto reply_body = host.read_output(length, std::chrono::seconds(20));
    REQUIRE(reply_body.has_value());
    CHECK(string_at(parse_reply(*reply_body), "url") ==
          "https://papers.cool/arxiv/2401.1234" + std::to_string(round));
  }
  host.close_input();
  const Finished run = host.finish();
  check_ended_by_itself(run);
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
}

TEST_CASE("ten thousand messages on one connection are all answered, in order") {
  std::string input;
  std::vector<std::string> expected_urls;
  for (int i = 1; i <= 10000; ++i) {
    char id[24];  // room for any int, so -O1 sees no truncation
    std::snprintf(id, sizeof id, "2312.%05d", i);
    // Vary the kind of request so replies differ in length and shape.
    if (i % 3 == 0) {
      input += frame(R"({"type":"resolve","pageUrl":"https://arxiv.org/abs/)" + std::string(id) + R"(v2"})");
    } else {
      input += frame(resolve_selection("see arXiv:" + std::string(id)));
    }
    expected_urls.push_back("https://papers.cool/arxiv/" + std::string(id));
  }
  const Finished run = run_host(input);
  check_ended_by_itself(run);
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  const auto frames = split_frames(run.out);
  CHECK(frames.leftover.empty());
  REQUIRE(frames.bodies.size() == expected_urls.size());
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < frames.bodies.size(); ++i) {
    if (string_at(parse_reply(frames.bodies[i]), "url") != expected_urls[i]) ++mismatches;
  }
  CHECK(mismatches == 0);
}

TEST_CASE("a zero-length frame is answered with bad_json and the connection keeps serving") {
  const Finished run = run_host(frame("") + frame(kPing));
  check_ended_by_itself(run);
  CHECK(run.exit_code == 0);
  const auto frames = split_frames(run.out);
  REQUIRE(frames.bodies.size() == 2);
  CHECK(error_code_of(parse_reply(frames.bodies[0])) == "bad_json");
  CHECK(error_code_of(parse_reply(frames.bodies[1])) == "<ok>");
}

TEST_CASE("a declared length over the read cap is answered with too_large, then the host exits non-zero") {
  const std::uint32_t lengths[] = {kMaxRequestBytes + 1, 64u * 1024 * 1024, 0xFFFFFFFFu};
  for (std::uint32_t length : lengths) {
    CAPTURE(length);
    // A good message first: it is answered; the frame after the bad length is not.
    const Finished run = run_host(frame(kPing) + length_prefix(length) + frame(kPing));
    check_ended_by_itself(run);
    CHECK(run.exit_code != 0);
    CHECK(run.err.find("over the limit of " + std::to_string(kMaxRequestBytes)) != std::string::npos);
    const auto frames = split_frames(run.out);
    CHECK(frames.leftover.empty());
    REQUIRE(frames.bodies.size() == 2);
    CHECK(error_code_of(parse_reply(frames.bodies[0])) == "<ok>");
    const auto refusal = parse_reply(frames.bodies[1]);
    CHECK(error_code_of(refusal) == "too_large");
    CHECK(refusal.at("error").as_object().at("limit").as_int64() == kMaxRequestBytes);
  }
}

TEST_CASE("a 4 GiB declared length is refused before the host allocates for it") {
  const Finished run = run_host(length_prefix(0xFFFFFFFFu) + "x");
  check_ended_by_itself(run);
  CHECK(run.exit_code != 0);
  CHECK(error_code_of(parse_reply(split_frames(run.out).bodies.at(0))) == "too_large");
  // Had it reserved the declared length, its peak RSS would be gigabytes.
  CHECK(run.max_rss_kib < 64 * 1024);
}

TEST_CASE("a message of exactly the read cap is read and answered") {
  std::string body = kPing;
  body.resize(kMaxRequestBytes, ' ');  // trailing whitespace is valid JSON
  const Finished run = run_host(frame(body));
  check_ended_by_itself(run);
  CHECK(run.exit_code == 0);
  const auto frames = split_frames(run.out);
  REQUIRE(frames.bodies.size() == 1);
  CHECK(error_code_of(parse_reply(frames.bodies[0])) == "<ok>");
}

TEST_CASE("a truncated header is reported on stderr and the host exits non-zero without hanging") {
  for (std::size_t header_bytes = 1; header_bytes <= 3; ++header_bytes) {
    for (bool after_a_message : {false, true}) {
      CAPTURE(header_bytes);
      CAPTURE(after_a_message);
      const std::string input = (after_a_message ? frame(kPing) : "") + length_prefix(15).substr(0, header_bytes);
      const Finished run = run_host(input);
      check_ended_by_itself(run);
      CHECK(run.exit_code != 0);
      CHECK(run.err.find("inside a length header (" + std::to_string(header_bytes) + " of 4 bytes)") !=
            std::string::npos);
      const auto frames = split_frames(run.out);
      CHECK(frames.bodies.size() == (after_a_message ? 1u : 0u));
      CHECK(frames.leftover.empty());
    }
  }
}

TEST_CASE("a body shorter than its declared length is reported on stderr and the host exits non-zero") {
  struct Row {
    std::uint32_t declared;
    std::string sent;
  };
  const Row rows[] = {{15, ""}, {15, R"({"type":"ping")"}, {100000, std::string(70000, ' ')}};
  for (const Row& row : rows) {
    CAPTURE(row.declared);
    CAPTURE(row.sent.size());
    const Finished run = run_host(length_prefix(row.declared) + row.sent);
    check_ended_by_itself(run);
    CHECK(run.exit_code != 0);
    CHECK(run.err.find("(" + std::to_string(row.sent.size()) + " of " + std::to_string(row.declared) + " bytes)") !=
          std::string::npos);
    CHECK(run.out.empty());
  }
}

TEST_CASE("bodies that are not JSON, or not an object, or mistyped, are answered and the connection goes on") {
  struct Row {
    std::string body;
    std::string code;
    std::string field;  // the member named in the error, if any
  };
  const Row rows[] = {
      {"not json", "bad_json", ""},
      {R"({"type":"ping")", "bad_json", ""},
      {R"({"type":"ping"} {"type":"ping"})", "bad_json", ""},
      {std::string(5000, '['), "bad_json", ""},
      {"[]", "bad_request", ""},
      {R"("resolve")", "bad_request", ""},
      {"3.14", "bad_request", ""},
      {"null", "bad_request", ""},
      {R"({"type":1})", "bad_request", "type"},
      {R"({"type":"resolve","selectionText":1})", "bad_request", "selectionText"},
      {R"({"type":"resolve","linkUrl":false})", "bad_request", "linkUrl"},
      {R"({"type":"resolve","pageUrl":[]})", "bad_request", "pageUrl"},
      {R"({"type":"resolve","frameUrl":{}})", "bad_request", "frameUrl"},
      {R"({"type":"resolve","pageUrl":"https://arxiv.org/abs/2312.00001","base":0})", "bad_request", "base"},
      {R"({"type":"resolveBatch","items":7})", "bad_request", "items"},
      {R"({"type":"frobnicate"})", "unknown_type", ""},
  };
  std::string input;
  for (const Row& row : rows) input += frame(row.body);
  input += frame(kPing);
  const Finished run = run_host(input);
  check_ended_by_itself(run);
  CHECK(run.exit_code == 0);
  const auto frames = split_frames(run.out);
  REQUIRE(frames.bodies.size() == std::size(rows) + 1);
  for (std::size_t i = 0; i < std::size(rows); ++i) {
    CAPTURE(rows[i].body.substr(0, 80));
    const auto reply = parse_reply(frames.bodies[i]);
    CHECK(reply.at("ok").as_bool() == false);
    CHECK(error_code_of(reply) == rows[i].code);
    if (!rows[i].field.empty()) CHECK(error_member(reply, "field") == rows[i].field);
  }
  CHECK(error_code_of(parse_reply(frames.bodies.back())) == "<ok>");
}

TEST_CASE("an unknown type is answered with unknown_type echoing the type") {
  const Finished run = run_host(frame(R"({"type":"frobnicate","url":"https://arxiv.org/abs/2312.00001"})"));
  check_ended_by_itself(run);
  CHECK(run.exit_code == 0);
  const auto reply = parse_reply(split_frames(run.out).bodies.at(0));
  CHECK(error_code_of(reply) == "unknown_type");
  CHECK(error_member(reply, "type") == "frobnicate");
}

TEST_CASE("invalid UTF-8 never crashes the host and every reply is valid UTF-8") {
  const std::string bodies[] = {
      "{\"type\":\"resolve\",\"pageUrl\":\"https://arxiv.org/abs/2312.00001\xFF\xFE\"}",
      "{\"type\":\"resolve\",\"selectionText\":\"\xC3\x28\xE2\x82\xF0\x9F\x98\xC0\xAF\xED\xA0\x80\"}",
      "{\"type\":\"\x80\x81\xBF\"}",
      "{\"type\":\"resolve\",\"selectionText\":\"" + std::string(100000, '\xE9') + "\"}",
      "\xFF\xFF\xFF\xFF",
      "{\"\xFF\":\"\xFF\",\"type\":\"ping\"}",
  };
  std::string input;
  for (const std::string& body : bodies) input += frame(body);
  const Finished run = run_host(input);
  check_ended_by_itself(run);
  CHECK(run.exit_code == 0);
  const auto frames = split_frames(run.out);
  REQUIRE(frames.bodies.size() == std::size(bodies));
  for (std::size_t i = 0; i < frames.bodies.size(); ++i) {
    CAPTURE(i);
    CHECK_NOTHROW(parse_reply(frames.bodies[i]));  // strict: rejects invalid UTF-8
  }
  CHECK(string_at(parse_reply(frames.bodies[0]), "url") == "https://papers.cool/arxiv/2312.00001");
  CHECK(error_member(parse_reply(frames.bodies[2]), "type") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(error_code_of(parse_reply(frames.bodies[4])) == "bad_json");
}

TEST_CASE("a batch whose reply would pass 1 MiB is cut short under the limit and says so") {
  json::array items;
  for (int i = 0; i < 1000; ++i) {
    std::string selection;
    for (int k = 0; k < 50; ++k) selection += "arXiv:2401." + std::to_string(10000 + (i * 50 + k) % 90000) + " ";
    items.push_back(json::object{{"selectionText", selection}});
  }
  const std::string request = json::serialize(json::object{{"type", "resolveBatch"}, {"items", items}});
  const Finished run = run_host(frame(request) + frame(kPing));
  check_ended_by_itself(run);
  CHECK(run.exit_code == 0);
  const auto frames = split_frames(run.out);
  REQUIRE(frames.bodies.size() == 2);
  CHECK(frames.bodies[0].size() <= kMaxReplyBytes);
  CHECK(frames.bodies[0].size() > kMaxReplyBytes - 4096);  // it filled the space it had
  const auto reply = parse_reply(frames.bodies[0]);
  CHECK(reply.at("ok").as_bool() == true);
  CHECK(reply.at("truncated").as_bool() == true);
  const std::size_t answered = reply.at("results").as_array().size();
  CHECK(answered > 0);
  CHECK(answered + static_cast<std::size_t>(reply.at("omitted").as_int64()) == 1000);
  // The connection survives: the next message is answered.
  CHECK(error_code_of(parse_reply(frames.bodies[1])) == "<ok>");
}

TEST_CASE("a browser that stops reading makes the host exit with a message, not die of SIGPIPE") {
  ChildProcess host({COOLPAPERS_BINARY, kOrigin}, with_config_home(empty_config_home()));
  host.close_output();
  REQUIRE(host.write_input(frame(kPing)));
  const Finished run = host.finish();
  check_ended_by_itself(run);
  CHECK(run.exit_code == 3);  // exit_code(ErrorCode::io)
  CHECK(run.err.find("writing a reply failed") != std::string::npos);
}

TEST_CASE("end of input before any message exits 0 and writes nothing") {
  const Finished run = run_host("");
  check_ended_by_itself(run);
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
  CHECK(run.err.empty());
}

TEST_CASE("a broken user rule file does not stop the host: it serves with the built-in rules and says why") {
  const std::filesystem::path config_home = empty_config_home() + "-broken-rules";
  std::filesystem::create_directories(config_home / "coolpapers");
  std::ofstream(config_home / "coolpapers" / "rules.json") << "{ this is not JSON";
  const Finished run = run_host(frame(R"({"type":"resolve","pageUrl":"https://arxiv.org/abs/2312.00001"})"),
                                {kOrigin}, config_home.string());
  std::filesystem::remove_all(config_home);
  check_ended_by_itself(run);
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("rules.json") != std::string::npos);
  const auto frames = split_frames(run.out);
  REQUIRE(frames.bodies.size() == 1);
  CHECK(string_at(parse_reply(frames.bodies[0]), "url") == "https://papers.cool/arxiv/2312.00001");
}
