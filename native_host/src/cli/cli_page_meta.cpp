#include "cli_page_meta.hpp"
#include "console.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace coolpapers::app {
namespace {

constexpr std::size_t kMaxMetaFileBytes = 1024 * 1024;

// Reads at most `limit` bytes of `path` ("-": standard input) into `out`.
// Returns false with `error` set iff it cannot be read; `cut` tells whether
// there was more.
bool read_bounded(const std::string& path, std::size_t limit, std::string& out, bool& cut, std::string& error) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(nullptr, std::fclose);
  std::FILE* file = stdin;
  if (path != "-") {
    owned.reset(std::fopen(path.c_str(), "rb"));
    if (!owned) {
      error = std::strerror(errno);
      return false;
    }
    file = owned.get();
  }
  out.clear();
  char buffer[65536];
  while (out.size() <= limit) {
    std::size_t n = std::fread(buffer, 1, sizeof buffer, file);
    out.append(buffer, n);
    if (n < sizeof buffer) break;
  }
  if (std::ferror(file)) {
    error = "read error";
    return false;
  }
  cut = out.size() > limit;
  if (cut) out.resize(limit);
  return true;
}

}  // namespace

std::optional<PageMetaStore> read_page_meta(const std::string& meta_json_file, const std::string& html_file) {
  PageMetaStore store;
  std::string text, error;
  bool cut = false;
  if (!meta_json_file.empty()) {
    if (!read_bounded(meta_json_file, kMaxMetaFileBytes, text, cut, error)) {
      stderr_stream() << "coolpapers: cannot read --meta file " << meta_json_file << ": " << error << "\n";
      return std::nullopt;
    }
    if (cut) {
      stderr_stream() << "coolpapers: --meta file " << meta_json_file
                << " is larger than 1 MiB; give a JSON object of the page's meta tags only\n";
      return std::nullopt;
    }
    if (std::string problem = meta_from_json(text, store); !problem.empty()) {
      stderr_stream() << "coolpapers: --meta file " << meta_json_file << ": " << problem
                << " (expected e.g. {\"citation_title\": \"...\", \"citation_arxiv_id\": \"2106.09685\"})\n";
      return std::nullopt;
    }
  }
  if (!html_file.empty()) {
    if (!read_bounded(html_file, kMaxHtmlScanBytes, text, cut, error)) {
      stderr_stream() << "coolpapers: cannot read --html file " << html_file << ": " << error << "\n";
      return std::nullopt;
    }
    PageMetaStore from_html = meta_from_html(text);
    PageMeta found = from_html.view();
    for (std::string_view name : PageMeta::kNames) store.set(name, *found.find(name));
  }
  return store;
}

}  // namespace coolpapers::app
