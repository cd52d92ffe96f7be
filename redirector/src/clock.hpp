// A per-thread coarse clock, advanced by the worker's tick: timeouts and
// the Date header read it instead of the system clock on every request.
#pragma once

#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

namespace coolpapers::redirector {

class CoarseClock {
 public:
  CoarseClock() { advance(); }

  // Reads the clocks; reformats the dates when the second has changed.
  void advance();

  // Milliseconds on the steady clock as of the last advance().
  std::int64_t now_ms() const { return now_ms_; }
  // "Sun, 29 Nov 2026 05:11:43 GMT" (RFC 9110 IMF-fixdate).
  std::string_view http_date() const { return http_date_; }
  // "2026-11-29T05:11:43Z", for the access log.
  std::string_view iso_date() const { return iso_date_; }

 private:
  std::int64_t now_ms_ = 0;
  std::time_t second_ = -1;
  std::string http_date_;
  std::string iso_date_;
};

}  // namespace coolpapers::redirector
