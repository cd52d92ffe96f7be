#!/usr/bin/python3
"""host_roundtrip.py COOLPAPERS [--rounds N] [--runs R]

The native host's round trip as a whole process, the way a browser pays for
it on every click: spawn `COOLPAPERS chrome-extension://<32 letters a-p>/`,
one framed request on its standard input, the reply, the exit. Each round
times the host and then `/bin/true` (the same call: argument, input, output
to /dev/null) with time.perf_counter_ns() from before the spawn to after the
exit; the children's CPU time (user + system, from getrusage, in
clock ticks of the kernel: a mean over many rounds) is printed too, as
it moves less than wall time when the machine is shared. The ratio is the median of the host's times over the median of
/bin/true's (default 300 rounds; --runs R repeats it and prints the median
ratio too). The host's reply is checked once before timing, so the timed
runs do real work.
"""
import argparse
import json
import resource
import statistics
import struct
import subprocess
import sys
import time

ORIGIN = "chrome-extension://" + "abcdefghijklmnopabcdefghijklmnop" + "/"
REQUEST = json.dumps({"type": "resolve", "pageUrl": "https://arxiv.org/abs/2312.00001"}).encode()
FRAME = struct.pack("=I", len(REQUEST)) + REQUEST


def check_reply(coolpapers):
    out = subprocess.run([coolpapers, ORIGIN], input=FRAME, capture_output=True, check=True).stdout
    (size,) = struct.unpack("=I", out[:4])
    reply = json.loads(out[4:4 + size])
    if reply.get("url") != "https://papers.cool/arxiv/2312.00001":
        sys.exit(f"host_roundtrip.py: unexpected reply {reply}")


def children_cpu_ns():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return int((usage.ru_utime + usage.ru_stime) * 1e9)


def timed(program):
    """Wall time from before the spawn to after the exit, and the child's CPU time."""
    c0, t0 = children_cpu_ns(), time.perf_counter_ns()
    subprocess.run([program, ORIGIN], input=FRAME, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter_ns() - t0, children_cpu_ns() - c0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[2])
    parser.add_argument("coolpapers")
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    check_reply(args.coolpapers)
    ratios = []
    for run in range(1, args.runs + 1):
        host, true = [], []
        for _ in range(args.rounds):
            host.append(timed(args.coolpapers))
            true.append(timed("/bin/true"))
        h, t = statistics.median(w for w, _ in host), statistics.median(w for w, _ in true)
        hc, tc = sum(c for _, c in host) / len(host), sum(c for _, c in true) / len(true)
        ratios.append(h / t)
        print(f"run {run}: host median {h / 1000:.0f} us, /bin/true median {t / 1000:.0f} us, "
              f"ratio {h / t:.2f}; mean CPU time host {hc / 1000:.0f} us, /bin/true {tc / 1000:.0f} us",
              flush=True)
    print(f"median ratio of {args.runs} runs: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
