#include "extension_ids.hpp"

namespace coolpapers::app {
// Generated from extension/EXTENSION_ID and extension/GECKO_ID
// (packaging/doctor_data.cmake).
std::string_view doctor_extension_id_file();
std::string_view doctor_gecko_id_file();

namespace {
std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}
}  // namespace

std::string_view builtin_extension_id() { return trim(doctor_extension_id_file()); }

std::string_view builtin_gecko_id() { return trim(doctor_gecko_id_file()); }

}  // namespace coolpapers::app
