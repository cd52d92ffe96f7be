// The command line: defaults, every flag in both spellings, and a precise
// message for each kind of bad value.
#include <doctest/doctest.h>

#include "config.hpp"
#include "listen_address.hpp"

using namespace coolpapers::redirector;

namespace {
ParseResult parse(std::vector<std::string_view> args) { return parse_command_line(args); }
}  // namespace

TEST_CASE("no flags means the documented defaults") {
  auto r = parse({});
  REQUIRE(r.action == ParseResult::Action::run);
  CHECK(r.config.listen_address == "127.0.0.1");
  CHECK(r.config.listen_port == 8377);
  CHECK(r.config.base == "https://papers.cool");
  CHECK(r.config.threads == 0);  // = number of cores, decided at start-up
  CHECK_FALSE(r.config.rules_file);
  CHECK_FALSE(r.config.access_log);
  CHECK(r.config.max_header_bytes == 8192);
  CHECK(r.config.read_timeout == std::chrono::seconds(10));
  CHECK(r.config.idle_timeout == std::chrono::seconds(30));
}

TEST_CASE("every flag is accepted as --flag VALUE and as --flag=VALUE") {
  auto spaced = parse({"--listen", "0.0.0.0:9000", "--base", "http://mirror.test:8080/cp/",
                       "--rules", "r.json", "--threads", "3", "--access-log", "-",
                       "--max-header-bytes", "4096", "--read-timeout", "2.5",
                       "--idle-timeout", "60", "--max-connections", "50", "--grace", "0"});
  auto joined = parse({"--listen=0.0.0.0:9000", "--base=http://mirror.test:8080/cp/",
                       "--rules=r.json", "--threads=3", "--access-log=-",
                       "--max-header-bytes=4096", "--read-timeout=2.5", "--idle-timeout=60",
                       "--max-connections=50", "--grace=0"});
  for (const auto* r : {&spaced, &joined}) {
    REQUIRE(r->action == ParseResult::Action::run);
    CHECK(r->config.listen_address == "0.0.0.0");
    CHECK(r->config.listen_port == 9000);
    CHECK(r->config.base == "http://mirror.test:8080/cp");  // trailing '/' removed
    CHECK(*r->config.rules_file == "r.json");
    CHECK(r->config.threads == 3);
    CHECK(*r->config.access_log == "-");
    CHECK(r->config.max_header_bytes == 4096);
    CHECK(r->config.read_timeout == std::chrono::milliseconds(2500));
    CHECK(r->config.idle_timeout == std::chrono::seconds(60));
    CHECK(r->config.max_connections == 50);
    CHECK(r->config.grace == std::chrono::milliseconds(0));
  }
}

TEST_CASE("IPv6 listen addresses are written in brackets") {
  auto r = parse({"--listen", "[::1]:0"});
  REQUIRE(r.action == ParseResult::Action::run);
  CHECK(r.config.listen_address == "::1");
  CHECK(r.config.listen_port == 0);
}

TEST_CASE("--help and --version win over everything else") {
  CHECK(parse({"--threads", "2", "--help"}).action == ParseResult::Action::help);
  CHECK(parse({"--version"}).action == ParseResult::Action::version);
  CHECK(usage_text().find("--listen HOST:PORT") != std::string_view::npos);
}

TEST_CASE("each bad value is an error naming the flag, the value and what is expected") {
  struct Row {
    std::vector<std::string_view> args;
    std::string_view expected_fragment;
  };
  const Row rows[] = {
      {{"--listen", "local host:80"}, "neither an IP address nor a host name"},
      {{"--listen", "-bad.example:80"}, "neither an IP address nor a host name"},
      {{"--listen", "[localhost]:80"}, "only IPv6 addresses go in brackets"},
      {{"--public-url", "ftp://example.org"}, "--public-url 'ftp://example.org': the URL must start"},
      {{"--public-url", "https://example.org/?q=1"}, "--public-url"},
      {{"--listen", "127.0.0.1"}, "expected ADDR:PORT"},
      {{"--listen", "127.0.0.1:65536"}, "not a port number"},
      {{"--listen", "127.0.0.1:-1"}, "not a port number"},
      {{"--listen", "::1:80"}, "in brackets"},
      {{"--listen", "[::1]80"}, "[IPV6]:PORT"},
      {{"--base", "ftp://papers.cool"}, "--base 'ftp://papers.cool'"},
      {{"--base", "https://papers.cool/?x=1"}, "--base"},
      {{"--threads", "0"}, "from 1 to 1024"},
      {{"--threads", "two"}, "--threads 'two'"},
      {{"--threads", "2x"}, "from 1 to 1024"},
      {{"--max-header-bytes", "100"}, "from 1024"},
      {{"--read-timeout", "0"}, "expected seconds"},
      {{"--read-timeout", "-1"}, "expected seconds"},
      {{"--idle-timeout", "1e3"}, "expected seconds"},
      {{"--grace", "nan"}, "expected seconds"},
      {{"--max-connections", "0"}, "from 1"},
      {{"--access-log", ""}, "needs a file name"},
      {{"--rules"}, "--rules needs a value"},
      {{"--frobnicate", "1"}, "unknown option '--frobnicate'"},
      {{"serve"}, "unexpected argument 'serve'"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.expected_fragment);
    auto r = parse(row.args);
    CHECK(r.action == ParseResult::Action::error);
    CHECK(r.error.find(row.expected_fragment) != std::string::npos);
  }
}

TEST_CASE("a host name in --listen is kept for start-up to resolve") {
  auto r = parse({"--listen", "localhost:8377"});
  REQUIRE(r.action == ParseResult::Action::run);
  CHECK(r.config.listen_address == "localhost");
  CHECK(r.config.listen_port == 8377);
}

TEST_CASE("localhost resolves to its IPv4 loopback address; literals stay as they are") {
  std::string error;
  auto localhost = resolve_listen_address("localhost", error);
  REQUIRE_MESSAGE(localhost, error);
  CHECK(localhost->to_string() == "127.0.0.1");
  auto v6 = resolve_listen_address("::1", error);
  REQUIRE(v6);
  CHECK(v6->to_string() == "::1");
}

TEST_CASE("a name with no address is an error that says what to use instead") {
  std::string error;
  CHECK_FALSE(resolve_listen_address("no-such-host.invalid", error));
  CHECK(error.find("cannot resolve 'no-such-host.invalid'") != std::string::npos);
  CHECK(error.find("127.0.0.1") != std::string::npos);
}

TEST_CASE("the public URL is --public-url, else the listen address; never a request's Host") {
  CHECK(public_url_of(parse({}).config) == "http://127.0.0.1:8377");
  CHECK(public_url_of(parse({"--listen", "[::1]:9000"}).config) == "http://[::1]:9000");
  CHECK(public_url_of(parse({"--listen", "localhost:9000"}).config) == "http://localhost:9000");
  auto r = parse({"--public-url", "https://Example.org/papers/"});
  REQUIRE(r.action == ParseResult::Action::run);
  CHECK(public_url_of(r.config) == "https://Example.org/papers");
}
