#include "edge_read_socket.hpp"

#include <boost/version.hpp>

// COOLPAPERS_PLAIN_ASIO_READS forces the fallback (preset plain-asio-reads;
// tests/run_all.sh tests it).
#if defined(BOOST_ASIO_HAS_EPOLL) && BOOST_VERSION == 108100 && !defined(COOLPAPERS_PLAIN_ASIO_READS)
#define COOLPAPERS_EDGE_READ 1
#include <boost/asio/detail/reactor.hpp>
#include <boost/asio/detail/reactor_op.hpp>
#include <boost/asio/detail/socket_ops.hpp>
#include <boost/asio/execution/context.hpp>
#include <boost/asio/query.hpp>
#endif

namespace coolpapers::redirector {

#ifdef COOLPAPERS_EDGE_READ
namespace detail = boost::asio::detail;

// The read, as an operation of Asio's reactor. It lives as long as the
// socket and is queued at most once at a time.
class EdgeReadSocket::ReadOperation : public detail::reactor_op {
 public:
  explicit ReadOperation(EdgeReadSocket& socket)
      : reactor_op(boost::system::error_code(), &perform, &complete),
        socket_(socket),
        reactor_(boost::asio::use_service<detail::reactor>(
            boost::asio::query(socket.get_executor(), boost::asio::execution::context))) {}

  void start(boost::asio::mutable_buffer buffer) {
    buffer_ = buffer;
    ec_ = {};
    bytes_transferred_ = 0;
    auto& impl = socket_.impl_.get_implementation();
    fd_ = impl.socket_;
    // Speculative reads stay allowed: after a full read, or once epoll has
    // reported the socket readable, the data may well be there already.
    reactor_.start_op(detail::reactor::read_op, impl.socket_, impl.reactor_data_, this,
                      /*is_continuation=*/false, /*allow_speculative=*/true);
  }

 private:
  static status perform(reactor_op* base) {
    auto* self = static_cast<ReadOperation*>(base);
    if (!detail::socket_ops::non_blocking_recv1(self->fd_, self->buffer_.data(), self->buffer_.size(), 0,
                                                /*is_stream=*/true, self->ec_, self->bytes_transferred_))
      return not_done;  // EAGAIN: the reactor waits for readiness
    return self->bytes_transferred_ < self->buffer_.size() ? done_and_exhausted : done;
  }

  // Called by the io_context: with `owner` set to run the completion, with
  // nullptr when the io_context is destroyed with the read still queued.
  static void complete(void* owner, detail::scheduler_operation* base, const boost::system::error_code&,
                       std::size_t) {
    if (owner == nullptr) return;  // the memory belongs to the socket
    auto* self = static_cast<ReadOperation*>(base);
    // Copied out first: the callback may destroy the socket, and this with it.
    const boost::system::error_code ec = self->ec_;
    const std::size_t bytes = self->bytes_transferred_;
    EdgeReadSocket& socket = self->socket_;
    socket.callback_(socket.context_, ec, bytes);
  }

  EdgeReadSocket& socket_;
  detail::reactor& reactor_;
  detail::socket_type fd_ = detail::invalid_socket;
  boost::asio::mutable_buffer buffer_;
};

EdgeReadSocket::EdgeReadSocket(boost::asio::ip::tcp::socket&& socket, ReadCallback callback, void* context)
    : boost::asio::ip::tcp::socket(std::move(socket)),
      operation_(std::make_unique<ReadOperation>(*this)),
      callback_(callback),
      context_(context) {}

void EdgeReadSocket::read_some(boost::asio::mutable_buffer buffer) { operation_->start(buffer); }

#else  // Asio's own read: correct everywhere, one recv(2) more per request.

class EdgeReadSocket::ReadOperation {};

EdgeReadSocket::EdgeReadSocket(boost::asio::ip::tcp::socket&& socket, ReadCallback callback, void* context)
    : boost::asio::ip::tcp::socket(std::move(socket)), callback_(callback), context_(context) {}

void EdgeReadSocket::read_some(boost::asio::mutable_buffer buffer) {
  async_read_some(buffer, [this](const boost::system::error_code& ec, std::size_t bytes) {
    callback_(context_, ec, bytes);
  });
}
#endif

EdgeReadSocket::~EdgeReadSocket() = default;

}  // namespace coolpapers::redirector
