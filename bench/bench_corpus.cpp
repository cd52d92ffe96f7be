#include "bench_corpus.hpp"

#include <random>

namespace coolpapers::bench {
namespace {

std::string arxiv_id(std::mt19937& rng) {
  int yy = 15 + static_cast<int>(rng() % 11), mm = 1 + static_cast<int>(rng() % 12);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d%02d.%05u", yy, mm, static_cast<unsigned>(rng() % 30000));
  return buf;
}

std::string paper_url(std::mt19937& rng) {
  std::string id = arxiv_id(rng);
  std::string n = std::to_string(1 + rng() % 900);
  switch (rng() % 14) {
    case 0: return "https://arxiv.org/abs/" + id;
    case 1: return "https://arxiv.org/pdf/" + id + "v2";
    case 2: return "https://huggingface.co/papers/" + id;
    case 3: return "https://openreview.net/forum?id=NGB6YNnO5o&noteId=x" + n;
    case 4: return "https://openreview.net/pdf?id=rJeXCo0cYX" + n;
    case 5: return "https://aclanthology.org/2023.acl-long." + n + ".pdf";
    case 6: return "https://aclanthology.org/P19-1" + std::string(3 - std::min<std::size_t>(3, n.size()), '0') + n + "/";
    case 7: return "https://proceedings.mlr.press/v202/kim23" + std::string(1, static_cast<char>('a' + rng() % 26)) + ".html";
    case 8: return "https://openaccess.thecvf.com/content/CVPR2023/html/Kim_Paper_" + n + "_CVPR_2023_paper.html";
    case 9: return "https://www.ijcai.org/proceedings/2023/0" + n + ".pdf";
    case 10: return "https://www.usenix.org/conference/osdi23/presentation/author-" + n;
    case 11: return "https://ojs.aaai.org/index.php/AAAI/article/view/2" + n;
    case 12: return "https://arxiv.org/abs/hep-th/99010" + std::to_string(10 + rng() % 89);
    default: return "https://arxiv.org/list/cs.CL/new";
  }
}

std::string other_url(std::mt19937& rng) {
  static const char* urls[] = {
      "https://github.com/openai/whisper/blob/main/README.md",
      "https://www.google.com/search?q=diffusion+models&oq=diffusion",
      "https://en.wikipedia.org/wiki/Transformer_(deep_learning_architecture)",
      "https://doi.org/10.1145/3580305.3599000",
      "https://scholar.google.com/citations?user=abcdEFGH1234&hl=en",
      "https://www.nature.com/articles/s41586-021-03819-2",
      "https://twitter.com/someone/status/1734567890123456789",
      "https://mail.google.com/mail/u/0/#inbox/FMfcgzGwHVxyz",
  };
  return urls[rng() % (sizeof urls / sizeof *urls)];
}

std::string selection(std::mt19937& rng) {
  static const char* texts[] = {
      "diffusion models", "Attention is all you need",
      "Vaswani et al. Attention is all you need. arXiv:1706.03762, 2017.",
      "see arXiv:2401.12345 and 2402.00012v3", "Schrödinger bridge",
      "In Proceedings of ACL 2023, pages 1-10", "large language model reasoning",
  };
  return texts[rng() % (sizeof texts / sizeof *texts)];
}

}  // namespace

std::vector<Input> realistic_corpus(std::size_t count) {
  std::mt19937 rng(42);
  std::vector<Input> corpus;
  for (std::size_t i = 0; i < count; ++i) {
    switch (i % 10) {
      case 0: case 1: case 2: case 3: case 4: corpus.push_back({paper_url(rng), Field::page_url}); break;
      case 5: case 6: corpus.push_back({other_url(rng), Field::page_url}); break;
      default: corpus.push_back({selection(rng), Field::selection_text});
    }
  }
  return corpus;
}

std::vector<Input> url_corpus(std::size_t count) {
  std::mt19937 rng(7);
  std::vector<Input> corpus;
  for (std::size_t i = 0; i < count; ++i)
    corpus.push_back({i % 4 == 3 ? other_url(rng) : paper_url(rng), Field::page_url});
  return corpus;
}

}  // namespace coolpapers::bench
