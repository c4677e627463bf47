"""Score extraction on the German, French and Spanish development pages, overall and per
language, and check every stored speaker of every page for words that name no one.

Usage:
    python benchmarks/intl_pages.py [--pages DIR] [--gold GOLD] [--scorer PATH] [--check DIR ...]

Runs ``quotedb extract PAGES --with-article`` (each page's language detected, as a user's
would be), scores the predictions with ``score_pages.py`` against the whole gold and against
the gold of each language, and prints one line per set. ``--check`` folders (default: the
English and the international pages) are extracted too, and every speaker is checked: a
function word of the page's language (or English), or a single capitalised word that is a
common noun (the page writes it in lower case; in German, it ends no longer name), is
reported. Development data stays outside the repository.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # no install needed

from quotedb.core.languages import PROFILES
from quotedb.core.lexicon import DETERMINERS, PRONOUNS, STOP

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REALNEWS = SHARED / "realnews"
QUOTEDB = pathlib.Path(sys.executable).with_name("quotedb")


def extract(pages: pathlib.Path, out: pathlib.Path) -> list[dict[str, object]]:
    """One article record per page, as ``quotedb extract --with-article`` writes them."""
    with out.open("w", encoding="utf-8") as fh:
        subprocess.run(
            [str(QUOTEDB), "extract", str(pages), "--with-article"], stdout=fh, check=False
        )
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]


def score(
    scorer: str, gold: dict[str, object], pred: pathlib.Path, tmp: pathlib.Path
) -> dict[str, object]:
    path = tmp / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    run = [sys.executable, scorer, "--gold", str(path), "--pred", str(pred), "-q"]
    result = subprocess.run(run, capture_output=True, text=True, check=True)
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def by_language(gold: dict[str, object]) -> dict[str, dict[str, object]]:
    """The gold of all pages, then of each language's pages alone."""
    articles = list(gold["articles"])  # type: ignore[call-overload]
    sets = {"all": gold}
    for code in sorted({a["language"] for a in articles}):
        sets[code] = {**gold, "articles": [a for a in articles if a["language"] == code]}
    return sets


_ENGLISH = {w.casefold() for w in STOP | DETERMINERS | PRONOUNS}
_FUNCTION = {
    code: _ENGLISH | {w.casefold() for w in p.function_words | p.determiners | set(p.pronouns)}
    for code, p in PROFILES.items()
}


def suspicious(records: list[dict[str, object]]) -> list[str]:
    """Speakers that are a function word, or one capitalised word that is a common noun:
    the page also writes it in lower case, or (German, where every noun is capitalised)
    no capitalised word before it makes it part of a longer name on the page."""
    found = []
    for r in records:
        text = str(r.get("text") or "")
        lower = {w for w in re.findall(r"\w+", text) if w[:1].islower()}
        for q in r.get("quotations") or []:  # type: ignore[union-attr]
            name = q.get("speaker")
            if not name:
                continue
            words = _FUNCTION.get(str(r.get("language")), _ENGLISH)
            if name.casefold() in words or _common_noun(name, text, lower, r.get("language")):
                where = pathlib.Path(str(r["file"])).name
                found.append(f"{where}: {name!r} ({q.get('speaker_kind')})")
    return found


def _common_noun(name: str, text: str, lower: set[str], language: object) -> bool:
    if " " in name or not name[:1].isupper() or name.isupper():
        return False  # a description, a full name or an acronym
    if name.lower() in lower:
        return True
    before = re.findall(rf"(\w[\w’'-]*) (?:(?:von|van|de|zu|del|la) )*{re.escape(name)}\b", text)
    in_a_name = any(w[:1].isupper() and w.casefold() not in _FUNCTION["de"] for w in before)
    return language == "de" and not in_a_name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", default=str(REALNEWS / "pages-intl"))
    ap.add_argument("--gold", default=str(REALNEWS / "gold-intl.json"))
    ap.add_argument("--scorer", default=str(SHARED / "tools" / "score_pages.py"))
    ap.add_argument(
        "--check", nargs="*", default=[str(REALNEWS / "pages"), str(REALNEWS / "pages-intl")]
    )
    a = ap.parse_args()
    gold = json.loads(pathlib.Path(a.gold).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as d:
        tmp = pathlib.Path(d)
        pred = tmp / "pred.jsonl"
        records = extract(pathlib.Path(a.pages), pred)
        for name, subset in by_language(gold).items():
            s = score(a.scorer, subset, pred, tmp)
            det, att = s["detection"], s["attribution"]
            print(
                f"{name:4} pages {s['pages']:3}  detection P/R/F1 {det['precision']:.3f} "  # type: ignore[index]
                f"{det['recall']:.3f} {det['f1']:.3f}  attribution P/R/F1 "  # type: ignore[index]
                f"{att['precision']:.3f} {att['recall']:.3f} {att['f1']:.3f}"  # type: ignore[index]
            )
        checked = 0
        bad: list[str] = []
        for folder in a.check:
            found = (
                records if folder == a.pages else extract(pathlib.Path(folder), tmp / "check.jsonl")
            )
            checked += sum(len(r.get("quotations") or []) for r in found)  # type: ignore[misc, arg-type]
            bad += suspicious(found)
        print(
            f"speakers checked over {checked} quotations: {len(bad)} function words or common nouns"
        )
        for line in bad:
            print("  " + line)


if __name__ == "__main__":
    main()
