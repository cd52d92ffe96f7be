// Prometheus metrics: requests by route and status, a latency histogram,
// open connections. Each worker thread owns a shard and is its only writer
// (relaxed load + store, no locked instructions on the hot path); /metrics
// sums the shards when it is scraped.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "handler.hpp"

namespace coolpapers::redirector {

inline constexpr std::array<unsigned, 9> kCountedStatuses = {200, 302, 400, 404, 405,
                                                             413, 431, 500, 503};
// Upper bounds of the latency buckets, in microseconds (+Inf is implicit).
inline constexpr std::array<std::uint64_t, 13> kLatencyBucketsUs = {
    50, 100, 250, 500, 1'000, 2'500, 5'000, 10'000, 25'000, 50'000, 100'000, 250'000, 1'000'000};

class alignas(64) MetricsShard {
 public:
  void count_request(Route route, unsigned status);
  // `count` requests answered by one write, each `latency_ns` after the
  // read that completed them.
  void observe_latency(std::uint64_t latency_ns, std::uint64_t count);
  void connection_opened() { bump(open_connections_, 1); bump(accepted_, 1); }
  void connection_closed() { bump(open_connections_, -1); }
  void connection_rejected() { bump(rejected_, 1); }
  void connection_timed_out() { bump(timeouts_, 1); }

 private:
  friend class Metrics;
  template <typename T>
  static void bump(std::atomic<T>& counter, std::type_identity_t<T> delta) {
    counter.store(counter.load(std::memory_order_relaxed) + delta,
                  std::memory_order_relaxed);
  }

  static constexpr std::size_t kStatusSlots = kCountedStatuses.size() + 1;  // + other
  std::array<std::array<std::atomic<std::uint64_t>, kStatusSlots>, kRouteCount> requests_{};
  std::array<std::atomic<std::uint64_t>, kLatencyBucketsUs.size() + 1> buckets_{};
  std::atomic<std::uint64_t> latency_sum_ns_{0};
  std::atomic<std::uint64_t> latency_count_{0};
  std::atomic<std::int64_t> open_connections_{0};
  std::atomic<std::uint64_t> accepted_{0};
  std::atomic<std::uint64_t> rejected_{0};
  std::atomic<std::uint64_t> timeouts_{0};
};

class Metrics final : public MetricsSource {
 public:
  explicit Metrics(std::size_t shards);
  MetricsShard& shard(std::size_t index) { return *shards_[index]; }
  void render(std::string& out) const override;

 private:
  std::vector<std::unique_ptr<MetricsShard>> shards_;
};

}  // namespace coolpapers::redirector
