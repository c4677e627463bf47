"""Fit the confidence model (quotedb/core/data/confidence.json) on a PolNeAR-style folder.

Usage:
    python benchmarks/fit_confidence.py ../shared/polnear/train [--check ../shared/polnear/dev]
        [--out quotedb/core/data/confidence.json] [--dry-run]

Every attribution the extractor makes on the folder's texts (before calibration) is labelled
right when its speaker mention overlaps the Source span of a gold attribution whose Content
holds the quotation, and wrong otherwise; a logistic regression over
``quotedb.core.confidence.features`` is fitted to those labels. The report gives the expected
calibration error (ten bins) and the precision of attributions at or above 0.9, on the fitting
folder and on the ``--check`` folder. Needs scikit-learn (``pip install -e '.[train]'``).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # no install needed

from quotedb.core.confidence import Model, calibrate, features
from quotedb.core.pipeline import attribute
from quotedb.core.types import Quotation, QuoteKind

ROOT = pathlib.Path(__file__).resolve().parent.parent
Span = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: its content and source pieces (code-point spans)."""

    content: tuple[Span, ...]
    source: tuple[Span, ...]


def spans(field: str) -> tuple[Span, ...]:
    """Brat's ``start end;start end`` pieces."""
    out = []
    for piece in field.split(";"):
        start, end = piece.split()
        out.append((int(start), int(end)))
    return tuple(out)


def read_ann(path: pathlib.Path) -> list[Attribution]:
    """The attributions of one brat ``.ann`` file (``T`` spans joined by ``E`` events)."""
    found: dict[str, tuple[Span, ...]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            _, _, where = cols[1].partition(" ")
            found[cols[0]] = spans(where)
        elif line.startswith("E") and len(cols) >= 2:
            events.append(dict(arg.split(":", 1) for arg in cols[1].split() if ":" in arg))
    out = []
    for e in events:
        content = found.get(e.get("Content", ""), ())
        source = found.get(e.get("Source", ""), ())
        if content:
            out.append(Attribution(content, source))
    return out


def documents(folder: pathlib.Path) -> Iterator[tuple[str, list[Attribution]]]:
    """Each text with its gold attributions (the first annotator's file, in sorted order)."""
    anns = sorted((folder / "attributions").glob("*.ann"))
    for text_file in sorted((folder / "text").glob("*.txt")):
        mine = [a for a in anns if a.name.rsplit("_", 1)[0] == text_file.stem]
        yield text_file.read_text(encoding="utf-8"), read_ann(mine[0]) if mine else []


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def right(q: Quotation, gold: list[Attribution]) -> bool:
    """Whether the speaker mention overlaps the source of a gold attribution holding the quote."""
    if q.mention is None:
        return False
    size = max(1, q.end - q.start)
    mention = (q.mention.start, q.mention.end)
    for a in gold:
        held = sum(overlap((q.start, q.end), c) for c in a.content)
        if held * 2 >= size and any(overlap(mention, s) > 0 for s in a.source):
            return True
    return False


def labelled(folder: pathlib.Path) -> list[tuple[Quotation, bool]]:
    """Every attribution the extractor makes on the folder, uncalibrated, with its label."""
    rows = []
    for text, gold in documents(folder):
        for q in attribute(text):
            if q.mention is not None and q.kind is not QuoteKind.TERM:
                rows.append((q, right(q, gold)))
    return rows


def report(name: str, rows: list[tuple[Quotation, bool]], model: Model) -> None:
    probs = [p.confidence for p in calibrate([q for q, _ in rows], model)]
    bins: dict[int, list[tuple[float, bool]]] = {}
    for p, (_, ok) in zip(probs, rows, strict=True):
        bins.setdefault(min(int(p * 10), 9), []).append((p, ok))
    ece = sum(
        len(b) * abs(sum(p for p, _ in b) / len(b) - sum(ok for _, ok in b) / len(b))
        for b in bins.values()
    ) / max(1, len(rows))
    high = [ok for p, (_, ok) in zip(probs, rows, strict=True) if p >= 0.9]
    precision = sum(high) / len(high) if high else float("nan")
    share = sum(ok for _, ok in rows) / max(1, len(rows))
    print(
        f"{name}: {len(rows)} attributions, {share:.3f} right; ECE {ece:.4f}; "
        f">= 0.9: {len(high)} kept, precision {precision:.3f}"
    )


def fit(rows: list[tuple[Quotation, bool]], strength: float) -> Model:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([features(q) for q, _ in rows])
    y = [ok for _, ok in rows]
    lr = LogisticRegression(C=strength, max_iter=2000).fit(x, y)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), lr.coef_[0], strict=True)
    }
    return Model(bias=round(float(lr.intercept_[0]), 4), weights=weights)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("folder", type=pathlib.Path, help="PolNeAR-style folder to fit on")
    ap.add_argument("--check", type=pathlib.Path, action="append", default=[])
    ap.add_argument("--out", type=pathlib.Path, default=ROOT / "quotedb/core/data/confidence.json")
    ap.add_argument("--strength", type=float, default=0.3, help="inverse regularisation (C)")
    ap.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    a = ap.parse_args()
    rows = labelled(a.folder)
    model = fit(rows, a.strength)
    report(f"fitted on {a.folder.name}", rows, model)
    for other in a.check:
        report(f"checked on {other.name}", labelled(other), model)
    if not a.dry_run:
        about = f"logistic model fitted by benchmarks/fit_confidence.py on {len(rows)} attributions"
        data = {"about": about, "bias": model.bias, "weights": dict(sorted(model.weights.items()))}
        a.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
