"""A citation list in any CSL style the user gives, through citeproc-py (an optional extra).

Each quotation is followed by its in-text citation as the style writes it, then the
reference list has one entry per article. The processor's output is plain text, escaped
as Markdown like every other list, so nothing of a page becomes markup.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, TextIO

from quotedb.errors import QuotedbError
from quotedb.export.bibliography import csl_item
from quotedb.export.citation import Cited, works
from quotedb.export.formats import md


class StyleError(QuotedbError):
    """A CSL style file that cannot be used."""


def load_style(path: Path) -> Any:
    try:
        from citeproc import CitationStylesStyle
    except ImportError as e:
        raise StyleError("--csl needs citeproc-py: pip install 'quotedb[csl]'") from e
    if not path.is_file():
        raise StyleError(f"no CSL style file at {path}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return CitationStylesStyle(str(path), validate=False)
    except Exception as e:  # citeproc-py raises lxml's and its own errors alike
        raise StyleError(f"{path} is not a CSL style: {str(e).splitlines()[0]}") from e


def write_csl_style(cited: list[Cited], out: TextIO, path: Path) -> int:
    """Quotations with their citations in the style, then its bibliography."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source import Locator
    from citeproc.source.json import CiteProcJSON

    style = load_style(path)
    with warnings.catch_warnings():  # citeproc-py warns about variables it does not know
        warnings.simplefilter("ignore")
        source = CiteProcJSON([csl_item(w) for w in works(cited)])
        bib = CitationStylesBibliography(style, source, formatter.plain)
        citations = []
        for c in cited:
            where = {"locator": Locator("paragraph", str(c.paragraph))} if c.paragraph else {}
            citations.append(Citation([CitationItem(c.key, **where)]))
            bib.register(citations[-1])
        marks = [str(bib.cite(citation, lambda _item: None)) for citation in citations]
        references = [str(entry) for entry in bib.bibliography()]
    name = style.root.info.title.text if style.root.info.title is not None else path.stem
    lines = [f"# Quotations ({md(name)})", ""]
    for c, mark in zip(cited, marks, strict=True):
        lines += [f"“{md(c.quote)}” {md(mark)}", ""]
    lines += ["# References", "", *[x for ref in references for x in (md(ref), "")]]
    out.write("\n".join(lines).rstrip("\n") + "\n")
    return len(cited)
