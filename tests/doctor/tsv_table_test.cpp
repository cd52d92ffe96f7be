// The reader both of doctor's tab-separated tables go through: which lines
// are rows, and how a bad line is named.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tsv_table.hpp"

using namespace coolpapers::app::doctor;

namespace {
// The rows of `text` joined with '|', or "error: ..." when it is refused.
std::string rows_of(std::string_view text, std::size_t columns) {
  std::string rows, error;
  auto read_row = [&rows](const std::vector<std::string>& fields) -> std::string {
    if (fields[0] == "bad") return "the first column is bad";
    for (const std::string& field : fields) rows += field + "|";
    rows += "\n";
    return {};
  };
  return read_tsv_table(text, columns, read_row, error) ? rows : "error: " + error;
}
}  // namespace

TEST_CASE("comments, empty lines and carriage returns are skipped; fields keep empty columns") {
  CHECK(rows_of("# a\tcomment\n\na\tb\r\n\r\nc\t\n", 2) == "a|b|\nc||\n");
  CHECK(rows_of("a\tb", 2) == "a|b|\n");
  CHECK(rows_of("", 2).empty());
}

TEST_CASE("a bad line stops the reading with its line number, counting skipped lines") {
  CHECK(rows_of("# c\n\r\na\tb\tc\n", 2) == "error: line 3: expected 2 tab-separated columns, found 3");
  CHECK(rows_of("a\tb\nbad\tb\nc\n", 2) == "error: line 2: the first column is bad");
  CHECK(rows_of("a\tb\nbad\tb\nc\n", 1) == "error: line 1: expected 1 tab-separated columns, found 2");
}
