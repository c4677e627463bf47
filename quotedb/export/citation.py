"""What a citation needs to know about a quotation: who said it, in which article, when.

Citation keys are derived from content only (speaker surname, year, and a hash of the
article's content hash and the quotation's span), so they are the same in every export
and on every database holding the same articles.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from nameparser import HumanName
from unidecode import unidecode

from quotedb.db.models import Quotation

NAMED_SPEAKERS = ("person", "organization")


@dataclass(frozen=True, slots=True)
class Name:
    """A personal name split as citation styles need it; ``given`` is empty for one-word names."""

    given: str
    family: str
    suffix: str = ""

    @classmethod
    def parse(cls, full: str) -> Name:
        h = HumanName(full)
        given = " ".join(p for p in (h.first, h.middle) if p)
        if not h.last:
            return cls("", given or full.strip())
        return cls(given, h.last, h.suffix)

    @property
    def natural(self) -> str:
        """Given names first: "Antony J. Blinken"."""
        core = f"{self.given} {self.family}".strip()
        return f"{core}, {self.suffix}" if self.suffix else core

    @property
    def inverted(self) -> str:
        """Family name first: "Blinken, Antony J."."""
        core = f"{self.family}, {self.given}" if self.given else self.family
        return f"{core}, {self.suffix}" if self.suffix else core

    @property
    def initials(self) -> str:
        """APA initials: "A. J." ("Jean-Luc" gives "J.-L.")."""
        parts = []
        for word in self.given.split():
            pieces = [p for p in word.split("-") if p]
            parts.append("-".join(p[0].upper() + "." for p in pieces))
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Cited:
    """One quotation with the bibliographic facts of the article that reports it."""

    key: str
    text: str
    speaker: str | None
    speaker_kind: str | None
    title: str | None
    outlet: str | None
    authors: tuple[Name, ...]
    published: dt.date | None
    url: str | None
    article_id: int
    article_hash: str
    start: int
    end: int

    @property
    def speaker_name(self) -> Name | None:
        if not self.speaker or self.speaker_kind not in NAMED_SPEAKERS:
            return None
        if self.speaker_kind == "organization":
            return Name("", self.speaker)
        return Name.parse(self.speaker)

    @property
    def year(self) -> int | None:
        return self.published.year if self.published else None

    @property
    def quote(self) -> str:
        """The quotation without the trailing comma or colon the sentence around it added."""
        return self.text.strip().rstrip(",;:— ").strip()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", unidecode(text).lower())


def citation_key(q: Quotation, length: int = 8) -> str:
    """``lavrov2022-1a2b3c4d``: speaker surname, year, hash of article and span."""
    family = Name.parse(q.speaker.name).family if q.speaker else ""
    year = q.article.published.year if q.article.published else "nd"
    digest = hashlib.sha1(f"{q.article.content_hash}:{q.start}:{q.end}".encode()).hexdigest()
    return f"{slug(family)[:20] or 'anon'}{year}-{digest[:length]}"


def cite(q: Quotation, key: str | None = None) -> Cited:
    a = q.article
    return Cited(
        key=key or citation_key(q),
        text=q.text,
        speaker=q.speaker.name if q.speaker else None,
        speaker_kind=q.speaker.kind if q.speaker else None,
        title=a.title,
        outlet=a.outlet,
        authors=tuple(Name.parse(n) for n in a.authors or [] if n.strip()),
        published=a.published,
        url=a.url,
        article_id=a.id,
        article_hash=a.content_hash,
        start=q.start,
        end=q.end,
    )


def cite_all(quotations: Iterable[Quotation]) -> list[Cited]:
    """Citations with keys unique within the list (a longer hash on the rare collision)."""
    seen: set[str] = set()
    out = []
    for q in quotations:
        key = next(k for n in (8, 12, 16, 40) if (k := citation_key(q, n)) not in seen or n == 40)
        seen.add(key)
        out.append(cite(q, key))
    return out
