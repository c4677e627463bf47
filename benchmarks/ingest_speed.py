"""How fast does ``quotedb ingest`` load a folder into a fresh SQLite database?

    .venv/bin/python benchmarks/ingest_speed.py [FOLDER] [--repeat 3] [--workers 1 2]
    .venv/bin/python benchmarks/ingest_speed.py [FOLDER] --growth 8 [--db URL]

FOLDER defaults to the PolNeAR training texts in ``shared/`` beside the project. Prints the
end-to-end wall time of the CLI per worker count (best and median of the runs), then where
the time of one in-process run goes: start-up imports, reading and extraction, storing.

``--growth N`` measures whether storing stays flat as the archive grows: the folder is
extracted once and stored N times over (each copy other articles: a line added to the
end of each text), into a fresh SQLite file or the empty database at ``--db``; it prints
the rate of the last tenth of the articles as a ratio to the first tenth's (wall clock,
and the writer process's CPU).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT.parent / "shared" / "polnear" / "train" / "text"
CLI = [sys.executable, "-c", "from quotedb.cli.app import main; main()"]


def end_to_end(folder: Path, workers: int) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds of every process (less sensitive to a busy machine), summary."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.run(
            [*CLI, "ingest", str(folder), "--db", db, "--workers", str(workers)],
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({proc.returncode}): {proc.stderr}")
    return elapsed, cpu, summary


def import_seconds() -> float:
    code = "import time; t = time.perf_counter(); import quotedb.cli.app; "
    code += "import sys; print(time.perf_counter() - t, 'trafilatura' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, heavy = out.stdout.split()
    if heavy == "True":
        print("warning: importing the CLI imports trafilatura")
    return float(seconds)


def phases(folder: Path) -> dict[str, float]:
    """One in-process run, timed by phase (CPU-bound phases: wall clock ~ CPU time)."""
    from quotedb.api import Database
    from quotedb.ingest.documents import discover
    from quotedb.ingest.parallel import run
    from quotedb.ingest.pipeline import _writer_sessions
    from quotedb.ingest.tasks import Extracted, Options, tasks_for
    from quotedb.ingest.writer import IngestReport, Writer

    timings: dict[str, float] = {}
    started = time.perf_counter()
    outcomes = list(run(tasks_for(discover([str(folder)]), 1 << 26), Options(for_store=True), 1))
    timings["read + extract (+ prepare for the store)"] = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        database = Database(str(Path(tmp) / "phases.db"))
        timings["create + migrate database"] = time.perf_counter() - started
        writer = Writer(_writer_sessions(database.sessions), IngestReport())
        started = time.perf_counter()
        for outcome in outcomes:
            if isinstance(outcome, Extracted):
                writer.add(outcome)
        writer.flush()
        timings["store (add_article, batched)"] = time.perf_counter() - started
        database.close()
    timings["trafilatura imported"] = float("trafilatura" in sys.modules)
    return timings


def growth(folder: Path, copies: int, url: str | None) -> None:
    """Articles per second of the first and the last tenth of ``copies`` copies."""
    from quotedb.api import Database
    from quotedb.ingest.documents import Document, discover
    from quotedb.ingest.parallel import run
    from quotedb.ingest.pipeline import _writer_sessions
    from quotedb.ingest.tasks import Extracted, Options, tasks_for
    from quotedb.ingest.writer import IngestReport, Writer

    tasks = tasks_for(discover([str(folder)]), 1 << 26)
    once = [o for o in run(tasks, Options(for_store=True), 1) if isinstance(o, Extracted)]
    items = [
        Extracted(
            Document(f"{o.doc.text}\n\n(copy {k})", f"{k}/{o.doc.source}", o.doc.meta),
            o.quotations,
            o.size,
            o.prepared,
        )
        for k in range(copies)
        for o in once
    ]
    with tempfile.TemporaryDirectory() as tmp:
        database = Database(url or str(Path(tmp) / "growth.db"))
        writer = Writer(_writer_sessions(database.sessions), IngestReport())
        marks = [(time.perf_counter(), time.process_time())]
        for item in items:
            writer.add(item)
            marks.append((time.perf_counter(), time.process_time()))
        writer.flush()
        database.close()
    tenth = len(items) // 10
    first = [b - a for a, b in zip(marks[0], marks[tenth], strict=True)]
    last = [b - a for a, b in zip(marks[-tenth - 1], marks[-1], strict=True)]
    name = "PostgreSQL" if url else "SQLite"
    print(f"{name}, {len(items)} articles ({copies} copies), {tenth} per tenth:")
    for what, k in (("wall", 0), ("writer CPU", 1)):
        print(
            f"  {what}: first tenth {tenth / first[k]:.0f} articles/s, last tenth "
            f"{tenth / last[k]:.0f} articles/s, last/first {first[k] / last[k]:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--growth", type=int, default=0, metavar="N")
    parser.add_argument("--db", help="an empty database to store into (--growth)")
    args = parser.parse_args()
    if not args.folder.is_dir():
        raise SystemExit(f"{args.folder}: no such folder")
    if args.growth:
        growth(args.folder, args.growth, args.db)
        return
    files = sum(1 for p in args.folder.rglob("*") if p.is_file())
    print(f"{args.folder} ({files} files), best and median of {args.repeat} runs")
    for workers in args.workers:
        runs = [end_to_end(args.folder, workers) for _ in range(args.repeat)]
        times = [wall for wall, _, _ in runs]
        cpu = statistics.median(c for _, c, _ in runs)
        print(
            f"  --workers {workers}: best {min(times):.2f} s, median "
            f"{statistics.median(times):.2f} s, {files / min(times):.0f} articles/s, "
            f"CPU (all processes) {cpu:.2f} s  [{runs[-1][2]}]"
        )
    print(f"  CLI start-up imports: {import_seconds():.2f} s")
    for phase, seconds in phases(args.folder).items():
        if phase == "trafilatura imported":
            print(f"  trafilatura imported for text input: {'yes' if seconds else 'no'}")
        else:
            print(f"  {phase}: {seconds:.2f} s")


if __name__ == "__main__":
    main()
