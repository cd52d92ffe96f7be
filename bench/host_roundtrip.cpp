// The native host's round trip, as a user feels it on every click: Chrome
// starts a new host process for each sendNativeMessage, writes one frame,
// reads one reply and waits for the process to end.
//
// Each round spawns `coolpapers chrome-extension://ID/`, writes one
// "resolve" frame, closes stdin, reads the reply to EOF and reaps the
// process; then does exactly the same with /bin/true (same argument, same
// pipes, same frame). The two alternate, swapping which goes first every
// round, so drift in machine load hits both alike. Reported: both medians
// (and p10/p90), their ratio, and the peak RSS of each.
//
//   host_roundtrip [--rounds N] [--warmup N] [--baseline PATH] [COOLPAPERS]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "child_process.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// What Chrome passes as argv[1]: the calling extension's origin.
constexpr const char* kOrigin = "chrome-extension://knldjmfmopnpolahpmmgbagdohdnhkik/";
constexpr std::string_view kRequest = R"({"type":"resolve","pageUrl":"https://arxiv.org/abs/2312.00001v2"})";
constexpr std::string_view kExpectedUrl = "https://papers.cool/arxiv/2312.00001";

struct Trip {
  double micros = 0;      // wall clock, spawn to reaped
  double cpu_micros = 0;  // the child's user + system CPU time
  long max_rss_kib = 0;
  int exit_status = -1;
  std::string reply;
};

std::string frame(std::string_view body) {
  const auto length = static_cast<std::uint32_t>(body.size());
  std::string bytes(4, '\0');
  std::memcpy(bytes.data(), &length, 4);  // native byte order, as Chrome writes it
  bytes.append(body);
  return bytes;
}

// One round trip of `program` with Chrome's argument and one request frame:
// spawn, write the frame, close stdin, read the reply to EOF, reap.
// /bin/true may exit before reading (EPIPE), which is fine.
Trip round_trip(const std::string& program, const std::string& request_frame) {
  Trip trip;
  const auto start = Clock::now();
  coolpapers::process::Finished run;
  try {
    run = coolpapers::process::run_process({program, kOrigin}, request_frame);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "host_roundtrip: %s\n", e.what());
    std::exit(2);
  }
  trip.micros = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
  trip.cpu_micros = static_cast<double>(run.cpu_time.count());
  trip.max_rss_kib = run.max_rss_kib;
  trip.exit_status = run.signal != 0 ? 128 + run.signal : run.exit_code;
  trip.reply = std::move(run.out);
  return trip;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const double index = p * static_cast<double>(values.size() - 1);
  const auto low = static_cast<std::size_t>(index);
  const std::size_t high = std::min(low + 1, values.size() - 1);
  return values[low] + (values[high] - values[low]) * (index - static_cast<double>(low));
}

struct Series {
  std::vector<double> micros;
  std::vector<double> cpu_micros;
  long peak_rss_kib = 0;
};

void add(Series& series, const Trip& trip) {
  series.micros.push_back(trip.micros);
  series.cpu_micros.push_back(trip.cpu_micros);
  series.peak_rss_kib = std::max(series.peak_rss_kib, trip.max_rss_kib);
}

void print(const char* name, const Series& series) {
  std::printf("%-22s median %7.1f us  p10 %7.1f us  p90 %7.1f us  child CPU median %6.1f us  peak RSS %5.1f MiB\n",
              name, percentile(series.micros, 0.5), percentile(series.micros, 0.1), percentile(series.micros, 0.9),
              percentile(series.cpu_micros, 0.5), static_cast<double>(series.peak_rss_kib) / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 2000;
  int warmup = 50;
  std::string host = COOLPAPERS_BINARY;
  std::string baseline = "/bin/true";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--rounds" && i + 1 < argc) {
      rounds = std::atoi(argv[++i]);
    } else if (arg == "--warmup" && i + 1 < argc) {
      warmup = std::atoi(argv[++i]);
    } else if (arg == "--baseline" && i + 1 < argc) {
      baseline = argv[++i];
    } else if (!arg.starts_with("-")) {
      host = std::string(arg);
    } else {
      std::fprintf(stderr, "usage: host_roundtrip [--rounds N] [--warmup N] [--baseline PATH] [COOLPAPERS]\n");
      return 2;
    }
  }
  if (rounds < 1) rounds = 1;

  const std::string request_frame = frame(kRequest);
  const std::string expected_reply_start = R"({"ok":true,"url":")" + std::string(kExpectedUrl) + "\"";

  // Check once that the host really answers, so we time the real work.
  const Trip check = round_trip(host, request_frame);
  if (check.exit_status != 0 || check.reply.size() < 4 ||
      check.reply.compare(4, expected_reply_start.size(), expected_reply_start) != 0) {
    std::fprintf(stderr, "host_roundtrip: %s did not answer as expected (exit %d): %s\n", host.c_str(),
                 check.exit_status, check.reply.size() > 4 ? check.reply.c_str() + 4 : "(no reply)");
    return 1;
  }

  for (int i = 0; i < warmup; ++i) {
    round_trip(host, request_frame);
    round_trip(baseline, request_frame);
  }

  Series host_series, baseline_series;
  int failures = 0;
  for (int round = 0; round < rounds; ++round) {
    const bool host_first = round % 2 == 0;
    for (int turn = 0; turn < 2; ++turn) {
      if ((turn == 0) == host_first) {
        const Trip trip = round_trip(host, request_frame);
        if (trip.exit_status != 0 || trip.reply.size() != check.reply.size()) ++failures;
        add(host_series, trip);
      } else {
        add(baseline_series, round_trip(baseline, request_frame));
      }
    }
  }

  std::printf("native host round trip: spawn with the origin argument, one resolve frame, read reply, wait\n");
  std::printf("host: %s\nrounds: %d (alternating, after %d warm-up rounds each)\n", host.c_str(), rounds, warmup);
  print("coolpapers (resolve)", host_series);
  print(baseline.c_str(), baseline_series);
  std::printf("ratio of medians: %.2f (goal <= 1.3)\n",
              percentile(host_series.micros, 0.5) / percentile(baseline_series.micros, 0.5));
  if (failures != 0) {
    std::printf("FAILED round trips: %d\n", failures);
    return 1;
  }
  return 0;
}
