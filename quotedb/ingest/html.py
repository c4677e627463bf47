"""Saved web pages: the main text and the page's metadata, by trafilatura.

The DOM is first repaired by :mod:`quotedb.ingest.page` (embedded posts, pop-up cards, split
bodies) so that the text reads as the article does.

trafilatura (and lxml under it) is imported on the first HTML page, so that ingesting plain
text never pays for it.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from quotedb.errors import InputError
from quotedb.ingest.documents import Metadata
from quotedb.ingest.encoding import decode, normalize_newlines
from quotedb.ingest.metadata import page_metadata, read_page, refuse_non_article

_SENTENCE = re.compile(r"\w[)”’\"'」]*[.!?…。！？।]")


def read_html(data: bytes, label: str) -> tuple[str, Metadata]:
    """The article text of a page and what the page says about itself."""
    page = decode(data, label, html=True)
    fields = _extract(page, label)
    text = normalize_newlines(str(fields.get("text") or "")).strip()
    parts = read_page(page)
    refuse_non_article(parts, text, label)
    if not _SENTENCE.search(text):  # nothing, or menu labels only
        raise InputError(f"{label}: not an article (no article text found in the page)")
    found = _metadata(fields)
    return text + "\n", page_metadata(parts, found) if parts else found


def _extract(page: str, label: str) -> dict[str, Any]:
    import trafilatura
    from trafilatura.utils import load_html

    from quotedb.ingest.page import prepare

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        tree = load_html(page)
        if tree is None:
            return {}
        doc = trafilatura.bare_extraction(
            prepare(tree), with_metadata=True, include_comments=False, include_tables=False
        )
    except RecursionError:
        raise InputError(f"{label}: page nested too deeply to parse") from None
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise InputError(f"{label}: cannot parse the page ({exc})") from None
    if doc is None:
        return {}
    fields = doc.as_dict() if hasattr(doc, "as_dict") else doc
    return dict(fields)


def _metadata(fields: dict[str, Any]) -> Metadata:
    author = fields.get("author") or ""
    authors = [a.strip() for a in str(author).split(";") if a.strip()]
    return Metadata(
        title=fields.get("title") or None,
        outlet=fields.get("sitename") or fields.get("hostname") or None,
        authors=authors,
        published=fields.get("date") or None,
        url=fields.get("url") or None,
    )
