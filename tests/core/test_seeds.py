"""Golden test: the seed articles against their hand-made gold (tests/data/seeds_gold.json)."""

from __future__ import annotations

import json
import pathlib

from quotedb.core.names import name_key
from quotedb.core.pipeline import extract_corpus
from quotedb.core.types import QuoteKind

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"))


def _matches(a: tuple[int, int], b: tuple[int, int]) -> bool:
    o = min(a[1], b[1]) - max(a[0], b[0])
    return o > 0 and o >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def _score() -> tuple[float, float, int, int]:
    accept = {
        c: {name_key(c)} | {name_key(a) for a in s.get("aliases", [])}
        for c, s in GOLD["speakers"].items()
    }
    files = [a["file"] for a in GOLD["articles"]]
    docs = extract_corpus([(ROOT / "seeds" / f).read_text(encoding="utf-8") for f in files])
    n_pred = n_match = n_attr = n_ok = n_gold = n_found = n_gold_ok = 0
    labels: dict[str, set[str]] = {}
    for art, qs in zip(GOLD["articles"], docs, strict=True):
        preds = [q for q in qs if q.kind is not QuoteKind.TERM]
        golds = art["quotes"]

        def ok(q: object, g: dict[str, object]) -> bool:
            want = [g["speaker"], *g.get("also_accept", [])]  # type: ignore[list-item]
            k = name_key(getattr(q, "speaker", None) or "")
            return any(k in accept[w] for w in want)

        for q in preds:
            n_pred += 1
            hit = [g for g in golds if _matches((q.start, q.end), (g["start"], g["end"]))]
            n_match += bool(hit)
            if q.speaker:
                n_attr += 1
                n_ok += any(ok(q, g) for g in hit)
        for g in golds:
            n_gold += 1
            hit = [q for q in preds if _matches((q.start, q.end), (g["start"], g["end"]))]
            n_found += bool(hit)
            good = [q for q in hit if ok(q, g)]
            if good:
                n_gold_ok += 1
                labels.setdefault(g["speaker"], set()).add(str(good[0].speaker))

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    det = f1(n_match / n_pred, n_found / n_gold)
    att = f1(n_ok / n_attr, n_gold_ok / n_gold)
    persons = [s for s, i in GOLD["speakers"].items() if i["type"] == "person"]
    one = sum(len(labels.get(p, ())) == 1 for p in persons)
    return det, att, one, len(persons)


def test_seed_figures() -> None:
    det, att, one, persons = _score()
    assert det >= 0.98
    assert att >= 0.95
    assert one == persons
