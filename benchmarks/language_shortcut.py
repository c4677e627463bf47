"""Does the plainly-English shortcut agree with the language model, and what does it save?

    .venv/bin/python benchmarks/language_shortcut.py FOLDER [FOLDER...]

Every article of the folders is read as ``quotedb extract`` reads it. Printed: how many the
shortcut settles, how many of those the model reads as another language with confidence
(must be 0: then the settled language is the same), the lowest English-marker share among
articles the model reads as another language (how far they are from the threshold), and
the CPU seconds of settling every article's language with and without the shortcut, the
model's loading included, with their ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # no install needed

from quotedb import api
from quotedb.core.languages import detect as model
from quotedb.ingest.read import read_document


def texts(folders: list[str]) -> list[str]:
    return [
        read_document(s).text
        for s in api.Inputs(folders).sources
        if not isinstance(s, api.InputError)
    ]


def marker_share(text: str) -> float:
    words = model._WORD.findall(text[: model.SAMPLE])
    return sum(w.lower() in model.ENGLISH_MARKERS for w in words) / max(1, len(words))


def settled_cpu(items: list[str], shortcut: bool) -> tuple[float, list[str]]:
    """CPU seconds of settling every language from a cold model, and the languages."""
    model._identifier.cache_clear()
    started = time.process_time()
    read = model.detect_language if shortcut else model.detect
    found = [read(t) or "en" for t in items]
    return time.process_time() - started, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folders", nargs="+")
    items = texts(ap.parse_args().folders)
    settled = [t for t in items if model.plainly_english(t)]
    wrong = [t[:60] for t in settled if (model.detect(t) or "en") != "en"]
    others = [t for t in items if (model.detect(t) or "en") != "en"]
    shortcut_cpu, fast = settled_cpu(items, True)
    model_cpu, slow = settled_cpu(items, False)
    print(
        json.dumps(
            {
                "articles": len(items),
                "settled_by_shortcut": len(settled),
                "settled_otherwise_by_model": len(wrong),
                "languages_differ": sum(a != b for a, b in zip(fast, slow, strict=True)),
                "model_non_english": len(others),
                "highest_marker_share_non_english": round(
                    max(map(marker_share, others), default=0.0), 3
                ),
                "lowest_marker_share_settled": round(
                    min(map(marker_share, settled), default=0.0), 3
                ),
                "threshold": model.MIN_SHARE,
                "cpu_with_shortcut": round(shortcut_cpu, 3),
                "cpu_model_only": round(model_cpu, 3),
                "ratio": round(shortcut_cpu / model_cpu, 3) if model_cpu else None,
            }
        )
    )


if __name__ == "__main__":
    main()
