#!/usr/bin/python3
"""click_corpus.py OUT.tsv [N] [SEED]: a deterministic mix of context-menu clicks,
written as the lines the batch command line reads.

Each generated click has the shape of Chrome's contextMenus.OnClickData (some of
selectionText, linkUrl, pageUrl, frameUrl); the click becomes one line
"field<TAB>text" from its first present field of selectionText (selection),
linkUrl (link) and pageUrl (page). Texts holding a tab or a newline are skipped.

The mix, by click: 33% on a page (a paper page, else an arXiv page), 30% on a
link (a paper link, else a non-paper link) seen on a search or social page,
32% on a selection (55% of them hold a paper reference), 5% in a PDF viewer
(page and frame). A paper URL is arXiv 45%, old-style arXiv 3%, OpenReview
12%, ACL Anthology 8%, IJCAI 4%, PMLR 5%, CVF 4%, USENIX 2%, else no paper
(17%). Selections run 1-25 words, 5% of them paragraphs (abstracts,
reference lists). The words include accented, Chinese and Cyrillic ones.
"""
import random
import sys
from urllib.parse import quote

VOCABULARY = """attention transformer diffusion model language large learning deep neural
network graph reinforcement policy gradient optimization stochastic sparse retrieval
augmented generation benchmark evaluation robust adversarial vision image segmentation
detection contrastive representation self supervised token mixture experts scaling law
inference alignment reward preference quantization pruning distillation federated
privacy causal bayesian kernel manifold theorem proof bound convergence regret bandit
planning agent tool reasoning chain thought Schrödinger Müller Gödel naïve café
注意力机制 扩散模型 大语言模型 Привет анализ""".split()

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
HEX = "0123456789abcdef"


class Clicks:
    def __init__(self, seed):
        self.r = random.Random(seed)

    # -- small pieces
    def num(self, k):
        return "".join(self.r.choice("0123456789") for _ in range(k))

    def token(self, k, alphabet=ALNUM):
        return "".join(self.r.choice(alphabet) for _ in range(k))

    def prose(self, lo, hi):
        return " ".join(self.r.choice(VOCABULARY) for _ in range(self.r.randint(lo, hi)))

    def user(self):
        return self.token(self.r.randint(4, 10)).lower()

    def query(self):
        return quote(self.prose(2, 6))

    def version(self):
        return f"v{self.r.randint(1, 5)}" if self.r.random() < 0.5 else ""

    # -- paper identifiers and URLs
    def arxiv_id(self):
        if self.r.random() < 0.85:
            return f"{self.r.randint(15, 25):02d}{self.r.randint(1, 12):02d}.{self.r.randint(0, 99999):05d}"
        return f"{self.r.randint(7, 14):02d}{self.r.randint(1, 12):02d}.{self.r.randint(0, 9999):04d}"

    def arxiv(self, i=None):
        i = i or self.arxiv_id()
        v = self.version()
        wrapped = quote(f"https://arxiv.org/pdf/{i}", safe="")
        return self.r.choice([
            f"https://arxiv.org/abs/{i}{v}", f"https://arxiv.org/abs/{i}{v}",
            f"https://arxiv.org/pdf/{i}{v}", f"https://arxiv.org/pdf/{i}{v}.pdf",
            f"https://arxiv.org/html/{i}v{self.r.randint(1, 3)}", f"http://export.arxiv.org/abs/{i}",
            f"https://www.alphaxiv.org/abs/{i}", f"https://huggingface.co/papers/{i}",
            f"https://doi.org/10.48550/arXiv.{i}", f"https://arxiv.org/abs/{i}?context=cs.LG",
            f"https://ar5iv.labs.arxiv.org/html/{i}", f"https://www.semanticscholar.org/arxiv/{i}",
            f"https://scholar.google.com/scholar_url?url={wrapped}&hl=en&sa=X&ei={self.token(12)}"
            f"&scisig={self.token(24)}",
        ])

    def old_arxiv(self):
        archive = self.r.choice(["hep-th", "hep-ph", "math", "cond-mat", "astro-ph", "quant-ph",
                                 "gr-qc", "physics", "nlin", "q-bio", "cs", "math-ph"])
        n = f"{self.r.choice([95, 97, 99, 2, 5, 6]):02d}{self.r.randint(1, 12):02d}{self.r.randint(0, 999):03d}"
        return self.r.choice([f"https://arxiv.org/abs/{archive}/{n}{self.version()}",
                              f"https://arxiv.org/pdf/{archive}/{n}"])

    def openreview(self):
        i = self.token(10, ALNUM + ("_-" if self.r.random() < 0.3 else ""))
        return "https://openreview.net/" + self.r.choice([
            f"forum?id={i}", f"pdf?id={i}", f"forum?id={i}&noteId={self.token(10)}",
            f"attachment?id={i}&name=supplementary_material",
            f"forum?id={i}&referrer=%5BAuthor%20Console%5D"])

    def acl(self):
        if self.r.random() < 0.75:
            volume = self.r.choice(["acl-long", "acl-short", "emnlp-main", "findings-emnlp",
                                    "naacl-long", "findings-acl", "eacl-main"])
            i = f"{self.r.randint(2019, 2024)}.{volume}.{self.r.randint(1, 900)}"
        else:
            i = f"{self.r.choice('PDNQEW')}{self.r.randint(10, 19)}-{self.r.randint(1000, 1600)}"
        return "https://aclanthology.org/" + self.r.choice([f"{i}/", f"{i}.pdf", i, f"{i}.bib", f"{i}v2.pdf"])

    def ijcai(self):
        y, n = self.r.randint(2017, 2024), self.r.randint(1, 900)
        return self.r.choice([f"https://www.ijcai.org/proceedings/{y}/{n:04d}.pdf",
                              f"https://www.ijcai.org/proceedings/{y}/{n}",
                              f"https://ijcai.org/proceedings/{y}/{n:04d}"])

    def pmlr(self):
        v = self.r.randint(70, 235)
        k = self.token(self.r.randint(3, 8)).lower() + f"{self.r.randint(17, 24)}{self.r.choice('abcdef')}"
        return self.r.choice([f"https://proceedings.mlr.press/v{v}/{k}.html",
                              f"https://proceedings.mlr.press/v{v}/{k}/{k}.pdf"])

    def cvf(self):
        conf, year = self.r.choice(["CVPR", "ICCV", "WACV"]), self.r.randint(2019, 2024)
        title = "_".join(w.capitalize() for w in [self.token(6).lower()] + self.r.sample(VOCABULARY[:60], 4))
        kind, ext = self.r.choice([("html", "html"), ("papers", "pdf")])
        return f"https://openaccess.thecvf.com/content/{conf}{year}/{kind}/{title}_{conf}_{year}_paper.{ext}"

    def usenix(self):
        conf = self.r.choice(["usenixsecurity23", "osdi22", "nsdi24", "atc23", "fast24"])
        return f"https://www.usenix.org/conference/{conf}/presentation/{self.token(6).lower()}"

    def paper(self):
        """A paper URL of some family, or None (17%) for a non-paper click."""
        x = self.r.random()
        for bound, make in ((0.45, self.arxiv), (0.48, self.old_arxiv), (0.60, self.openreview),
                            (0.68, self.acl), (0.72, self.ijcai), (0.77, self.pmlr), (0.81, self.cvf),
                            (0.83, self.usenix)):
            if x < bound:
                return make()
        return None

    # -- pages that are not papers
    def elsewhere(self):
        u, w = self.user(), self.r.choice(VOCABULARY)
        return self.r.choice([
            f"https://github.com/{u}/{w.lower()}-{self.token(3).lower()}",
            f"https://github.com/{u}/{w.lower()}/blob/main/README.md",
            f"https://www.google.com/search?q={self.query()}&oq={self.query()}&sourceid=chrome&ie=UTF-8",
            f"https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q={self.query()}&btnG=",
            f"https://en.wikipedia.org/wiki/{w.capitalize()}",
            f"https://www.youtube.com/watch?v={self.token(11, ALNUM + '_-')}",
            f"https://news.ycombinator.com/item?id={self.num(8)}",
            f"https://twitter.com/{u}/status/{self.num(19)}",
            f"https://dl.acm.org/doi/10.1145/{self.num(7)}.{self.num(7)}",
            f"https://doi.org/10.1145/{self.num(7)}.{self.num(7)}",
            f"https://www.nature.com/articles/s41586-023-0{self.num(4)}-5",
            f"https://papers.nips.cc/paper_files/paper/2023/hash/{self.token(32, HEX)}-Abstract-Conference.html",
            f"https://www.semanticscholar.org/paper/{w.capitalize()}-{w}/{self.token(40, HEX)}",
            "https://openreview.net/group?id=ICLR.cc/2024/Conference",
            "https://aclanthology.org/events/acl-2023/", "https://arxiv.org/list/cs.CL/new",
            "https://arxiv.org/list/math.PR/recent",
            f"https://mail.google.com/mail/u/0/#inbox/{self.token(16, HEX)}",
            f"https://www.reddit.com/r/MachineLearning/comments/{self.token(6).lower()}/{w}_{w}_{w}/",
        ])

    def referrer(self):
        return self.r.choice([f"https://scholar.google.com/scholar?q={self.query()}",
                              f"https://github.com/{self.user()}", f"https://twitter.com/{self.user()}"])

    # -- selections
    def selection(self, cites):
        if self.r.random() < 0.05:
            sentences = []
            for _ in range(self.r.randint(8, 25)):
                sentences.append(self.prose(6, 14) + ".")
                if cites and self.r.random() < 0.15:
                    sentences.append(f"arXiv preprint arXiv:{self.arxiv_id()}, 20{self.r.randint(15, 24)}.")
            if cites:
                sentences.append(f"In ICLR, 2024. https://arxiv.org/abs/{self.arxiv_id()}")
            return " ".join(sentences)
        if not cites:
            return self.prose(1, 25)
        x, i = self.r.random(), self.arxiv_id()
        if x < 0.5:
            return f"{self.prose(0, 6)} arXiv:{i}{self.version()} {self.prose(0, 6)}".strip()
        if x < 0.65:
            return f"see arXiv:{i} and {self.arxiv_id()}{self.version()}"
        if x < 0.8:
            return i
        return f"{self.prose(0, 4)} {self.paper() or self.arxiv(i)} {self.prose(0, 4)}".strip()

    # -- one click, as its line's (field, text)
    def click(self):
        kind, paper = self.r.random(), self.paper()
        if kind < 0.33:
            return "page", paper or self.arxiv()
        if kind < 0.63:
            link = paper or self.elsewhere()
            self.referrer()
            if self.r.random() < 0.15:
                return "selection", self.prose(1, 8)  # the link's text selected too
            return "link", link
        if kind < 0.95:
            return "selection", self.selection(self.r.random() < 0.55)
        return "page", self.arxiv() if self.r.random() < 0.7 else self.openreview()


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    clicks = Clicks(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    with open(out, "w", encoding="utf-8") as f:
        for _ in range(n):
            field, text = clicks.click()
            if "\t" not in text and "\n" not in text:
                f.write(f"{field}\t{text}\n")


if __name__ == "__main__":
    main()
