"""Title, dateline and byline read off an article's text when no metadata gives them."""

from __future__ import annotations

import re

from quotedb.ingest.documents import Metadata

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,3})"
    r"(?:\s*\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s+\S"
)
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"
_BY = re.compile(rf"^By (?P<names>{_NAME}(?:(?:, | and |, and ){_NAME})*)\s*$", re.M)
_REPORTED = re.compile(
    rf"^(?P<first>{_NAME}) reported from [^,.]+(?:,? and (?P<second>{_NAME}) from [^,.]+)?\.\s*$",
    re.M,
)


TITLE_WORDS = (3, 25)  # fewer is a label ("Staff Reports"), more a paragraph
_PLACE_AND_DATE = re.compile(r"^[A-Z][\w.'’ -]*,\s*[A-Z][\w.]*\s*(?:[—–-]|\d|$)")


def infer_metadata(text: str) -> Metadata:
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    return Metadata(
        title=_title(paragraphs), dateline=_dateline(paragraphs), authors=_authors(text)
    )


def _title(paragraphs: list[str]) -> str | None:
    """The first line, when it reads as a headline; no title beats a wrong one.

    A headline has a few words ("Staff Reports" or a place name alone is a label), starts
    with a capital, and does not end as a sentence does (a lead paragraph); nor is it a
    byline or a dateline."""
    if len(paragraphs) < 2:
        return None
    first = paragraphs[0]
    words = first.split()
    if not TITLE_WORDS[0] <= len(words) <= TITLE_WORDS[1] or not first[:1].isupper():
        return None
    if first.rstrip("”\"’'").endswith((".", ",", ";", ":")) or _DATELINE.match(first):
        return None
    if _BY.match(first) or _PLACE_AND_DATE.match(first):
        return None
    return first


def _dateline(paragraphs: list[str]) -> str | None:
    for p in paragraphs[:4]:
        m = _DATELINE.match(p)
        if m and m["place"].split(",")[0].isupper():
            return m["place"].strip()
    return None


def _authors(text: str) -> list[str]:
    head = "\n".join(text.split("\n")[:8])
    if m := _BY.search(head):
        return [n.strip() for n in re.split(r", and |, | and ", m["names"]) if n.strip()]
    tail = "\n".join([p for p in text.split("\n") if p.strip()][-5:])
    if m := _REPORTED.search(tail):
        return [n for n in (m["first"], m["second"]) if n]
    return []
