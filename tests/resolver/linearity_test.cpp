// Cost grows linearly with input size: a 1 MiB adversarial input costs
// about 64 times a 16 KiB input of the same shape (a quadratic matcher
// would cost 4096 times). Compared as a ratio in one run, never against a
// wall-clock limit, and with room for what a loaded machine or ASan does to
// a measurement: each size is timed five times, interleaved so that a busy
// spell slows both alike, and the fastest run of each is compared. The
// bound is 1024 = 16 times linear, still four times below quadratic: a
// 1 MiB input's own memory traffic makes it costlier per byte than a
// 16 KiB one, much more so under ASan, whose allocator maps and poisons
// every large buffer (on a two-core machine with a load average of 13,
// ratios of 60-150 measured in a Debug build, 85-313 under ASan). The
// absolute figures per shape are bench/resolver_bench's BM_Adversarial.
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

double seconds(const std::string& text, Field field) {
  auto start = std::chrono::steady_clock::now();
  Resolution r = test::builtin().resolve(text, field);
  auto stop = std::chrono::steady_clock::now();
  CHECK(r.error != ErrorCode::internal);
  return std::chrono::duration<double>(stop - start).count();
}

// The fastest of five runs of each input, small and large in turn.
double large_to_small_ratio(const std::string& small, const std::string& large, Field field) {
  seconds(small, field);  // warm up: compile the patterns
  double best_small = 1e9;
  double best_large = 1e9;
  for (int i = 0; i < 5; ++i) {
    best_small = std::min(best_small, seconds(small, field));
    best_large = std::min(best_large, seconds(large, field));
  }
  return best_large / std::max(best_small, 1e-7);
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
    double ratio = large_to_small_ratio(small, large, shape.field);
    CAPTURE(ratio);
    CHECK(ratio < 1024);  // 64 is linear; quadratic would be about 4096
  }
}
