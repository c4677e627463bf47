"""Start-up cost: CPU time of `quotedb --help` and of `quotedb quotes` on an empty database,
against `sqlite-utils --help` and `python -c pass` measured in the same run.

    python benchmarks/startup.py [--runs 10]

Each command runs as its own process, one at a time, and the CPU time (user + system) of
the children is summed per command; the median of the runs is kept, and each line prints
its ratio to `sqlite-utils --help` (issue #14: at most 1.0) and to a bare interpreter.
`sqlite-utils` must be on PATH or beside this interpreter (`pip install sqlite-utils`).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def cpu_seconds(argv: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user + system) one run of a command costs."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def tool(name: str) -> str:
    """A console script beside this interpreter, else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: install it beside this interpreter or on PATH")
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=10)
    runs = ap.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {"QUOTEDB_DB": str(Path(tmp) / "empty.db"), "COLUMNS": "80"}
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "sqlite-utils --help": [tool("sqlite-utils"), "--help"],
            "quotedb --help": [tool("quotedb"), "--help"],
            "quotedb quotes (empty database)": [tool("quotedb"), "quotes"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):  # interleaved, so that a busy moment costs every command alike
            for name, argv in commands.items():
                times[name].append(cpu_seconds(argv, env))
    median = {name: statistics.median(t) for name, t in times.items()}
    floor, peer = median["python -c pass"], median["sqlite-utils --help"]
    print(f"{'command':34} {'CPU ms':>8} {'x sqlite-utils':>15} {'x python':>9}")
    for name, seconds in median.items():
        print(f"{name:34} {seconds * 1000:8.0f} {seconds / peer:15.2f} {seconds / floor:9.1f}")


if __name__ == "__main__":
    main()
