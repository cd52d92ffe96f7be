#include "worker.hpp"

#include <iostream>

#include <sys/socket.h>

#include <boost/asio/post.hpp>

#include "responses.hpp"
#include "session.hpp"

namespace coolpapers::redirector {
namespace {

// Timeouts are checked and the Date header refreshed this often; a
// timeout fires at most one tick late.
constexpr std::chrono::milliseconds kTick{100};
// After accept() fails for lack of file descriptors, wait before retrying
// instead of spinning.
constexpr std::chrono::milliseconds kAcceptRetry{100};
// How long the listening socket stays open after SIGTERM (at most --grace);
// the same as the last call idle connections get (Session::on_drain).
constexpr std::chrono::milliseconds kLastCall{500};

using reuse_port = net::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

}  // namespace

Worker::Worker(std::size_t index, Shared& shared)
    : shared_(shared), metrics_(shared.metrics.shard(index)) {
  if (shared_.access_log) access_log_ = std::make_unique<AccessLogBuffer>(shared_.access_log);
}

Worker::~Worker() {
  // run() has returned, so no session is left; flush the log lines.
  if (access_log_) access_log_->flush();
}

boost::system::error_code Worker::listen(const tcp::endpoint& endpoint) {
  boost::system::error_code ec;
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(tcp::acceptor::reuse_address(true), ec);
  // Every worker binds the same address and port; the kernel balances new
  // connections over the listening sockets.
  if (!ec) acceptor_.set_option(reuse_port(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  return ec;
}

tcp::endpoint Worker::local_endpoint() const {
  boost::system::error_code ec;
  return acceptor_.local_endpoint(ec);
}

void Worker::run() {
  do_accept();
  do_tick();
  ioc_.run();
}

void Worker::do_accept() {
  acceptor_.async_accept(ioc_, [this](const boost::system::error_code& ec, tcp::socket socket) {
    on_accept(ec, std::move(socket));
  });
}

void Worker::on_accept(const boost::system::error_code& ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
  if (ec) {
    // EMFILE, ENFILE, ENOBUFS...: the connections wait in the kernel's
    // queue; try again shortly.
    accept_retry_.expires_after(kAcceptRetry);
    accept_retry_.async_wait([this](const boost::system::error_code& wait_ec) {
      if (!wait_ec && !draining_) do_accept();
    });
    return;
  }
  start_session(std::move(socket));
  do_accept();
}

void Worker::start_session(tcp::socket socket) {
  const std::size_t open = shared_.open_connections.fetch_add(1, std::memory_order_relaxed);
  if (open >= shared_.config.max_connections) {
    shared_.open_connections.fetch_sub(1, std::memory_order_relaxed);
    metrics_.connection_rejected();
    // Best effort, never blocking: the socket's send buffer is empty.
    std::string response;
    append_error_and_close(response, 503, clock_.http_date());
    boost::system::error_code ec;
    socket.non_blocking(true, ec);
    socket.write_some(net::buffer(response), ec);
    socket.shutdown(tcp::socket::shutdown_send, ec);
    socket.close(ec);
    return;
  }
  (new Session(*this, std::move(socket)))->start();  // owns itself
}

void Worker::add(Session* session) {
  session->next_ = sessions_;
  if (sessions_) sessions_->prev_ = session;
  sessions_ = session;
  ++session_count_;
}

void Worker::remove(Session* session) {
  if (session->prev_) session->prev_->next_ = session->next_;
  else sessions_ = session->next_;
  if (session->next_) session->next_->prev_ = session->prev_;
  session->prev_ = session->next_ = nullptr;
  --session_count_;
}

void Worker::do_tick() {
  clock_.advance();
  const std::int64_t now = clock_.now_ms();
  for (Session* s = sessions_; s; s = s->next_) s->on_tick(now);
  if (access_log_) access_log_->flush();
  // While draining, stop ticking once the last connection is gone, so
  // run() returns.
  if (draining_ && session_count_ == 0 && !acceptor_.is_open()) {
    grace_.cancel();
    return;
  }
  tick_.expires_after(kTick);
  tick_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) do_tick();
  });
}

void Worker::begin_drain(std::chrono::milliseconds grace) {
  net::post(ioc_, [this, grace] { drain_now(grace); });
}

void Worker::drain_now(std::chrono::milliseconds grace) {
  if (draining_) {  // a second signal: no more waiting
    stop_accepting_.cancel();
    stop_accepting();
    close_all_sessions();
    return;
  }
  draining_ = true;
  // Idle keep-alive connections get a last call (Session::on_drain); the
  // listening socket stays open just as long, because a client whose
  // connection the kernel is still completing would otherwise be reset.
  for (Session* s = sessions_; s; s = s->next_) s->on_drain();
  stop_accepting_.expires_after(std::min(kLastCall, grace));
  stop_accepting_.async_wait([this](const boost::system::error_code&) { stop_accepting(); });

  grace_.expires_after(grace);
  grace_.async_wait([this](const boost::system::error_code& wait_ec) {
    if (!wait_ec) close_all_sessions();
  });
}

void Worker::stop_accepting() {
  // Connections the kernel has already completed belong to clients that
  // are waiting for an answer: take them before closing the socket, which
  // would reset them.
  boost::system::error_code ec;
  acceptor_.non_blocking(true, ec);
  while (acceptor_.is_open()) {
    tcp::socket socket(ioc_);
    acceptor_.accept(socket, ec);
    if (ec) break;
    start_session(std::move(socket));
  }
  acceptor_.close(ec);
  accept_retry_.cancel();
}

void Worker::close_all_sessions() {
  for (Session* s = sessions_; s; s = s->next_) s->close();
}

}  // namespace coolpapers::redirector
