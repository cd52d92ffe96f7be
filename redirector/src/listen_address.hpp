// Turning --listen's host into the one address the server binds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/asio/ip/address.hpp>

namespace coolpapers::redirector {

// Resolves `host` (a literal address or a host name such as "localhost")
// with the system resolver (getaddrinfo: /etc/hosts, DNS, /etc/gai.conf).
// A name with several addresses gives its first IPv4 address, else its first
// address: every server cannot listen on all of them with one socket, and
// the project's examples (nginx's proxy_pass, the systemd unit) reach the
// service at 127.0.0.1. Returns nullopt and sets `error` (one line saying
// what to do) iff the name has no address.
std::optional<boost::asio::ip::address> resolve_listen_address(std::string_view host,
                                                               std::string& error);

}  // namespace coolpapers::redirector
