"""Reference-manager formats: BibTeX, BibLaTeX, RIS and CSL-JSON, one entry per article.

Each entry describes an article; the quotations cited from it, each with its speaker, are
attached as annotations (BibTeX ``annote``, BibLaTeX ``annotation``, RIS ``N1``, CSL
``note``), and the key (``crowley2022blinken``) is stable across exports. Nothing that is
not known is written: no placeholder title, author or date.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from quotedb.export.citation import Cited, Name, Work, works

# BibTeX counts braces without regard to backslashes, so a brace in the text is written
# as a command: "\{" alone would leave the value unbalanced.
LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
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


def bib_part(text: str) -> str:
    """A name part; braced when a comma or " and " in it would split the name wrongly."""
    value = latex(text)
    return "{" + value + "}" if "," in value or " and " in value.casefold() else value


def bib_name(name: Name) -> str:
    """A person in BibTeX's order ("Family, Jr, Given"); an organisation braced whole, so
    BibTeX never splits it."""
    if not name.given:
        family = latex(name.family)
        return "{" + family + "}" if " " in family or "," in family else bib_part(name.family)
    suffix = [bib_part(name.suffix)] if name.suffix else []
    return ", ".join([bib_part(name.family), *suffix, bib_part(name.given)])


def note(c: Cited) -> str:
    """One quotation as an annotation: "Quoting Sergey V. Lavrov (para. 4): “…”"."""
    who = c.speaker_name
    place = f" ({c.place})" if c.place else ""
    lead = f"Quoting {who.natural}{place}" if who else f"Quoted{place}, speaker not identified"
    return f"{lead}: “{c.quote}”"


def url_value(url: str) -> str:
    return "{" + url.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C") + "}"


def _bib_entry(kind: str, key: str, fields: list[tuple[str, str | None]]) -> str:
    lines = [f"@{kind}{{{key},"]
    lines += [f"  {name} = {value}," for name, value in fields if value is not None]
    return "\n".join(lines) + "\n}\n"


def braced(text: str | None) -> str | None:
    return None if text is None else "{" + latex(text) + "}"


def bibtex_entry(w: Work, biblatex: bool = False) -> str:
    c = w.first
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
    fields += [("url", url_value(c.url) if c.url else None)]
    notes = "\n\n".join(latex(note(q)) for q in w.quotations)
    fields += [("annotation" if biblatex else "annote", "{" + notes + "}")]
    return _bib_entry(kind, c.key, fields)


def write_bibtex(cited: Iterable[Cited], out: TextIO, biblatex: bool = False) -> int:
    """One entry per article; returns how many quotations they hold."""
    n = 0
    for i, w in enumerate(works(cited)):
        out.write(("\n" if i else "") + bibtex_entry(w, biblatex))
        n += len(w.quotations)
    return n


def ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}\n"


def ris_entry(w: Work) -> str:
    c = w.first
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
    lines += [ris_line("N1", note(q)) for q in w.quotations]
    lines.append("ER  - \n")
    return "".join(lines)


def write_ris(cited: Iterable[Cited], out: TextIO) -> int:
    """One record per article; returns how many quotations they hold."""
    n = 0
    for i, w in enumerate(works(cited)):
        out.write(("\n" if i else "") + ris_entry(w))
        n += len(w.quotations)
    return n


def csl_name(name: Name) -> dict[str, str]:
    if not name.given:
        return {"literal": name.family}
    data = {"family": name.family, "given": name.given}
    return data | ({"suffix": name.suffix} if name.suffix else {})


def csl_item(w: Work) -> dict[str, Any]:
    c = w.first
    item: dict[str, Any] = {
        "id": c.key,
        "citation-key": c.key,
        "type": "article-newspaper",
        "note": "\n".join(note(q) for q in w.quotations),
    }
    if c.title:
        item["title"] = c.title
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
    """A JSON array of one item per article; returns how many quotations they hold."""
    ws = works(cited)
    out.write(json.dumps([csl_item(w) for w in ws], ensure_ascii=False, indent=2) + "\n")
    return sum(len(w.quotations) for w in ws)
