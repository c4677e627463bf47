"""Throughput (MB/s of UTF-8 text) and peak memory of ``extract`` over a folder of .txt files.

Usage: python benchmarks/speed.py DIR [--repeat 3]

Runs on one core (a single process). Texts are read first so that only extraction is
timed; the best of several runs is kept, by wall clock and by CPU time (the latter is steadier
on a shared machine). Peak memory is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import resource
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # no install needed

from quotedb.core.pipeline import extract


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    texts = [f.read_text(encoding="utf-8") for f in sorted(pathlib.Path(a.folder).glob("*.txt"))]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = cpu = float("inf")
    n = 0
    for _ in range(a.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(len(extract(t)) for t in texts)
        best = min(best, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "files": len(texts),
                "megabytes": round(size, 2),
                "quotations": n,
                "seconds": round(best, 3),
                "mb_per_s": round(size / best, 2),
                "cpu_seconds": round(cpu, 3),
                "mb_per_cpu_s": round(size / cpu, 2),
                "peak_rss_mb": round(peak_mb, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
