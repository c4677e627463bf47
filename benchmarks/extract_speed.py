"""Extraction speed on one core: `quotedb extract DIR --format jsonl` against a regex floor.

    python benchmarks/extract_speed.py DIR [--runs 3]

Issue #14 asks for at least 10 MB per CPU-second through the CLI, at most 2.5x a naive
one-pass scan of the same files. Both run as subprocesses pinned to one core (`taskset -c 0`
where it exists), one after the other in each round so that a busy moment costs both alike;
their CPU time (user + system, from the children's rusage) is the median over the rounds.
The floor finds quotation-mark pairs and the nearest capitalised name before each, and
writes them as JSON Lines, as the CLI does. The core alone (`quotedb.core.extract` on the
texts already read) is timed in this process, for what the CLI adds around it, and so is the
CLI on a folder of one short article: the fixed cost of the command, which the target's
budget (2.5x the floor) has to cover besides the corpus. Each command
runs once before the rounds, with bytecode written (to a scratch folder, whatever
PYTHONDONTWRITEBYTECODE says): the rounds then cost what they cost an installed quotedb,
whose modules are compiled and whose data caches (quotedb.core.datacache) are filled.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 2.5  # issue #14: the CLI at most this many times the floor's CPU time
CLI = "import sys; from quotedb.cli.app import main; sys.argv[0] = 'quotedb'; main()"

_PAIR = re.compile(r"“([^”\n]*)”|\"([^\"\n]*)\"")
_NAME = re.compile(r"[A-Z][\w’'-]+(?:[^\S\n][A-Z][\w’'-]+)*")


def floor(folder: Path) -> None:
    """The naive scan: each quotation with the last capitalised run before it, as JSON Lines."""
    out = sys.stdout
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        names = [(m.start(), m.group()) for m in _NAME.finditer(text)]
        k = 0
        for m in _PAIR.finditer(text):
            while k < len(names) and names[k][0] < m.start():
                k += 1
            speaker = names[k - 1][1] if k else None
            quoted = m.group(1) if m.group(1) is not None else m.group(2)
            record = {"file": path.name, "start": m.start(), "text": quoted, "speaker": speaker}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def pinned(argv: list[str]) -> list[str]:
    """The command on CPU 0 when taskset is there (else as it is, said once in the output)."""
    taskset = shutil.which("taskset")
    return [taskset, "-c", "0", *argv] if taskset else argv


def cpu_seconds(argv: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user + system) one run of a command costs; a failure stops the run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{argv[-4:]} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def core_seconds(texts: list[str]) -> tuple[float, int]:
    """CPU seconds of ``quotedb.core.extract`` over texts already in memory."""
    from quotedb.core.pipeline import extract

    start = time.process_time()
    found = sum(len(extract(t)) for t in texts)
    return time.process_time() - start, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--floor", action="store_true", help="run the naive scan (internal)")
    a = ap.parse_args()
    if not a.folder.is_dir():
        sys.exit(f"{a.folder} is not a folder")
    if a.floor:
        floor(a.folder)
        return
    sys.path.insert(0, str(ROOT))  # this checkout's quotedb, no install needed
    with tempfile.TemporaryDirectory() as bytecode, tempfile.TemporaryDirectory() as one:
        one_article = Path(one)
        text = '"We will not wait," the minister said.\n'
        (one_article / "short.txt").write_text(text, encoding="utf-8")
        measure(a.folder, a.runs, subprocess_env(Path(bytecode)), one_article)


def subprocess_env(bytecode: Path) -> dict[str, str]:
    """This checkout's quotedb first on the path, bytecode kept (outside the tree)."""
    path = os.environ.get("PYTHONPATH")
    env = os.environ | {"PYTHONPATH": str(ROOT) + (os.pathsep + path if path else "")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env | {"PYTHONPYCACHEPREFIX": str(bytecode)}


def cli_extract(folder: Path) -> list[str]:
    """``quotedb extract FOLDER --format jsonl``, pinned."""
    return pinned([sys.executable, "-c", CLI, "extract", str(folder), "--format", "jsonl"])


def measure(folder: Path, runs: int, env: dict[str, str], one_article: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    commands = {
        "floor": pinned([sys.executable, __file__, str(folder), "--floor"]),
        "cli": cli_extract(folder),
        "short": cli_extract(one_article),
    }
    for argv in commands.values():  # the warm-up: compiled, caches filled
        cpu_seconds(argv, env)
    times: dict[str, list[float]] = {"floor": [], "cli": [], "short": [], "core": []}
    found = 0
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(cpu_seconds(argv, env))
        seconds, found = core_seconds(texts)
        times["core"].append(seconds)
    median = {name: statistics.median(t) for name, t in times.items()}
    print(f"{len(texts)} files, {megabytes:.2f} MB, {found} quotations, median of {runs} runs")
    if not shutil.which("taskset"):
        print("taskset not found: not pinned to one core")
    print(f"{'what':31} {'CPU s':>7} {'MB/CPU-s':>9} {'x floor':>8}")
    labels = {"floor": "regex floor (subprocess)", "cli": "quotedb extract --format jsonl"}
    labels |= {"core": "quotedb.core.extract alone", "short": "quotedb extract, one short file"}
    for name, seconds in median.items():
        rate = f"{megabytes / seconds:9.2f}" if seconds and name != "short" else f"{'-':>9}"
        ratio = seconds / median["floor"]
        print(f"{labels[name]:31} {seconds:7.3f} {rate} {ratio:8.2f}")
    budget = TARGET_RATIO * median["floor"]
    print(
        f"the target's budget, {TARGET_RATIO}x the floor: {budget:.3f} CPU s, of which the"
        f" command's fixed cost takes {median['short'] / budget:.0%}"
    )
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
