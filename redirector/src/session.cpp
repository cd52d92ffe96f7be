#include "session.hpp"

#include <array>

#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>

#include "responses.hpp"
#include "worker.hpp"

namespace coolpapers::redirector {
namespace {

// Bytes asked of the kernel per read. Request heads are usually a few
// hundred bytes; a pipelining client fills more of it.
constexpr std::size_t kReadChunk = 4096;
// After a final response, input is read and discarded for at most this
// long (nginx's lingering close), so a client still sending a body reads
// the response instead of a reset. Bounded by time, not bytes: a client
// uploading a large body at full speed finishes, and one that never stops
// costs at most this long of reads into a 64 KiB discard buffer.
constexpr std::chrono::milliseconds kLingerTime{5000};
constexpr std::size_t kDiscardChunk = 64 * 1024;
// When the server starts draining, an idle keep-alive connection stays open
// this long (at most --grace) for a request already on its way.
constexpr std::chrono::milliseconds kDrainLastCall{500};

}  // namespace

Session::Session(Worker& worker, tcp::socket socket)
    : worker_(worker),
      socket_(
          std::move(socket),
          [](void* self, const boost::system::error_code& ec, std::size_t bytes) {
            static_cast<Session*>(self)->on_read(ec, bytes);
          },
          this),
      buffer_(worker.shared().config.max_header_bytes + kReadChunk) {
  worker_.add(this);
  worker_.metrics().connection_opened();
  if (worker_.access_log()) {
    boost::system::error_code ec;
    auto endpoint = socket_.remote_endpoint(ec);
    peer_ = ec ? "-" : endpoint.address().to_string();
  }
}

Session::~Session() {
  worker_.metrics().connection_closed();
  worker_.shared().open_connections.fetch_sub(1, std::memory_order_relaxed);
  worker_.remove(this);
}

void Session::start() {
  boost::system::error_code ec;
  socket_.set_option(tcp::no_delay(true), ec);
  socket_.non_blocking(true, ec);  // for the direct write in do_write() and EdgeReadSocket
  do_read();
}

void Session::set_deadline(std::chrono::milliseconds timeout) {
  deadline_ms_ = worker_.clock().now_ms() + timeout.count();
}

void Session::do_read() {
  const Config& config = worker_.shared().config;
  if (buffer_.size() == 0) {
    phase_ = Phase::idle;
    set_deadline(worker_.draining() ? last_call() : config.idle_timeout);
  } else if (phase_ != Phase::reading) {
    // Part of the next request is already here: its head must be complete
    // within the read timeout, however slowly the rest trickles in.
    phase_ = Phase::reading;
    set_deadline(head_timeout());
  }
  const std::size_t space =
      std::min(kReadChunk, buffer_.max_size() - buffer_.size());
  socket_.read_some(buffer_.prepare(space));
}

void Session::on_read(const boost::system::error_code& ec, std::size_t bytes) {
  if (ec == boost::asio::error::operation_aborted && drain_cancelled_ &&
      phase_ != Phase::closed) {
    // The idle read was cancelled at the end of the drain's last call.
    // Here, unlike in the tick, it is certain that no completed read is
    // waiting: the connection is done unless a request is in the kernel.
    drain_cancelled_ = false;
    boost::system::error_code available_ec;
    if (socket_.available(available_ec) > 0 && !available_ec) return do_read();
    close();
    return finish();
  }
  if (ec || phase_ == Phase::closed) return finish();
  buffer_.commit(bytes);
  batch_started_ = std::chrono::steady_clock::now();
  if (phase_ == Phase::idle) {
    phase_ = Phase::reading;
    set_deadline(head_timeout());
  }
  process_buffer();
}

void Session::process_buffer() {
  const Config& config = worker_.shared().config;
  while (batched_ < Config::kMaxPipelinedResponses && buffer_.size() > 0 &&
         !close_after_write_) {
    if (!parser_) {
      parser_.emplace(target_storage_, method_storage_);
      parser_->header_limit(static_cast<std::uint32_t>(config.max_header_bytes));
      parser_->eager(false);
    }
    boost::beast::error_code ec;
    const std::size_t used = parser_->put(buffer_.data(), ec);
    if (ec == http::error::need_more) {
      if (buffer_.size() >= config.max_header_bytes) return reject(431);
      break;  // wait for more bytes
    }
    if (ec == http::error::header_limit) return reject(431);
    // A Content-Length over the parser's body limit: refused like any body.
    if (ec == http::error::body_limit) return reject(413);
    if (ec) return reject(400);
    buffer_.consume(used);
    if (parser_->has_body()) return reject(413);

    const RequestHead head = parser_->head();
    ResponseContext context;
    context.date = worker_.clock().http_date();
    context.metrics = &worker_.shared().metrics;
    context.closing = worker_.draining();
    const Outcome outcome =
        handle_request(worker_.shared().service, head, context, worker_.scratch(), out_);
    parser_.reset();
    ++batched_;
    worker_.metrics().count_request(outcome.route, outcome.status);
    if (auto* log = worker_.access_log())
      log->add(worker_.clock().iso_date(), peer_, head.method_text, head.target,
               head.version, outcome.status, route_name(outcome.route));
    if (outcome.close) close_after_write_ = true;
  }
  if (!out_.empty()) return do_write();
  if (close_after_write_) {
    close();
    return finish();
  }
  do_read();
}

void Session::reject(unsigned status) {
  // The request cannot be answered normally (malformed, over a limit, or
  // carrying a body this service never reads): answer it with an error
  // after any responses already batched, and close.
  ++batched_;
  append_error_and_close(out_, status, worker_.clock().http_date());
  worker_.metrics().count_request(Route::rejected, status);
  if (auto* log = worker_.access_log())
    log->add(worker_.clock().iso_date(), peer_, "-", "-", 11, status,
             route_name(Route::rejected));
  close_after_write_ = true;
  parser_.reset();
  do_write();
}

void Session::do_write() {
  phase_ = Phase::writing;
  set_deadline(worker_.shared().config.read_timeout);
  // Responses are small and the socket's send buffer is normally empty:
  // try writing right away (the socket is non-blocking), which saves a
  // trip through the event loop per request. Only what does not fit waits
  // for the socket to become writable.
  boost::system::error_code ec;
  const std::size_t written = socket_.write_some(boost::asio::buffer(out_), ec);
  if (!ec && written == out_.size()) return on_write(ec);
  if (ec && ec != boost::asio::error::would_block) return on_write(ec);
  out_.erase(0, written);
  boost::asio::async_write(
      socket_, boost::asio::buffer(out_),
      [this](const boost::system::error_code& write_ec, std::size_t) { on_write(write_ec); });
}

void Session::on_write(const boost::system::error_code& ec) {
  if (ec || phase_ == Phase::closed) return finish();
  const auto elapsed = std::chrono::steady_clock::now() - batch_started_;
  worker_.metrics().observe_latency(
      static_cast<std::uint64_t>(
          std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count()),
      batched_);
  batched_ = 0;
  out_.clear();
  if (close_after_write_) return do_linger();
  process_buffer();  // pipelined requests may be waiting in the buffer
}

void Session::do_linger() {
  // Half-close: the peer sees the end of our responses; it normally closes
  // in turn. Closing at once while its unread bytes are still in our
  // receive buffer would send a reset that can destroy the response.
  if (phase_ != Phase::lingering) {
    boost::system::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return close();
    phase_ = Phase::lingering;
    deadline_ms_ = worker_.clock().now_ms() + kLingerTime.count();
  }
  // What is read is never looked at, so every lingering session of this
  // thread shares one buffer.
  thread_local std::array<char, kDiscardChunk> discard;
  socket_.async_read_some(boost::asio::buffer(discard),
                          [this](const boost::system::error_code& read_ec, std::size_t) {
                            if (read_ec || phase_ == Phase::closed) return finish();
                            do_linger();
                          });
}

void Session::on_tick(std::int64_t now_ms) {
  if (phase_ == Phase::closed || now_ms < deadline_ms_) return;
  if (phase_ == Phase::reading && worker_.draining()) {
    // A request whose head had not arrived by the end of the last call
    // was never in flight: nothing is owed to it.
    close();
    return;
  }
  if (phase_ == Phase::idle && worker_.draining()) {
    // End of the last call. Cancel rather than close: a read that has
    // completed but whose handler has not run yet must still be answered.
    if (!drain_cancelled_) {
      drain_cancelled_ = true;
      boost::system::error_code ec;
      socket_.cancel(ec);
    }
    return;
  }
  if (phase_ != Phase::lingering) worker_.metrics().connection_timed_out();
  close();
}

void Session::on_drain() {
  // Requests in progress finish and are answered with "Connection: close".
  // An idle keep-alive connection gets a short last call, so a request the
  // client sent just before the signal (still in the network stack) is
  // answered rather than reset.
  // A connection that has sent only part of a request head gets the same
  // last call to complete it; after that it is closed, not waited for
  // until the end of the grace period.
  if (phase_ == Phase::idle || phase_ == Phase::reading)
    deadline_ms_ = std::min(deadline_ms_, worker_.clock().now_ms() + last_call().count());
}

std::chrono::milliseconds Session::head_timeout() const {
  const Config& config = worker_.shared().config;
  return worker_.draining() ? std::min(config.read_timeout, last_call()) : config.read_timeout;
}

std::chrono::milliseconds Session::last_call() const {
  return std::min(kDrainLastCall, worker_.shared().config.grace);
}

void Session::close() {
  if (phase_ == Phase::closed) return;
  phase_ = Phase::closed;
  boost::system::error_code ec;
  socket_.close(ec);  // the pending operation completes with an error
}

void Session::finish() { delete this; }

}  // namespace coolpapers::redirector
