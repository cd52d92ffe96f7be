// One worker thread: its own io_context (one event loop per thread, no
// locks shared between loops), its own listening socket on the shared port
// (SO_REUSEPORT: the kernel spreads new connections over the workers), the
// sessions it accepted, a tick that enforces timeouts and refreshes the
// Date header, and its own metrics shard and access-log buffer.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "access_log.hpp"
#include "clock.hpp"
#include "config.hpp"
#include "handler.hpp"
#include "metrics.hpp"

namespace coolpapers::redirector {

namespace net = boost::asio;
using tcp = net::ip::tcp;

class Session;

// State every worker shares, read-only except the connection counter.
struct Shared {
  const Config& config;
  const Service& service;
  Metrics& metrics;
  std::shared_ptr<AccessLogFile> access_log;  // null: no access log
  std::atomic<std::size_t> open_connections{0};
};

class Worker {
 public:
  Worker(std::size_t index, Shared& shared);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Binds this worker's listening socket. Returns an error instead of
  // throwing so start-up can report "address in use" plainly.
  boost::system::error_code listen(const tcp::endpoint& endpoint);
  tcp::endpoint local_endpoint() const;

  // Runs the event loop until drained. Call from the worker's own thread.
  void run();

  // Thread-safe. Gives idle keep-alive connections and the listening
  // socket a short last call (500 ms, at most the grace period), then
  // stops accepting and closes idle connections; requests in progress
  // finish with "Connection: close"; whatever is left after the grace
  // period is closed. run() returns when no connection is left.
  void begin_drain(std::chrono::milliseconds grace);

  // ---- For sessions (called on this worker's thread only). ----
  net::io_context& io_context() { return ioc_; }
  Shared& shared() { return shared_; }
  const CoarseClock& clock() const { return clock_; }
  Scratch& scratch() { return scratch_; }
  MetricsShard& metrics() { return metrics_; }
  AccessLogBuffer* access_log() { return access_log_.get(); }
  bool draining() const { return draining_; }
  void add(Session* session);
  void remove(Session* session);

 private:
  void do_accept();
  void on_accept(const boost::system::error_code& ec, tcp::socket socket);
  void start_session(tcp::socket socket);
  void do_tick();
  void drain_now(std::chrono::milliseconds grace);
  void stop_accepting();
  void close_all_sessions();

  Shared& shared_;
  // Only this worker's thread touches its sockets and timers (other
  // threads only post()), so the reactor needs no per-object locking.
  net::io_context ioc_{BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO};
  tcp::acceptor acceptor_{ioc_};
  net::steady_timer tick_{ioc_};
  net::steady_timer accept_retry_{ioc_};
  net::steady_timer grace_{ioc_};
  net::steady_timer stop_accepting_{ioc_};
  CoarseClock clock_;
  Scratch scratch_;
  MetricsShard& metrics_;
  std::unique_ptr<AccessLogBuffer> access_log_;
  bool draining_ = false;
  // Intrusive list of live sessions (Session::prev_/next_), for timeouts
  // and draining without allocating per connection.
  Session* sessions_ = nullptr;
  std::size_t session_count_ = 0;
};

}  // namespace coolpapers::redirector
