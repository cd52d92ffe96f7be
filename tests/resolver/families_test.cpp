// Real formats of each family, beyond the rule table's own examples,
// and the negatives that must stay negative.
#include "test_support.hpp"

using namespace coolpapers;
using coolpapers::test::check_rows;
constexpr auto P = Field::page_url;
constexpr auto S = Field::selection_text;
constexpr auto L = Field::link_url;

TEST_CASE("new-style arXiv ids are recognised in every host and citation form") {
  check_rows({
      {"https://arxiv.org/abs/2312.00001", P, "https://papers.cool/arxiv/2312.00001"},
      {"https://arxiv.org/pdf/2312.00001v12.pdf", P, "https://papers.cool/arxiv/2312.00001"},
      {"https://export.arxiv.org/pdf/1706.03762v7", P, "https://papers.cool/arxiv/1706.03762"},
      {"https://www.arxiv.org/abs/2101.00001", P, "https://papers.cool/arxiv/2101.00001"},
      {"https://huggingface.co/papers/2401.04088", P, "https://papers.cool/arxiv/2401.04088"},
      {"https://www.semanticscholar.org/arxiv/2312.00001", P, "https://papers.cool/arxiv/2312.00001"},
      {"https://scirate.com/arxiv/2312.00001", P, "https://papers.cool/arxiv/2312.00001"},
      {"https://doi.org/10.48550/arXiv.1706.03762", P, "https://papers.cool/arxiv/1706.03762"},
      {"Vaswani et al. Attention is all you need. arXiv:1706.03762, 2017.", S,
       "https://papers.cool/arxiv/1706.03762"},
      {"ARXIV: 1412.6980", S, "https://papers.cool/arxiv/1412.6980"},
      {"(2312.00001)", S, "https://papers.cool/arxiv/2312.00001"},
      {"arXiv:0801.1234v2", S, "https://papers.cool/arxiv/0801.1234"},
      {"https://arxiv.org/abs/1501.00001", P, "https://papers.cool/arxiv/1501.00001"},
      {"https://arxiv.org/abs/2612.99999", P, "https://papers.cool/arxiv/2612.99999"},
  });
}

TEST_CASE("digit runs that only look like arXiv ids are not ids") {
  check_rows({
      {"https://doi.org/10.1145/3580305.3599000", P, ""},
      {"https://doi.org/10.1109/CVPR.2016.90", P, ""},
      {"https://doi.org/10.1109/CVPR52729.2023.01234", P, ""},
      {"https://example.com/version/1.2.3", P, ""},
      {"https://example.com/release/2023.12.01", P, ""},
      {"https://example.com/v/0612.1234", P, ""},      // before April 2007
      {"https://example.com/v/1413.1234", P, ""},      // month 13
      {"https://example.com/v/1500.12345", P, ""},     // month 00
      {"https://example.com/v/1412.12345", P, ""},     // 5 digits before 2015
      {"https://example.com/v/1501.1234", P, ""},      // 4 digits after 2014
      {"https://example.com/v/22312.00001", P, ""},    // longer digit run before
      {"https://example.com/v/2312.000012", P, ""},    // longer digit run after
      {"https://example.com/v/2312.00001v2x3", P, "https://papers.cool/arxiv/2312.00001"},
      {"https://example.com/tel/+1-650-253-0000", P, ""},
      {"https://github.com/org/repo", P, ""},
      {"https://www.nature.com/articles/s41586-021-03819-2", P, ""},
  });
}

TEST_CASE("old-style arXiv ids keep the archive and drop subject class and version") {
  check_rows({
      {"https://arxiv.org/abs/hep-th/9901001v1", L, "https://papers.cool/arxiv/hep-th/9901001"},
      {"https://arxiv.org/abs/math.GT/0309136", P, "https://papers.cool/arxiv/math/0309136"},
      {"https://arxiv.org/abs/math.gt/0309136v2", P, "https://papers.cool/arxiv/math/0309136"},
      {"arXiv:astro-ph/0601001", S, "https://papers.cool/arxiv/astro-ph/0601001"},
      {"arXiv:math-ph/0101001", S, "https://papers.cool/arxiv/math-ph/0101001"},
      {"cs.LG/0703001", S, "https://papers.cool/arxiv/cs/0703001"},
      {"https://arxiv.org/pdf/cond-mat/0410550.pdf", P, "https://papers.cool/arxiv/cond-mat/0410550"},
      {"https://arxiv.org/ftp/hep-th/papers/9901/9901001.pdf", P, "https://papers.cool/arxiv/hep-th/9901001"},
      {"hep-th/9001001", S, "https://papers.cool/arxiv/search?highlight=1&query=hep-th%209001001"},  // 1990
      {"hep-th/0801001", S, "https://papers.cool/arxiv/search?highlight=1&query=hep-th%200801001"},  // 2008
      {"nothep-th/9901001", S, "https://papers.cool/arxiv/search?highlight=1&query=nothep-th%209901001"},
      {"https://example.com/hep-th/99010012", P, ""},
  });
}

TEST_CASE("new- and old-style arXiv ids in one text come back in order of appearance") {
  check_rows({
      {"hep-th/9901001 then 2312.00001 then math/0309136", S,
       "https://papers.cool/arxiv/hep-th/9901001,2312.00001,math/0309136"},
  });
}

TEST_CASE("OpenReview ids come only from the id parameter of paper pages") {
  check_rows({
      {"https://openreview.net/forum?id=NGB6YNnO5o", P, "https://papers.cool/venue/NGB6YNnO5o@OpenReview"},
      {"https://openreview.net/pdf?id=NGB6YNnO5o", P, "https://papers.cool/venue/NGB6YNnO5o@OpenReview"},
      {"https://openreview.net/forum?id=NGB6YNnO5o#discussion", P,
       "https://papers.cool/venue/NGB6YNnO5o@OpenReview"},
      {"https://openreview.net/forum?noteId=x&amp;id=NGB6YNnO5o", P,
       "https://papers.cool/venue/NGB6YNnO5o@OpenReview"},
      {"https://OpenReview.net/forum?id=SJ_x-y1", P, "https://papers.cool/venue/SJ_x-y1@OpenReview"},
      {"https://openreview.net/group?id=ICLR.cc/2024/Conference", P, ""},
      {"https://openreview.net/forum?noteId=NGB6YNnO5o", P, ""},
      {"https://openreview.net/profile?id=~Jane_Doe1", P, ""},
      {"https://openreview.net/", P, ""},
  });
}

TEST_CASE("ACL Anthology ids end where an id cannot continue") {
  check_rows({
      {"https://aclanthology.org/2023.acl-long.1", P, "https://papers.cool/venue/2023.acl-long.1@ACL"},
      {"https://aclanthology.org/2023.acl-long.1/", P, "https://papers.cool/venue/2023.acl-long.1@ACL"},
      {"https://aclanthology.org/2023.acl-long.123.pdf", P, "https://papers.cool/venue/2023.acl-long.123@ACL"},
      {"https://aclanthology.org/2021.naacl-main.41v2.pdf", P,
       "https://papers.cool/venue/2021.naacl-main.41@ACL"},
      {"https://aclanthology.org/P19-1001/", P, "https://papers.cool/venue/P19-1001@ACL"},
      {"https://aclanthology.org/W18-6301.bib", P, "https://papers.cool/venue/W18-6301@ACL"},
      {"(https://aclanthology.org/D19-1410)", S, "https://papers.cool/venue/D19-1410@ACL"},
      {"see https://aclanthology.org/N19-1423.", S, "https://papers.cool/venue/N19-1423@ACL"},
      {"https://doi.org/10.18653/v1/2020.emnlp-main.550", P,
       "https://papers.cool/venue/2020.emnlp-main.550@ACL"},
      {"https://aclanthology.org/P19-10012", P, ""},
      {"https://aclanthology.org/events/acl-2023/", P, ""},
      {"https://aclanthology.org/volumes/2023.acl-long/", P, ""},
      {"https://aclanthology.org/people/j/jane-doe/", P, ""},
      {"https://aclanthology.org/venues/acl/", P, ""},
      {"https://aclanthology.org/", P, ""},
  });
}

TEST_CASE("PMLR, CVF, IJCAI, USENIX and AAAI follow their sites' real URL forms") {
  check_rows({
      {"https://proceedings.mlr.press/v202/kim23a.html", P, "https://papers.cool/venue/kim23a@v202@PMLR"},
      {"https://proceedings.mlr.press/v202/kim23a/kim23a.pdf", P, "https://papers.cool/venue/kim23a@v202@PMLR"},
      {"https://proceedings.mlr.press/v235/zhang24ab.html?utm=x", P,
       "https://papers.cool/venue/zhang24ab@v235@PMLR"},
      {"https://proceedings.mlr.press/v202/", P, ""},
      {"https://openaccess.thecvf.com/content/CVPR2024/html/Smith_A_Title_CVPR_2024_paper.html", P,
       "https://papers.cool/venue/Smith_A_Title@CVPR2024@CVF"},
      {"https://openaccess.thecvf.com/content/WACV2024/papers/Li_X_WACV_2024_paper.pdf", P,
       "https://papers.cool/venue/Li_X@WACV2024@CVF"},
      {"https://openaccess.thecvf.com/content_ICCV_2017/html/He_Mask_R-CNN_ICCV_2017_paper.html", P,
       "https://papers.cool/venue/He_Mask_R-CNN@ICCV2017@CVF"},
      {"https://openaccess.thecvf.com/content_ECCV_2018/papers/Kim_X_ECCV_2018_paper.pdf", P,
       "https://papers.cool/venue/Kim_X@ECCV2018@CVF"},
      {"https://openaccess.thecvf.com/content/CVPR2024W/html/Doe_Y_CVPRW_2024_paper.html", P, ""},
      {"https://openaccess.thecvf.com/CVPR2024", P, ""},
      {"https://www.ijcai.org/proceedings/2022/0001.pdf", P, "https://papers.cool/venue/1@2022@IJCAI"},
      {"https://ijcai.org/proceedings/2020/345", P, "https://papers.cool/venue/345@2020@IJCAI"},
      {"https://www.usenix.org/conference/usenixsecurity23/presentation/smith", P,
       "https://papers.cool/venue/smith@usenixsecurity23@USENIX"},
      {"https://www.usenix.org/conference/fast24", P, ""},
      {"https://ojs.aaai.org/index.php/AAAI/article/view/29721", P, "https://papers.cool/venue/29721@AAAI"},
      {"https://ojs.aaai.org/index.php/AAAI/issue/view/548", P, ""},
  });
}
