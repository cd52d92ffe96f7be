// The examples of docs/resolution.md, read from docs/resolution-examples.jsonl:
// the one table every test suite that checks the contract runs (resolver,
// command line, native host, redirect service; the extension's suites read
// it through tests/resolution_examples.mjs).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coolpapers::test {

struct ResolutionExample {
  int line = 0;  // 1-based line in the file
  // The request's texts as (protocol member name, text), in priority order:
  // "selectionText", "linkUrl", "pageUrl", "frameUrl".
  std::vector<std::pair<std::string, std::string>> request;
  // The request's "pageMeta" as (tag name, value), in file order; empty
  // when the request has none. Not one of the texts above.
  std::vector<std::pair<std::string, std::string>> page_meta;
  std::optional<std::string> url;                // nullopt: no answer
  std::string family;                            // empty: not stated
  std::optional<std::vector<std::string>> ids;   // nullopt: not stated
  bool truncated = false;                        // more ids were found than answered
  std::string message;                           // with no answer: a part of the message, or empty
  std::string why;

  // "docs/resolution-examples.jsonl:14: <why>", for CAPTURE and messages.
  std::string where() const;
  // True iff the request has exactly one text (what the command line and
  // the redirect service take, with the page's meta tags beside it).
  bool single_text() const { return request.size() == 1; }
  const std::string& first_member() const { return request.front().first; }
  const std::string& first_text() const { return request.front().second; }
};

// Every example of the file (the path comes from CMake). Throws
// std::runtime_error naming the file and line for a line that is not a
// well-formed example, and for a file that cannot be read or holds none:
// a broken table fails every suite loudly instead of testing nothing.
const std::vector<ResolutionExample>& resolution_examples();

}  // namespace coolpapers::test
