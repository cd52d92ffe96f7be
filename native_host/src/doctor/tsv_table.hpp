// Reading the tab-separated tables doctor carries (packaging/browsers.tsv,
// packaging/external-extensions.tsv): one reader, so both tables skip the same
// lines and name a bad line the same way.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace coolpapers::app::doctor {

// Called with the fields of one row; returns what is wrong with the row, or
// an empty string to go on with the next one.
using TsvRowReader = std::function<std::string(const std::vector<std::string>& fields)>;

// Passes each line of `text` that is neither empty nor a '#' comment (a
// trailing CR is dropped) to `read_row`, in order. Returns true iff every row
// has exactly `columns` tab-separated fields and `read_row` accepted it;
// otherwise stops at the first bad row with `error` "line N: " followed by
// "expected K tab-separated columns, found M" or by what `read_row` returned
// (N counts every line from 1).
bool read_tsv_table(std::string_view text, std::size_t columns, const TsvRowReader& read_row, std::string& error);

}  // namespace coolpapers::app::doctor
