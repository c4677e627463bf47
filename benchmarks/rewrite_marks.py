"""Rewrite a brat folder's texts with other quotation marks, for robustness checks.

Usage: python benchmarks/rewrite_marks.py SRC DST --style british|straight

british: double curly marks become single curly ones (“ ” -> ‘ ’) and single curly ones
become double (nesting swaps). straight: every curly mark becomes its straight form,
apostrophes included. One character always maps to one character, so the annotation
offsets stay valid; the .ann files are copied unchanged.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import shutil

_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")


def british(text: str) -> str:
    """Swap double and single curly marks, leaving in-word apostrophes alone."""
    text = _APOSTROPHE.sub("\x00", text)
    text = text.translate(str.maketrans({"“": "‘", "”": "’", "‘": "“", "’": "”"}))
    text = text.translate(str.maketrans({'"': "'"}))
    return text.replace("\x00", "’")


def straight(text: str) -> str:
    """Curly marks become straight ones."""
    return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--style", choices=["british", "straight"], required=True)
    a = ap.parse_args()
    src, dst = pathlib.Path(a.src), pathlib.Path(a.dst)
    fn = british if a.style == "british" else straight
    (dst / "text").mkdir(parents=True, exist_ok=True)
    shutil.copytree(src / "attributions", dst / "attributions", dirs_exist_ok=True)
    for f in sorted((src / "text").glob("*.txt")):
        out = fn(f.read_text(encoding="utf-8"))
        (dst / "text" / f.name).write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main()
