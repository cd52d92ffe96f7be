#include "tsv_table.hpp"

namespace coolpapers::app::doctor {
namespace {

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> fields;
  while (true) {
    std::size_t tab = line.find('\t');
    fields.emplace_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return fields;
    line.remove_prefix(tab + 1);
  }
}

}  // namespace

bool read_tsv_table(std::string_view text, std::size_t columns, const TsvRowReader& read_row, std::string& error) {
  std::size_t line_number = 0;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields = split_tabs(line);
    std::string problem =
        fields.size() == columns
            ? read_row(fields)
            : "expected " + std::to_string(columns) + " tab-separated columns, found " + std::to_string(fields.size());
    if (!problem.empty()) {
      error = "line " + std::to_string(line_number) + ": " + problem;
      return false;
    }
  }
  return true;
}

}  // namespace coolpapers::app::doctor
