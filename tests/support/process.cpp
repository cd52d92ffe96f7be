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

namespace {

std::string without_carriage_returns_before_newlines(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

}  // namespace

ProcessResult with_unix_line_ends(ProcessResult result) {
  result.out = without_carriage_returns_before_newlines(result.out);
  result.err = without_carriage_returns_before_newlines(result.err);
  return result;
}

}  // namespace coolpapers::test
