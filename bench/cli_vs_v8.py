#!/usr/bin/python3
"""cli_vs_v8.py COOLPAPERS [--in-process RESOLVE_LINES] [--runs R] [--clicks N] [--seed S]

The batch command line against the original extension's matcher under V8.

1. bench/click_corpus.py writes N clicks (default 20000, seed 7) as
   "field<TAB>text" lines.
2. bench/original_matcher_v8.mjs times the original's matcher under Node on
   them (it needs $PAPERS_COOL_REPO, a git clone of
   https://github.com/bojone/papers.cool) and keeps the lines it handles.
3. The kept lines are split by field, each field's texts repeated 10 times
   into a file, and `COOLPAPERS resolve --field F < file > /dev/null` is
   timed as a whole process (spawn to exit) for the three fields in a row;
   the best of 5 such rounds counts, per field and for the three together.

Prints ns per input for both and the ratio V8 / coolpapers (higher is
better for coolpapers), per field and overall. With --runs R the whole
measurement (V8 and coolpapers) repeats R times and the median ratio is
printed too. With --in-process (build/release/bench/resolve_lines) each run
also times the resolver in process on the kept lines, against V8 the same way.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ("selection", "link", "page")
REPEAT = 10
ROUNDS = 5


def v8_figures(kept_from, kept_to):
    out = subprocess.run(["node", os.path.join(HERE, "original_matcher_v8.mjs"), kept_from, kept_to],
                         check=True, capture_output=True, text=True).stdout
    figures = {}
    for line in out.splitlines():
        parts = line.split()  # v8 FIELD ns_per_input N inputs K ...
        figures[parts[1]] = float(parts[3])
    return figures


def in_process_figures(resolve_lines, kept):
    out = subprocess.run([resolve_lines, kept], check=True, capture_output=True, text=True).stdout
    return {line.split()[1]: float(line.split()[3]) for line in out.splitlines()}


def time_cli(coolpapers, files, inputs):
    best = {f: float("inf") for f in FIELDS}
    best_all = float("inf")
    for _ in range(ROUNDS):
        total = 0
        for f in FIELDS:
            with open(files[f], "rb") as stdin:
                t0 = time.perf_counter_ns()
                subprocess.run([coolpapers, "resolve", "--field", f], stdin=stdin,
                               stdout=subprocess.DEVNULL, check=True)
                dt = time.perf_counter_ns() - t0
            best[f] = min(best[f], dt)
            total += dt
        best_all = min(best_all, total)
    per_input = {f: best[f] / inputs[f] for f in FIELDS}
    per_input["all"] = best_all / sum(inputs.values())
    return per_input


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[2])
    parser.add_argument("coolpapers")
    parser.add_argument("--in-process", metavar="RESOLVE_LINES")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--clicks", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not os.environ.get("PAPERS_COOL_REPO"):
        sys.exit("cli_vs_v8.py: set PAPERS_COOL_REPO to a git clone of https://github.com/bojone/papers.cool")

    with tempfile.TemporaryDirectory(prefix="cli_vs_v8.") as tmp:
        lines, kept = os.path.join(tmp, "lines.tsv"), os.path.join(tmp, "kept.tsv")
        subprocess.run([sys.executable, os.path.join(HERE, "click_corpus.py"), lines,
                        str(args.clicks), str(args.seed)], check=True)
        v8_figures(lines, kept)  # writes kept.tsv
        texts = {f: [] for f in FIELDS}
        with open(kept, encoding="utf-8") as k:
            for line in k:
                field, text = line.rstrip("\n").split("\t", 1)
                texts[field].append(text)
        files, inputs = {}, {}
        for f in FIELDS:
            files[f] = os.path.join(tmp, f + ".txt")
            with open(files[f], "w", encoding="utf-8") as out:
                out.write("".join(t + "\n" for t in texts[f]) * REPEAT)
            inputs[f] = len(texts[f]) * REPEAT
        print(f"corpus: {args.clicks} clicks, seed {args.seed}; kept by the original: "
              + ", ".join(f"{f} {len(texts[f])}" for f in FIELDS))
        print(f"{'run':>3}  " + "  ".join(f"{k:>26}" for k in FIELDS + ("all",)))
        ratios = {k: [] for k in FIELDS + ("all",)}
        in_process_ratios = {k: [] for k in FIELDS + ("all",)}
        for run in range(1, args.runs + 1):
            v8 = v8_figures(lines, kept)
            cli = time_cli(args.coolpapers, files, inputs)
            cells = []
            for k in FIELDS + ("all",):
                ratios[k].append(v8[k] / cli[k])
                cells.append(f"{v8[k]:7.0f} / {cli[k]:6.0f} ns {v8[k] / cli[k]:5.2f}x")
            print(f"{run:>3}  " + "  ".join(f"{c:>26}" for c in cells), flush=True)
            if args.in_process:
                inproc = in_process_figures(args.in_process, kept)
                cells = []
                for k in FIELDS + ("all",):
                    in_process_ratios[k].append(v8[k] / inproc[k])
                    cells.append(f"{v8[k]:7.0f} / {inproc[k]:6.0f} ns {v8[k] / inproc[k]:5.2f}x")
                print(f"{'in':>3}  " + "  ".join(f"{c:>26}" for c in cells), flush=True)
        print("cells: V8 ns per input / coolpapers ns per input, ratio V8 / coolpapers "
              "(row 'in': the resolver in process)")
        print("median ratio: " + ", ".join(f"{k} {statistics.median(ratios[k]):.2f}x" for k in FIELDS + ("all",)))
        if args.in_process:
            print("median ratio in process: "
                  + ", ".join(f"{k} {statistics.median(in_process_ratios[k]):.2f}x" for k in FIELDS + ("all",)))


if __name__ == "__main__":
    main()
