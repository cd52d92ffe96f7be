#include "doctor_fixes.hpp"

#include "doctor_platform.hpp"

namespace coolpapers::app::doctor {

std::string fix_for(const Problem& problem, const Registration& r, const std::string& reinstall) {
  const std::string& code = problem.code;
  if (code == "read_error") return "make the manifest readable (" + make_readable_advice(r.manifest_path) + "), or reinstall with " + reinstall;
  if (code == "path_not_executable") return "chmod 755 " + r.host_path + ", or reinstall with " + reinstall;
  if (code == "not_this_binary")
    return "if this binary is the one to use, reinstall with " + reinstall + "; otherwise nothing to do";
  if (code == "ping_failed")
    return "run `" + r.host_path + " --help` to see whether it starts at all, then reinstall with " + reinstall;
  // Everything else is a wrong or missing manifest, or a missing binary:
  // the installer writes both again.
  return "reinstall with " + reinstall + " (it rewrites " + r.manifest_path + ")";
}

}  // namespace coolpapers::app::doctor
