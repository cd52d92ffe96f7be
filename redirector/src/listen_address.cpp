#include "listen_address.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace coolpapers::redirector {

std::optional<boost::asio::ip::address> resolve_listen_address(std::string_view host,
                                                               std::string& error) {
  boost::system::error_code ec;
  auto literal = boost::asio::ip::make_address(std::string(host), ec);
  if (!ec) return literal;

  boost::asio::io_context context(1);
  boost::asio::ip::tcp::resolver resolver(context);
  auto results = resolver.resolve(std::string(host), "0",
                                  boost::asio::ip::tcp::resolver::passive |
                                      boost::asio::ip::tcp::resolver::numeric_service,
                                  ec);
  if (ec || results.empty()) {
    error = "cannot resolve '" + std::string(host) + "'" + (ec ? ": " + ec.message() : "") +
            "; use an IP address such as 127.0.0.1 or [::1], or a name in /etc/hosts";
    return std::nullopt;
  }
  for (const auto& entry : results)
    if (entry.endpoint().address().is_v4()) return entry.endpoint().address();
  return results.begin()->endpoint().address();
}

}  // namespace coolpapers::redirector
