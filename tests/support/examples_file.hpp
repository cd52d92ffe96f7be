// The rows of docs/resolution-examples.jsonl (format in its header), for
// every suite that checks the contract through its own shell.
#pragma once

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace coolpapers::test {

struct ExampleRow {
  std::size_t line = 0;
  std::map<std::string, std::string> texts;  // "selectionText" etc. -> text
  std::map<std::string, std::string> meta;   // pageMeta tags, by name
  std::string meta_json;                     // pageMeta as JSON ("" if none)
  std::optional<std::string> url;            // nullopt: no answer
  std::optional<std::string> family;
  bool truncated = false;
  std::string message;  // a part of the error message, or ""
  std::string why;
};

// Every row of the file (ADD_FAILURE-free: an unreadable file or row gives
// an empty list or a row with line set, which the caller's checks catch).
inline std::vector<ExampleRow> read_example_rows(const std::string& path) {
  std::vector<ExampleRow> rows;
  std::ifstream in(path);
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    ExampleRow row;
    row.line = number;
    boost::json::error_code ec;
    boost::json::value v = boost::json::parse(line, ec);
    if (ec || !v.is_object()) {
      row.why = "unparsable row";
      rows.push_back(row);
      continue;
    }
    const auto& o = v.as_object();
    for (const auto& [key, value] : o.at("request").as_object()) {
      if (key == "pageMeta") {
        row.meta_json = boost::json::serialize(value);
        for (const auto& [name, tag] : value.as_object()) row.meta[std::string(name)] = std::string(tag.as_string());
      } else {
        row.texts[std::string(key)] = std::string(value.as_string());
      }
    }
    if (o.at("url").is_string()) row.url = std::string(o.at("url").as_string());
    if (const auto* f = o.if_contains("family")) row.family = std::string(f->as_string());
    if (const auto* t = o.if_contains("truncated")) row.truncated = t->as_bool();
    if (const auto* m = o.if_contains("message")) row.message = std::string(m->as_string());
    row.why = std::string(o.at("why").as_string());
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace coolpapers::test
