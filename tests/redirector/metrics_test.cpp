// Metrics: shards add up, the histogram is cumulative, the text is
// Prometheus exposition format.
#include <doctest/doctest.h>

#include "metrics.hpp"

using namespace coolpapers::redirector;

TEST_CASE("requests from every shard are summed by route and status") {
  Metrics metrics(2);
  metrics.shard(0).count_request(Route::redirect, 302);
  metrics.shard(1).count_request(Route::redirect, 302);
  metrics.shard(1).count_request(Route::api, 404);
  metrics.shard(0).count_request(Route::rejected, 418);
  std::string text;
  metrics.render(text);
  CHECK(text.find("coolpapers_redirector_requests_total{route=\"redirect\",status=\"302\"} 2\n") != std::string::npos);
  CHECK(text.find("coolpapers_redirector_requests_total{route=\"api\",status=\"404\"} 1\n") != std::string::npos);
  CHECK(text.find("coolpapers_redirector_requests_total{route=\"rejected\",status=\"other\"} 1\n") != std::string::npos);
  CHECK(text.find("route=\"help\"") == std::string::npos);  // zero series are left out
}

TEST_CASE("the latency histogram is cumulative and ends with +Inf = count") {
  Metrics metrics(1);
  metrics.shard(0).observe_latency(30'000, 3);         // 30 us -> le 5e-05
  metrics.shard(0).observe_latency(2'000'000'000, 1);  // 2 s -> +Inf only
  std::string text;
  metrics.render(text);
  CHECK(text.find("_bucket{le=\"5e-05\"} 3\n") != std::string::npos);
  CHECK(text.find("_bucket{le=\"1\"} 3\n") != std::string::npos);
  CHECK(text.find("_bucket{le=\"+Inf\"} 4\n") != std::string::npos);
  CHECK(text.find("_count 4\n") != std::string::npos);
  CHECK(text.find("_sum 2.000090000\n") != std::string::npos);
}

TEST_CASE("open connections go up and down") {
  Metrics metrics(2);
  metrics.shard(0).connection_opened();
  metrics.shard(1).connection_opened();
  metrics.shard(1).connection_closed();
  std::string text;
  metrics.render(text);
  CHECK(text.find("coolpapers_redirector_open_connections 1\n") != std::string::npos);
  CHECK(text.find("coolpapers_redirector_connections_accepted_total 2\n") != std::string::npos);
}
