// A TCP socket whose reads work the way nginx's do: a read that returns
// fewer bytes than it asked for has emptied the kernel's receive queue, so
// the next read waits for epoll to report new data instead of first trying
// recv(2) on a socket that is known to be empty.
//
// Why: Asio tries every read speculatively before it waits. On a keep-alive
// connection the next read starts right after the response is written,
// before the client has even received it, so that first recv(2) fails with
// EAGAIN on nearly every request: one wasted system call per request, about
// 0.35 us on the benchmark machine or 4-5% of a request's CPU time
// (bench/README.md, "What closed the gap"). Asio's reactor already has the
// mechanism: an operation that reports "done_and_exhausted" turns off
// speculative reads on its descriptor until epoll next reports it readable.
// Asio's own receive operation reports it only at end of file; ours also
// reports it after a short read.
//
// This reaches into Asio internals (detail::reactor_op and the epoll
// reactor's start_op), checked against Boost 1.81, Debian 12's. With any
// other Boost, or without epoll, reads fall back to async_read_some, which
// behaves the same apart from the extra recv(2); -DCOOLPAPERS_PLAIN_ASIO_READS
// forces the fallback (the unit and server tests pass with it).
#pragma once

#include <cstddef>
#include <memory>

#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/system/error_code.hpp>

namespace coolpapers::redirector {

class EdgeReadSocket : public boost::asio::ip::tcp::socket {
 public:
  using ReadCallback = void (*)(void* context, const boost::system::error_code& ec, std::size_t bytes);

  // `callback(context, ...)` is called, from the socket's io_context, each
  // time a read started by read_some() completes. It may destroy the socket.
  // As with any Asio handler that refers to its owner, the socket must not be
  // destroyed while a read is pending: close() or cancel() it and let the
  // read complete (with operation_aborted) first.
  EdgeReadSocket(boost::asio::ip::tcp::socket&& socket, ReadCallback callback, void* context);
  ~EdgeReadSocket();
  EdgeReadSocket(const EdgeReadSocket&) = delete;
  EdgeReadSocket& operator=(const EdgeReadSocket&) = delete;

  // Reads at least one byte into `buffer`, like async_read_some.
  // REQUIRES: no other read is pending; the socket is in non-blocking mode
  // (non_blocking(true)), as Asio's own operations would make it.
  void read_some(boost::asio::mutable_buffer buffer);

 private:
  class ReadOperation;
  std::unique_ptr<ReadOperation> operation_;  // one per connection, reused for every read
  ReadCallback callback_;
  void* context_;
};

}  // namespace coolpapers::redirector
