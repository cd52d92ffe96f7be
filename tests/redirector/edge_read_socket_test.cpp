// EdgeReadSocket on a real loopback connection: every way a read can end
// (data after a short read, a full buffer, end of file, cancel, close), and
// a peer that sends while no read is pending. The saving itself (no recv(2)
// that fails with EAGAIN) is measured in bench/README.md, not here.
#include <doctest/doctest.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include "edge_read_socket.hpp"

using namespace coolpapers::redirector;
namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

struct Read {
  boost::system::error_code ec;
  std::string data;
};

// A connected pair: `server` is the EdgeReadSocket under test, `client` a
// plain socket that writes to it.
struct Connection {
  asio::io_context io;
  tcp::socket client{io};
  std::optional<EdgeReadSocket> server;
  char buffer[16] = {};
  std::optional<Read> last;
  int completions = 0;

  Connection() {
    tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
    client.connect(acceptor.local_endpoint());
    server.emplace(acceptor.accept(), &Connection::on_read, this);
    server->non_blocking(true);
  }

  static void on_read(void* self, const boost::system::error_code& ec, std::size_t bytes) {
    auto* c = static_cast<Connection*>(self);
    c->last = Read{ec, std::string(c->buffer, bytes)};
    ++c->completions;
  }

  // Starts a read of at most `size` bytes and runs the io_context until it
  // completes (or 5 s pass).
  Read read(std::size_t size) {
    last.reset();
    server->read_some(asio::buffer(buffer, size));
    run_until_read();
    return *last;
  }

  void run_until_read() {
    io.restart();
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!last && std::chrono::steady_clock::now() < give_up) io.run_one_for(std::chrono::milliseconds(50));
    REQUIRE_MESSAGE(last, "the read never completed");
  }

  void send(std::string_view text) { asio::write(client, asio::buffer(text)); }
};

}  // namespace

TEST_CASE("after a short read, the next read still gets data that arrives later") {
  Connection c;
  c.send("GET /a");
  Read first = c.read(sizeof c.buffer);
  CHECK_FALSE(first.ec);
  CHECK(first.data == "GET /a");

  // The receive queue is now empty; the data below arrives only after the
  // read has been queued, so it must be epoll that completes it.
  asio::steady_timer later(c.io, std::chrono::milliseconds(30));
  later.async_wait([&](const boost::system::error_code&) { c.send(" HTTP/1.1"); });
  Read second = c.read(sizeof c.buffer);
  CHECK_FALSE(second.ec);
  CHECK(second.data == " HTTP/1.1");
  CHECK(c.completions == 2);
}

TEST_CASE("data sent while no read is pending is read by the next one") {
  Connection c;
  c.send("one");
  CHECK(c.read(sizeof c.buffer).data == "one");
  c.send("two");  // between two reads, after a short one
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(c.read(sizeof c.buffer).data == "two");
}

TEST_CASE("a read that fills its buffer leaves the rest for the next reads") {
  Connection c;
  c.send("0123456789");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(c.read(4).data == "0123");
  CHECK(c.read(4).data == "4567");
  CHECK(c.read(4).data == "89");
}

TEST_CASE("the peer closing ends a pending read with end of file") {
  Connection c;
  c.send("last");
  CHECK(c.read(sizeof c.buffer).data == "last");
  asio::steady_timer later(c.io, std::chrono::milliseconds(30));
  later.async_wait([&](const boost::system::error_code&) { c.client.close(); });
  Read end = c.read(sizeof c.buffer);
  CHECK(end.ec == asio::error::eof);
  CHECK(end.data.empty());
}

TEST_CASE("cancel and close end a pending read with operation_aborted") {
  Connection c;
  c.last.reset();
  c.server->read_some(asio::buffer(c.buffer));
  c.io.poll();  // the read is queued: no data yet
  CHECK_FALSE(c.last);
  c.server->cancel();
  c.run_until_read();
  CHECK(c.last->ec == asio::error::operation_aborted);

  // The socket still works after a cancel.
  c.send("again");
  CHECK(c.read(sizeof c.buffer).data == "again");

  c.last.reset();
  c.server->read_some(asio::buffer(c.buffer));
  c.io.poll();
  c.server->close();
  c.run_until_read();
  CHECK(c.last->ec == asio::error::operation_aborted);
}

TEST_CASE("a read on a closed socket fails instead of waiting") {
  Connection c;
  c.server->close();
  Read r = c.read(sizeof c.buffer);
  CHECK(r.ec);
}
