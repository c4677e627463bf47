"""Time ingest and corpus extraction with people resolution and same-utterance clusters.

    python benchmarks/people.py FOLDER [--db URL]

Prints seconds for ``quotedb ingest`` into a fresh database (SQLite in a temporary folder
unless --db is given), then for ``extract_corpus`` + clustering over the same texts, and
how many clusters and speakers came out.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from quotedb.api import Database
from quotedb.core import extract_corpus
from quotedb.core.utterances import cluster_labels
from quotedb.db.models import Cluster, Quotation, Speaker


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder")
    ap.add_argument("--db")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(args.db or str(Path(tmp) / "bench.db"))
        t = time.perf_counter()
        report = db.ingest([args.folder])
        print(
            f"ingest: {report.added} articles, {report.quotations} quotations, "
            f"{time.perf_counter() - t:.1f} s"
        )
        with db.session() as s:
            clustered = s.scalar(select(func.count()).where(Quotation.cluster_id.is_not(None)))
            print(
                f"  {s.scalar(select(func.count(Cluster.id)))} clusters of {clustered} "
                f"quotations, {s.scalar(select(func.count(Speaker.id)))} speakers"
            )
        db.close()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.folder).rglob("*.txt"))]
    t = time.perf_counter()
    labels = cluster_labels(extract_corpus(texts))
    n = len({x for doc in labels for x in doc if x})
    print(
        f"extract_corpus + clusters: {len(texts)} texts, {n} clusters, "
        f"{time.perf_counter() - t:.1f} s"
    )


if __name__ == "__main__":
    main()
