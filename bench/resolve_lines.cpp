// The resolver in process on "field<TAB>text" lines: the figure to hold
// against the original matcher under V8 on the same lines (cli_vs_v8.py
// runs it with --in-process).
//
//   resolve_lines LINES.tsv
//
// Resolves every line once to warm up, then times 7 passes over all lines
// with one reused Resolution (as the command line does) and prints, per
// field and for all lines, the median pass's ns per input:
//   in_process FIELD ns_per_input N inputs K
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "coolpapers/resolver.hpp"

using namespace coolpapers;

namespace {

struct Line {
  std::string name;  // selection, link or page
  Field field;
  std::string text;
  Request request;  // views of `text`, set once every line is read
};

double median_ns_per_input(const Resolver& resolver, const std::vector<const Line*>& lines) {
  Resolution out;
  std::size_t answered = 0;
  for (const Line* line : lines) {
    resolver.resolve_into(line->request, out);
    answered += out.ok() ? 1 : 0;
  }
  std::vector<double> passes;
  for (int p = 0; p < 7; ++p) {
    auto t0 = std::chrono::steady_clock::now();
    for (const Line* line : lines) resolver.resolve_into(line->request, out);
    std::chrono::duration<double, std::nano> elapsed = std::chrono::steady_clock::now() - t0;
    passes.push_back(elapsed.count() / static_cast<double>(lines.size()));
  }
  std::sort(passes.begin(), passes.end());
  if (answered == 0) std::cerr << "resolve_lines: no line got an answer; is this the right file?\n";
  return passes[3];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: resolve_lines LINES.tsv (lines \"field<TAB>text\", as bench/click_corpus.py writes)\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "resolve_lines: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::vector<Line> lines;
  for (std::string text; std::getline(in, text);) {
    auto tab = text.find('\t');
    auto field = tab == std::string::npos ? std::nullopt : field_from_name(std::string_view(text).substr(0, tab));
    if (!field) {
      std::cerr << "resolve_lines: line " << lines.size() + 1 << " is not \"field<TAB>text\"\n";
      return 2;
    }
    lines.push_back({text.substr(0, tab), *field, text.substr(tab + 1), {}});
  }
  for (Line& line : lines) line.request.set(line.field, line.text);
  auto resolver = Resolver::create({});
  if (!resolver) {
    std::cerr << "resolve_lines: the built-in rules do not load\n";
    return 1;
  }
  std::vector<const Line*> all;
  for (const Line& line : lines) all.push_back(&line);
  for (const char* name : {"selection", "link", "page"}) {
    std::vector<const Line*> some;
    for (const Line* line : all)
      if (line->name == name) some.push_back(line);
    if (some.empty()) continue;
    std::printf("in_process %s ns_per_input %.1f inputs %zu\n", name, median_ns_per_input(*resolver, some), some.size());
  }
  std::printf("in_process all ns_per_input %.1f inputs %zu\n", median_ns_per_input(*resolver, all), all.size());
  return 0;
}
