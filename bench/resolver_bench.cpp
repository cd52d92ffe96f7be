// Resolver throughput and worst-case cost.
//
//   build/release/bench/resolver_bench
//
// Baseline in the same run: the same rule table with every literal
// pre-check removed (a user rule file re-declaring each built-in rule
// without "literals"), i.e. the engine that runs every rule's regex on every
// input. Compare items_per_second of BM_Realistic/BM_Urls with their
// *_AllRules twins.
#include <benchmark/benchmark.h>

#include "bench_corpus.hpp"

using namespace coolpapers;

namespace {

const Resolver& prefiltered() {
  static const Resolver r = *Resolver::create({});
  return r;
}

// The built-in table with no literals: every rule's regex runs every time.
const Resolver& all_rules() {
  static const Resolver r = [] {
    std::string file = R"J({"rules":[)J";
    bool first = true;
    for (const RuleInfo& rule : prefiltered().rules()) {
      std::string escaped;
      for (char c : rule.pattern) escaped += (c == '\\' || c == '"') ? std::string("\\") + c : std::string(1, c);
      file += (first ? "" : ",") + std::string(R"J({"id":")J") + rule.id + R"J(","family":")J" + rule.family +
              R"J(","pattern":")J" + escaped + R"J(","output":")J" + rule.output + "\"}";
      first = false;
    }
    file += "]}";
    return *Resolver::create({}, {{"no-literals", file}});
  }();
  return r;
}

void run_corpus(benchmark::State& state, const Resolver& resolver, const std::vector<bench::Input>& corpus) {
  Resolution out;
  Request request;
  std::size_t i = 0, resolved = 0;
  for (auto _ : state) {
    const auto& input = corpus[i];
    request = {};
    request.set(input.field, input.text);
    resolver.resolve_into(request, out);
    resolved += out.ok();
    benchmark::DoNotOptimize(out.url.data());
    if (++i == corpus.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["resolved_share"] = static_cast<double>(resolved) / static_cast<double>(state.iterations());
}

const std::vector<bench::Input>& realistic() {
  static const auto corpus = bench::realistic_corpus(10000);
  return corpus;
}
const std::vector<bench::Input>& urls() {
  static const auto corpus = bench::url_corpus(10000);
  return corpus;
}

void BM_Realistic(benchmark::State& s) { run_corpus(s, prefiltered(), realistic()); }
void BM_Realistic_AllRules(benchmark::State& s) { run_corpus(s, all_rules(), realistic()); }
void BM_Urls(benchmark::State& s) { run_corpus(s, prefiltered(), urls()); }
void BM_Urls_AllRules(benchmark::State& s) { run_corpus(s, all_rules(), urls()); }
BENCHMARK(BM_Realistic);
BENCHMARK(BM_Realistic_AllRules);
BENCHMARK(BM_Urls);
BENCHMARK(BM_Urls_AllRules);

std::string adversarial(int shape, std::size_t size) {
  static const char* prefixes[] = {"https://openreview.net/forum?", "", "", ""};
  static const char* units[] = {"id=&x&id", "1234.5678.", "2312.00001 ", "aclanthology.org/2023.a-b."};
  std::string text = prefixes[shape];
  while (text.size() < size) text += units[shape];
  return text;
}

// Worst-case inputs of 10 KiB, 100 KiB and 1 MiB: cost must grow linearly.
void BM_Adversarial(benchmark::State& state) {
  std::string text = adversarial(static_cast<int>(state.range(0)), static_cast<std::size_t>(state.range(1)));
  for (auto _ : state) {
    Resolution r = prefiltered().resolve(text, Field::selection_text);
    benchmark::DoNotOptimize(r.url.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Adversarial)
    ->ArgNames({"shape", "bytes"})
    ->ArgsProduct({{0, 1, 2, 3}, {10 << 10, 100 << 10, 1 << 20}})
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
