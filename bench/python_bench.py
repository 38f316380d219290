#!/usr/bin/env python3
"""Benchmarks of the Python package (docs/PERFORMANCE.md, "Python package").

1. alliance.discourse.count on a DataFrame holding a synthetic corpus, against
   `alliance discourse count` on the same corpus as a JSON Lines file, both at
   --threads 2, run alternately: throughput (corpus bytes / wall second) and the package's
   peak memory beyond the DataFrame (RSS sampled every 2 ms during the call,
   minus the RSS before it).
2. The call overhead of a small call: alliance.power on the EEC game.

Usage (from the repository root, after the release build):
  /usr/share/... python3 ../shared/tools/gen_corpus.py --size 100MB -o /tmp/corpus_100MB.jsonl
  PYTHONPATH=build/release/python /usr/bin/python3 bench/python_bench.py \\
      --corpus /tmp/corpus_100MB.jsonl --cli build/release/apps/alliance/alliance
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import threading
import time

import pandas as pd

import alliance


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class PeakSampler:
    """The largest RSS seen while the `with` block runs."""

    def __enter__(self):
        self.peak = rss_bytes()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.wait(0.002):
            self.peak = max(self.peak, rss_bytes())

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes())


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def timed(function, who: int):
    """Wall and CPU seconds of one call (CPU: user + sys of this process, or
    of its children for the CLI)."""
    cpu_start = cpu_seconds(who)
    start = time.perf_counter()
    function()
    return time.perf_counter() - start, cpu_seconds(who) - cpu_start


def bench_count(corpus: str, cli: str, runs: int) -> None:
    """The CLI and the package alternate, run after run, so that the load of
    a shared machine falls on both alike; the ratio is taken per pair."""
    size = os.path.getsize(corpus)
    command = [cli, "discourse", "count", corpus, "--threads", "2", "--format", "csv", "--output", "/dev/null"]
    frame = pd.read_json(corpus, lines=True, dtype={"id": str, "date": str, "author": str, "channel": str})
    frame["date"] = frame["date"].astype(str)
    result = None

    def count():
        nonlocal result
        result = alliance.discourse.count(frame, threads=2)

    count()  # warm: page faults of the module, the matcher's first use
    before = rss_bytes()
    cli_runs, py_runs = [], []
    with PeakSampler() as sampler:
        for _ in range(runs):
            cli_runs.append(timed(lambda: subprocess.run(command, check=True), resource.RUSAGE_CHILDREN))
            py_runs.append(timed(count, resource.RUSAGE_SELF))
    extra = (sampler.peak - before) / 2**20
    expected = alliance.discourse.count(corpus, threads=2)
    assert result.equals(expected), "the DataFrame and the file give different counts"
    ratios = [c[0] / p[0] for c, p in zip(cli_runs, py_runs)]
    print(f"corpus {corpus}: {size / 1e6:.1f} MB, {len(frame)} documents, {runs} alternating runs each")
    for name, wall_cpu in (("CLI file    ", cli_runs), ("Python frame", py_runs)):
        walls = [w for w, _ in wall_cpu]
        cpu = statistics.median(c for _, c in wall_cpu)
        print(f"{name}: best {min(walls):.3f} s ({size / min(walls) / 1e6:.0f} MB/s), "
              f"median {statistics.median(walls):.3f} s, CPU median {cpu:.3f} s")
    print(f"throughput ratio (CLI wall / Python wall, per pair): median {statistics.median(ratios):.2f}, "
          f"min {min(ratios):.2f}, max {max(ratios):.2f}; of best walls {min(w for w, _ in cli_runs) / min(w for w, _ in py_runs):.2f}")
    print(f"peak memory beyond the DataFrame: {extra:.1f} MiB")


EEC_1958 = {"FRA": 4, "DEU": 4, "ITA": 4, "BEL": 2, "NLD": 2, "LUX": 1}  # quota 12 of 17


def bench_power(calls: int) -> None:
    weights = EEC_1958
    alliance.power(weights, quota=12)
    start = time.perf_counter()
    for _ in range(calls):
        alliance.power(weights, quota=12)
    per_call = (time.perf_counter() - start) / calls
    print(f"alliance.power on the EEC game: {per_call * 1e6:.0f} us per call ({calls} calls)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", help="a JSON Lines corpus from gen_corpus.py")
    parser.add_argument("--cli", default="build/release/apps/alliance/alliance")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if args.corpus:
        bench_count(args.corpus, args.cli, args.runs)
    if hasattr(alliance, "power"):
        bench_power(10000)


if __name__ == "__main__":
    main()
