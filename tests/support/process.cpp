#include "process.hpp"

#include <exception>

#include "child_process.hpp"

namespace coolpapers::test {

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input,
                          const std::vector<std::string>& extra_env, int timeout_seconds) {
  process::Options options;
  for (const auto& entry : extra_env) {
    auto equals = entry.find('=');
    options.environment.emplace_back(entry.substr(0, equals),
                                     equals == std::string::npos ? "" : entry.substr(equals + 1));
  }
  ProcessResult result;
  try {
    process::Finished finished = process::run_process(argv, input, options, std::chrono::seconds(timeout_seconds));
    result.out = std::move(finished.out);
    result.err = std::move(finished.err);
    result.exit_code = finished.timed_out ? -1 : finished.signal ? 128 + finished.signal : finished.exit_code;
    if (finished.timed_out) result.err += "\ntimeout";
  } catch (const std::exception& e) {
    result.err = e.what();
  }
  return result;
}

}  // namespace coolpapers::test
