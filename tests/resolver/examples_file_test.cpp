// Every row of docs/resolution-examples.jsonl, through the resolver.
#include "coolpapers/page_meta.hpp"
#include "coolpapers/resolution_json.hpp"
#include "examples_file.hpp"
#include "test_support.hpp"

using namespace coolpapers;

TEST_CASE("every row of the contract's examples file holds in the resolver") {
  auto rows = test::read_example_rows(COOLPAPERS_EXAMPLES_FILE);
  REQUIRE(rows.size() > 50);
  for (const auto& row : rows) {
    CAPTURE(row.line);
    CAPTURE(row.why);
    Request request;
    for (const auto& [name, text] : row.texts) {
      auto field = field_from_name(name);
      REQUIRE(field);
      request.set(*field, text);
    }
    PageMetaStore meta;
    for (const auto& [name, value] : row.meta) CHECK(meta.set(name, value));
    request.page_meta = meta.view();
    Resolution r = test::builtin().resolve(request);
    CHECK(r.ok() == row.url.has_value());
    if (row.url) CHECK(r.url == *row.url);
    if (row.family) CHECK(r.family == *row.family);
    CHECK(r.truncated == row.truncated);
    if (!row.message.empty()) CHECK(r.message.find(row.message) != std::string::npos);
  }
}
