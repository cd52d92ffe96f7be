#include "server.hpp"

#include <csignal>
#include <iostream>
#include <thread>
#include <vector>

#include <boost/asio/signal_set.hpp>

#include "worker.hpp"

namespace coolpapers::redirector {

int run_server(const Config& config, const Service& service,
               std::shared_ptr<AccessLogFile> access_log) {
  const unsigned threads =
      config.threads ? config.threads : std::max(1u, std::thread::hardware_concurrency());

  Metrics metrics(threads);
  Shared shared{config, service, metrics, std::move(access_log)};

  boost::system::error_code ec;
  tcp::endpoint endpoint(net::ip::make_address(config.listen_address, ec), config.listen_port);
  if (!ec && config.listen_port != 0) {
    // SO_REUSEPORT would let this process silently share a port another
    // instance already listens on (and take half its connections). Probe
    // with a plain socket first, so "address in use" is an error as usual.
    net::io_context probe_context(1);
    tcp::acceptor probe(probe_context);
    probe.open(endpoint.protocol(), ec);
    if (!ec) probe.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) probe.bind(endpoint, ec);
    if (ec) {
      std::cerr << "coolpapers-redirector: cannot listen on " << endpoint << ": "
                << ec.message() << "\n";
      return 1;
    }
  }
  std::vector<std::unique_ptr<Worker>> workers;
  for (unsigned i = 0; i < threads; ++i) {
    workers.push_back(std::make_unique<Worker>(i, shared));
    if (auto listen_ec = workers.back()->listen(endpoint)) {
      std::cerr << "coolpapers-redirector: cannot listen on " << endpoint << ": "
                << listen_ec.message() << "\n";
      return 1;
    }
    // With port 0 the first socket picks the port; the others share it.
    if (i == 0) endpoint = workers.front()->local_endpoint();
  }

  // Writes to a peer that has gone away must fail with EPIPE, not kill us.
  std::signal(SIGPIPE, SIG_IGN);

  net::io_context signal_context(1);
  net::signal_set signals(signal_context, SIGINT, SIGTERM);
  std::function<void(const boost::system::error_code&, int)> on_signal =
      [&](const boost::system::error_code& signal_ec, int number) {
        if (signal_ec) return;
        std::cerr << "coolpapers-redirector: received "
                  << (number == SIGINT ? "SIGINT" : "SIGTERM")
                  << ", finishing in-flight requests (a second signal stops at once)\n";
        for (auto& worker : workers) worker->begin_drain(config.grace);
        signals.async_wait(on_signal);
      };
  signals.async_wait(on_signal);
  std::thread signal_thread([&] { signal_context.run(); });

  std::cerr << "coolpapers-redirector: listening on http://" << endpoint << " with "
            << threads << (threads == 1 ? " thread" : " threads") << ", redirecting to "
            << service.base() << std::endl;

  std::vector<std::thread> running;
  for (auto& worker : workers) running.emplace_back([&worker] { worker->run(); });
  for (auto& thread : running) thread.join();

  signal_context.stop();
  signal_thread.join();
  workers.clear();  // flushes the access log
  std::cerr << "coolpapers-redirector: stopped" << std::endl;
  return 0;
}

}  // namespace coolpapers::redirector
