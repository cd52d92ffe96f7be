#include "clock.hpp"

namespace coolpapers::redirector {

void CoarseClock::advance() {
  now_ms_ = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now().time_since_epoch())
                .count();
  std::time_t second = std::time(nullptr);
  if (second == second_) return;
  second_ = second;
  std::tm utc{};
  gmtime_r(&second, &utc);
  char text[64];
  // strftime's %a and %b are locale-dependent; this program never calls
  // setlocale, so they are the "C" locale's English names HTTP requires.
  http_date_.assign(text, std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc));
  iso_date_.assign(text, std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc));
}

}  // namespace coolpapers::redirector
