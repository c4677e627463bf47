"""Run extraction over the seeds or a brat folder, write predictions JSONL, score them.

Usage:
    python benchmarks/accuracy.py --seeds [--out P.jsonl] [--scorer PATH]
    python benchmarks/accuracy.py --brat DIR [--out P.jsonl] [--scorer PATH] [--errors N]

The scorer defaults to ``../shared/tools/score_quotes.py`` beside the repository root.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # no install needed

from quotedb.core.pipeline import extract, extract_corpus
from quotedb.core.types import Quotation, QuoteKind

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def rows(name: str, quotes: list[Quotation]) -> list[dict[str, object]]:
    """Prediction lines of one file; ``term`` quotations are not speech and are left out."""
    out: list[dict[str, object]] = []
    for i, q in enumerate(quotes):
        if q.kind is QuoteKind.TERM:
            continue
        m = q.mention
        out.append(
            {
                "file": name,
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker,
                "speaker_start": m.start if m else None,
                "speaker_end": m.end if m else None,
                "cluster": f"{name}:{q.speaker}" if q.speaker else f"{name}:q{i}",
                "kind": str(q.kind),
                "evidence": q.evidence,
            }
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--seeds", action="store_true", help="the repository's seed articles")
    g.add_argument("--brat", help="PolNeAR-style folder (DIR/text/*.txt)")
    ap.add_argument("--out", default="/tmp/quotedb_pred.jsonl")
    ap.add_argument("--scorer", default=str(SHARED / "tools" / "score_quotes.py"))
    ap.add_argument("--gold", default=str(SHARED / "gold" / "seeds.json"))
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args()
    lines: list[dict[str, object]] = []
    if a.seeds:
        files = sorted((ROOT / "seeds").glob("*.txt"))
        docs = extract_corpus([f.read_text(encoding="utf-8") for f in files])
        for f, qs in zip(files, docs, strict=True):
            lines += rows(f.name, qs)
        cmd = [a.scorer, "--seeds", a.gold, "--seeds-dir", str(ROOT / "seeds")]
    else:
        for f in sorted((pathlib.Path(a.brat) / "text").glob("*.txt")):
            lines += rows(f.name, extract(f.read_text(encoding="utf-8")))
        cmd = [a.scorer, "--brat", a.brat]
    with open(a.out, "w", encoding="utf-8") as fh:
        for r in lines:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    cmd += ["--pred", a.out] + (["-q"] if a.quiet else [])
    sys.exit(subprocess.run([sys.executable, *cmd], check=False).returncode)


if __name__ == "__main__":
    main()
