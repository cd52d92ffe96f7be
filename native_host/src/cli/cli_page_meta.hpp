// `coolpapers resolve --meta FILE.json` and `--html FILE|-`: the page's
// meta tags, read from a file (or standard input) for the resolver.
#pragma once

#include <optional>
#include <string>

#include "coolpapers/page_meta.hpp"

namespace coolpapers::app {

// Reads the meta tags of `meta_json_file` (a JSON object, at most 1 MiB)
// and/or `html_file` (an HTML page, "-" for standard input; its first
// kMaxHtmlScanBytes are read). Empty names are skipped. On failure prints
// "coolpapers: ..." with what to do to stderr and returns nullopt.
std::optional<PageMetaStore> read_page_meta(const std::string& meta_json_file, const std::string& html_file);

}  // namespace coolpapers::app
