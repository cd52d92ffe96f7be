// One client connection: read request heads, answer them, keep the
// connection alive or close it; enforce the header limit, refuse bodies,
// and let the worker's tick enforce the read, write and idle timeouts.
//
// Flow (callbacks, like Beast's http_server_async example):
//   read -> parse every complete request head in the buffer (at most
//   Config::kMaxPipelinedResponses, the bounded pipelining queue), append
//   each response to one output buffer -> write the batch -> read again.
// A session always has exactly one operation pending (a read or a write),
// so closing the socket is enough to end it: the pending operation
// completes with an error and the session deletes itself.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include "edge_read_socket.hpp"
#include "request_head.hpp"

namespace coolpapers::redirector {

class Worker;

class Session {
 public:
  Session(Worker& worker, boost::asio::ip::tcp::socket socket);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void start();
  // Called by the worker's tick: closes the connection if its deadline
  // has passed.
  void on_tick(std::int64_t now_ms);
  // Called once when the server starts draining.
  void on_drain();
  // Closes the socket; the pending operation then ends the session.
  void close();

  Session* prev_ = nullptr;
  Session* next_ = nullptr;

 private:
  enum class Phase {
    idle,       // waiting for the first byte of the next request
    reading,    // part of a request head has arrived
    writing,    // responses are being written
    lingering,  // sent a final response; discarding input until the peer closes
    closed,
  };

  void do_read();
  void on_read(const boost::system::error_code& ec, std::size_t bytes);
  void process_buffer();
  void reject(unsigned status);
  void do_write();
  void on_write(const boost::system::error_code& ec);
  void do_linger();
  void finish();  // deletes this
  void set_deadline(std::chrono::milliseconds timeout);
  std::chrono::milliseconds last_call() const;
  // Time allowed for a request head that has begun: the read timeout, or
  // only the last call once the server is draining.
  std::chrono::milliseconds head_timeout() const;

  Worker& worker_;
  EdgeReadSocket socket_;
  boost::beast::flat_buffer buffer_;
  std::string out_;
  std::string target_storage_;
  std::string method_storage_;
  std::optional<RequestHeadParser> parser_;
  std::string peer_;  // only filled in when there is an access log
  Phase phase_ = Phase::idle;
  std::int64_t deadline_ms_ = 0;
  std::size_t batched_ = 0;        // responses in out_
  bool close_after_write_ = false;
  bool drain_cancelled_ = false;  // the drain's last call cancelled the idle read
  std::chrono::steady_clock::time_point batch_started_;
};

}  // namespace coolpapers::redirector
