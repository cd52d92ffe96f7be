// Cost grows linearly with input size: a 1 MiB adversarial input costs
// about 64 times a 16 KiB input of the same shape (a quadratic matcher
// would cost 4096 times). Compared as a ratio in one run, never against a
// wall-clock limit.
#include <algorithm>
#include <chrono>
#include <functional>

#include "test_support.hpp"

using namespace coolpapers;

namespace {

std::string repeat_to(std::string_view prefix, std::string_view unit, std::size_t size) {
  std::string text(prefix);
  while (text.size() < size) text += unit;
  return text;
}

double best_seconds(const std::string& text, Field field) {
  double best = 1e9;
  for (int i = 0; i < 3; ++i) {
    auto start = std::chrono::steady_clock::now();
    Resolution r = test::builtin().resolve(text, field);
    auto stop = std::chrono::steady_clock::now();
    CHECK(r.error != ErrorCode::internal);
    best = std::min(best, std::chrono::duration<double>(stop - start).count());
  }
  return best;
}

}  // namespace

TEST_CASE("adversarial inputs cost linear time in their size") {
  struct Shape {
    const char* name;
    const char* prefix;
    const char* unit;
    Field field;
  };
  for (const Shape& shape : std::initializer_list<Shape>{
           {"openreview id= fragments", "https://openreview.net/forum?", "id=&x&id", Field::page_url},
           {"openreview many urls", "", "openreview.net/forum?a=b&", Field::selection_text},
           {"digit and dot runs", "", "1234.5678.", Field::selection_text},
           {"long digit run", "", "2", Field::selection_text},
           {"repeated arXiv id", "", "2312.00001 ", Field::selection_text},
           {"distinct arXiv ids", "", "2312.00001v1 2312.00002 ", Field::selection_text},
           {"acl lookalikes", "", "aclanthology.org/2023.a-b.", Field::page_url},
           {"cvf name without suffix", "https://openaccess.thecvf.com/content/CVPR2023/html/", "A_", Field::page_url},
           {"old-style lookalikes", "", "hep-th/9901001x", Field::selection_text},
           {"percent soup", "", "%25%32%35", Field::page_url},
           {"words", "", "Schrödinger ", Field::selection_text},
       }) {
    CAPTURE(shape.name);
    std::string small = repeat_to(shape.prefix, shape.unit, 16 * 1024);
    std::string large = repeat_to(shape.prefix, shape.unit, 1024 * 1024);
    best_seconds(small, shape.field);  // warm up: compile the patterns
    double ratio = best_seconds(large, shape.field) / std::max(best_seconds(small, shape.field), 1e-7);
    CAPTURE(ratio);
    CHECK(ratio < 400);  // 64 is linear; quadratic would be about 4096
  }
}
