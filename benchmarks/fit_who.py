"""Fit the thresholds of ``who``'s verdict (quotedb/read/data/who_thresholds.json).

Usage:
    python benchmarks/fit_who.py [--gold tests/data/seeds_gold.json] [--distractors GOLD.json ...]
        [--out quotedb/read/data/who_thresholds.json] [--dry-run]

Positive pairs are two renderings of one utterance (a gold file's ``same_utterance``
groups): a reader who remembers one of them should hear "said". Negative pairs are two
quotations of different utterances that share a significant word (what ``who``'s full-text
candidates are), from the gold file and from any ``--distractors`` gold files (quotations
of other articles, e.g. ../shared/realnews/gold-en.json). Similarity is
``quotedb.read.who.similarity``.

``reworded`` is the lowest similarity at which at least PRECISION of the pairs at or above
it are positive; ``similar`` is the similarity that only 1 in 100 negative pairs reaches.
Made-up claims (written for this script: nobody in the gold sets said them) are then
checked: each should get no verdict of "said" against any gold quotation.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections import defaultdict
from itertools import combinations

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # no install needed

from quotedb.read.verdicts import SAID, Thresholds, verdict
from quotedb.read.who import significant_words, similarity

ROOT = pathlib.Path(__file__).resolve().parent.parent
PRECISION = 0.95
NEGATIVE_QUANTILE = 0.99
MADE_UP = (
    "We will send American troops to Ukraine",
    "Russia has agreed to withdraw every soldier from the border by Friday",
    "NATO will never admit Ukraine as a member",
    "The talks collapsed after an hour and nobody wants to meet again",
    "We have decided to lift all sanctions next month",
    "I am resigning from my post effective immediately",
    "The summit in Geneva was a complete failure for both sides",
    "There will be a referendum on the new border next spring",
)


def gold_quotes(path: pathlib.Path) -> list[dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [q for a in data["articles"] for q in a["quotes"] if q.get("text")]


def groups_of(quotes: list[dict[str, object]]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for q in quotes:
        for g in q.get("same_utterance") or []:  # type: ignore[attr-defined]
            groups[str(g)].add(str(q["text"]))
    return groups


def pairs(groups: dict[str, set[str]], pool: list[str]) -> tuple[list[float], list[float]]:
    """Similarities of positive and negative pairs (each pair both ways)."""
    member = defaultdict(set)
    for g, texts in groups.items():
        for t in texts:
            member[t].add(g)
    pos = [
        similarity(a, b)
        for texts in groups.values()
        for x, y in combinations(sorted(texts), 2)
        for a, b in ((x, y), (y, x))
    ]
    words = {t: set(significant_words(t)) for t in pool}
    neg = [
        similarity(a, b)
        for a in member
        for b in pool
        if b != a and not (member[a] & member.get(b, set())) and words[a] & words[b]
    ]
    return pos, neg


def fit(pos: list[float], neg: list[float]) -> Thresholds:
    scored = sorted([(s, True) for s in pos] + [(s, False) for s in neg], reverse=True)
    reworded, kept, right = 100.0, 0, 0
    for score, is_pos in scored:
        kept, right = kept + 1, right + is_pos
        if right / kept >= PRECISION:
            reworded = score
    ranked = sorted(neg)
    similar = ranked[min(len(ranked) - 1, int(NEGATIVE_QUANTILE * len(ranked)))] if ranked else 50.0
    return Thresholds(round(reworded, 1), round(min(similar, reworded), 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=pathlib.Path, default=ROOT / "tests/data/seeds_gold.json")
    parser.add_argument("--distractors", type=pathlib.Path, nargs="*", default=[])
    parser.add_argument(
        "--out", type=pathlib.Path, default=ROOT / "quotedb/read/data/who_thresholds.json"
    )
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    quotes = gold_quotes(args.gold)
    pool = sorted(
        {str(q["text"]) for q in quotes}
        | {str(q["text"]) for path in args.distractors for q in gold_quotes(path)}
    )
    pos, neg = pairs(groups_of(quotes), pool)
    limits = fit(pos, neg)
    found = sum(s >= limits.reworded for s in pos)
    false = sum(s >= limits.reworded for s in neg)
    print(f"{len(pos)} positive pairs, {len(neg)} negative pairs (sharing a word)")
    print(f"reworded >= {limits.reworded}: {found}/{len(pos)} positives, {false} negatives")
    print(f"similar >= {limits.similar}: {sum(s >= limits.similar for s in neg)} negatives")
    said = 0
    for claim in MADE_UP:
        best = max(pool, key=lambda t: similarity(claim, t))
        v = verdict(claim, best, similarity(claim, best), limits)
        said += v in SAID
        print(f"  made up: {claim!r}: {v} ({similarity(claim, best)} vs {best[:50]!r})")
    print(f"made-up claims taken for said: {said}/{len(MADE_UP)}")
    if not args.dry_run:
        data = {
            "reworded": limits.reworded,
            "similar": limits.similar,
            "fitted_on": f"{len(pos)} same-utterance pairs, {len(neg)} other pairs",
            "precision": PRECISION,
        }
        args.out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
