#include "metrics.hpp"

#include <charconv>
#include <cstdio>

namespace coolpapers::redirector {
namespace {

template <typename T>
void append_number(std::string& out, T value) {
  char digits[32];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

std::size_t status_slot(unsigned status) {
  for (std::size_t i = 0; i < kCountedStatuses.size(); ++i)
    if (kCountedStatuses[i] == status) return i;
  return kCountedStatuses.size();
}

void append_seconds(std::string& out, std::uint64_t microseconds) {
  char text[32];
  int n = std::snprintf(text, sizeof text, "%g", static_cast<double>(microseconds) / 1e6);
  out.append(text, static_cast<std::size_t>(n));
}

}  // namespace

void MetricsShard::count_request(Route route, unsigned status) {
  bump(requests_[static_cast<std::size_t>(route)][status_slot(status)], std::uint64_t{1});
}

void MetricsShard::observe_latency(std::uint64_t latency_ns, std::uint64_t count) {
  std::size_t bucket = 0;
  const std::uint64_t us = latency_ns / 1000;
  while (bucket < kLatencyBucketsUs.size() && us > kLatencyBucketsUs[bucket]) ++bucket;
  bump(buckets_[bucket], count);
  bump(latency_sum_ns_, latency_ns * count);
  bump(latency_count_, count);
}

Metrics::Metrics(std::size_t shards) {
  for (std::size_t i = 0; i < shards; ++i) shards_.push_back(std::make_unique<MetricsShard>());
}

void Metrics::render(std::string& out) const {
  auto sum = [&](auto member) {
    std::uint64_t total = 0;
    for (auto& s : shards_) total += static_cast<std::uint64_t>(member(*s).load(std::memory_order_relaxed));
    return total;
  };

  out += "# HELP coolpapers_redirector_requests_total Requests answered, by route and HTTP status.\n"
         "# TYPE coolpapers_redirector_requests_total counter\n";
  for (std::size_t r = 0; r < kRouteCount; ++r) {
    for (std::size_t s = 0; s < MetricsShard::kStatusSlots; ++s) {
      std::uint64_t n = sum([&](MetricsShard& m) -> auto& { return m.requests_[r][s]; });
      if (n == 0) continue;
      out += "coolpapers_redirector_requests_total{route=\"";
      out += route_name(static_cast<Route>(r));
      out += "\",status=\"";
      if (s < kCountedStatuses.size()) append_number(out, kCountedStatuses[s]);
      else out += "other";
      out += "\"} ";
      append_number(out, n);
      out += '\n';
    }
  }

  out += "# HELP coolpapers_redirector_request_duration_seconds Time from reading a request to "
         "having written its response.\n"
         "# TYPE coolpapers_redirector_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t b = 0; b <= kLatencyBucketsUs.size(); ++b) {
    cumulative += sum([&](MetricsShard& m) -> auto& { return m.buckets_[b]; });
    out += "coolpapers_redirector_request_duration_seconds_bucket{le=\"";
    if (b < kLatencyBucketsUs.size()) append_seconds(out, kLatencyBucketsUs[b]);
    else out += "+Inf";
    out += "\"} ";
    append_number(out, cumulative);
    out += '\n';
  }
  char sum_text[48];
  int n = std::snprintf(sum_text, sizeof sum_text, "%.9f",
                        static_cast<double>(sum([](MetricsShard& m) -> auto& { return m.latency_sum_ns_; })) / 1e9);
  out += "coolpapers_redirector_request_duration_seconds_sum ";
  out.append(sum_text, static_cast<std::size_t>(n));
  out += "\ncoolpapers_redirector_request_duration_seconds_count ";
  append_number(out, sum([](MetricsShard& m) -> auto& { return m.latency_count_; }));

  std::int64_t open = 0;
  for (auto& s : shards_) open += s->open_connections_.load(std::memory_order_relaxed);
  out += "\n# HELP coolpapers_redirector_open_connections Client connections open now.\n"
         "# TYPE coolpapers_redirector_open_connections gauge\n"
         "coolpapers_redirector_open_connections ";
  append_number(out, open);
  out += "\n# HELP coolpapers_redirector_connections_accepted_total Client connections accepted.\n"
         "# TYPE coolpapers_redirector_connections_accepted_total counter\n"
         "coolpapers_redirector_connections_accepted_total ";
  append_number(out, sum([](MetricsShard& m) -> auto& { return m.accepted_; }));
  out += "\n# HELP coolpapers_redirector_connections_rejected_total Connections refused with 503 "
         "because --max-connections were open.\n"
         "# TYPE coolpapers_redirector_connections_rejected_total counter\n"
         "coolpapers_redirector_connections_rejected_total ";
  append_number(out, sum([](MetricsShard& m) -> auto& { return m.rejected_; }));
  out += "\n# HELP coolpapers_redirector_connections_timed_out_total Connections closed by the "
         "read, write or idle timeout.\n"
         "# TYPE coolpapers_redirector_connections_timed_out_total counter\n"
         "coolpapers_redirector_connections_timed_out_total ";
  append_number(out, sum([](MetricsShard& m) -> auto& { return m.timeouts_; }));
  out += '\n';
}

}  // namespace coolpapers::redirector
