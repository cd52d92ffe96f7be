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
import resource
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
    wall, cpu = {}, {}
    for line in out.splitlines():
        parts = line.split()  # v8 FIELD ns_per_input N inputs K cpu_ns_per_input C ...
        wall[parts[1]] = float(parts[3])
        cpu[parts[1]] = float(parts[7])
    return wall, cpu


def children_cpu_ns():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return int((usage.ru_utime + usage.ru_stime) * 1e9)


def in_process_figures(resolve_lines, kept):
    out = subprocess.run([resolve_lines, kept], check=True, capture_output=True, text=True).stdout
    return {line.split()[1]: float(line.split()[3]) for line in out.splitlines()}


def time_cli(coolpapers, files, inputs):
    """Best of ROUNDS, per field and for the three in a row: (wall, CPU) ns per input."""
    # [0]: wall time, [1]: the child's CPU time; each (best per field, [best of the three in a row])
    figures = [({f: float("inf") for f in FIELDS}, [float("inf")]) for _ in range(2)]
    for _ in range(ROUNDS):
        totals = [0, 0]
        for f in FIELDS:
            with open(files[f], "rb") as stdin:
                c0, t0 = children_cpu_ns(), time.perf_counter_ns()
                subprocess.run([coolpapers, "resolve", "--field", f], stdin=stdin,
                               stdout=subprocess.DEVNULL, check=True)
                spent = (time.perf_counter_ns() - t0, children_cpu_ns() - c0)
            for clock in (0, 1):
                best, _ = figures[clock]
                best[f] = min(best[f], spent[clock])
                totals[clock] += spent[clock]
        for clock in (0, 1):
            figures[clock][1][0] = min(figures[clock][1][0], totals[clock])
    result = []
    for best, best_all in figures:
        per_input = {f: best[f] / inputs[f] for f in FIELDS}
        per_input["all"] = best_all[0] / sum(inputs.values())
        result.append(per_input)
    return result


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
        keys = FIELDS + ("all",)
        ratios = {name: {k: [] for k in keys} for name in ("wall", "cpu", "in process")}

        def row(label, name, v8, ours):
            cells = []
            for k in keys:
                ratios[name][k].append(v8[k] / ours[k])
                cells.append(f"{v8[k]:7.0f} / {ours[k]:6.0f} ns {v8[k] / ours[k]:5.2f}x")
            print(f"{label:>6}  " + "  ".join(f"{c:>26}" for c in cells), flush=True)

        print(f"{'run':>6}  " + "  ".join(f"{k:>26}" for k in keys))
        for run in range(1, args.runs + 1):
            v8_wall, v8_cpu = v8_figures(lines, kept)
            cli_wall, cli_cpu = time_cli(args.coolpapers, files, inputs)
            row(f"{run} wall", "wall", v8_wall, cli_wall)
            row(f"{run} cpu", "cpu", v8_cpu, cli_cpu)
            if args.in_process:
                row(f"{run} in", "in process", v8_wall, in_process_figures(args.in_process, kept))
        print("cells: V8 ns per input / coolpapers ns per input, ratio V8 / coolpapers. wall: wall time "
              "(the figure); cpu: CPU time (V8's includes its helper threads); in: the resolver in process")
        for name in ratios:
            if ratios[name]["all"]:
                print(f"median ratio, {name}: " + ", ".join(f"{k} {statistics.median(ratios[name][k]):.2f}x" for k in keys))


if __name__ == "__main__":
    main()
