"""Where ``quotedb extract DIR`` spends its CPU, phase by phase, against a regex floor.

    .venv/bin/python benchmarks/extract_phases.py [FOLDER] [--runs 3]

FOLDER (default: PolNeAR's training texts in ``shared/`` beside the project) goes through
the phases ``extract DIR`` runs, each timed in this process from cold caches (the best of
``--runs``): reading, settling languages, the core's extraction of each text, naming
speakers across the texts, same-utterance clustering, and records written as JSON. The
start-up (importing the CLI) and the whole command are timed as child processes on one
core. Every figure is printed with its ratio to the floor measured in the same run: one
regex pass finding the quoted spans of the same texts, reading included.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # no install needed

from quotedb import api  # noqa: E402
from quotedb.core.languages import detect as model  # noqa: E402
from quotedb.core.pipeline import extract, resolve_corpus  # noqa: E402
from quotedb.core.utterances import cluster_labels  # noqa: E402
from quotedb.ingest.documents import Source  # noqa: E402
from quotedb.ingest.read import read_document  # noqa: E402
from quotedb.ingest.tasks import settle_language  # noqa: E402
from quotedb.read.shapes import extracted_record  # noqa: E402

DEFAULT_FOLDER = ROOT.parent / "shared" / "polnear" / "train" / "text"
QUOTED = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"")


def cpu(step: Callable[[], Any], runs: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        model._identifier.cache_clear()
        started = time.process_time()
        result = step()
        best = min(best, time.process_time() - started)
    return best, result


def child_cpu(argv: list[str]) -> float:
    """CPU seconds of a child process pinned to one core (its output discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    pin = (lambda: os.sched_setaffinity(0, {0})) if hasattr(os, "sched_setaffinity") else None
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True, preexec_fn=pin)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def floor(sources: list[Source]) -> int:
    return sum(
        len(QUOTED.findall(s.path.read_text(encoding="utf-8")))
        for s in sources
        if s.path is not None
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER))
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    sources = [s for s in api.Inputs([a.folder]).sources if isinstance(s, Source)]
    megabytes = sum(s.path.stat().st_size for s in sources if s.path is not None) / 1e6
    extract("“Warm,” she said.")  # the core's tables, loaded once per process
    phases: dict[str, float] = {}
    phases["floor (read + regex)"], _ = cpu(lambda: floor(sources), a.runs)
    phases["read"], docs = cpu(lambda: [read_document(s) for s in sources], a.runs)
    phases["language"], langs = cpu(lambda: [settle_language(d) for d in docs], a.runs)
    phases["core extract"], found = cpu(
        lambda: [extract(d.text, lang) for d, lang in zip(docs, langs, strict=True)], a.runs
    )
    phases["names across texts"], named = cpu(lambda: resolve_corpus(found), 1)
    phases["clustering"], labels = cpu(lambda: cluster_labels(named), 1)

    def write() -> int:
        rows = zip(docs, named, labels, strict=True)
        return sum(
            len(json.dumps(extracted_record(d.source, q, lab), ensure_ascii=False))
            for d, qs, ls in rows
            for q, lab in zip(qs, ls, strict=True)
        )

    phases["records + JSON"], _ = cpu(write, a.runs)
    python = [sys.executable, "-c"]
    bare = child_cpu([*python, "pass"])
    phases["start-up (import the CLI)"] = child_cpu([*python, "import quotedb.cli.app"]) - bare
    command = [*python, "from quotedb.cli.app import main; main()", "extract", a.folder]
    phases["whole command"] = child_cpu(command)
    base = phases["floor (read + regex)"]
    print(f"{len(sources)} files, {megabytes:.2f} MB; load {os.getloadavg()[0]:.1f}")
    print(f"{'phase':28} {'CPU s':>7} {'x floor':>8} {'MB/CPU-s':>9}")
    for name, seconds in phases.items():
        rate = megabytes / seconds if seconds > 0 else float("inf")
        print(f"{name:28} {seconds:7.3f} {seconds / base:8.1f} {rate:9.2f}")


if __name__ == "__main__":
    main()
