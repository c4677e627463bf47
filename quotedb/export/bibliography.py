"""Reference-manager formats: BibTeX, BibLaTeX, RIS and CSL-JSON, one entry per quotation.

Each entry describes the article that reports the quotation; the quotation and its
speaker go in the note, and the key (``lavrov2022-1a2b3c4d``) is stable across exports.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from quotedb.export.citation import Cited, Name

LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "%": r"\%",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def latex(text: str) -> str:
    """Text safe in a braced BibTeX value: LaTeX's special characters escaped."""
    return "".join(LATEX_SPECIAL.get(ch, ch) for ch in " ".join(text.split()))


def bib_name(name: Name) -> str:
    inverted = name.inverted
    return "{" + latex(inverted) + "}" if " and " in inverted.casefold() else latex(inverted)


def note(c: Cited) -> str:
    who = c.speaker or "an unidentified speaker"
    return f"Quoting {who}: “{c.quote}”"


def _bib_entry(kind: str, key: str, fields: list[tuple[str, str | None]]) -> str:
    lines = [f"@{kind}{{{key},"]
    lines += [f"  {name} = {value}," for name, value in fields if value is not None]
    return "\n".join(lines) + "\n}\n"


def braced(text: str | None) -> str | None:
    return None if text is None else "{" + latex(text) + "}"


def bibtex_entry(c: Cited, biblatex: bool = False) -> str:
    authors = " and ".join(bib_name(n) for n in c.authors) or None
    title = "{{" + latex(c.title) + "}}" if c.title else None  # inner braces keep its case
    fields: list[tuple[str, str | None]] = [
        ("author", "{" + authors + "}" if authors else None),
        ("title", title),
    ]
    if biblatex:
        kind = "article" if c.outlet else "online"
        fields += [
            ("journaltitle", braced(c.outlet)),
            ("entrysubtype", "{newspaper}" if c.outlet else None),
            ("date", "{" + c.published.isoformat() + "}" if c.published else None),
        ]
    else:
        kind = "article" if c.outlet else "misc"
        fields += [
            ("journal", braced(c.outlet)),
            ("year", "{" + str(c.year) + "}" if c.published else None),
            ("month", MONTHS[c.published.month - 1] if c.published else None),
        ]
    fields += [
        ("url", "{" + c.url.replace("{", "%7B").replace("}", "%7D") + "}" if c.url else None)
    ]
    fields += [("note", braced(note(c)))]
    return _bib_entry(kind, c.key, fields)


def write_bibtex(cited: Iterable[Cited], out: TextIO, biblatex: bool = False) -> int:
    n = 0
    for c in cited:
        out.write(("\n" if n else "") + bibtex_entry(c, biblatex))
        n += 1
    return n


def ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}\n"


def ris_entry(c: Cited) -> str:
    lines = [ris_line("TY", "NEWS"), ris_line("ID", c.key)]
    lines += [ris_line("AU", n.inverted) for n in c.authors]
    if c.title:
        lines.append(ris_line("TI", c.title))
    if c.outlet:
        lines.append(ris_line("T2", c.outlet))
    if c.published:
        lines.append(ris_line("PY", str(c.published.year)))
        lines.append(ris_line("DA", c.published.strftime("%Y/%m/%d/")))
    if c.url:
        lines.append(ris_line("UR", c.url))
    lines.append(ris_line("N1", note(c)))
    lines.append("ER  - \n")
    return "".join(lines)


def write_ris(cited: Iterable[Cited], out: TextIO) -> int:
    n = 0
    for c in cited:
        out.write(("\n" if n else "") + ris_entry(c))
        n += 1
    return n


def csl_name(name: Name) -> dict[str, str]:
    if not name.given:
        return {"literal": name.family}
    data = {"family": name.family, "given": name.given}
    return data | ({"suffix": name.suffix} if name.suffix else {})


def csl_item(c: Cited) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": c.key,
        "citation-key": c.key,
        "type": "article-newspaper",
        "title": c.title or "Untitled article",
        "note": note(c),
    }
    if c.authors:
        item["author"] = [csl_name(n) for n in c.authors]
    if c.outlet:
        item["container-title"] = c.outlet
    if c.published:
        p = c.published
        item["issued"] = {"date-parts": [[p.year, p.month, p.day]]}
    if c.url:
        item["URL"] = c.url
    return item


def write_csl_json(cited: Iterable[Cited], out: TextIO) -> int:
    items = [csl_item(c) for c in cited]
    out.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    return len(items)
