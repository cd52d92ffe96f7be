// `coolpapers doctor [--json]`: is the native host set up for the browsers?

#include "cli.hpp"
#include "console.hpp"
#include "coolpapers/errors.hpp"
#include "doctor_checks.hpp"
#include "doctor_platform.hpp"
#include "doctor_report.hpp"

namespace coolpapers::app {

int cmd_doctor(const std::vector<std::string>& args) {
  bool json = false;
  for (const std::string& arg : args) {
    if (arg == "--json") {
      json = true;
    } else if (arg == "--help" || arg == "-h") {
      stdout_stream() << doctor::help_text();
      return 0;
    } else {
      return usage_error("doctor: unknown argument \"" + arg + "\"");
    }
  }
  doctor::Environment env = doctor::environment_from_process();
  doctor::Report report = doctor::run_checks(doctor::platform_browsers(), env);
  std::string extension_dir = doctor::bundled_extension_dir(env.self_path);
  if (json)
    doctor::print_json(report, extension_dir, stdout_stream());
  else
    doctor::print_text(report, extension_dir, stdout_stream());
  return report.ok() ? 0 : 1;
}

}  // namespace coolpapers::app
