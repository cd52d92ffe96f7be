// Resolves a bench corpus ROUNDS times (after one warm-up round that
// compiles the patterns), for counting instructions under callgrind, which
// unlike wall-clock time does not depend on what else the machine runs:
//
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null resolver_rounds 0 urls
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null resolver_rounds 2 urls
//
// (the difference of the two "Collected" counts / 20,000 = instructions per input).
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "bench_corpus.hpp"

int main(int argc, char** argv) {
  if (argc != 3 || (std::string_view(argv[2]) != "urls" && std::string_view(argv[2]) != "realistic")) {
    std::fprintf(stderr, "usage: resolver_rounds ROUNDS urls|realistic\n");
    return 2;
  }
  const int rounds = std::atoi(argv[1]);
  auto resolver = coolpapers::Resolver::create({});
  if (!resolver) return 1;
  const auto corpus = std::string_view(argv[2]) == "urls" ? coolpapers::bench::url_corpus(10000)
                                                          : coolpapers::bench::realistic_corpus(10000);
  coolpapers::Resolution out;
  std::size_t answered = 0;
  for (int round = -1; round < rounds; ++round)
    for (const auto& input : corpus) {
      coolpapers::Request request;
      request.set(input.field, input.text);
      resolver->resolve_into(request, out);
      answered += out.ok();
    }
  std::printf("%zu answers\n", answered);
  return 0;
}
