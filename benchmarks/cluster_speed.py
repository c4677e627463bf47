"""Does same-utterance clustering (``extract DIR``) stay linear in the number of quotations?

    .venv/bin/python benchmarks/cluster_speed.py [FOLDER] [--copies 1 4 8] [--rss 8]

FOLDER (default: PolNeAR's training texts in ``shared/`` beside the project) is extracted
once; its quotations are then clustered as 1, 4 and 8 copies of the folder (each copy other
articles). Printed per size: CPU seconds of ``cluster``, its floor (one pass working out
every quotation's words, uncached: what any clustering must do) and the ratio of the
two, which stays flat when clustering is linear. ``--rss N`` also runs ``quotedb extract``
over N copies of the folder and prints its peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # no install needed

from quotedb.core import QuoteKind, extract_corpus  # noqa: E402
from quotedb.core import utterances as u  # noqa: E402

DEFAULT_FOLDER = ROOT.parent / "shared" / "polnear" / "train" / "text"


def _forget() -> None:
    for cached in (u.words_of, u.content_of, u.blocking_of, u._present):
        cached.cache_clear()


def timed(items: list[u.Utterance]) -> tuple[float, float]:
    """CPU seconds of the floor and of clustering, each from empty caches."""
    _forget()
    started = time.process_time()
    for item in items:
        frozenset(u.normalize(item.text).split())  # uncached: each copy's words again
    floor = time.process_time() - started
    _forget()
    started = time.process_time()
    u.cluster(items)
    return floor, time.process_time() - started


def peak_rss(folder: Path, copies: int) -> tuple[float, float]:
    """Megabytes of input and the peak RSS (MB) of ``quotedb extract`` over copies of it."""
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(copies):
            shutil.copytree(folder, Path(tmp) / f"copy{k}")
        size = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file()) / 1e6
        cmd = [sys.executable, "-c", "from quotedb.cli.app import main; main()", "extract", tmp]
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    return size, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 4, 8])
    parser.add_argument("--rss", type=int, default=0, metavar="N")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.folder.glob("*.txt"))]
    docs = extract_corpus(texts)
    one = [
        (q.text, q.speaker, i)
        for i, doc in enumerate(docs)
        for q in doc
        if q.kind is not QuoteKind.TERM
    ]
    base = None
    for copies in args.copies:
        items = [u.Utterance(t, s, (k, i)) for k in range(copies) for t, s, i in one]
        floor, cpu = timed(items)
        per = cpu / len(items)
        base = base or per
        print(
            f"x{copies}: {len(items)} quotations, cluster {cpu:.2f} s CPU, floor {floor:.3f} s, "
            f"ratio to floor {cpu / floor:.1f}, CPU per quotation {per / base:.2f}x the first"
        )
    if args.rss:
        size, rss = peak_rss(args.folder, args.rss)
        print(f"quotedb extract over {args.rss} copies ({size:.1f} MB): peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
